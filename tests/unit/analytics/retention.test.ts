import { describe, expect, it } from 'vitest';
import { ledgerFromOrderLines, periodsEndingAt, purchaseActivity, retentionByPeriod, retentionMembers, retentionStatus } from '../../../shared/analytics';

// Hand-checked data: a 60-day activity window (purchase day p keeps a customer active on [p, p+59]),
// monthly periods Oct 2023 – Mar 2024, as of 2024-03-15 (March is partial).
const line = (customerKey: string, orderKey: string, orderDate: string, amount: number) => ({ customerKey, orderKey, orderDate, amount });
const ledger = ledgerFromOrderLines(
  [
    line('A', 'a1', '2023-12-01', 100), // active 2023-12-01 .. 2024-01-29
    line('A', 'a2', '2024-01-20', 80), //  and 2024-01-20 .. 2024-03-19 (one span)
    line('B', 'b1', '2023-11-15', 50), // active 2023-11-15 .. 2024-01-13: lost in January
    line('B', 'b2', '2024-02-20', 50), // back: active 2024-02-20 .. 2024-04-19: reactivated in February
    line('C', 'c1', '2024-01-10', 70), // new in January, active until 2024-03-09: lost in March
    line('D', 'd0', '2023-12-10', -50), // a return alone: not activity
    line('D', 'd1', '2024-03-15', 20), // first purchase on the as-of day: new in March
    line('D', 'd2', '2024-03-20', 20), // after the as-of date: ignored
    line('E', 'e1', '2023-10-01', 10), // active 2023-10-01 .. 2023-11-29 only
    line('F', 'f1', '2024-02-01', 10), // first purchase on a period's first day: new in February, not in S
  ],
  ['A', 'B', 'C', 'D', 'E', 'F'],
);
const spans = purchaseActivity(ledger, 60);
const periods = periodsEndingAt('2024-03-15', 'month', 6);
const rows = retentionByPeriod(spans, periods);

describe('retention rate R = (E − N) / S', () => {
  it.each([
    // key,     S, E, retained, lost, new, reactivated, N, R,    churn, partial
    ['2023-10', 0, 1, 0, 0, 1, 0, 1, null, null, false],
    ['2023-11', 1, 1, 0, 1, 1, 0, 1, 0, 1, false],
    ['2023-12', 1, 2, 1, 0, 1, 0, 1, 1, 0, false],
    ['2024-01', 2, 2, 1, 1, 1, 0, 1, 0.5, 0.5, false],
    ['2024-02', 2, 4, 2, 0, 1, 1, 2, 1, 0, false],
    ['2024-03', 4, 4, 3, 1, 1, 0, 1, 0.75, 0.25, true],
  ])('%s: S=%i E=%i retained=%i lost=%i new=%i reactivated=%i N=%i R=%s churn=%s', (key, S, E, retained, lost, nw, react, N, R, churn, partial) => {
    const r = rows.find((x) => x.period.key === key);
    expect(r).toBeDefined();
    expect(r).toMatchObject({ start: S, end: E, retained, lost, new: nw, reactivated: react, gained: N });
    expect(r?.retentionRate.value).toBe(R);
    expect(r?.churnRate.value).toBe(churn);
    expect(r?.period.partial).toBe(partial);
    // Seed formula and bookkeeping identities.
    if (r && r.start > 0) expect(r.retentionRate.value).toBe((r.end - r.gained) / r.start);
    expect(r && r.start - r.lost + r.gained).toBe(E);
  });

  it('is absent, with a reason, when no customer is active at the start (no division by zero)', () => {
    const oct = rows[0];
    expect(oct?.retentionRate).toEqual({ value: null, reason: 'no-customers-at-start' });
    expect(oct?.churnRate).toEqual({ value: null, reason: 'no-customers-at-start' });
  });

  it('chains periods: S of one period is E of the one before', () => {
    for (let p = 1; p < rows.length; p += 1) expect(rows[p]?.start).toBe(rows[p - 1]?.end);
  });

  it('counts a customer who churns and returns as lost, then reactivated (in N), never as retained', () => {
    const b = spans.customerKeys.indexOf('B');
    expect(periods.map((p) => retentionStatus(spans, b, p))).toEqual(['inactive', 'new', 'retained', 'lost', 'reactivated', 'retained']);
  });

  it('gives the members of any status for drill-down', () => {
    const feb = periods[4];
    const mar = periods[5];
    if (!feb || !mar) throw new Error('periods');
    expect(retentionMembers(spans, feb, 'reactivated')).toEqual(['B']);
    expect(retentionMembers(spans, feb, 'new')).toEqual(['F']);
    expect(retentionMembers(spans, mar, 'lost')).toEqual(['C']);
    expect(retentionMembers(spans, mar, 'start')).toEqual(['A', 'B', 'C', 'F']);
    expect(retentionMembers(spans, mar, 'end')).toEqual(['A', 'B', 'D', 'F']);
  });

  it('restricts to a subset of customers (a breakdown group)', () => {
    const sub = Int32Array.from([0, 1]); // A and B
    const jan = retentionByPeriod(spans, periods, sub)[3];
    expect(jan).toMatchObject({ start: 2, retained: 1, lost: 1, end: 1 });
    expect(jan?.retentionRate.value).toBe(0.5);
  });
});
