import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsParamsSchema, type AnalyticsParamsInput, type DiagnosticRun } from '../../../shared/analytics';
import { loadDiagnosticInputs } from '../../../electron/backend/diagnostics/inputs-sql';
import { runAndStore } from '../../../electron/backend/diagnostics/run';
import { deleteRun, listRuns, loadRun, loadRunCustomers } from '../../../electron/backend/diagnostics/runs-repo';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import { AS_OF, fillFixture } from './fixture';

const dir = tempDir();
let ws: Workspace;
const run = async (p: Partial<AnalyticsParamsInput> = {}): Promise<DiagnosticRun> => {
  const params = AnalyticsParamsSchema.parse({
    asOf: AS_OF,
    periodCount: 3,
    cohortCount: 3,
    activity: { windowDays: 31 },
    tiers: { strategicShare: 0.4 },
    ...p,
  });
  const r = await runAndStore(ws.sqlite, { params, now: '2024-03-21T09:00:00' });
  return loadRun(ws.sqlite, r.runId);
};

beforeAll(async () => {
  ws = await newWorkspace(dir);
  fillFixture(ws.sqlite);
});
afterAll(async () => ws?.close());

describe('SQL feeding', () => {
  it('folds order lines into orders and customer-days', () => {
    const { ledger, data } = loadDiagnosticInputs(ws.sqlite);
    const a = ledger.customerKeys.indexOf('A');
    const days = Array.from(ledger.days.subarray(ledger.offsets[a], ledger.offsets[a + 1]));
    // O1's two lines make one order dated by its earliest line, valued 150.
    expect(days.length).toBe(4);
    expect(ledger.amounts[ledger.offsets[a]!]).toBe(150);
    expect(ledger.purchases[ledger.offsets[a]!]).toBe(1);
    const c = ledger.customerKeys.indexOf('C');
    // The return is its own order and not a purchase; the net of C's orders is 0.
    expect(Array.from(ledger.purchases.subarray(ledger.offsets[c], ledger.offsets[c + 1]))).toEqual([1, 0]);
    expect(data).toMatchObject({ customers: 7, orderLines: 11, orders: 10, contracts: 4, firstOrderDate: '2023-12-10', lastOrderDate: '2024-03-10' });
    // Contract-only customers share the one index.
    expect(ledger.customerKeys).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });
});

describe('a purchase-basis run (window 31 days), checked by hand', () => {
  let r: DiagnosticRun;
  beforeAll(async () => {
    r = await run();
  });

  it('counts S, E, N and the retention rate per period, including a reactivation and a partial last period', () => {
    const rows = r.results.retention.map((p) => ({
      key: p.period.key,
      partial: p.period.partial,
      S: p.start,
      E: p.end,
      N: p.gained,
      new: p.new,
      reactivated: p.reactivated,
      lost: p.lost,
      R: p.retentionRate.value,
      churn: p.churnRate.value,
    }));
    expect(rows).toEqual([
      // S = {A, B} at 2023-12-31; E = {A, C}; N = {C new}; B lapsed (31-day window). January starts 22
      // days after the first order (2023-12-10), less than the window: its counts stay, its rates are absent.
      { key: '2024-01', partial: false, S: 2, E: 2, N: 1, new: 1, reactivated: 0, lost: 1, R: null, churn: null },
      // S = {A, C}; E = {A, B}; B came back (reactivated, counted in N); C's only purchase ran out
      { key: '2024-02', partial: false, S: 2, E: 2, N: 1, new: 0, reactivated: 1, lost: 1, R: 0.5, churn: 0.5 },
      // measured to the as-of date: S = {A, B}; E = {A, B, E}; E is new
      { key: '2024-03', partial: true, S: 2, E: 3, N: 1, new: 1, reactivated: 0, lost: 0, R: 1, churn: 0 },
    ]);
    expect(r.results.kpis.retentionRate).toMatchObject({
      value: 1,
      previous: 0.5,
      change: 0.5,
      periodKey: '2024-03',
      previousPeriodKey: '2024-02',
      partial: true,
    });
    expect(r.results.retention.map((p) => p.leftCensored)).toEqual([true, false, false]);
    expect(r.results.retention[0]!.retentionRate.reason).toBe('history-shorter-than-window');
    expect(r.results.kpis.activeCustomers).toMatchObject({ metric: 'customersEnd', value: 3, previous: 2 });
    // Net order revenue per period: January nets C's sale and return out.
    expect(r.results.revenue.map((p) => p.revenue)).toEqual([200 + 1000 - 1000, 300 + 80, 100 + 400]);
  });

  it('computes GRR and NRR from contracts: a cancellation with another contract live is contraction, not churn', () => {
    const rr = r.results.revenueRetention!;
    expect(rr.map((p) => [p.period.key, p.startMrr, p.endMrr])).toEqual([
      ['2024-01', 200, 350],
      ['2024-02', 350, 100],
      ['2024-03', 100, 250],
    ]);
    expect(rr[0]!.movements).toEqual({ new: 150, expansion: 0, contraction: 0, churn: 0, reactivation: 0 });
    expect(rr[1]!.movements).toEqual({ new: 0, expansion: 0, contraction: 50, churn: 200, reactivation: 0 });
    expect(rr[1]!.grr.value).toBeCloseTo(100 / 350, 12);
    expect(rr[2]!.movements.reactivation).toBe(150);
    expect(rr[2]!.nrr.value).toBe(2.5);
    expect(r.results.kpis.grr).toMatchObject({ value: 1, previous: 100 / 350 });
  });

  it('builds cohorts with partial cells and a revenue rate that is absent when the first period nets to zero', () => {
    const rows = r.results.cohorts.rows;
    expect(rows.map((x) => [x.key, x.size, x.cells.map((c) => c.on)])).toEqual([
      ['2024-01', 1, [1, 0, 0]],
      ['2024-03', 1, [1]],
    ]);
    expect(rows[0]!.cells.map((c) => c.partial)).toEqual([false, false, true]);
    expect(rows[0]!.cells[0]!.revenueRate).toEqual({ value: null, reason: 'no-revenue-at-cohort-start' });
  });

  it('scores RFM by quintiles and names the value groups', () => {
    const groups = Object.fromEntries(r.results.rfm.valueGroups.map((s) => [s.segment, s.count]));
    expect(groups).toEqual({ dormantReactivate: 2, highValueLoyal: 1, potentialNurture: 1 });
    expect(r.results.rfm.scored).toBe(4);
    expect(r.results.rfm.compareAsOf).toBe('2024-02-29');
    const cust = Object.fromEntries(loadRunCustomers(ws.sqlite, r.id).map((c) => [c.customerKey, c]));
    expect(cust.A).toMatchObject({
      recencyDays: 15,
      frequency: 4,
      monetary: 750,
      r: 3,
      f: 4,
      m: 4,
      segment: 'loyal',
      valueGroup: 'highValueLoyal',
      prevValueGroup: 'dormantReactivate',
    });
    expect(cust.B).toMatchObject({ recencyDays: 24, frequency: 2, monetary: 580, r: 2, f: 3, m: 3, segment: 'atRisk', valueGroup: 'dormantReactivate' });
    expect(cust.C).toMatchObject({ recencyDays: 75, frequency: 1, monetary: 0, r: 1, f: 1, m: 1, segment: 'lost' });
    expect(cust.E).toMatchObject({
      recencyDays: 10,
      frequency: 1,
      r: 4,
      f: 1,
      m: 2,
      segment: 'promising',
      valueGroup: 'potentialNurture',
      prevValueGroup: null,
    });
    expect(cust.D).toMatchObject({ segment: null, tier: null, stage: null, active: false, statuses: '---' });
    const groupMove = r.results.rfm.movementValueGroups;
    const at = (from: string, to: string) => groupMove.counts[groupMove.segments.indexOf(from)]![groupMove.segments.indexOf(to)];
    // At 2024-02-29 B had just come back (recency 4) and A had not bought for 19 days: ranked on
    // that date alone A was dormant and B potential; a month later they swap (quintile drift).
    expect(at('dormantReactivate', 'highValueLoyal')).toBe(1);
    expect(at('potentialNurture', 'dormantReactivate')).toBe(1);
    expect(at('dormantReactivate', 'dormantReactivate')).toBe(1);
    expect(at('unscored', 'potentialNurture')).toBe(1);
  });

  it('tiers by yearly revenue share and stages the lifecycle', () => {
    expect(Object.fromEntries(r.results.tiers.map((t) => [t.tier, t.count]))).toEqual({ strategic: 1, core: 0, potential: 3, ordinary: 0 });
    expect(Object.fromEntries(r.results.lifecycle.map((s) => [s.stage, s.count]))).toEqual({ new: 1, growing: 2, mature: 0, atRisk: 0, churned: 1 });
    const cust = Object.fromEntries(loadRunCustomers(ws.sqlite, r.id).map((c) => [c.customerKey, c]));
    expect(cust.A).toMatchObject({
      tier: 'strategic',
      tierReasons: ['revenue-share'],
      stage: 'growing',
      revenue12m: 750,
      statuses: 'RRR',
      cohort: '2023-12',
      cohortOn: null,
    });
    expect(cust.B).toMatchObject({ statuses: 'LAR', stage: 'growing' });
    expect(cust.C).toMatchObject({ statuses: 'NL-', stage: 'churned', stageReasons: ['not-active'], cohort: '2024-01', cohortOn: '100' });
    expect(cust.F).toMatchObject({ mrr: 100, statuses: '---' });
  });

  it('breaks the latest period down by region, with an absent rate where a group starts empty', () => {
    const region = r.results.breakdowns.find((b) => b.attribute === 'region')!;
    expect(region.groups.map((g) => [g.value, g.customers, g.retention.start, g.retention.retentionRate])).toEqual([
      ['华东', 2, 2, { value: 1, reason: null }],
      ['华南', 1, 0, { value: null, reason: 'no-customers-at-start' }],
      [null, 4, 0, { value: null, reason: 'no-customers-at-start' }],
    ]);
    const industry = r.results.breakdowns.find((b) => b.attribute === 'industry')!;
    // 制造: A, B (orders) and F (contracts): F's March start MRR 100, no movement → GRR 100%.
    const mfg = industry.groups.find((g) => g.value === '制造')!;
    expect(mfg.grr).toEqual({ value: 1, reason: null });
    expect(mfg.mrr).toBe(100);
  });
});

describe('edge cases', () => {
  it('a period with no customers at the start has no rate, and says why', async () => {
    const r = await run({ asOf: '2023-11-30', periodCount: 2 });
    expect(r.results.retention.every((p) => p.start === 0)).toBe(true);
    expect(r.results.kpis.retentionRate).toMatchObject({ value: null, reason: 'no-customers-at-start', change: null });
    expect(r.results.kpis.grr).toMatchObject({ value: null, reason: 'no-mrr-at-start' });
  });

  it('the contract basis keeps F (a contraction) and loses then regains G', async () => {
    const r = await run({ activity: { basis: 'contractual' } });
    expect(r.results.retention.map((p) => [p.start, p.end, p.new, p.reactivated, p.lost])).toEqual([
      [1, 2, 1, 0, 0],
      [2, 1, 0, 0, 1],
      [1, 2, 0, 1, 0],
    ]);
    expect(r.results.retention.map((p) => p.retentionRate.value)).toEqual([1, 0.5, 1]);
    expect(r.basis).toBe('contractual');
  });

  it('without contracts, revenue retention is absent with its reason', async () => {
    const other = await newWorkspace(dir);
    other.sqlite.prepare(`insert into orders (row_key, order_key, customer_key, order_date, amount) values ('x', 'X1', 'Z', '2024-01-02', 10)`).run();
    const params = AnalyticsParamsSchema.parse({ asOf: '2024-02-15' });
    const id = (await runAndStore(other.sqlite, { params, now: 'n' })).runId;
    const res = loadRun(other.sqlite, id).results;
    expect(res.revenueRetention).toBeNull();
    expect(res.kpis.nrr).toMatchObject({ value: null, reason: 'no-contracts' });
    // A customer met only in orders still gets a row.
    expect(loadRunCustomers(other.sqlite, id).map((c) => c.customerKey)).toEqual(['Z']);
    await other.close();
  });
});

describe('storage', () => {
  it('stores runs whole, lists them newest first, and deletes a run with its customer rows', async () => {
    const before = listRuns(ws.sqlite).length;
    const r = await run({ grain: 'quarter' });
    const again = loadRun(ws.sqlite, r.id);
    expect(again.results).toEqual(r.results);
    expect(again.params.grain).toBe('quarter');
    expect(listRuns(ws.sqlite)[0]!.id).toBe(r.id);
    expect(listRuns(ws.sqlite).length).toBe(before + 1);
    expect(loadRunCustomers(ws.sqlite, r.id)).toHaveLength(7);
    expect(deleteRun(ws.sqlite, r.id)).toBe(true);
    expect((ws.sqlite.prepare('select count(*) as n from diagnostic_customer where run_id = ?').get(r.id) as { n: number }).n).toBe(0);
    expect(() => loadRun(ws.sqlite, r.id)).toThrow(/not found/);
  });
});
