import { describe, expect, it } from 'vitest';
import {
  assignTiers,
  contractSpanOf,
  mrrTimeline,
  tierFactsFromContracts,
  ledgerFromOrderLines,
  tierFactsFromLedger,
  tierSummary,
  toDay,
  type TierFacts,
  type TierThresholds,
} from '../../../shared/analytics';

const thresholds: TierThresholds = {
  strategicShare: 0.15,
  benchmarkIsStrategic: true,
  coreTopShare: 0.2,
  coreMinTenureDays: 365,
  potentialMaxTenureDays: 365,
  growthIndustries: ['新能源'],
  upgradeOrderAmount: 5000,
  yearDays: 365,
};

let index = 0;
const fact = (customerKey: string, yearlyRevenue: number, over: Partial<TierFacts> = {}): TierFacts => ({
  customerIndex: index++,
  customerKey,
  yearlyRevenue,
  maxSingleOrder: 0,
  tenureDays: 400,
  isBenchmark: false,
  industry: null,
  ...over,
});

// Yearly revenue totals 1000, so a share is revenue / 1000.
const facts = [
  fact('a', 150), //                                    exactly 15%: not "over 15%"
  fact('b', 160), //                                    16%: strategic
  fact('c', 100, { isBenchmark: true }), //             benchmark: strategic
  fact('d', 150, { tenureDays: 200 }), //               at the core bar but under a year: potential
  fact('e', 150), //                                    tied with a and d at the core bar (top 20% of 7 = 2)
  fact('f', 40, { maxSingleOrder: 5000.01 }), //        one order over the threshold: upgraded
  fact('g', 80, { tenureDays: 364 }), //                one day short of a year: potential
  fact('h', 70, { industry: '新能源' }), //              growth industry: potential
  fact('i', 100, { maxSingleOrder: 5000 }), //          exactly at the threshold: no upgrade
  fact('j', 0, { tenureDays: 30 }), //                  no revenue yet, new: potential
];
const rows = assignTiers(facts, thresholds);

describe('tiers (seed 001)', () => {
  it.each([
    ['a', 'core', ['top-revenue']],
    ['b', 'strategic', ['revenue-share']],
    ['c', 'strategic', ['benchmark']],
    ['d', 'potential', ['early-tenure']],
    ['e', 'core', ['top-revenue']],
    ['f', 'core', ['single-order-upgrade']],
    ['g', 'potential', ['early-tenure']],
    ['h', 'potential', ['growth-industry']],
    ['i', 'ordinary', ['default']],
    ['j', 'potential', ['early-tenure']],
  ])('%s is %s because %j', (key, tier, reasons) => {
    expect(rows.find((r) => r.customerKey === key)).toMatchObject({ tier, reasons });
  });

  it('states the revenue share, and the 15% boundary is strict', () => {
    expect(rows.find((r) => r.customerKey === 'a')?.revenueShare).toBe(0.15);
    expect(rows.find((r) => r.customerKey === 'b')?.revenueShare).toBe(0.16);
  });

  it('lets the consultant move the thresholds', () => {
    const lower = assignTiers(facts, { ...thresholds, strategicShare: 0.149, upgradeOrderAmount: null, benchmarkIsStrategic: false });
    expect(lower.find((r) => r.customerKey === 'a')?.tier).toBe('strategic');
    expect(lower.find((r) => r.customerKey === 'c')?.tier).not.toBe('strategic');
    expect(lower.find((r) => r.customerKey === 'f')?.tier).toBe('ordinary');
  });

  it('has no share when total revenue is not positive', () => {
    const r = assignTiers([fact('x', -10), fact('y', 0, { isBenchmark: true })], thresholds);
    expect(r.map((x) => [x.tier, x.revenueShare])).toEqual([
      ['ordinary', null],
      ['strategic', null],
    ]);
  });

  it('summarises counts and revenue per tier', () => {
    expect(tierSummary(rows).map((s) => [s.tier, s.count, s.yearlyRevenue, s.revenueShare])).toEqual([
      ['strategic', 2, 260, 0.26],
      ['core', 3, 340, 0.34],
      ['potential', 4, 300, 0.3],
      ['ordinary', 1, 100, 0.1],
    ]);
  });
});

describe('tier facts from a ledger', () => {
  const line = (customerKey: string, orderKey: string, orderDate: string, amount: number) => ({ customerKey, orderKey, orderDate, amount });
  const ledger = ledgerFromOrderLines([
    line('A', 'o0', '2022-06-01', 999), // before the year: only sets tenure
    line('A', 'o1', '2023-03-01', 100), // asOf − 366: outside the 365-day year
    line('A', 'o2', '2023-03-02', 200), // asOf − 365 + 1 = first day of the year: inside
    line('A', 'o3', '2024-02-01', 300),
    line('A', 'o3', '2024-02-01', 400), // one order of 700
    line('A', 'o4', '2024-02-01', 50),
    line('A', 'o5', '2024-02-20', -20),
    line('B', 'b1', '2024-03-05', 10), // after the as-of date: not yet a customer
  ]);
  const asOf = toDay('2024-02-29');

  it('takes revenue in the 365 days ending at the as-of date, the largest single order and tenure', () => {
    const f = tierFactsFromLedger(ledger, asOf, 365, (k) => (k === 'A' ? { isBenchmark: true, industry: '制造' } : undefined));
    expect(f).toEqual([
      {
        customerIndex: 0,
        customerKey: 'A',
        yearlyRevenue: 200 + 700 + 50 - 20,
        maxSingleOrder: 700,
        tenureDays: asOf - toDay('2022-06-01'),
        isBenchmark: true,
        industry: '制造',
      },
    ]);
  });
});

describe('tier facts from contracts', () => {
  it('uses 12 × MRR at the as-of date as the year scale and the first paying day for tenure', () => {
    const t = mrrTimeline(
      [
        { customerKey: 'K', startDate: '2023-01-01', endDate: '2023-12-31', cancelledDate: null, mrr: 100 },
        { customerKey: 'K', startDate: '2024-01-01', endDate: null, cancelledDate: null, mrr: 150 },
        { customerKey: 'L', startDate: '2024-03-01', endDate: null, cancelledDate: null, mrr: 10 },
      ].map(contractSpanOf),
    );
    const asOf = toDay('2024-02-29');
    expect(tierFactsFromContracts(t, asOf, () => undefined)).toEqual([
      {
        customerIndex: 0,
        customerKey: 'K',
        yearlyRevenue: 1800,
        maxSingleOrder: 0,
        tenureDays: asOf - toDay('2023-01-01'),
        isBenchmark: false,
        industry: null,
      },
    ]);
  });
});
