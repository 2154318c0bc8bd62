// churn.fit and churn.backtest through dispatch as the UI calls them, cancelled by job.cancel between
// folds / replay dates: the call answers CANCELLED and the workspace is exactly as it was; run to the
// end, the fit stores one run with its scores and an audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { jobsHarness } from '../jobs/harness';

const dir = tempDir('rwb-churn-cancel-');
let h: Awaited<ReturnType<typeof jobsHarness>>;

beforeAll(async () => {
  h = await jobsHarness(dir);
}, 120_000);
afterAll(async () => h?.close());

describe('churn jobs', { timeout: 180_000 }, () => {
  it('churn.fit cancelled between folds leaves the workspace unchanged', async () => {
    const before = h.digest();
    const r = await h.runCancelled('churn.fit', { jobId: 'churn-1', params: { folds: 5 } }, 'churn.fit');
    expect(r.error.code).toBe('CANCELLED');
    expect(r.cancelled).toBe(true);
    expect(r.phases).toEqual(['churn.features', 'churn.fit']);
    expect(h.digest()).toEqual(before);
    expect(h.inTransaction()).toBe(false);
  });

  it('churn.backtest cancelled between replay dates', async () => {
    // At the phase's first event (always sent; later ones are throttled to one per 100 ms, and on an
    // idle machine the replay can finish inside that), so the cancel lands between replay dates.
    const r = await h.runCancelled('churn.backtest', { jobId: 'churn-2', horizonDays: 180 }, 'churn.backtest', () => true);
    expect(r.error.code).toBe('CANCELLED');
  });

  it('churn.fit runs to the end: phases in order, one run with its scores, an audit entry', async () => {
    const audit = h.count(`audit_log where action = 'churn.fit'`);
    const { value, phases } = await h.runWithPhases('churn.fit', { jobId: 'churn-3', params: {} });
    expect(phases[0]).toBe('churn.features');
    expect(phases.slice(-2)).toEqual(['churn.score', 'churn.store']);
    expect(phases).toContain('churn.evaluate');
    expect(h.count('churn_run')).toBe(1);
    expect(h.count('churn_score')).toBe(value.customers);
    expect(h.count(`audit_log where action = 'churn.fit'`)).toBe(audit + 1);
  });
});
