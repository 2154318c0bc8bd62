import { describe, expect, it } from 'vitest';
import { proposeFindings, reportFindings, reviewFindings, twoProportionZ, weakText } from '../../../shared/findings';
import type { FindingDecision, FindingsInput, GroupSummary } from '../../../shared/findings/types';

// Hand-built stored runs: every figure below is what a run would have stored, so each test can say
// which number a finding must quote and which must rank first.

function group(value: string, start: number, retained: number, revenue12m: number, nrr: number | null = null): GroupSummary {
  return { value, customers: start, start, retained, lost: start - retained, retentionRate: retained / start, nrr, revenue12m };
}

function input(overrides: Partial<FindingsInput> = {}): FindingsInput {
  return {
    currency: 'CNY',
    diagnostic: {
      run: { kind: 'diagnostic', id: 7, asOf: '2026-10-31' },
      grain: 'month',
      customers: 1000,
      revenue12m: 12_000_000,
      last: { periodKey: '2026-10', start: 900, retained: 810, lost: 90, retentionRate: 0.9 },
      previous: { periodKey: '2026-09', start: 880, retained: 836, lost: 44, retentionRate: 0.95 },
      revenue: null,
      breakdowns: [
        {
          attribute: 'region',
          groups: [
            // 华东 falls 20 points below the overall 90%, 华南 10 points: 华东 must rank first.
            group('华东', 200, 140, 2_400_000),
            group('华南', 200, 160, 2_400_000),
            group('华北', 480, 480, 6_000_000),
            // Far below the overall rate, but on 12 customers: weak.
            group('西北', 12, 4, 144_000),
            { ...group('(null)', 8, 6, 10_000), value: null },
          ],
        },
        { attribute: 'owner', groups: [group('张伟', 100, 10, 1_000_000)] },
        // One industry, on 12 customers: a weak finding.
        { attribute: 'industry', groups: [group('医药', 12, 6, 144_000)] },
      ],
    },
    health: null,
    churn: null,
    clv: null,
    ...overrides,
  };
}

describe('proposeFindings', () => {
  it('ranks the largest change first and quotes each group’s stored rate', () => {
    const findings = proposeFindings(input());
    const segments = findings.filter((f) => f.kind === 'segmentRetention' && f.id.includes('region'));
    // One finding per attribute (its worst group), so 华东 is the region finding and 华南 is not listed.
    expect(segments.map((f) => f.id)).toEqual(['segment-retention:region:华东']);
    const east = segments[0]!;
    expect(east.figure.value).toBe(140 / 200);
    expect(east.figure.baseline).toBe(0.9);
    // Revenue concerned: 20 points × 200 customers × ¥12,000 per customer.
    expect(east.materiality).toBeCloseTo(0.2 * 200 * 12_000, 6);
    expect(east.headline['zh-CN']).toContain('华东');
    expect(east.headline['zh-CN']).toContain('70.0%');
    expect(east.headline.en).toContain('20.0 points below the overall 90.0%');
    // Owners are people: never a finding.
    expect(findings.some((f) => f.id.includes('owner'))).toBe(false);
    // Ranked by materiality among the strong ones.
    const strong = findings.filter((f) => !f.weak);
    for (let i = 1; i < strong.length; i++) expect(strong[i - 1]!.materiality).toBeGreaterThanOrEqual(strong[i]!.materiality);
  });

  it('the larger of two falls ranks first whatever the input order', () => {
    const base = input();
    const d = base.diagnostic!;
    const swapped: FindingsInput = {
      ...base,
      diagnostic: {
        ...d,
        breakdowns: [
          { attribute: 'segment', groups: [group('小型', 300, 255, 3_600_000)] }, // 5 points below
          { attribute: 'industry', groups: [group('医药', 300, 195, 3_600_000)] }, // 25 points below
        ],
      },
    };
    const ids = proposeFindings(swapped)
      .filter((f) => f.kind === 'segmentRetention')
      .map((f) => f.id);
    expect(ids).toEqual(['segment-retention:industry:医药', 'segment-retention:segment:小型']);
  });

  it('marks a finding on fewer customers than the stated minimum as weak, and says so', () => {
    const only西北: FindingsInput = {
      ...input(),
      diagnostic: { ...input().diagnostic!, previous: null, breakdowns: [{ attribute: 'region', groups: [group('西北', 12, 4, 144_000)] }] },
    };
    const f = proposeFindings(only西北).find((x) => x.id === 'segment-retention:region:西北')!;
    expect(f.basis).toBe(12);
    expect(f.weak).toBe(true);
    expect(f.weakReason).toBe('fewCustomers');
    expect(weakText('zh-CN', f)).toBe('依据不足：仅 12 位客户，少于最低 30 位');
    expect(weakText('en', f)).toContain('fewer than the minimum of 30');
    // With a stated minimum of 10 the same group is no longer weak on numbers (and far enough below to be beyond noise).
    const f10 = proposeFindings(only西北, { minCustomers: 10 }).find((x) => x.id === 'segment-retention:region:西北')!;
    expect(f10.weakReason).toBe(null);
    // Weak findings come after every strong one.
    const all = proposeFindings(input());
    const firstWeak = all.findIndex((x) => x.weak);
    expect(firstWeak).toBeGreaterThan(0);
    expect(all.slice(firstWeak).every((x) => x.weak)).toBe(true);
  });

  it('a change within noise is weak even on many customers', () => {
    const noisy = input({
      diagnostic: {
        ...input().diagnostic!,
        last: { periodKey: '2026-10', start: 900, retained: 855, lost: 45, retentionRate: 0.95 },
        previous: { periodKey: '2026-09', start: 880, retained: 840, lost: 40, retentionRate: 840 / 880 },
        breakdowns: [],
      },
    });
    const f = proposeFindings(noisy).find((x) => x.id === 'retention')!;
    expect(Math.abs(f.z!)).toBeLessThan(1.96);
    expect(f.weakReason).toBe('notSignificant');
  });

  it('quotes the overall retention change with its formula and denominator in both languages', () => {
    const f = proposeFindings(input()).find((x) => x.id === 'retention')!;
    expect(f.figure).toEqual({ value: 0.9, format: 'percent', baseline: 0.95 });
    expect(f.headline['zh-CN']).toBe('2026-10 客户留存率 90.0%，较上期（95.0%）下降 5.0 个百分点：期初 900 位客户中流失 90 位');
    expect(f.formula['zh-CN']).toContain('S = 期初客户 900 位');
    expect(f.formula.en).toContain('S = 900 customers at the start');
    expect(f.z).toBeCloseTo(twoProportionZ(810, 900, 836, 880)!, 12);
    expect(f.z!).toBeLessThan(-1.96);
    expect(f.evidence.run).toEqual({ kind: 'diagnostic', id: 7, asOf: '2026-10-31' });
    expect(f.action.templateId).toBe('winBack');
    expect(f.action.text['zh-CN']).toContain('沉睡客户唤醒');
  });

  it('health, churn and lifetime-value findings quote their runs’ figures', () => {
    const findings = proposeFindings(
      input({
        health: {
          run: { kind: 'health', id: 3, asOf: '2026-10-31' },
          customers: 400,
          red: 60,
          previousRed: 40,
          previousAsOf: '2026-09-30',
          redMax: 50,
          byTier: [
            { group: '战略', red: 30, scored: 100 },
            { group: '一般', red: 30, scored: 300 },
          ],
        },
        churn: {
          run: { kind: 'churn', id: 2, asOf: '2026-10-31' },
          status: 'ok',
          rocAuc: 0.81,
          customers: 950,
          scoredRevenue: 11_000_000,
          atStake: 1_234_567,
          topDriver: null,
        },
        clv: { run: { kind: 'clv', id: 4, asOf: '2026-10-31' }, customers: 990, dormant: 41, dormantSpend: 800_000, totalClv: 5e6, verdict: 'caution' },
      }),
    );
    const red = findings.find((f) => f.id === 'health-red')!;
    expect(red.figure.value).toBe(60 / 400);
    expect(red.headline['zh-CN']).toContain('上次评分（2026-09-30）为 40 位');
    expect(red.action.templateId).toBe('executiveImprovementPlan');
    const tier = findings.find((f) => f.kind === 'healthTier')!;
    expect(tier.id).toBe('health-tier:战略');
    expect(tier.figure.value).toBe(0.3);
    const churn = findings.find((f) => f.id === 'churn-at-stake')!;
    expect(churn.figure.value).toBe(1_234_567);
    expect(churn.materiality).toBe(1_234_567);
    expect(churn.headline['zh-CN']).toContain('¥1,234,567');
    const clv = findings.find((f) => f.id === 'clv-dormant')!;
    expect(clv.figure.value).toBe(41);
  });

  it('a churn model with too little data gives no finding; one no better than the base rate a weak one', () => {
    const churn = (status: string) =>
      proposeFindings(
        input({
          diagnostic: null,
          churn: { run: { kind: 'churn', id: 1, asOf: 'x' }, status, rocAuc: 0.5, customers: 500, scoredRevenue: 1e6, atStake: 1e5, topDriver: null },
        }),
      );
    expect(churn('too-small')).toEqual([]);
    // The reason names the model, not random variation: there is no z for a model that failed its evaluation.
    expect(churn('no-better-than-base')[0]!.weakReason).toBe('unreliableModel');
    expect(churn('probable-leakage')[0]!.weak).toBe(true);
    expect(weakText('zh-CN', churn('probable-leakage')[0]!)).toContain('模型未通过');
    expect(churn('ok')[0]!.weak).toBe(false);
  });

  it('dormant customers from a lifetime-value fit the CLV section calls unsuitable make a weak finding (Online Retail shape)', () => {
    const clv = (verdict: 'suits' | 'caution' | 'unsuitable') =>
      proposeFindings(
        input({
          diagnostic: null,
          clv: { run: { kind: 'clv', id: 1, asOf: 'x' }, customers: 4300, dormant: 573, dormantSpend: 2e6, totalClv: 3.5e6, verdict },
        }),
      ).find((f) => f.id === 'clv-dormant')!;
    expect(clv('unsuitable')).toMatchObject({ weak: true, weakReason: 'unreliableModel' });
    expect(clv('caution').weak).toBe(false);
    expect(weakText('en', clv('unsuitable'))).toContain('failed its own evaluation');
  });
});

describe('reviewFindings', () => {
  const drafts = proposeFindings(input());
  const decision = (id: string, over: Partial<FindingDecision> = {}): FindingDecision => ({
    id,
    status: 'accepted',
    position: null,
    text: {},
    figureAtDecision: null,
    decidedAt: '2026-11-01T10:00:00',
    ...over,
  });

  it('puts accepted findings first in the consultant’s order, keeps edits and flags outdated ones, drops last', () => {
    const reviewed = reviewFindings(drafts, [
      decision('segment-retention:region:华东', { position: 1, text: { 'zh-CN': '华东区留存明显落后' }, figureAtDecision: 0.7 }),
      decision('retention', { position: 0, text: { en: 'Retention fell' }, figureAtDecision: 0.93 }),
      decision('segment-retention:industry:医药', { status: 'dropped' }),
    ]);
    expect(reviewed.map((f) => [f.id, f.status])[0]).toEqual(['retention', 'accepted']);
    expect(reviewed[1]!.id).toBe('segment-retention:region:华东');
    expect(reviewed[1]!.text['zh-CN']).toBe('华东区留存明显落后');
    expect(reviewed[1]!.text.en).toBe(reviewed[1]!.headline.en);
    expect(reviewed[1]!.outdated).toBe(false);
    // Written for 93%, the run now says 90%: re-read it.
    expect(reviewed[0]!.outdated).toBe(true);
    expect(reviewed.at(-1)!.status).toBe('dropped');
    expect(reviewed.map((f) => f.rank)).toEqual(reviewed.map((_, i) => i + 1));
    expect(reportFindings(reviewed)).toMatchObject({ drafted: false });
    expect(reportFindings(reviewed).findings.map((f) => f.id)).toEqual(['retention', 'segment-retention:region:华东']);
  });

  it('with nothing accepted the report takes the strong drafts and says they are drafts', () => {
    const { findings, drafted } = reportFindings(reviewFindings(drafts, []));
    expect(drafted).toBe(true);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => !f.weak)).toBe(true);
  });
});
