import { describe, expect, it } from 'vitest';
import { deriveActivityWindow, ledgerFromOrderLines, purchaseGaps, resolveActivityWindow, roundWindowUp, toDay } from '../../../shared/analytics';

const line = (customerKey: string, orderKey: string, orderDate: string, amount: number) => ({ customerKey, orderKey, orderDate, amount });
const asOf = toDay('2024-06-30');

describe('activity window derived from the gaps between purchases', () => {
  // Gaps by hand: A 10 and 20 days, B 60, D 30 (its return on 01-10 is no purchase), C none.
  const lines = [
    line('A', 'a1', '2024-01-01', 10),
    line('A', 'a2', '2024-01-11', 10),
    line('A', 'a3', '2024-01-31', 10),
    line('B', 'b1', '2024-01-01', 10),
    line('B', 'b2', '2024-03-01', 10),
    line('C', 'c1', '2024-01-01', 10),
    line('D', 'd1', '2024-01-05', 10),
    line('D', 'd2', '2024-01-10', -10),
    line('D', 'd3', '2024-02-04', 10),
  ];

  it('measures one gap per pair of consecutive purchase days, returns left out', () => {
    const g = purchaseGaps(ledgerFromOrderLines(lines), asOf);
    const gaps = Array.from(g.counts).flatMap((n, days) => Array<number>(n).fill(days));
    expect(gaps).toEqual([10, 20, 30, 60]);
    expect([g.total, g.repeatCustomers]).toEqual([4, 3]);
  });

  it('takes the nearest-rank P90 and rounds it up to a figure one can quote', () => {
    // Four gaps: rank ceil(0.9 × 4) = 4 → 60 days → 60.
    expect(deriveActivityWindow(ledgerFromOrderLines(lines), asOf)).toEqual({
      days: 60,
      source: 'derived',
      percentile: 0.9,
      percentileDays: 60,
      gaps: 4,
      repeatCustomers: 3,
      medianGapDays: 20,
    });
    // A fifth gap of 61 days: rank ceil(4.5) = 5 → 61 → rounded up to 90.
    const more = ledgerFromOrderLines([...lines, line('E', 'e1', '2024-04-01', 5), line('E', 'e2', '2024-06-01', 5)]);
    expect(deriveActivityWindow(more, asOf)).toMatchObject({ days: 90, percentileDays: 61, gaps: 5, medianGapDays: 30 });
  });

  it('grows its histogram for gaps longer than a year', () => {
    const g = purchaseGaps(ledgerFromOrderLines([line('A', 'a1', '2020-01-01', 5), line('A', 'a2', '2023-01-01', 5)]), asOf);
    expect(g.counts[1096]).toBe(1);
    expect(deriveActivityWindow(ledgerFromOrderLines([line('A', 'a1', '2020-01-01', 5), line('A', 'a2', '2023-01-01', 5)]), asOf)).toMatchObject({
      percentileDays: 1096,
      days: 1460,
    });
  });

  it('ignores purchases after the as-of date', () => {
    expect(deriveActivityWindow(ledgerFromOrderLines(lines), toDay('2024-02-15'))).toMatchObject({ gaps: 3, percentileDays: 30, days: 30 });
  });

  it('falls back to 365 days, and says so, when nobody bought twice', () => {
    const w = deriveActivityWindow(ledgerFromOrderLines([line('A', 'a', '2024-01-01', 5), line('B', 'b', '2024-02-01', 5)]), asOf);
    expect(w).toMatchObject({ days: 365, source: 'fallback', gaps: 0, percentileDays: null });
  });

  it("keeps the consultant's window when set, with the data's suggestion beside it", () => {
    expect(resolveActivityWindow(ledgerFromOrderLines(lines), asOf, 45)).toMatchObject({ days: 45, source: 'set', percentileDays: 60 });
  });

  it.each([
    [1, 30],
    [30, 30],
    [31, 60],
    [95, 120],
    [181, 270],
    [365, 365],
    [366, 730],
    [800, 1095],
  ])('rounds %i days up to %i', (d, w) => expect(roundWindowUp(d)).toBe(w));
});
