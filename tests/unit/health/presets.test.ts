import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEALTH_MODEL,
  emptyFacts,
  healthPreset,
  metricRow,
  metricValues,
  roundScore,
  scoreCustomer,
  COMBINED_MODEL,
  COLLABORATION_MODEL,
  RELATIONSHIP_MODEL,
  SALES_RULES_MODEL,
} from '../../../shared/health';

describe('seed 000 preset (需求匹配度 / 实施顺畅度 / 价值感知度)', () => {
  it('weighs the three dimensions equally', () => {
    // demand conversion 60% → 70, 4 open issues → 55, NPS 9 → 100: (70 + 55 + 100) / 3 = 75
    const r = scoreCustomer(COLLABORATION_MODEL, { demandConversionPct: 60, openProjectIssues: 4, npsLatest: 9 });
    expect(r.measures.map((m) => m.points)).toEqual([70, 55, 100]);
    expect(r.score).toBe(75);
    expect(r.band).toBe('yellow');
  });

  it('scores a customer without project data on the other two', () => {
    const r = scoreCustomer(COLLABORATION_MODEL, { demandConversionPct: 80, npsLatest: 7 });
    expect(r.score).toBe(87.5); // (100 + 75) / 2
    expect(r.band).toBe('green');
  });
});

describe('seed 001 preset (消费频次 / 满意度 / 服务响应时长 / 需求转化率)', () => {
  it('is still offered, no longer the default', () => {
    expect(healthPreset('relationship')).toBe(RELATIONSHIP_MODEL);
    expect(DEFAULT_HEALTH_MODEL).toBe(COMBINED_MODEL);
  });

  it('scores a customer from facts end to end', () => {
    const f = emptyFacts('C001', '2024-06-30');
    f.lastOrderDate = '2024-06-01';
    f.ordersLast365 = 7; // → 80
    f.surveyReadings = [{ date: '2024-05-01', source: 'survey', nps: null, csat: 4.6 }]; // → 100
    f.responseHoursRecent = 20; // ≤ 24 h → 60
    f.demandsLast365 = 10;
    f.demandsConvertedLast365 = 4; // 40% → 40
    const r = scoreCustomer(RELATIONSHIP_MODEL, metricValues(f));
    expect(r.measures.map((m) => m.points)).toEqual([80, 100, 60, 40]);
    expect(r.score).toBe(70);
    expect(r.band).toBe('yellow');
  });

  it('service response follows seed 002: 2 h full marks, 24 h still passable', () => {
    const pts = (h: number) => scoreCustomer(RELATIONSHIP_MODEL, { responseHoursMedian: h }).measures[2]?.points;
    expect([pts(2), pts(2.5), pts(24), pts(30), pts(72)]).toEqual([100, 80, 60, 30, 0]);
  });
});

describe('seed 002 preset (健康 / 预警 / 流失 rules)', () => {
  const band = (v: Parameters<typeof metricRow>[0]) => scoreCustomer(SALES_RULES_MODEL, v).band;

  it.each([
    ['healthy: steady contact, no warning sign', { unansweredStreak: 0, purchaseVolumeChangePct: 5, monthsSinceLastContact: 0, npsLatest: 9 }, 'green'],
    ['预警: 3 unanswered contacts in a row', { unansweredStreak: 3, monthsSinceLastContact: 1 }, 'yellow'],
    ['not yet: 2 unanswered', { unansweredStreak: 2, monthsSinceLastContact: 1 }, 'green'],
    ['预警: purchases down exactly 20%', { purchaseVolumeChangePct: -20 }, 'yellow'],
    ['not yet: purchases down 19.9%', { purchaseVolumeChangePct: -19.9 }, 'green'],
    ['流失: 6 months without contact of any kind', { monthsSinceLastContact: 6, unansweredStreak: 3 }, 'red'],
    ['not yet: 5 months', { monthsSinceLastContact: 5 }, 'green'],
    ['no CRM notes for 8 months but an order last month is not silence', { monthsSinceLastInteraction: 8, monthsSinceLastContact: 1 }, 'green'],
    ['流失: explicit dissatisfaction (NPS 0-4)', { npsLatest: 4 }, 'red'],
  ])('%s → %s', (_what, values, expected) => {
    expect(band(values)).toBe(expected);
  });

  it('says which rule decided', () => {
    const r = scoreCustomer(SALES_RULES_MODEL, { unansweredStreak: 3, npsLatest: 3 });
    expect(r.measures.filter((m) => m.share === 1).map((m) => m.measureId)).toEqual(['explicitDissatisfaction']);
    expect(roundScore(r.score as number)).toBe(20);
  });
});

describe('combined preset (the default)', () => {
  const weights = Object.fromEntries(COMBINED_MODEL.measures.map((m) => [m.id, m.weight]));

  it('shows every weight, adding up to 100', () => {
    expect(weights).toEqual({
      purchaseRhythm: 15,
      spendTrend: 10,
      contractRenewal: 5,
      usageTrend: 10,
      serviceTrend: 5,
      ticketRatings: 5,
      surveySatisfaction: 10,
      heavySignals: 25,
      otherSignals: 15,
    });
    expect(COMBINED_MODEL.measures.every((m) => m.labelKey?.startsWith('measures.'))).toBe(true);
  });

  // Hand-checked: perfect everywhere but one open heavy signal: (100 × 75 + 0 × 25) / 100 = 75, the
  // top of yellow. With only the signal measures scored, (0 × 25 + 100 × 15) / 40 = 37.5, red.
  it('never rates a customer with an open heavy signal green', () => {
    const perfect = {
      purchaseOverdueRatio: 0.5,
      halfYearSpendChangePct: 10,
      contractDaysLeft: 200,
      usageTrendPct: 5,
      responseSlowdownPct: 0,
      ticketRatingAvg: 5,
      csatLatest: 5,
      otherSignals: 0,
    };
    expect(scoreCustomer(COMBINED_MODEL, { ...perfect, heavySignals: 0 })).toMatchObject({ score: 100, band: 'green' });
    expect(scoreCustomer(COMBINED_MODEL, { ...perfect, heavySignals: 1 })).toMatchObject({ score: 75, band: 'yellow' });
    // Signal counts alone are no score (the signal itself stays in the inbox and opens its action).
    expect(scoreCustomer(COMBINED_MODEL, { heavySignals: 1, otherSignals: 0 })).toMatchObject({ score: null, band: null, reason: 'noCustomerData' });
    const withData = scoreCustomer(COMBINED_MODEL, { heavySignals: 1, otherSignals: 0, csatLatest: 5 });
    expect(withData.score).not.toBeNull();
    expect(withData.band).not.toBe('green');
  });

  // Hand-checked: a monthly buyer (30-day rhythm) 40 days out is 1.33 gaps → 100; 75 days out is
  // 2.5 gaps → 45. A quarterly buyer 75 days out is on time.
  it("reads recency against the customer's own rhythm", () => {
    const points = (ratio: number) => scoreCustomer(COMBINED_MODEL, { purchaseOverdueRatio: ratio }).measures[0]!.points;
    expect([points(40 / 30), points(75 / 30), points(75 / 90), points(4)]).toEqual([100, 45, 100, 15]);
  });
});
