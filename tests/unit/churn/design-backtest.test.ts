import { describe, expect, it } from 'vitest';
import { applyDesign, fitDesign, type RawFeatureSet } from '../../../shared/churn/design';
import { summariseBacktest } from '../../../shared/churn/backtest';
import { featureLabel } from '../../../shared/churn/labels';

const n = 40;
const y = Uint8Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0));
const raw: RawFeatureSet = {
  keys: Array.from({ length: n }, (_, i) => `C${i}`),
  numeric: [
    { ref: { id: 'spend', key: 'churn:features.spend365' }, values: Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? NaN : i)) },
    { ref: { id: 'flat', key: 'x:flat' }, values: new Float64Array(n).fill(3) },
    { ref: { id: 'rare', key: 'x:rare' }, values: Float64Array.from({ length: n }, (_, i) => (i === 0 ? 1 : NaN)) },
    { ref: { id: 'leaky', key: 'x:leaky' }, values: Float64Array.from(y) },
    { ref: { id: 'issues', key: 'x:issues' }, values: Float64Array.from({ length: n }, (_, i) => i % 3), snapshot: true },
  ],
  categorical: [
    {
      ref: { id: 'attr:industry', key: 'churn:features.attribute', params: { column: 'industry' } },
      // 20 制造, 12 电子, 3 医药 + 2 化工 (rare, < 10), 3 missing
      values: Array.from({ length: n }, (_, i) => (i < 20 ? '制造' : i < 32 ? '电子' : i < 35 ? '医药' : i < 37 ? '化工' : null)),
    },
  ],
};

describe('design matrix and feature report', () => {
  it('standardises numbers, adds missing columns, one-hots levels with a rare bucket, and says what it dropped', () => {
    const spec = fitDesign(raw, y, { dropSnapshot: true, leakAuc: 0.95 });
    expect(spec.report.dropped.map((d) => [d.id, d.reason])).toEqual([
      ['flat', 'constant'],
      ['rare', 'sparse'],
      ['leaky', 'leak'],
      ['issues', 'leak'],
    ]);
    expect(spec.report.used.map((u) => u.id)).toEqual(['spend', 'attr:industry']);
    expect(spec.columns.map((c) => c.ref.id)).toEqual(['spend', 'spend:missing', 'attr:industry=电子', 'attr:industry=*rare', 'attr:industry:missing']);
    const X = applyDesign(spec, raw);
    const p = spec.columns.length;
    // Standardised over the customers with a value: mean 0; a missing value sits at the mean, flagged.
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += X[i * p]!;
    expect(sum).toBeCloseTo(0, 9);
    expect([X[0]!, X[1]!]).toEqual([0, 1]);
    expect(X[32 * p + 3]).toBe(1); // 医药 is rare
    expect(X[38 * p + 4]).toBe(1); // missing industry
    expect(X[0 * p + 2]! + X[0 * p + 3]!).toBe(0); // 制造 is the reference level
    // Without the leak rule (history labels) the leaky column is kept.
    expect(fitDesign(raw, y, { leakAuc: null }).report.used.map((u) => u.id)).toContain('leaky');
  });

  it('names features in words', () => {
    const t = (key: string, params?: Record<string, string | number>) => `${key}${params ? JSON.stringify(params) : ''}`;
    expect(featureLabel({ key: 'churn:features.level', params: { column: 'industry', level: '电子' } }, t)).toBe(
      'churn:features.level{"column":"churn:columns.industry","level":"电子"}',
    );
    expect(featureLabel({ key: 'churn:features.missing', params: { featureKey: 'health:metrics.npsLatest' } }, t)).toBe(
      'churn:features.missing{"feature":"health:metrics.npsLatest{}"}',
    );
  });

  it('names the levels and blanks of imported columns by their header (IBM Telco: Contract, TotalCharges)', () => {
    const t = (key: string, params?: Record<string, string | number>) =>
      key === 'churn:features.level'
        ? `${params?.column} = ${params?.level}`
        : key === 'churn:features.missing'
          ? `${params?.feature}缺失`
          : key === 'churn:features.customAttribute'
            ? String(params?.name)
            : key;
    expect(featureLabel({ key: 'churn:features.level', params: { column: 'custom:Contract', level: 'Two year' } }, t)).toBe('Contract = Two year');
    expect(featureLabel({ key: 'churn:features.missing', params: { name: 'TotalCharges', featureKey: 'churn:features.customAttribute' } }, t)).toBe(
      'TotalCharges缺失',
    );
  });
});

describe('signal backtest summary', () => {
  it('precision, recall, lift and median lead time, hand-counted', () => {
    // 10 observations, 4 churned (base rate 0.4). Rule A fires 5 times, 3 before churn (leads 30, 60, 90).
    const obs = [
      { fired: ['A'], churnInDays: 30 },
      { fired: ['A', 'B'], churnInDays: 60 },
      { fired: ['A'], churnInDays: 90 },
      { fired: ['A'], churnInDays: null },
      { fired: ['A'], churnInDays: null },
      { fired: [], churnInDays: 10 },
      { fired: ['B'], churnInDays: null },
      { fired: [], churnInDays: null },
      { fired: [], churnInDays: null },
      { fired: [], churnInDays: null },
    ];
    const s = summariseBacktest(['A', 'B', 'C'], obs, ['2026-01-01'], 180);
    expect(s).toMatchObject({ observations: 10, churned: 4, baseRate: 0.4 });
    expect(s.rules[0]).toEqual({ ruleId: 'A', fires: 5, precision: 0.6, recall: 0.75, lift: 0.6 / 0.4, medianLeadDays: 60 });
    expect(s.rules[1]).toEqual({ ruleId: 'B', fires: 2, precision: 0.5, recall: 0.25, lift: 0.5 / 0.4, medianLeadDays: 60 });
    expect(s.rules[2]).toEqual({ ruleId: 'C', fires: 0, precision: null, recall: 0, lift: null, medianLeadDays: null });
  });
});

describe('categorical leak check (outcome columns)', () => {
  it('drops a column filled only for churned customers (a churn reason) and keeps an ordinary one', () => {
    const yy = Uint8Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const set: RawFeatureSet = {
      keys: Array.from({ length: 60 }, (_, i) => `C${i}`),
      numeric: [],
      categorical: [
        {
          ref: { id: 'custom:流失原因', key: 'churn:features.customAttribute', params: { name: '流失原因' } },
          values: Array.from(yy, (v, i) => (v ? ['价格', '服务', '竞品'][i % 3]! : null)),
        },
        {
          ref: { id: 'custom:套餐', key: 'churn:features.customAttribute', params: { name: '套餐' } },
          values: Array.from(yy, (_, i) => (i % 2 ? '标准' : '高级')),
        },
      ],
    };
    const spec = fitDesign(set, yy, { leakAuc: 0.95 });
    expect(spec.report.dropped.map((d) => [d.id, d.reason])).toEqual([['custom:流失原因', 'leak']]);
    expect(spec.report.used.map((u) => u.id)).toEqual(['custom:套餐']);
  });
});
