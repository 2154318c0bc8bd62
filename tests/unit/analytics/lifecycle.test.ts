import { describe, expect, it } from 'vitest';
import {
  assignLifecycle,
  contractActivity,
  contractSpanOf,
  ledgerFromOrderLines,
  lifecycleStage,
  lifecycleSummary,
  purchaseActivity,
  toDay,
  type LifecycleFacts,
  type LifecycleRules,
} from '../../../shared/analytics';

const rules: LifecycleRules = {
  newDays: 90,
  matureDays: 365,
  matureMinOrders: 3,
  riskInactiveDays: 180,
  riskWindowDays: 180,
  riskSpendDropPct: 20,
  riskContractEndDays: 90,
};
const asOf = toDay('2024-06-30');
const base: LifecycleFacts = {
  customerIndex: 0,
  customerKey: 'x',
  firstActiveDay: asOf - 200,
  activeAtAsOf: true,
  lastPurchaseDay: asOf - 10,
  orders: 5,
  recentSpend: 100,
  priorSpend: 100,
  liveUntilDay: null,
};

describe('lifecycle stage (seed 000 + risk and churned)', () => {
  it.each<[string, Partial<LifecycleFacts>, 'non-contractual' | 'contractual', string, string[]]>([
    ['not active at the as-of date', { activeAtAsOf: false }, 'non-contractual', 'churned', ['not-active']],
    ['no purchase for exactly 180 days', { lastPurchaseDay: asOf - 180 }, 'non-contractual', 'atRisk', ['inactive-too-long']],
    ['no purchase for 179 days', { lastPurchaseDay: asOf - 179 }, 'non-contractual', 'growing', ['between-new-and-mature']],
    ['spend down exactly 20%', { recentSpend: 80 }, 'non-contractual', 'atRisk', ['spend-dropped']],
    ['spend down 19%', { recentSpend: 81 }, 'non-contractual', 'growing', ['between-new-and-mature']],
    ['contract ends in 90 days', { liveUntilDay: asOf + 90 }, 'contractual', 'atRisk', ['contract-ending']],
    ['contract ends in 91 days', { liveUntilDay: asOf + 91 }, 'contractual', 'growing', ['between-new-and-mature']],
    [
      'open-ended contract',
      { liveUntilDay: Number.POSITIVE_INFINITY, firstActiveDay: asOf - 400, orders: 0 },
      'contractual',
      'mature',
      ['long-tenure-repeat-buyer'],
    ],
    ['customer for 89 days', { firstActiveDay: asOf - 89 }, 'non-contractual', 'new', ['recent-first-purchase']],
    ['customer for 90 days', { firstActiveDay: asOf - 90 }, 'non-contractual', 'growing', ['between-new-and-mature']],
    ['a year and 3 orders', { firstActiveDay: asOf - 365, orders: 3 }, 'non-contractual', 'mature', ['long-tenure-repeat-buyer']],
    ['a year but 2 orders', { firstActiveDay: asOf - 365, orders: 2 }, 'non-contractual', 'growing', ['between-new-and-mature']],
    ['364 days and many orders', { firstActiveDay: asOf - 364, orders: 30 }, 'non-contractual', 'growing', ['between-new-and-mature']],
    ['two risk signals at once', { lastPurchaseDay: asOf - 200, recentSpend: 0 }, 'non-contractual', 'atRisk', ['inactive-too-long', 'spend-dropped']],
  ])('%s', (_name, over, basis, stage, reasons) => {
    expect(lifecycleStage({ ...base, ...over }, asOf, rules, basis)).toEqual({ stage, reasons });
  });
});

describe('lifecycle from data', () => {
  const line = (customerKey: string, orderKey: string, orderDate: string, amount: number) => ({ customerKey, orderKey, orderDate, amount });
  const ledger = ledgerFromOrderLines(
    [
      line('NEW', 'n1', '2024-06-01', 10),
      line('OLD', 'o1', '2023-01-10', 10),
      line('OLD', 'o2', '2023-09-10', 10),
      line('OLD', 'o3', '2024-05-10', 10),
      line('GONE', 'g1', '2023-05-01', 10),
      line('DROP', 'd1', '2023-10-01', 100), // prior window (2023-07-04 .. 2024-01-02): 100
      line('DROP', 'd2', '2024-06-01', 50), //  recent window (2024-01-03 .. 2024-06-30): 50
      line('LATER', 'l1', '2024-07-01', 10), // not yet a customer
    ],
    ['NEW', 'OLD', 'GONE', 'DROP', 'LATER'],
  );
  const rows = assignLifecycle(purchaseActivity(ledger, 365), ledger, asOf, rules);

  it('assigns each customer who had become a customer by the as-of date', () => {
    expect(rows.map((r) => [r.customerKey, r.stage])).toEqual([
      ['NEW', 'new'],
      ['OLD', 'mature'],
      ['GONE', 'churned'],
      ['DROP', 'atRisk'],
    ]);
    expect(lifecycleSummary(rows).map((s) => [s.stage, s.count])).toEqual([
      ['new', 1],
      ['growing', 0],
      ['mature', 1],
      ['atRisk', 1],
      ['churned', 1],
    ]);
  });

  it('uses the contract end on the contractual basis', () => {
    const spans = contractActivity([
      contractSpanOf({ customerKey: 'K', startDate: '2023-01-01', endDate: '2024-08-31', cancelledDate: null, mrr: 100 }),
      contractSpanOf({ customerKey: 'L', startDate: '2023-01-01', endDate: '2024-12-31', cancelledDate: null, mrr: 100 }),
    ]);
    const r = assignLifecycle(spans, null, asOf, rules);
    expect(r.map((x) => [x.customerKey, x.stage])).toEqual([
      ['K', 'atRisk'], // ends 62 days after the as-of date
      ['L', 'mature'],
    ]);
  });
});
