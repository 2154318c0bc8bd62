// impact.indicators and impact.fee run in a job thread of the engine (THREADED_JOBS) with their own
// connection: the engine answers other calls meanwhile, the result is the one computed in-process, and
// a cancel stops the job with CANCELLED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { EngineClient } from '../../../electron/backend/engine/client';
import { workerLink } from '../../../electron/backend/engine/links';
import { THREADED_JOBS } from '../../../electron/backend/engine/job-threads';
import type { Envelope, EventName } from '../../../shared/contract';
import type { IndicatorsReport } from '../../../shared/impact/views';
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

/** Resolves with the job's first progress phase. */
async function firstProgress(jobId: string): Promise<string> {
  const seen: { name: EventName; payload: unknown }[] = [];
  const off = engine.subscribe((name, payload) => seen.push({ name, payload }));
  try {
    const t0 = Date.now();
    for (;;) {
      const hit = seen.find((e) => e.name === 'job.progress' && (e.payload as { jobId: string }).jobId === jobId);
      if (hit) return (hit.payload as { phase: string }).phase;
      if (Date.now() - t0 > 60_000) throw new Error('no progress');
      await new Promise((r) => setTimeout(r, 5));
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

describe('impact jobs in a job thread', { timeout: 120_000 }, () => {
  it('are threaded jobs', () => {
    expect(THREADED_JOBS.has('impact.indicators')).toBe(true);
    expect(THREADED_JOBS.has('impact.fee')).toBe(true);
  });

  it('impact.indicators reports progress from its thread and returns the monthly series', async () => {
    const jobId = 'ind-thread';
    const run = engine.call('impact.indicators', { grain: 'month', series: true, jobId });
    expect(await firstProgress(jobId)).toBe('impact.customers');
    // The engine's own thread answers while the job computes.
    value(await engine.call('engagement.current', {}));
    const r = value<IndicatorsReport>(await run);
    expect(r.grain).toBe('month');
    expect(r.series).toHaveLength(12);
    expect(r.series.at(-1)?.values).toEqual(r.rows.map((row) => row.current));
  });

  it('impact.indicators cancelled: CANCELLED', async () => {
    const jobId = 'ind-thread-cancel';
    const run = engine.call('impact.indicators', { grain: 'month', series: true, jobId });
    await firstProgress(jobId);
    expect(value<{ cancelled: boolean }>(await engine.call('job.cancel', { jobId })).cancelled).toBe(true);
    const env = await run;
    expect(env.ok ? 'ok' : env.error.code).toBe('CANCELLED');
  });
});
