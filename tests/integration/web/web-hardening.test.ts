import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { InProcessEngine } from '../../../electron/backend/engine/engine';
import { startWebHost, type WebHost } from '../../../electron/web/server';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const uploadDir = join(dir, 'uploads');
let host: WebHost;
let engine: InProcessEngine;

beforeAll(async () => {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  mkdirSync(uploadDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>rwb</title>');
  engine = new InProcessEngine({ host: 'web', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  host = await startWebHost({ engine, rendererDir, uploadDir, maxUploadBytes: 1000 });
});
afterAll(async () => {
  await host.close();
  await engine.close();
});

/** A raw request: fetch() cannot send a malformed path or forge an Origin the way a hostile page's request would arrive. */
function raw(path: string, method: string, headers: Record<string, string>, body = ''): Promise<{ status: number; body: string }> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: new URL(host.origin).host, ...headers } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('web host hardening', () => {
  it('takes the token from the query string only for the event stream and downloads, never for a call', async () => {
    expect((await raw(`/api/app.info?token=${host.token}`, 'POST', { 'content-type': 'application/json' }, '{}')).status).toBe(401);
    const events = await fetch(`${host.origin}/api/events?token=${host.token}`);
    expect(events.status).toBe(200);
    await events.body?.cancel();
  });

  it('refuses a state-changing request from another origin, and accepts our own page', async () => {
    const evil = await raw(
      '/api/app.setLocale',
      'POST',
      { 'x-workbench-token': host.token, origin: 'http://evil.example', 'content-type': 'application/json' },
      '{"locale":"en"}',
    );
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    const own = await raw('/api/app.info', 'POST', { 'x-workbench-token': host.token, origin: host.origin, 'content-type': 'application/json' }, '{}');
    expect(own.status).toBe(200);
  });

  it('refuses an upload over the limit with 413 and keeps none of it', async () => {
    const big = 'x'.repeat(5000);
    const declared = await raw('/api/upload?name=big.csv', 'POST', { 'x-workbench-token': host.token, 'content-length': String(big.length) }, big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'UPLOAD_TOO_LARGE', params: { limitMb: 0 } } });
    // Chunked, with no declared length: counted while it streams.
    const chunked = await raw('/api/upload?name=big2.csv', 'POST', { 'x-workbench-token': host.token, 'transfer-encoding': 'chunked' }, big);
    expect(chunked.status).toBe(413);
    expect(readdirSync(uploadDir)).toEqual([]);
    const small = await raw('/api/upload?name=ok.csv', 'POST', { 'x-workbench-token': host.token }, 'a,b\n1,2\n');
    expect(small.status).toBe(200);
    expect(existsSync((JSON.parse(small.body) as { value: { path: string } }).value.path)).toBe(true);
  });

  it('answers a malformed path and an unknown channel with 4xx, without an internal path or stack trace', async () => {
    const malformed = await raw('/%E0%A4%A', 'GET', {});
    expect(malformed.status).toBe(400);
    const unknown = await raw('/api/no.such.channel', 'POST', { 'x-workbench-token': host.token, 'content-type': 'application/json' }, '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const badJson = await raw('/api/app.info', 'POST', { 'x-workbench-token': host.token, 'content-type': 'application/json' }, '{nope');
    expect(badJson.status).toBe(400);
    for (const r of [malformed, unknown, badJson]) {
      expect(r.body).not.toMatch(/\/work\/|node:internal|at \w+ \(/);
      expect(r.body).not.toContain(dir);
    }
  });
});
