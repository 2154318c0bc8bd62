import { describe, expect, it } from 'vitest';
import {
  cohortActivityFromContracts,
  cohortActivityFromLedger,
  cohortMatrix,
  cohortMembers,
  contractSpanOf,
  ledgerFromOrderLines,
  mrrTimeline,
  periodIndexOf,
  toDay,
} from '../../../shared/analytics';

const line = (customerKey: string, orderKey: string, orderDate: string, amount: number) => ({ customerKey, orderKey, orderDate, amount });
const month = (d: string) => periodIndexOf(toDay(d), 'month');

// Monthly cohorts by first purchase, as of 2024-03-15 (March is partial).
const ledger = ledgerFromOrderLines(
  [
    line('P', 'p1', '2024-01-05', 100),
    line('P', 'p2', '2024-02-10', 50),
    line('P', 'p3', '2024-03-01', 30),
    line('Q', 'q1', '2024-01-20', 200),
    line('Q', 'q2', '2024-02-05', -40), // a return: lowers February's revenue, is not "on"
    line('Q', 'q3', '2024-03-10', 60),
    line('R', 'r1', '2024-01-31', 10),
    line('S', 's1', '2024-02-14', 70),
    line('S', 's2', '2024-03-20', 99), // after the as-of date: ignored
    line('T', 't0', '2023-12-15', -20), // a return before the first purchase does not make a cohort
    line('T', 't1', '2024-03-02', 40),
  ],
  ['P', 'Q', 'R', 'S', 'T'],
);
const act = cohortActivityFromLedger(ledger, 'month', toDay('2024-03-15'));
const m = cohortMatrix(act);

describe('cohort matrix (purchases)', () => {
  it('has one row per first-purchase month', () => {
    expect(m.rows.map((r) => [r.key, r.size])).toEqual([
      ['2024-01', 3],
      ['2024-02', 1],
      ['2024-03', 1],
    ]);
  });

  it.each([
    // cohort,  k, on, onOrAfter, revenue, partial
    ['2024-01', 0, 3, 3, 310, false],
    ['2024-01', 1, 1, 2, 10, false],
    ['2024-01', 2, 2, 2, 90, true],
    ['2024-02', 0, 1, 1, 70, false],
    ['2024-02', 1, 0, 0, 0, true],
    ['2024-03', 0, 1, 1, 40, true],
  ])('%s offset %i: on %i, on or after %i, revenue %d, partial %s', (cohort, k, on, onOrAfter, revenue, partial) => {
    const row = m.rows.find((r) => r.key === cohort);
    const cell = row?.cells[k];
    expect(cell).toMatchObject({ offset: k, on, onOrAfter, revenue, partial });
    expect(cell?.onRate).toBe(on / (row?.size ?? 0));
    expect(cell?.onOrAfterRate).toBe(onOrAfter / (row?.size ?? 0));
  });

  it('gives revenue retention against the first period', () => {
    const jan = m.rows[0];
    expect(jan?.cells.map((c) => c.revenueRate.value)).toEqual([1, 10 / 310, 90 / 310]);
  });

  it('stops each row at the as-of period', () => {
    expect(m.rows.map((r) => r.cells.length)).toEqual([3, 2, 1]);
  });

  it('lists the members of any cell on demand', () => {
    const jan = month('2024-01-01');
    expect(cohortMembers(act, jan, 0, 'size')).toEqual(['P', 'Q', 'R']);
    expect(cohortMembers(act, jan, 1, 'on')).toEqual(['P']);
    expect(cohortMembers(act, jan, 1, 'onOrAfter')).toEqual(['P', 'Q']);
    expect(cohortMembers(act, month('2024-02-01'), 1, 'onOrAfter')).toEqual([]);
  });

  it('can start at a given cohort and restrict to a group', () => {
    expect(cohortMatrix(act, { firstCohort: month('2024-02-01') }).rows.map((r) => r.key)).toEqual(['2024-02', '2024-03']);
    const onlyQR = cohortMatrix(act, { subset: Int32Array.from([1, 2]) });
    expect(onlyQR.rows[0]?.cells.map((c) => [c.on, c.onOrAfter])).toEqual([
      [2, 2],
      [0, 1],
      [1, 1],
    ]);
  });
});

describe('cohort matrix (contracts)', () => {
  const t = mrrTimeline(
    [
      { customerKey: 'X', startDate: '2024-01-10', endDate: null, cancelledDate: null, mrr: 100 },
      { customerKey: 'Y', startDate: '2024-01-01', endDate: '2024-02-15', cancelledDate: null, mrr: 200 },
      { customerKey: 'Y', startDate: '2024-04-01', endDate: null, cancelledDate: null, mrr: 120 },
    ].map(contractSpanOf),
  );
  const cm = cohortMatrix(cohortActivityFromContracts(t, 'month', toDay('2024-04-30')));

  it('is "on" in any month with a paying day, and takes MRR at the month end as revenue', () => {
    expect(cm.rows).toHaveLength(1);
    const row = cm.rows[0];
    expect(row?.size).toBe(2);
    expect(row?.cells.map((c) => [c.periodKey, c.on, c.onOrAfter, c.revenue, c.partial])).toEqual([
      ['2024-01', 2, 2, 300, false],
      ['2024-02', 2, 2, 100, false], // Y paid until 02-15: on, but holds no MRR at the month end
      ['2024-03', 1, 2, 100, false], // Y away, back in April: not on, but on or after
      ['2024-04', 2, 2, 220, false],
    ]);
  });
});
