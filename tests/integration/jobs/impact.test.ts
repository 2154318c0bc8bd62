import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { jobsHarness } from './harness';

// The impact measures that read every order are jobs: through dispatch as the UI calls them, they
// report their phases in order, and a cancel between two steps stops them with CANCELLED, writing nothing.

const dir = tempDir('rwb-jobs-impact-');
let h: Awaited<ReturnType<typeof jobsHarness>>;

beforeAll(async () => {
  h = await jobsHarness(dir);
}, 120_000);
afterAll(async () => h?.close());

const READ = ['impact.customers', 'impact.orders', 'impact.contracts', 'impact.surveys'];

describe('impact.indicators', () => {
  it('reports reading the data and each period of the series, in order, with the series it computed', async () => {
    const { value, phases } = await h.runWithPhases('impact.indicators', { jobId: 'ind-1', grain: 'quarter', series: true });
    expect(phases).toEqual([...READ, 'impact.periods']);
    expect(value.series).toHaveLength(8);
    expect(value.rows.some((r) => r.current.value !== null)).toBe(true);
  });

  it('counts the periods it has computed, out of the series', async () => {
    const seen: { done: number; total: number | null }[] = [];
    const off = h.backend.events.subscribe((event, payload) => {
      const p = payload as { jobId: string; phase: string; done: number; total: number | null };
      if (event === 'job.progress' && p.jobId === 'ind-2' && p.phase === 'impact.periods') seen.push({ done: p.done, total: p.total });
    });
    try {
      await h.call('impact.indicators', { jobId: 'ind-2', grain: 'month', series: true });
    } finally {
      off();
    }
    expect(seen.every((p) => p.total === 12)).toBe(true);
    expect(seen.at(-1)?.done).toBe(12);
  });

  it('cancelled in the middle of the series stops with CANCELLED and leaves the workspace unchanged', async () => {
    const before = h.digest();
    const r = await h.runCancelled('impact.indicators', { jobId: 'ind-3', grain: 'quarter', series: true }, 'impact.periods', (p) => p.done >= 2);
    expect(r.error.code).toBe('CANCELLED');
    expect(r.cancelled).toBe(true);
    expect(r.phases).toEqual([...READ, 'impact.periods']);
    expect(h.digest()).toEqual(before);
  });

  it('cancelled while reading orders stops before computing any period', async () => {
    const r = await h.runCancelled('impact.indicators', { jobId: 'ind-4', series: true }, 'impact.orders');
    expect(r.error.code).toBe('CANCELLED');
    expect(r.phases).toEqual(['impact.customers', 'impact.orders']);
  });
});

describe('impact.fee', () => {
  const terms = (measurementDate: string) => ({
    indicator: 'nps',
    baseline: 10,
    measurementDate,
    grain: 'quarter',
    currency: 'CNY',
    fixedFee: 50_000,
    schedule: { kind: 'tiers', tiers: [{ fromPoints: 0, toPoints: null, ratePerPoint: 8000 }] },
    cap: null,
    floor: 0,
  });

  it('reports reading the data, then the fee, and returns the statement', async () => {
    const { asOf } = await h.call('impact.indicators', { series: false });
    const { value, phases } = await h.runWithPhases('impact.fee', { jobId: 'fee-1', terms: terms(asOf) });
    expect(phases).toEqual([...READ, 'impact.fee']);
    expect(value.indicator).toBe('nps');
    expect(value.breakdown.fee).toBeGreaterThanOrEqual(50_000);
  });

  it('refuses bad terms before reading anything', async () => {
    const { value, phases } = await h.runWithPhases('impact.fee', { jobId: 'fee-2', terms: { indicator: 'nps' } }).then(
      (r) => ({ value: r.value as unknown, phases: r.phases }),
      (e: Error) => ({ value: e.message, phases: [] as string[] }),
    );
    expect(String(value)).toMatch(/FEE_TERMS_INVALID/);
    expect(phases).toEqual([]);
  });

  it('cancelled while reading orders stops with CANCELLED', async () => {
    const { asOf } = await h.call('impact.indicators', { series: false });
    const before = h.digest();
    const r = await h.runCancelled('impact.fee', { jobId: 'fee-3', terms: terms(asOf) }, 'impact.orders');
    expect(r.error.code).toBe('CANCELLED');
    expect(r.cancelled).toBe(true);
    expect(r.phases).toEqual(['impact.customers', 'impact.orders']);
    expect(h.digest()).toEqual(before);
  });
});
