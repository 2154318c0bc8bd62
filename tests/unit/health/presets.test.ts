import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEALTH_MODEL,
  emptyFacts,
  healthPreset,
  metricRow,
  metricValues,
  roundScore,
  scoreCustomer,
  SEED_000_MODEL,
  SEED_001_MODEL,
  SEED_002_MODEL,
} from '../../../shared/health';

describe('seed 000 preset (需求匹配度 / 实施顺畅度 / 价值感知度)', () => {
  it('weighs the three dimensions equally', () => {
    // demand conversion 60% → 70, 4 open issues → 55, NPS 9 → 100: (70 + 55 + 100) / 3 = 75
    const r = scoreCustomer(SEED_000_MODEL, { demandConversionPct: 60, openProjectIssues: 4, npsLatest: 9 });
    expect(r.measures.map((m) => m.points)).toEqual([70, 55, 100]);
    expect(r.score).toBe(75);
    expect(r.band).toBe('yellow');
  });

  it('scores a customer without project data on the other two', () => {
    const r = scoreCustomer(SEED_000_MODEL, { demandConversionPct: 80, npsLatest: 7 });
    expect(r.score).toBe(87.5); // (100 + 75) / 2
    expect(r.band).toBe('green');
  });
});

describe('seed 001 preset (消费频次 / 满意度 / 服务响应时长 / 需求转化率), the default', () => {
  it('is the default model', () => {
    expect(DEFAULT_HEALTH_MODEL).toBe(SEED_001_MODEL);
    expect(healthPreset('seed001')).toBe(SEED_001_MODEL);
  });

  it('scores a customer from facts end to end', () => {
    const f = emptyFacts('C001', '2024-06-30');
    f.lastOrderDate = '2024-06-01';
    f.ordersLast365 = 7; // → 80
    f.satisfaction = [{ date: '2024-05-01', source: 'survey', nps: null, csat: 4.6 }]; // → 100
    f.responseHoursRecent = 20; // ≤ 24 h → 60
    f.demandsLast365 = 10;
    f.demandsConvertedLast365 = 4; // 40% → 40
    const r = scoreCustomer(SEED_001_MODEL, metricValues(f));
    expect(r.measures.map((m) => m.points)).toEqual([80, 100, 60, 40]);
    expect(r.score).toBe(70);
    expect(r.band).toBe('yellow');
  });

  it('service response follows seed 002: 2 h full marks, 24 h still passable', () => {
    const pts = (h: number) => scoreCustomer(SEED_001_MODEL, { responseHoursMedian: h }).measures[2]?.points;
    expect([pts(2), pts(2.5), pts(24), pts(30), pts(72)]).toEqual([100, 80, 60, 30, 0]);
  });
});

describe('seed 002 preset (健康 / 预警 / 流失 rules)', () => {
  const band = (v: Parameters<typeof metricRow>[0]) => scoreCustomer(SEED_002_MODEL, v).band;

  it.each([
    ['healthy: steady contact, no warning sign', { unansweredStreak: 0, purchaseVolumeChangePct: 5, monthsSinceLastInteraction: 0, npsLatest: 9 }, 'green'],
    ['预警: 3 unanswered contacts in a row', { unansweredStreak: 3, monthsSinceLastInteraction: 1 }, 'yellow'],
    ['not yet: 2 unanswered', { unansweredStreak: 2, monthsSinceLastInteraction: 1 }, 'green'],
    ['预警: purchases down exactly 20%', { purchaseVolumeChangePct: -20 }, 'yellow'],
    ['not yet: purchases down 19.9%', { purchaseVolumeChangePct: -19.9 }, 'green'],
    ['流失: 6 months without interaction', { monthsSinceLastInteraction: 6, unansweredStreak: 3 }, 'red'],
    ['not yet: 5 months', { monthsSinceLastInteraction: 5 }, 'green'],
    ['流失: explicit dissatisfaction (NPS 0-4)', { npsLatest: 4 }, 'red'],
  ])('%s → %s', (_what, values, expected) => {
    expect(band(values)).toBe(expected);
  });

  it('says which rule decided', () => {
    const r = scoreCustomer(SEED_002_MODEL, { unansweredStreak: 3, npsLatest: 3 });
    expect(r.measures.filter((m) => m.share === 1).map((m) => m.measureId)).toEqual(['explicitDissatisfaction']);
    expect(roundScore(r.score as number)).toBe(20);
  });
});
