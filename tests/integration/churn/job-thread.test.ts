// churn.fit runs in a job thread of the engine (THREADED_JOBS): the engine keeps answering other
// calls while trees are fitted, and a cancel stops the fit with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { EngineClient } from '../../../electron/backend/engine/client';
import { workerLink } from '../../../electron/backend/engine/links';
import type { Envelope, EventName } from '../../../shared/contract';
import type { ChurnRun, ChurnRunSummary } from '../../../shared/churn/types';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const engine = new EngineClient({
  init: { host: 'web', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs'), pdf: 'chromium' },
  link: workerLink,
});

function value<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as T;
}

async function firstProgress(jobId: string): Promise<void> {
  const seen: { name: EventName; payload: unknown }[] = [];
  const off = engine.subscribe((name, payload) => seen.push({ name, payload }));
  try {
    const t0 = Date.now();
    while (!seen.some((e) => e.name === 'job.progress' && (e.payload as { jobId: string }).jobId === jobId)) {
      if (Date.now() - t0 > 60_000) throw new Error('no progress');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    off();
  }
}

beforeAll(async () => {
  await engine.start();
  value(await engine.call('engagement.createDemo', { path: join(dir, 'demo.rwb') }));
}, 120_000);
afterAll(() => engine.close());

describe('churn.fit in a job thread', { timeout: 180_000 }, () => {
  it('answers other calls while the trees are fitted, then returns the stored run', async () => {
    const jobId = 'churn-gbt';
    const run = engine.call('churn.fit', { params: { model: 'gbt' }, jobId });
    await firstProgress(jobId);
    let finished = false;
    void run.then(() => (finished = true));
    const waits: number[] = [];
    while (!finished) {
      const t0 = performance.now();
      value(await engine.call('engagement.current', {}));
      waits.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const r = value<ChurnRun>(await run);
    expect(r.drivers[0]?.kind).toBe('permutation');
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeLessThan(1000);
  });

  it('cancelled: CANCELLED, and no run is stored', async () => {
    const before = value<ChurnRunSummary[]>(await engine.call('churn.runs', {})).length;
    const jobId = 'churn-cancel';
    const run = engine.call('churn.fit', { params: { model: 'gbt' }, jobId });
    await firstProgress(jobId);
    expect(value<{ cancelled: boolean }>(await engine.call('job.cancel', { jobId })).cancelled).toBe(true);
    const env = await run;
    expect(env.ok ? 'ok' : env.error.code).toBe('CANCELLED');
    expect(value<ChurnRunSummary[]>(await engine.call('churn.runs', {})).length).toBe(before);
  });
});
