import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = join(import.meta.dirname, '../..');

export const CHROMIUM = process.env.RWB_CHROMIUM ?? '/usr/bin/chromium';
// The flags this machine needs: no sandbox as root, and no background connections to a closed network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ServedApp {
  url: string;
  origin: string;
  token: string;
  home: string;
  docs: string;
  /** Call the contract as the page does (with the token); throws on an error envelope. */
  api<T = unknown>(channel: string, body: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Start `rwb serve` as a user would and wait for the URL it prints. */
export async function serve(extraEnv: Record<string, string> = {}): Promise<ServedApp> {
  const base = mkdtempSync(join(tmpdir(), 'rwb-e2e-'));
  const home = join(base, 'home');
  const docs = join(base, 'docs');
  const child: ChildProcess = spawn(process.execPath, [join(root, 'bin/rwb.mjs'), 'serve'], {
    env: { ...process.env, RWB_HOME: home, RWB_DOCUMENTS: docs, ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`rwb serve printed no URL: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.on('exit', (code) => reject(new Error(`rwb serve exited ${code}: ${out}`)));
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  return {
    url,
    origin: parsed.origin,
    token,
    home,
    docs,
    async api<T>(channel: string, body: unknown): Promise<T> {
      const res = await fetch(`${parsed.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-workbench-token': token },
        body: JSON.stringify(body),
      });
      const env = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
      if (!env.ok) throw new Error(JSON.stringify(env.error));
      return env.value as T;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(base, { recursive: true, force: true });
    },
  };
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(viewport = { width: 1440, height: 900 }): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'rwb-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    browser: context.browser()!,
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
