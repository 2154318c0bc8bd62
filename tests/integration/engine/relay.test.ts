import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { EngineClient } from '../../../electron/backend/engine/client';
import { childProcessLink, workerLink, type EngineLink } from '../../../electron/backend/engine/links';
import type { Envelope, EventName } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();

function client(name: string, link: () => EngineLink): EngineClient {
  return new EngineClient({
    init: { host: 'web', version: 'test', settingsDir: join(dir, name, 'home'), documentsDir: join(dir, name, 'docs'), pdf: 'chromium' },
    link,
  });
}

function value<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as T;
}

/** Events as they arrive, to wait for one. */
function recorder(engine: EngineClient) {
  const seen: { name: EventName; payload: unknown }[] = [];
  engine.subscribe((name, payload) => seen.push({ name, payload }));
  const waitFor = async (pred: (e: { name: EventName; payload: unknown }) => boolean, ms = 60_000) => {
    const t0 = Date.now();
    while (Date.now() - t0 < ms) {
      const hit = seen.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('event did not arrive');
  };
  return { seen, waitFor };
}

describe('engine in a worker thread (browser mode)', () => {
  const engine = client('worker', workerLink);
  const path = join(dir, 'worker', 'demo.rwb');

  beforeAll(async () => {
    await engine.start();
    value(await engine.call('engagement.createDemo', { path }));
  }, 120_000);
  afterAll(() => engine.close());

  it('answers other calls while a diagnostic run computes in its job thread', async () => {
    const rec = recorder(engine);
    const jobId = 'diag-1';
    const run = engine.call('diagnostics.run', { params: {}, jobId });
    await rec.waitFor((e) => e.name === 'job.progress' && (e.payload as { jobId: string }).jobId === jobId);
    const waits: number[] = [];
    let finished = false;
    void run.then(() => (finished = true));
    while (!finished) {
      const t0 = performance.now();
      const info = value<{ path: string } | null>(await engine.call('engagement.current', {}));
      waits.push(performance.now() - t0);
      expect(info?.path).toBe(path);
      await new Promise((r) => setTimeout(r, 20));
    }
    const result = value<{ id: number }>(await run);
    expect(result.id).toBeGreaterThan(0);
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeLessThan(1000);
  }, 120_000);

  it('cancels a threaded run: CANCELLED, and no run is stored', async () => {
    const before = value<unknown[]>(await engine.call('diagnostics.runs', {})).length;
    const rec = recorder(engine);
    const jobId = 'diag-cancel';
    const run = engine.call('diagnostics.run', { params: {}, jobId });
    await rec.waitFor((e) => e.name === 'job.progress' && (e.payload as { jobId: string }).jobId === jobId);
    expect(value<{ cancelled: boolean }>(await engine.call('job.cancel', { jobId })).cancelled).toBe(true);
    const env = await run;
    expect(env.ok ? 'ok' : env.error.code).toBe('CANCELLED');
    expect(value<unknown[]>(await engine.call('diagnostics.runs', {})).length).toBe(before);
  }, 120_000);
});

describe('engine in its own process (the Electron relay, without Electron)', () => {
  const engine = client('process', childProcessLink);
  const path = join(dir, 'process', 'demo.rwb');

  beforeAll(async () => {
    await engine.start();
    value(await engine.call('engagement.createDemo', { path }));
  }, 120_000);
  afterAll(() => engine.close());

  it('survives the engine being killed: the call in flight gets a coded error, a new engine reopens the workspace', async () => {
    const rec = recorder(engine);
    const pid = engine.pid;
    expect(pid).toBeGreaterThan(0);
    const inFlight = engine.call('diagnostics.run', { params: {}, jobId: 'killed' });
    await rec.waitFor((e) => e.name === 'job.progress');
    process.kill(pid!, 'SIGKILL');
    const env = await inFlight;
    expect(env.ok ? 'ok' : env.error.code).toBe('ENGINE_STOPPED');
    const restarted = await rec.waitFor((e) => e.name === 'engine.status' && (e.payload as { state: string }).state === 'restarted');
    expect(restarted.payload).toMatchObject({ workspaceReopened: true, integrityOk: true });
    expect(engine.pid).not.toBe(pid);
    const info = value<{ path: string } | null>(await engine.call('engagement.current', {}));
    expect(info?.path).toBe(path);
    // The new engine works: a run completes.
    expect(value<{ id: number }>(await engine.call('diagnostics.run', { params: {} })).id).toBeGreaterThan(0);
  }, 180_000);
});

describe('an engine that keeps crashing', () => {
  it('is not restarted in a loop: the UI is told it stopped, and the next call starts it again', async () => {
    const engine = new EngineClient({
      init: { host: 'web', version: 'test', settingsDir: join(dir, 'loop', 'home'), documentsDir: join(dir, 'loop', 'docs'), pdf: 'chromium' },
      link: childProcessLink,
      maxRestartsPerMinute: 0,
    });
    await engine.start();
    const rec = recorder(engine);
    process.kill(engine.pid!, 'SIGKILL');
    const stopped = await rec.waitFor((e) => e.name === 'engine.status' && (e.payload as { state: string }).state === 'stopped');
    expect(stopped.payload).toMatchObject({ state: 'stopped', reason: 'signal SIGKILL' });
    expect(rec.seen.some((e) => e.name === 'engine.status' && (e.payload as { state: string }).state === 'restarted')).toBe(false);
    expect(value<{ host: string }>(await engine.call('app.info', {})).host).toBe('web');
    await engine.close();
  }, 60_000);
});
