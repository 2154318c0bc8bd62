// The indicator system on hand-built data: each indicator's value with its denominator, and the
// absent-with-reason cases.
import { describe, expect, it } from 'vitest';
import { TierParamsSchema } from '../../../shared/analytics/params';
import {
  compareToBaseline,
  computeIndicators,
  periodEnding,
  periodSeries,
  type IndicatorData,
  type IndicatorId,
  type IndicatorSettings,
  type IndicatorValue,
} from '../../../shared/impact/indicators';

const settings: IndicatorSettings = { activityWindowDays: 365, renewalGraceDays: 30, tiers: TierParamsSchema.parse({}) };
const Q3 = periodEnding('2026-09-30', 'quarter'); // 2026-07-01 .. 2026-09-30
const none: IndicatorData = { customers: [], orders: [], contracts: [], surveys: [], repairs: [] };
const pick = (values: IndicatorValue[], id: IndicatorId): IndicatorValue => values.find((v) => v.id === id) as IndicatorValue;
const cust = (key: string, extra: Partial<IndicatorData['customers'][number]> = {}): IndicatorData['customers'][number] => ({
  key,
  isBenchmark: false,
  industry: null,
  segment: null,
  tags: [],
  firstSeen: null,
  churnDate: null,
  ...extra,
});
const order = (customerKey: string, date: string, amount: number, category: string | null = 'A', channel: string | null = null) => ({
  customerKey,
  date,
  amount,
  category,
  product: null,
  channel,
});

describe('periods', () => {
  it('a quarter ends on the as-of date; the series runs oldest first without gaps', () => {
    expect(Q3).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    const s = periodSeries('2026-09-30', 'month', 3);
    expect(s.map((p) => [p.from, p.to])).toEqual([
      ['2026-07-01', '2026-07-31'],
      ['2026-08-01', '2026-08-31'],
      ['2026-09-01', '2026-09-30'],
    ]);
  });
});

describe('with no data at all, every indicator says what it needs', () => {
  it('absent with a reason, never a zero', () => {
    const values = computeIndicators(none, Q3, settings);
    expect(values.map((v) => [v.id, v.value, v.absentReason])).toEqual([
      ['strategicRetention', null, 'needsRevenue'],
      ['coreRenewal', null, 'needsContracts'],
      ['arpuGrowth', null, 'needsRevenue'],
      ['crossSell', null, 'needsCategories'],
      ['nps', null, 'needsSurveys'],
      ['referralShare', null, 'needsReferralSource'],
      ['highRiskRepairSuccess', null, 'needsHighRiskActions'],
      ['winBack', null, 'needsOrders'],
    ]);
  });
});

describe('each indicator on a hand-built engagement', () => {
  // S1 and S2 earn most of the year's revenue (strategic, > 15% each); S2 churns in August.
  // C1..C5 are small steady buyers; L1 lapsed in 2024 and buys again in Q3 (won back); L2 stays away.
  const data: IndicatorData = {
    customers: [
      cust('S1'),
      cust('S2', { churnDate: '2026-08-15' }),
      ...['C1', 'C2', 'C3', 'C4', 'C5'].map((k) => cust(k)),
      cust('L1'),
      cust('L2'),
      cust('N1', { tags: ['转介绍'] }),
      cust('N2'),
    ],
    orders: [
      order('S1', '2025-12-01', 100_000),
      order('S1', '2026-08-01', 50_000),
      order('S2', '2025-12-01', 100_000),
      ...['C1', 'C2', 'C3', 'C4', 'C5'].flatMap((k, i) => [
        order(k, '2025-11-01', 1000),
        order(k, '2026-04-01', 1000),
        order(k, '2026-08-01', 1000, i < 2 ? 'B' : 'A'),
      ]),
      order('L1', '2024-03-01', 500),
      order('L1', '2026-09-01', 700),
      order('L2', '2024-03-01', 500),
      order('N1', '2026-07-10', 300),
      order('N2', '2026-07-20', 300),
    ],
    contracts: [],
    surveys: [
      { customerKey: 'C1', date: '2026-08-01', nps: 10 },
      { customerKey: 'C2', date: '2026-08-01', nps: 9 },
      { customerKey: 'C3', date: '2026-08-01', nps: 8 },
      { customerKey: 'C4', date: '2026-08-01', nps: 3 },
      { customerKey: 'C5', date: '2026-01-01', nps: 0 }, // outside the quarter
    ],
    repairs: [
      { customerKey: 'C1', highRisk: true, closedAt: '2026-07-05T10:00:00', verdict: 'held' },
      { customerKey: 'C2', highRisk: true, closedAt: '2026-08-05T10:00:00', verdict: 'notHeld' },
      { customerKey: 'C3', highRisk: true, closedAt: '2026-09-05T10:00:00', verdict: 'held' },
      { customerKey: 'C4', highRisk: true, closedAt: '2026-09-20T10:00:00', verdict: 'notYetDue' }, // no verdict yet: not counted
      { customerKey: 'C5', highRisk: false, closedAt: '2026-08-05T10:00:00', verdict: 'notHeld' }, // not high risk
    ],
  };
  const v = computeIndicators(data, Q3, settings);

  it('strategic-tier retention: S1 kept, S2 churned → 1 / 2', () => {
    expect(pick(v, 'strategicRetention')).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, small: true });
  });
  it('ARPU growth: this quarter’s revenue per payer over last quarter’s', () => {
    // Q3: S1 50,000 + C1..C5 5 × 1,000 + L1 700 + N1 300 + N2 300 = 56,300 over 9 payers; Q2: C1..C5 1,000 each.
    const a = pick(v, 'arpuGrowth');
    expect(a.numerator).toBeCloseTo(56_300 / 9, 6);
    expect(a.denominator).toBeCloseTo(1000, 6);
    expect(a.value).toBeCloseTo(56_300 / 9 / 1000 - 1, 10);
  });
  it('cross-sell: of the 7 who bought in the prior year, C1 and C2 bought a new category', () => {
    // Prior-year buyers: S1, S2, C1..C5 (L1 and L2 last bought in 2024).
    expect(pick(v, 'crossSell')).toMatchObject({ numerator: 2, denominator: 7 });
  });
  it('NPS: 2 promoters, 1 passive, 1 detractor of 4 answers in the quarter → +25', () => {
    expect(pick(v, 'nps')).toMatchObject({ value: 25, numerator: 1, denominator: 4, unit: 'points' });
  });
  it('referral share: N1 (tagged 转介绍) of the two new customers', () => {
    expect(pick(v, 'referralShare')).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
  });
  it('high-risk repair success: 2 held of 3 checked; not-yet-due and low-risk left out', () => {
    expect(pick(v, 'highRiskRepairSuccess')).toMatchObject({ numerator: 2, denominator: 3 });
  });
  it('win-back: L1 came back, L2 did not', () => {
    expect(pick(v, 'winBack')).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
  });
  it('core renewal needs contracts', () => {
    expect(pick(v, 'coreRenewal')).toMatchObject({ value: null, absentReason: 'needsContracts' });
  });
  it('NPS per quarter: one detractor alone in Q1 is −100 (marked small); no answers in Q2 says so', () => {
    expect(pick(computeIndicators(data, periodEnding('2026-03-31', 'quarter'), settings), 'nps')).toMatchObject({ value: -100, denominator: 1, small: true });
    expect(pick(computeIndicators(data, periodEnding('2026-06-30', 'quarter'), settings), 'nps')).toMatchObject({
      value: null,
      absentReason: 'noSurveysInPeriod',
    });
  });
});

describe('core-tier renewal on contracts', () => {
  it('a contract renewed (named by its successor) and one left to lapse → 1 / 2', () => {
    // Ten customers with a year's contract each; K1 and K2 are the top 20% by revenue (none over 15%
    // of the total, so none strategic) → core. K1's contract is renewed, K2's lapses.
    const mk = (k: string, mrr: number) => ({
      key: `${k}-1`,
      customerKey: k,
      start: '2025-08-01',
      end: '2026-07-31',
      cancelled: null,
      mrr,
      status: null,
      renewalOf: null,
    });
    const data: IndicatorData = {
      ...none,
      customers: ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10'].map((k) => cust(k)),
      contracts: [
        mk('K1', 1200),
        mk('K2', 1100),
        ...['K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10'].map((k) => mk(k, 1000)),
        { key: 'K1-2', customerKey: 'K1', start: '2026-08-01', end: '2027-07-31', cancelled: null, mrr: 1200, status: null, renewalOf: 'K1-1' },
      ],
    };
    // K1 and K2 started 2025-08 and the tiering wants a year's tenure: as of 2026-06-30 they have 333 days.
    const loose = { ...settings, tiers: { ...settings.tiers, coreMinTenureDays: 300 } };
    const v = computeIndicators(data, Q3, loose);
    expect(pick(v, 'coreRenewal')).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    // With the default one-year tenure nobody is core yet: absent, with the reason.
    expect(pick(computeIndicators(data, Q3, settings), 'coreRenewal')).toMatchObject({ value: null, absentReason: 'noCoreEnding' });
  });
});

describe('deviation from the baseline', () => {
  it('flags a change beyond ±15% of the baseline, relative to it', () => {
    const base: IndicatorValue[] = [
      { id: 'nps', unit: 'points', value: 20, numerator: null, denominator: 100, absentReason: null, small: false },
      { id: 'winBack', unit: 'percent', value: 0.1, numerator: null, denominator: 100, absentReason: null, small: false },
      { id: 'crossSell', unit: 'percent', value: 0.2, numerator: null, denominator: 100, absentReason: null, small: false },
    ];
    const now: IndicatorValue[] = [
      { ...(base[0] as IndicatorValue), value: 24 }, // +20%: above
      { ...(base[1] as IndicatorValue), value: 0.08 }, // −20%: below
      { ...(base[2] as IndicatorValue), value: 0.21 }, // +5%: within
      { id: 'referralShare', unit: 'percent', value: null, numerator: null, denominator: null, absentReason: 'needsReferralSource', small: false },
    ];
    const rows = compareToBaseline(base, now, 0.15);
    expect(rows.map((r) => r.flag)).toEqual(['above', 'below', 'within', 'na']);
    expect(rows[0]?.change).toBe(4);
    expect(rows[1]?.relativeChange).toBeCloseTo(-0.2, 12);
    // The threshold is editable: at 25% the NPS rise is within.
    expect(compareToBaseline(base, now, 0.25)[0]?.flag).toBe('within');
  });
});
