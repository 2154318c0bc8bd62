import { describe, expect, it } from 'vitest';
import { repairCheck, repairCheckDueOn, type RepairWindow } from '../../../shared/health';

const w = (days: number, demandCount: number | null, orderValue: number | null, npsMean: number | null): RepairWindow => ({
  days,
  demandCount,
  orderValue,
  npsMean,
});

describe('repair check (seed 001 信任重建验证)', () => {
  it('is due one calendar month after the action closes', () => {
    expect(repairCheckDueOn('2024-01-31')).toBe('2024-02-29');
    expect(repairCheckDueOn('2024-06-15T17:00:00')).toBe('2024-07-15');
  });

  it.each<[string, RepairWindow, RepairWindow, string, boolean | null]>([
    // demand 2 → 3, value 10,000 → 12,000 (+20%), NPS 6 → 7.5
    ['all three improve', w(30, 2, 10_000, 6), w(30, 3, 12_000, 7.5), 'held', true],
    // value improves, demand same, NPS same within ±0.5
    ['one improves, none worse', w(30, 2, 10_000, 6), w(30, 2, 11_000, 6.4), 'held', true],
    // value +20% but NPS 7 → 5
    ['mixed', w(30, 2, 10_000, 7), w(30, 2, 12_000, 5), 'partial', false],
    // value +4% is inside the 5% tolerance; nothing else moves
    ['nothing improved beyond tolerance', w(30, 2, 10_000, 6), w(30, 2, 10_400, 6), 'notHeld', false],
    ['worse', w(30, 3, 10_000, 8), w(30, 1, 6_000, 6), 'notHeld', false],
    ['no data either side', w(30, null, null, null), w(30, 1, 500, null), 'insufficientData', null],
    // windows of different lengths compare as rates: 4 demands / 60 days = 2 per 30 < 3 per 30
    ['rates per 30 days', w(60, 4, 20_000, null), w(30, 3, 10_000, null), 'held', true],
  ])('%s → %s', (_what, before, after, verdict, held) => {
    const r = repairCheck({ closedAt: '2024-05-01', checkedAt: '2024-06-01', before, after });
    expect(r.verdict).toBe(verdict);
    expect(r.held).toBe(held);
    expect(r.messageKey).toBe(`repair.verdicts.${verdict}`);
  });

  it('reports each indicator with its before/after rate', () => {
    const r = repairCheck({ closedAt: '2024-05-01', checkedAt: '2024-06-01', before: w(60, 4, 20_000, 6), after: w(30, 3, 9_000, null) });
    expect(r.indicators).toEqual([
      { indicator: 'demandCount', before: 2, after: 3, change: 'improved' },
      { indicator: 'orderValue', before: 10_000, after: 9_000, change: 'worse' },
      { indicator: 'nps', before: 6, after: null, change: 'na' },
    ]);
    expect(r.verdict).toBe('partial');
  });

  it('says not yet due before the month is up', () => {
    const r = repairCheck({ closedAt: '2024-05-01', checkedAt: '2024-05-31', before: w(30, 1, 1, 1), after: w(30, 5, 5, 9) });
    expect(r).toMatchObject({ verdict: 'notYetDue', held: null, dueOn: '2024-06-01' });
  });
});
