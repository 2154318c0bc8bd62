import { describe, expect, it } from 'vitest';
import {
  buildMetricMatrix,
  emptyFacts,
  fillSignalMetrics,
  HEALTH_METRICS,
  METRIC_COUNT,
  metricIndex,
  metricValues,
  type CustomerFacts,
} from '../../../shared/health';

const full: CustomerFacts = {
  ...emptyFacts('C001', '2024-06-30'),
  interactionsLast90: 6,
  interactionsPrev90: 8,
  lastInteractionDate: '2024-03-29',
  outreach: [
    { date: '2024-05-01', channel: '电话', responded: true },
    { date: '2024-05-20', channel: '微信', responded: null },
    { date: '2024-06-01', channel: '邮件', responded: false },
    { date: '2024-06-15', channel: '电话', responded: false },
  ],
  periods: [
    { start: '2024-01-01', orders: 4, quantity: 200, spend: 40_000 },
    { start: '2024-04-01', orders: 3, quantity: 150, spend: 30_000 },
  ],
  ordersLast365: 9,
  lastOrderDate: '2024-06-10',
  orderRhythmDays: 40,
  spendRecent: 40_000,
  spendPrior: 50_000,
  lastContactDate: '2024-06-20',
  lastContactSource: 'interaction',
  contracts: [
    { contractKey: 'HT-1', endDate: '2024-08-29', mrr: 1000, renewed: false },
    { contractKey: 'HT-2', endDate: '2024-07-15', mrr: 500, renewed: true },
  ],
  surveyReadings: [{ date: '2024-02-01', source: 'survey', nps: 8, csat: 4 }],
  ticketRatings: [
    { date: '2024-05-01', source: 'ticket', nps: null, csat: 3 },
    { date: '2024-06-01', source: 'ticket', nps: null, csat: 5 },
  ],
  lastDemandDate: '2024-06-20',
  demandsLast365: 8,
  demandsConvertedLast365: 6,
  demandFeedback: [
    { raisedOn: '2024-05-01', answeredOn: '2024-05-09', waitDays: 8 },
    { raisedOn: '2024-06-20', answeredOn: null, waitDays: 10 },
  ],
  responseHoursRecent: 6,
  responseHoursBaseline: 4,
  ticketsRecent: 5,
  loginsRecent: 45,
  loginsPrevious: 60,
  openProjectIssues: 3,
  projectDelayDays: 12,
  churnScore: { runId: 4, scoredAsOf: '2024-06-28', probability: 0.35, rank: 12, scored: 200 },
  lifetimeValue: { runId: 2, asOf: '2024-06-28', pAlive: 0.8, clv: 12_000, clvPercentile: 90 },
};

describe('metrics from facts', () => {
  it('computes every metric by hand-checked formulas', () => {
    expect(metricValues(full)).toEqual({
      ordersLast365: 9,
      spendTrendPct: -25, // 40,000 → 30,000
      purchaseVolumeChangePct: -25, // quantity 200 → 150
      daysSinceLastOrder: 20,
      npsLatest: 8, // the latest survey reading WITH an NPS
      csatLatest: 4, // the latest survey answer; ticket ratings are their own series
      responseHoursMedian: 6,
      responseSlowdownPct: 50, // 6 h vs 4 h baseline
      interactionsLast90: 6,
      interactionTrendPct: -25, // 8 → 6
      monthsSinceLastInteraction: 3, // 2024-03-29 → 2024-06-30
      outreachResponseRatePct: (1 / 3) * 100, // unknowns are left out of the denominator
      unansweredStreak: 2,
      usageTrendPct: -25, // 60 → 45
      openProjectIssues: 3,
      projectDelayDays: 12,
      demandConversionPct: 75,
      daysSinceLastDemand: 10,
      maxDemandWaitDays: 10,
      purchaseOverdueRatio: 0.5, // 20 days since the last order ÷ a 40-day rhythm
      halfYearSpendChangePct: -20, // 40,000 in the last 180 days against 50,000 in the 180 before
      contractDaysLeft: 60, // HT-1 ends 2024-08-29; HT-2 is renewed
      ticketRatingAvg: 4, // (3 + 5) / 2
      monthsSinceLastContact: 0, // 2024-06-20 → 2024-06-30
      heavySignals: null, // filled by the run from the signals it evaluated
      otherSignals: null,
      churnProbabilityPct: 35, // the stored churn run's 0.35, in percent
      pAlivePct: 80,
      clvPercentile: 90,
    });
  });

  it('model measures are absent (never 0) when the run read no model or the model did not score the customer', () => {
    const v = metricValues({ ...full, churnScore: null, lifetimeValue: null });
    expect([v.churnProbabilityPct, v.pAlivePct, v.clvPercentile]).toEqual([null, null, null]);
    // A customer with P(alive) but no modelled spend: P(alive) stands, the CLV percentile is absent.
    const noSpend = metricValues({ ...full, lifetimeValue: { runId: 2, asOf: '2024-06-28', pAlive: 0.4, clv: null, clvPercentile: null } });
    expect([noSpend.pAlivePct, noSpend.clvPercentile]).toEqual([40, null]);
  });

  it('half-year spend change: nothing before the window gives no trend, not a rise from zero', () => {
    expect(metricValues({ ...full, spendPrior: 0 }).halfYearSpendChangePct).toBeNull();
    expect(metricValues({ ...full, spendRecent: 0 }).halfYearSpendChangePct).toBe(-100);
  });

  it('signal counts go into the metric row the run stores', () => {
    const row = new Float64Array(METRIC_COUNT).fill(Number.NaN);
    fillSignalMetrics(row, 0, ['heavy', 'light', 'medium', 'heavy']);
    expect([row[metricIndex('heavySignals')], row[metricIndex('otherSignals')]]).toEqual([2, 2]);
  });

  it('a customer without a buying rhythm (fewer than 3 order days) has no overdue ratio', () => {
    expect(metricValues({ ...full, orderRhythmDays: null }).purchaseOverdueRatio).toBeNull();
  });

  it('a customer with no data has no metric values at all (NA, never zero)', () => {
    const v = metricValues(emptyFacts('C002', '2024-06-30'));
    expect(Object.values(v).every((x) => x === null)).toBe(true);
  });

  it('zero previous activity gives no trend rather than an infinite one', () => {
    const v = metricValues({ ...full, interactionsPrev90: 0, loginsPrevious: 0, responseHoursBaseline: 0 });
    expect([v.interactionTrendPct, v.usageTrendPct, v.responseSlowdownPct]).toEqual([null, null, null]);
  });

  it('lays the matrix out row-major with NaN for NA', () => {
    const m = buildMetricMatrix([full, emptyFacts('C002', '2024-06-30')]);
    expect(m.length).toBe(2 * METRIC_COUNT);
    expect(METRIC_COUNT).toBe(HEALTH_METRICS.length);
    expect(m[metricIndex('demandConversionPct')]).toBe(75);
    expect(Number.isNaN(m[METRIC_COUNT + metricIndex('demandConversionPct')] as number)).toBe(true);
  });
});
