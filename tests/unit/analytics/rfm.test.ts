import { describe, expect, it } from 'vitest';
import {
  CLASSIC_SEGMENT_RULES,
  VALUE_GROUP_RULES,
  cutScore,
  ledgerFromOrderLines,
  quintileScores,
  scoreRfm,
  segmentMovement,
  segmentOf,
  segmentSummary,
  toDay,
  type RfmOptions,
  type RfmRow,
} from '../../../shared/analytics';

const line = (customerKey: string, orderKey: string, orderDate: string, amount: number) => ({ customerKey, orderKey, orderDate, amount });

const options: RfmOptions = {
  scoring: 'quintiles',
  cuts: { recency: [30, 90, 180, 365], frequency: [2, 3, 5, 10], monetary: [1000, 5000, 20000, 100000] },
  lookbackDays: null,
  classicRules: CLASSIC_SEGMENT_RULES,
  valueGroupRules: VALUE_GROUP_RULES,
};

describe('RFM values as of a date', () => {
  const ledger = ledgerFromOrderLines([
    line('A', 'o1', '2024-01-01', 60),
    line('A', 'o1', '2024-01-01', 40), // two lines, one order
    line('A', 'o2', '2024-02-01', 50),
    line('A', 'o3', '2024-02-10', -30), // a return: not a purchase, lowers monetary
    line('A', 'o4', '2024-03-05', 500), // after the as-of date
    line('B', 'b1', '2024-03-05', 10), // only after the as-of date: not scored
  ]);
  const rows = scoreRfm(ledger, toDay('2024-03-01'), options);

  it('counts recency from the last positive order, distinct orders, and net value', () => {
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ customerKey: 'A', lastPurchase: '2024-02-01', recencyDays: 29, frequency: 2, monetary: 120 });
  });

  it('limits frequency and monetary to a lookback window when asked', () => {
    const r = scoreRfm(ledger, toDay('2024-03-01'), { ...options, lookbackDays: 40 });
    // Window 2024-01-22 .. 2024-03-01: o2 and the return.
    expect(r[0]).toMatchObject({ recencyDays: 29, frequency: 1, monetary: 20 });
  });
});

describe('quintile scores', () => {
  it.each([
    ['distinct values', [1, 2, 3, 4, 5], true, [1, 2, 3, 4, 5]],
    // Six tied at the bottom share position 0's score; the pair of 2s takes position 6's: floor(6*5/10)+1 = 4.
    ['a large tie at the bottom', [1, 1, 1, 1, 1, 1, 2, 2, 3, 4], true, [1, 1, 1, 1, 1, 1, 4, 4, 5, 5]],
    ['recency, lower is better, with a tie at the top', [10, 10, 20, 30, 400], false, [4, 4, 3, 2, 1]],
    ['all equal', [7, 7, 7], true, [1, 1, 1]],
  ])('%s', (_name, values, higher, expected) => {
    expect([...quintileScores(values, higher)]).toEqual(expected);
  });

  it('gives tied values the same score whatever the input order', () => {
    const a = [5, 1, 3, 1, 5, 2, 1, 4, 5, 3];
    const b = [...a].reverse();
    const sa = quintileScores(a, true);
    const sb = quintileScores(b, true);
    const byValue = (vals: number[], s: Uint8Array) => new Map(vals.map((v, i) => [v, s[i]]));
    expect(byValue(a, sa)).toEqual(byValue(b, sb));
  });
});

describe('cut-point scores at the boundaries', () => {
  it.each([
    [1, 1],
    [2, 2], // at a cut point: the higher score
    [4, 3],
    [5, 4],
    [9, 4],
    [10, 5],
  ])('frequency %i scores %i', (v, s) => expect(cutScore(v, [2, 3, 5, 10], true)).toBe(s));
  it.each([
    [0, 5],
    [30, 5], // at a cut point: still within it
    [31, 4],
    [90, 4],
    [91, 3],
    [365, 2],
    [366, 1],
  ])('recency %i days scores %i', (v, s) => expect(cutScore(v, [30, 90, 180, 365], false)).toBe(s));
});

describe('segments', () => {
  it.each([
    [5, 5, 1, 'champions'],
    [5, 1, 5, 'newCustomers'],
    [4, 1, 1, 'promising'],
    [4, 4, 1, 'loyal'],
    [4, 3, 1, 'potentialLoyalists'],
    [3, 3, 3, 'needAttention'],
    [3, 2, 3, 'aboutToSleep'],
    [2, 5, 5, 'cannotLose'],
    [1, 3, 5, 'atRisk'],
    [2, 2, 2, 'hibernating'],
    [1, 1, 1, 'lost'],
  ])('R%i F%i M%i is %s', (r, f, mm, id) => expect(segmentOf(CLASSIC_SEGMENT_RULES, r, f, mm)).toBe(id));

  it('puts every R × F cell in exactly one classic segment', () => {
    for (let r = 1; r <= 5; r += 1) {
      for (let f = 1; f <= 5; f += 1) {
        const hits = CLASSIC_SEGMENT_RULES.filter((x) => r >= x.r[0] && r <= x.r[1] && f >= x.f[0] && f <= x.f[1]);
        expect(
          hits.map((h) => h.id),
          `R${r} F${f}`,
        ).toHaveLength(1);
      }
    }
  });

  it.each([
    [2, 5, 5, 'dormantReactivate'],
    [1, 1, 1, 'dormantReactivate'],
    [3, 4, 4, 'highValueLoyal'],
    [5, 5, 5, 'highValueLoyal'],
    [3, 4, 3, 'potentialNurture'],
    [5, 1, 1, 'potentialNurture'],
  ])('value groups: R%i F%i M%i is %s', (r, f, mm, id) => expect(segmentOf(VALUE_GROUP_RULES, r, f, mm)).toBe(id));

  const row = (customerIndex: number, segment: string, valueGroup: string, monetary: number): RfmRow => ({
    customerIndex,
    customerKey: `c${customerIndex}`,
    lastPurchase: '2024-01-01',
    recencyDays: 1,
    frequency: 1,
    monetary,
    r: 1,
    f: 1,
    m: 1,
    segment,
    valueGroup,
  });

  it('sums counts and value per segment', () => {
    const rows = [row(0, 'champions', 'highValueLoyal', 300), row(1, 'champions', 'highValueLoyal', 100), row(2, 'lost', 'dormantReactivate', 100)];
    const s = segmentSummary(rows, 'valueGroups', VALUE_GROUP_RULES);
    expect(s.map((x) => [x.segment, x.count, x.monetary, x.monetaryShare.value])).toEqual([
      ['dormantReactivate', 1, 100, 0.2],
      ['highValueLoyal', 2, 400, 0.8],
      ['potentialNurture', 0, 0, 0],
    ]);
    expect(segmentSummary(rows, 'classic', CLASSIC_SEGMENT_RULES).find((x) => x.segment === 'champions')?.share).toBe(2 / 3);
  });

  it('builds a movement matrix between two dates, with unscored customers', () => {
    const before = [row(0, 'champions', 'x', 0), row(1, 'champions', 'x', 0), row(2, 'atRisk', 'x', 0)];
    const after = [row(0, 'champions', 'x', 0), row(1, 'atRisk', 'x', 0), row(2, 'lost', 'x', 0), row(3, 'newCustomers', 'x', 0)];
    const mv = segmentMovement(before, after, 'classic', CLASSIC_SEGMENT_RULES);
    const at = (from: string, to: string) => mv.counts[mv.segments.indexOf(from)]?.[mv.segments.indexOf(to)];
    expect(at('champions', 'champions')).toBe(1);
    expect(at('champions', 'atRisk')).toBe(1);
    expect(at('atRisk', 'lost')).toBe(1);
    expect(at('unscored', 'newCustomers')).toBe(1);
    expect(mv.counts.flat().reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('scores a real ledger end to end with quintiles', () => {
    // Five customers with 1..5 orders, all on 2024-01-0k, values 10 × k.
    const lines = [1, 2, 3, 4, 5].flatMap((k) => Array.from({ length: k }, (_, j) => line(`C${k}`, `C${k}-${j}`, `2024-01-0${k}`, 10)));
    const rows = scoreRfm(ledgerFromOrderLines(lines), toDay('2024-01-10'), options);
    expect(rows.map((r) => [r.customerKey, r.r, r.f, r.m, r.segment, r.valueGroup])).toEqual([
      ['C1', 1, 1, 1, 'lost', 'dormantReactivate'],
      ['C2', 2, 2, 2, 'hibernating', 'dormantReactivate'],
      ['C3', 3, 3, 3, 'needAttention', 'potentialNurture'],
      ['C4', 4, 4, 4, 'loyal', 'highValueLoyal'],
      ['C5', 5, 5, 5, 'champions', 'highValueLoyal'],
    ]);
  });
});
