import { describe, expect, it } from 'vitest';
import {
  AnalyticsParamsSchema,
  cohortBoundDays,
  ledgerFromOrderLines,
  normaliseRunResult,
  runDiagnostics,
  toDay,
  type AnalyticsParamsInput,
  type DiagnosticInputs,
  type DiagnosticRunResult,
} from '../../../shared/analytics';

const line = (customerKey: string, orderKey: string, orderDate: string, amount: number) => ({ customerKey, orderKey, orderDate, amount });

// Four customers, data from 2024-01-10 to 2024-04-30, a 50-day window. Active spans by hand (purchase
// day p keeps a customer active on [p, p + 49]):
//   A buys 01-10 and 03-05          → active 01-10 .. 02-28 and 03-05 .. 04-23
//   B buys 01-20                    → active 01-20 .. 03-09
//   C buys 02-15                    → active 02-15 .. 04-04
//   D buys 02-03, 03-07, 04-02, 04-30 → active 02-03 .. 06-18
// March starts 51 days after the first data day, so January and February (9 and 22 days) are the
// periods whose history is shorter than the window.
const keys = ['A', 'B', 'C', 'D'];
const ledger = ledgerFromOrderLines(
  [
    line('A', 'a1', '2024-01-10', 100),
    line('A', 'a2', '2024-03-05', 100),
    line('B', 'b1', '2024-01-20', 50),
    line('C', 'c1', '2024-02-15', 70),
    line('D', 'd1', '2024-02-03', 10),
    line('D', 'd2', '2024-03-07', 10),
    line('D', 'd3', '2024-04-02', 10),
    line('D', 'd4', '2024-04-30', 10),
  ],
  keys,
);
const inputs: DiagnosticInputs = {
  ledger,
  contracts: [],
  attributes: { name: keys, industry: [], segment: [], region: [], owner: [], isBenchmark: [] },
  data: { customers: 4, orderLines: 8, orders: 8, contracts: 0, firstOrderDate: '2024-01-10', lastOrderDate: '2024-04-30', firstContractDate: null },
};
const run = (p: Partial<AnalyticsParamsInput> = {}): DiagnosticRunResult =>
  runDiagnostics(inputs, AnalyticsParamsSchema.parse({ asOf: '2024-04-30', periodCount: 6, activity: { windowDays: 50 }, ...p })).result;

describe('the edges of the data', () => {
  const r = run();

  it('lists no empty periods before the first data', () => {
    // Six periods end at 2024-04 (2023-11 .. 2024-04); the four before January hold nothing.
    expect(r.retention.map((p) => p.period.key)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    // The yearly axis holds the one year of data, not the eleven empty ones before it.
    expect(run({ grain: 'year', periodCount: 12 }).retention.map((p) => p.period.key)).toEqual(['2024']);
  });

  it('gives no rate, with its reason, for a period whose history is shorter than the window', () => {
    // February counts S = {A, B} and loses A, but S misses every customer whose last purchase predates
    // the export (22 days of history for a 50-day window): its counts stay, its rate does not.
    const feb = r.retention[1]!;
    expect([feb.start, feb.retained, feb.lost]).toEqual([2, 1, 1]);
    expect(feb.retentionRate).toEqual({ value: null, reason: 'history-shorter-than-window' });
    expect(feb.churnRate.reason).toBe('history-shorter-than-window');
    expect(r.retention.map((p) => p.leftCensored)).toEqual([true, true, false, false]);
  });

  it('counts the periods one full window after the data start', () => {
    // March: S = {B, C, D} at 02-29 (A lapsed 02-28); B lapses 03-09 → 2/3, and A returns (reactivated).
    // April: S = {A, C, D}; C lapses 04-04, A 04-23 → 1/3.
    const [mar, apr] = [r.retention[2]!, r.retention[3]!];
    expect([mar.start, mar.retained, mar.lost, mar.new, mar.reactivated]).toEqual([3, 2, 1, 0, 1]);
    expect(mar.retentionRate.value).toBeCloseTo(2 / 3, 12);
    expect(apr.retentionRate.value).toBeCloseTo(1 / 3, 12);
    expect(r.kpis.retentionRate.value).toBeCloseTo(1 / 3, 12);
    expect(r.kpis.retentionRate.previous).toBeCloseTo(2 / 3, 12);
  });

  it('computes the period-to-period definition beside it', () => {
    // On (bought) per month: Jan {A, B}, Feb {C, D}, Mar {A, D}, Apr {D}.
    expect(r.repeat.map((p) => [p.periodKey, p.previous, p.repeat, p.rate.value, p.rate.reason])).toEqual([
      ['2024-01', 0, 0, null, 'no-period-before-data'],
      ['2024-02', 2, 0, 0, null],
      ['2024-03', 2, 1, 0.5, null],
      ['2024-04', 2, 1, 0.5, null],
    ]);
  });

  it('marks the cohorts of the first window as left-censored', () => {
    expect(r.cohorts.rows.map((c) => [c.key, c.size, c.leftCensored])).toEqual([
      ['2024-01', 2, true],
      ['2024-02', 2, true],
    ]);
  });

  it('says what the data are too short to judge', () => {
    expect(r.notices.map((n) => n.code)).toEqual(['history-shorter-than-window', 'core-tier-tenure-unjudgeable', 'mature-stage-tenure-unjudgeable']);
    expect(r.notices[0]!.params).toMatchObject({ periods: 2, from: '2024-01', to: '2024-02', windowDays: 50 });
    // 2024-01-10 .. 2024-04-30 is 111 days, against the 365 the core tier and the mature stage ask for.
    expect(r.notices[1]!.params).toEqual({ historyDays: 111, tenureDays: 365 });
    expect(r.dataStart).toBe('2024-01-10');
  });

  it('warns when the as-of date lies outside the data', () => {
    expect(run({ asOf: '2024-09-30' }).notices[0]).toEqual({ code: 'as-of-after-data', params: { asOf: '2024-09-30', last: '2024-04-30' } });
    const early = run({ asOf: '2023-12-31' });
    expect(early.notices[0]).toEqual({ code: 'as-of-before-data', params: { asOf: '2023-12-31', first: '2024-01-10' } });
    expect(early.retention).toHaveLength(1);
  });

  it('derives the window from the data when none is set, and states its basis', () => {
    // Gaps: A 55; D 33, 26 and 28 → nearest-rank P90 of four = 55 → 60 days.
    const d = run({ activity: {} });
    expect(d.window).toEqual({ days: 60, source: 'derived', percentile: 0.9, percentileDays: 55, gaps: 4, repeatCustomers: 2, medianGapDays: 28 });
    expect(d.windowDays).toBe(60);
    // With 60 days March (51 days of history) has no rate either; April: S = {A, C, D} (B lapsed
    // 03-19), C lapses 04-14 → 2/3.
    expect(d.retention[2]!.retentionRate.reason).toBe('history-shorter-than-window');
    expect(d.retention[3]!.retentionRate.value).toBeCloseTo(2 / 3, 12);
  });

  it('never shows a month as 100% merely because the window exceeds the history', () => {
    const wide = run({ activity: { windowDays: 365 } });
    expect(wide.retention.every((p) => p.retentionRate.value === null && p.retentionRate.reason === 'history-shorter-than-window')).toBe(true);
    expect(wide.kpis.retentionRate.reason).toBe('history-shorter-than-window');
  });
});

describe('cohort range', () => {
  it('shows every cohort by default, the last N, or a from/to range', () => {
    expect(run().cohorts.rows.map((c) => c.key)).toEqual(['2024-01', '2024-02']);
    expect(run({ cohortCount: 3 }).cohorts.rows.map((c) => c.key)).toEqual(['2024-02']);
    expect(run({ cohortFrom: '2024-02' }).cohorts.rows.map((c) => c.key)).toEqual(['2024-02']);
    expect(run({ cohortTo: '2024-01-31' }).cohorts.rows.map((c) => c.key)).toEqual(['2024-01']);
    // A bound wins over the count; a year bound at month grain runs through December.
    expect(run({ cohortCount: 1, cohortFrom: '2024-01', cohortTo: '2024' }).cohorts.rows.map((c) => c.key)).toEqual(['2024-01', '2024-02']);
    expect(run({ grain: 'quarter', cohortFrom: '2024-Q1' }).cohorts.rows.map((c) => [c.key, c.size])).toEqual([['2024-Q1', 4]]);
  });

  it('reads bounds as periods or dates', () => {
    const d = (s: string) => toDay(s);
    expect(cohortBoundDays('2024-Q2')).toEqual({ first: d('2024-04-01'), last: d('2024-06-30') });
    expect(cohortBoundDays('2024-02')).toEqual({ first: d('2024-02-01'), last: d('2024-02-29') });
    expect(cohortBoundDays('2024')).toEqual({ first: d('2024-01-01'), last: d('2024-12-31') });
    expect(cohortBoundDays('2024-03-15')).toEqual({ first: d('2024-03-15'), last: d('2024-03-15') });
    expect(cohortBoundDays('2024-13')).toBeNull();
    expect(cohortBoundDays('March')).toBeNull();
    expect(() => AnalyticsParamsSchema.parse({ asOf: '2024-01-01', cohortFrom: 'March' })).toThrow();
  });
});

describe('a run stored by the previous version', () => {
  it('loads with the new fields defaulted, nothing invented', () => {
    const now = run();
    const { repeat: _r, window: _w, notices: _n, dataStart: _d, ...old } = now;
    const stored = JSON.parse(
      JSON.stringify({
        ...old,
        retention: old.retention.map(({ leftCensored: _l, ...p }) => p),
        cohorts: { ...old.cohorts, rows: old.cohorts.rows.map(({ leftCensored: _l, ...c }) => c) },
      }),
    ) as DiagnosticRunResult;
    const back = normaliseRunResult(stored);
    expect(back.notices).toEqual([]);
    expect(back.window).toMatchObject({ days: 50, source: 'set' });
    expect(back.retention.every((p) => p.leftCensored === false)).toBe(true);
    expect(back.repeat.map((p) => p.rate.reason)).toEqual(['not-in-stored-run', 'not-in-stored-run', 'not-in-stored-run', 'not-in-stored-run']);
    expect(back.cohorts.rows.every((c) => c.leftCensored === false)).toBe(true);
  });
});
