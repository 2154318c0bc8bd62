import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Playwright from 'playwright-core';
import { WorkbenchError } from '../errors';
import { lazyModule } from '../lazy-module';

const playwright = lazyModule<typeof Playwright>('playwright-core');

// Headless Chromium for the browser mode and the CLI (the Electron app prints with its own
// webContents.printToPDF instead). Every launch gets a fresh profile that is deleted afterwards, and
// the flags below keep it from phoning home: no updates, no sync, no QUIC, no background requests.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

const DEFAULT_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** RWB_CHROMIUM if set (and then only it: a wrong setting must not silently fall back), else the usual paths. */
export function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = env['RWB_CHROMIUM'];
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new WorkbenchError('CHROMIUM_NOT_FOUND', { detail: `RWB_CHROMIUM=${configured}` });
  }
  const found = DEFAULT_CANDIDATES.find(isExecutable);
  if (!found) throw new WorkbenchError('CHROMIUM_NOT_FOUND', { detail: DEFAULT_CANDIDATES.join(', ') });
  return found;
}

export interface ChromiumSession {
  context: Playwright.BrowserContext;
  close(): Promise<void>;
}

export async function openChromium(options: { executablePath?: string; deviceScaleFactor?: number } = {}): Promise<ChromiumSession> {
  const executablePath = options.executablePath ?? findChromium();
  if (options.executablePath && !isExecutable(options.executablePath)) {
    throw new WorkbenchError('CHROMIUM_NOT_FOUND', { detail: options.executablePath });
  }
  const profile = await mkdtemp(join(tmpdir(), 'rwb-chromium-'));
  let context: Playwright.BrowserContext;
  try {
    context = await playwright().chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_FLAGS],
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      offline: true,
    });
  } catch (err) {
    await rm(profile, { recursive: true, force: true });
    throw err;
  }
  // The report is client data: nothing it contains may fetch anything.
  await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  return {
    context,
    close: async () => {
      try {
        await context.close();
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
    },
  };
}
