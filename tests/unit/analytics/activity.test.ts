import { describe, expect, it } from 'vitest';
import {
  OPEN_END,
  contractActivity,
  contractSpanOf,
  firstActiveDay,
  fromDay,
  isActiveAt,
  ledgerFromOrderLines,
  purchaseActivity,
  toDay,
} from '../../../shared/analytics';

const line = (customerKey: string, orderKey: string, orderDate: string, amount: number) => ({ customerKey, orderKey, orderDate, amount });

describe('non-contractual activity (purchase within the window ending at d)', () => {
  const ledger = ledgerFromOrderLines([
    line('A', 'o1', '2023-01-01', 100),
    line('B', 'r1', '2023-06-01', -50), // a return alone is not activity
    line('B', 'o2', '2023-07-01', 30),
    line('B', 'o2', '2023-07-01', -30), // an order whose lines net to zero is not a purchase
    line('C', 'f1', '2023-05-01', 0), // a free line is not a purchase
  ]);
  const a365 = purchaseActivity(ledger, 365);
  const a30 = purchaseActivity(ledger, 30);

  it.each([
    ['2022-12-31', false],
    ['2023-01-01', true], // the purchase day itself
    ['2023-12-31', true], // day 365 of the window
    ['2024-01-01', false],
  ])('A with a 365-day window at %s: %s', (day, active) => {
    expect(isActiveAt(a365, 0, toDay(day))).toBe(active);
  });

  it.each([
    ['2023-01-30', true],
    ['2023-01-31', false],
  ])('A with a 30-day window at %s: %s', (day, active) => {
    expect(isActiveAt(a30, 0, toDay(day))).toBe(active);
  });

  it('ignores returns, zero-value orders and free lines', () => {
    expect(firstActiveDay(a365, 1)).toBeNull();
    expect(firstActiveDay(a365, 2)).toBeNull();
    expect(isActiveAt(a365, 1, toDay('2023-07-01'))).toBe(false);
  });

  it('merges overlapping windows into one span', () => {
    const l = ledgerFromOrderLines([line('X', 'a', '2024-01-01', 1), line('X', 'b', '2024-01-20', 1), line('X', 'c', '2024-03-01', 1)]);
    const s = purchaseActivity(l, 30);
    expect([...s.starts].map(fromDay)).toEqual(['2024-01-01', '2024-03-01']);
    expect([...s.ends].map(fromDay)).toEqual(['2024-02-18', '2024-03-30']);
  });
});

describe('contractual activity (live contract with MRR > 0)', () => {
  const spans = [
    contractSpanOf({ customerKey: 'A', startDate: '2024-01-01', endDate: '2024-06-30', cancelledDate: '2024-03-10', mrr: 100 }),
    contractSpanOf({ customerKey: 'B', startDate: '2024-01-01', endDate: null, cancelledDate: null, mrr: 50 }),
    contractSpanOf({ customerKey: 'C', startDate: '2024-01-01', endDate: null, cancelledDate: null, mrr: 0 }),
    contractSpanOf({ customerKey: 'D', startDate: '2024-01-01', endDate: '2024-01-31', cancelledDate: null, mrr: 10 }),
    contractSpanOf({ customerKey: 'D', startDate: '2024-02-01', endDate: '2024-02-29', cancelledDate: null, mrr: 10 }),
  ];
  const a = contractActivity(spans);

  it('reads the live days as [start, min(end, cancelled)]', () => {
    expect(spans[0]).toMatchObject({ startDay: toDay('2024-01-01'), endDay: toDay('2024-03-10') });
    expect(spans[1]?.endDay).toBe(OPEN_END);
  });

  it.each([
    ['A', '2023-12-31', false],
    ['A', '2024-01-01', true],
    ['A', '2024-03-10', true], // the cancellation day is not "before d"
    ['A', '2024-03-11', false],
    ['B', '2030-01-01', true], // open-ended
    ['C', '2024-02-01', false], // zero-MRR contract does not make a customer
    ['D', '2024-02-15', true],
  ])('%s at %s: %s', (key, day, active) => {
    expect(isActiveAt(a, a.customerKeys.indexOf(key), toDay(day))).toBe(active);
  });

  it('joins back-to-back contracts into one span (a renewal is no lapse)', () => {
    const d = a.customerKeys.indexOf('D');
    expect((a.offsets[d + 1] as number) - (a.offsets[d] as number)).toBe(1);
  });

  it('keeps a given customer order and appends unknown customers', () => {
    const b = contractActivity(spans, ['Z', 'B']);
    expect(b.customerKeys).toEqual(['Z', 'B', 'A', 'D']);
    expect(firstActiveDay(b, 0)).toBeNull();
  });
});
