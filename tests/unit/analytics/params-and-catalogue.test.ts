import { describe, expect, it } from 'vitest';
import {
  ABSENT_REASONS,
  ACTIVITY_WINDOW_SOURCES,
  RUN_NOTICES,
  AnalyticsParamsSchema,
  CLASSIC_SEGMENT_RULES,
  COHORT_MEASURES,
  GRAINS,
  LIFECYCLE_REASONS,
  LIFECYCLE_STAGES,
  METRIC_DEFINITIONS,
  MRR_MOVEMENTS,
  RETENTION_STATUSES,
  VALUE_GROUP_RULES,
  TIER_REASONS,
  TIERS,
  BREAKDOWN_ATTRIBUTES,
  ACTIVITY_BASES,
  defaultAnalyticsParams,
  fromDay,
  rfmCompareDay,
} from '../../../shared/analytics';
import en from '../../../shared/i18n/locales/en/analytics.json';
import zh from '../../../shared/i18n/locales/zh-CN/analytics.json';

type Tree = { [k: string]: string | Tree };
function leaves(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const zhLeaves = leaves(zh as Tree);
const enLeaves = leaves(en as Tree);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('analytics parameters', () => {
  it('fills every default from an as-of date alone', () => {
    const p = defaultAnalyticsParams('2024-03-15');
    expect(p).toMatchObject({
      version: 1,
      asOf: '2024-03-15',
      grain: 'month',
      activity: { basis: 'non-contractual', windowDays: null },
      rfm: { scoring: 'quintiles', lookbackDays: null, compareAsOf: null },
      tiers: { strategicShare: 0.15, benchmarkIsStrategic: true, upgradeOrderAmount: null },
      lifecycle: { newDays: 90, matureDays: 365, riskSpendDropPct: 20 },
    });
    expect(p.rfm.classicRules.map((r) => r.id)).toEqual(CLASSIC_SEGMENT_RULES.map((r) => r.id));
    expect(p.rfm.valueGroupRules.map((r) => r.id)).toEqual(VALUE_GROUP_RULES.map((r) => r.id));
  });

  it('round-trips through JSON (it is stored with each run)', () => {
    const p = AnalyticsParamsSchema.parse({ asOf: '2024-03-15', grain: 'quarter', activity: { windowDays: 180 } });
    expect(AnalyticsParamsSchema.parse(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it.each([
    ['an impossible date', { asOf: '2023-02-29' }],
    ['an unknown grain', { asOf: '2024-01-01', grain: 'week' }],
    ['a zero window', { asOf: '2024-01-01', activity: { windowDays: 0 } }],
    ['cut points not ascending', { asOf: '2024-01-01', rfm: { cuts: { recency: [30, 30, 60, 90], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] } } }],
    ['a score range upside down', { asOf: '2024-01-01', rfm: { valueGroupRules: [{ id: 'x', r: [4, 2], f: [1, 5], m: [1, 5] }] } }],
    ['a strategic share of 100%', { asOf: '2024-01-01', tiers: { strategicShare: 1 } }],
  ])('rejects %s', (_name, input) => {
    expect(AnalyticsParamsSchema.safeParse(input).success).toBe(false);
  });

  it('compares RFM with the end of the previous period unless told otherwise', () => {
    expect(fromDay(rfmCompareDay(defaultAnalyticsParams('2024-03-15')))).toBe('2024-02-29');
    const q = AnalyticsParamsSchema.parse({ asOf: '2024-03-15', grain: 'quarter' });
    expect(fromDay(rfmCompareDay(q))).toBe('2023-12-31');
    const set = AnalyticsParamsSchema.parse({ asOf: '2024-03-15', rfm: { compareAsOf: '2023-03-15' } });
    expect(fromDay(rfmCompareDay(set))).toBe('2023-03-15');
  });
});

describe('analytics catalogues', () => {
  it('zh-CN and en have the same keys and placeholders, none empty', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    for (const [k, v] of zhLeaves) {
      expect(v.trim(), k).not.toBe('');
      expect(placeholders(v), k).toEqual(placeholders(enLeaves.get(k) ?? ''));
    }
  });

  it('has a name, a formula and (for rates) a denominator for every metric', () => {
    for (const m of METRIC_DEFINITIONS) {
      for (const key of [m.nameKey, m.formulaKey, m.denominatorKey]) {
        if (key === null) continue;
        expect(zhLeaves.has(key.replace(/^analytics:/, '')), key).toBe(true);
      }
      const denominator = `formulas.${m.id}.denominator`;
      expect(zhLeaves.has(denominator), denominator).toBe(m.denominatorKey !== null);
      if (m.unit === 'percent') expect(m.denominatorKey, m.id).not.toBeNull();
    }
  });

  it('has a label for every id the code emits', () => {
    const keys = [
      ...GRAINS.map((g) => `grains.${g}`),
      ...ACTIVITY_BASES.map((b) => `bases.${b}`),
      ...ACTIVITY_BASES.map((b) => `basisHelp.${b}`),
      ...ABSENT_REASONS.map((r) => `absentReasons.${r}`),
      ...RUN_NOTICES.map((n) => `notices.${n}`),
      ...ACTIVITY_WINDOW_SOURCES.map((w) => `window.${w}`),
      ...RETENTION_STATUSES.map((s) => `retentionStatuses.${s}`),
      ...MRR_MOVEMENTS.map((m) => `mrrMovements.${m}`),
      ...COHORT_MEASURES.map((m) => `cohortMeasures.${m}`),
      ...CLASSIC_SEGMENT_RULES.map((r) => `rfm.segments.${r.id}`),
      'rfm.segments.unclassified',
      'rfm.segments.unscored',
      ...VALUE_GROUP_RULES.map((r) => `rfm.valueGroups.${r.id}`),
      ...VALUE_GROUP_RULES.map((r) => `rfm.valueGroupActions.${r.id}`),
      ...TIERS.map((t) => `tiers.names.${t}`),
      ...TIER_REASONS.map((r) => `tiers.reasons.${r}`),
      ...LIFECYCLE_STAGES.map((s) => `lifecycle.stages.${s}`),
      ...LIFECYCLE_REASONS.map((r) => `lifecycle.reasons.${r}`),
      ...BREAKDOWN_ATTRIBUTES.map((a) => `breakdown.attributes.${a}`),
    ];
    for (const k of keys) expect(zhLeaves.has(k), k).toBe(true);
  });

  it("uses the method's Chinese names for the value groups, tiers and stages", () => {
    expect(['highValueLoyal', 'potentialNurture', 'dormantReactivate'].map((id) => zhLeaves.get(`rfm.valueGroups.${id}`))).toEqual([
      '高价值忠诚型',
      '潜力培育型',
      '沉睡唤醒型',
    ]);
    expect(TIERS.map((t) => zhLeaves.get(`tiers.names.${t}`))).toEqual(['战略级', '核心级', '潜力级', '普通级']);
    expect(LIFECYCLE_STAGES.map((s) => zhLeaves.get(`lifecycle.stages.${s}`))).toEqual(['新客', '成长期', '成熟期', '风险', '已流失']);
  });
});
