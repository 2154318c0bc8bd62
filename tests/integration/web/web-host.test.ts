import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { Backend } from '../../../electron/backend/backend';
import { startWebHost, type WebHost } from '../../../electron/web/server';
import { InProcessEngine } from '../../../electron/backend/engine/engine';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
let host: WebHost;
let backend: Backend;

beforeAll(async () => {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>rwb</title>');
  backend = new Backend({ host: 'web', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  host = await startWebHost({ engine: new InProcessEngine(backend), rendererDir });
});
afterAll(async () => {
  await host.close();
  await backend.shutdown();
});

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** fetch() cannot forge a Host header; a raw request can, as a DNS-rebinding page would. */
function rawStatus(path: string, hostHeader: string, token: string): Promise<number> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { host: hostHeader, 'x-workbench-token': token } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('browser mode web host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses every /api request without the token', async () => {
    for (const channel of ['app.info', 'engagement.recent', 'engagement.open', 'events', 'upload']) {
      const res = await api(channel, {});
      expect(res.status, channel).toBe(401);
    }
    expect((await fetch(`${host.origin}/api/events`)).status).toBe(401);
  });

  it('refuses a wrong token', async () => {
    expect((await api('app.info', {}, { 'x-workbench-token': 'x'.repeat(host.token.length) })).status).toBe(401);
  });

  it('refuses a request whose Host is not ours (DNS rebinding)', async () => {
    expect(await rawStatus('/api/app.info', 'evil.example:80', host.token)).toBe(421);
    expect(await rawStatus('/api/app.info', new URL(host.origin).host, host.token)).toBe(200);
  });

  it('answers the contract with the token, with envelopes for errors', async () => {
    const ok = await (await api('app.info', {}, { 'x-workbench-token': host.token })).json();
    expect(ok).toMatchObject({ ok: true, value: { host: 'web' } });
    const bad = await (await api('engagement.open', { path: join(dir, 'missing.rwb') }, { 'x-workbench-token': host.token })).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });

  it('serves the renderer without a token, with a strict CSP', async () => {
    const res = await fetch(`${host.origin}/e/overview`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<title>rwb</title>');
  });

  it('streams events over SSE to a client holding the token', async () => {
    const controller = new AbortController();
    const res = await fetch(`${host.origin}/api/events?token=${host.token}`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read(); // ': connected'
    backend.events.emit('job.progress', { jobId: 'j1', phase: 'test', done: 1, total: 2 });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: job.progress');
    controller.abort();
  });
});

describe('uploads in browser mode', () => {
  it('keeps uploaded client files in a private temp folder removed when the host stops', async () => {
    const b2 = new Backend({ host: 'web', version: 'test', settingsDir: join(dir, 'home2'), documentsDir: join(dir, 'docs2') });
    const h2 = await startWebHost({ engine: new InProcessEngine(b2), rendererDir: join(dir, 'renderer') });
    const res = await fetch(`${h2.origin}/api/upload?name=${encodeURIComponent('客户名单.csv')}`, {
      method: 'POST',
      headers: { 'x-workbench-token': h2.token, 'content-type': 'application/octet-stream' },
      body: '客户编号,客户名称\nC1,甲公司\n',
    });
    const { value } = (await res.json()) as { value: { path: string } };
    expect(value.path.startsWith(join(dir, 'docs2'))).toBe(false);
    expect(readFileSync(value.path, 'utf8')).toContain('甲公司');
    await h2.close();
    await b2.shutdown();
    expect(existsSync(value.path)).toBe(false);
  });
});
