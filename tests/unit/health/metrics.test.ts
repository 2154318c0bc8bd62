import { describe, expect, it } from 'vitest';
import {
  buildMetricMatrix,
  emptyFacts,
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
  satisfaction: [
    { date: '2024-02-01', source: 'survey', nps: 8, csat: 4 },
    { date: '2024-05-01', source: 'ticket', nps: null, csat: 3 },
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
};

describe('metrics from facts', () => {
  it('computes every metric by hand-checked formulas', () => {
    expect(metricValues(full)).toEqual({
      ordersLast365: 9,
      spendTrendPct: -25, // 40,000 → 30,000
      purchaseVolumeChangePct: -25, // quantity 200 → 150
      daysSinceLastOrder: 20,
      npsLatest: 8, // the latest reading WITH an NPS
      csatLatest: 3,
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
    });
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
