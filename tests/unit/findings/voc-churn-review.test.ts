import { describe, expect, it } from 'vitest';
import { proposeFindings, reviewFindings, runText, weakText } from '../../../shared/findings';
import { findingFigure } from '../../../electron/backend/findings/report';
import type { FindingsInput, NpsSummary } from '../../../shared/findings/types';
import { npsFromCounts } from '../../../shared/voc/nps';

// Hand-built voice-of-customer and churn-review results: the NPS figures come from npsFromCounts (the
// function the 客户之声 section and the theme run store their figures with), so each test can say
// which stored number a finding must quote and when it must be weak.

function nps(promoters: number, passives: number, detractors: number): NpsSummary {
  const f = npsFromCounts(promoters, passives, detractors);
  if (f.nps === null || f.low === null || f.high === null || f.se === null) throw new Error('no answers');
  return { nps: f.nps, low: f.low, high: f.high, se: f.se, responses: f.responses, promoters, passives, detractors };
}

type Voc = NonNullable<FindingsInput['voc']>;
type Review = NonNullable<FindingsInput['churnReview']>;
type Trait = Review['traits'][number];

function vocInput(last: NpsSummary, previous: NpsSummary | null, themes: Voc['themes'] = null): Voc {
  return {
    grain: 'quarter',
    run: { kind: 'surveys', id: last.responses + (previous?.responses ?? 0), asOf: '2026-09-28' },
    last: { periodKey: '2026-Q3', nps: last },
    previous: previous ? { periodKey: '2026-Q2', nps: previous } : null,
    themes,
  };
}

function trait(over: Partial<Trait> = {}): Trait {
  return {
    dimension: 'industry',
    value: '零售',
    label: { 'zh-CN': '行业: 零售', en: 'Industry: 零售' },
    churnedWith: 18,
    retainedWith: 42,
    lift: 2.5,
    churnRateWith: 30,
    churnRateOverall: 12,
    q: 0.004,
    ...over,
  };
}

function review(traits: Trait[], over: Partial<Review> = {}): Review {
  return {
    run: { kind: 'churnReview', id: 4, asOf: '2026-10-02' },
    period: '2026-Q3',
    onBook: 400,
    churnedCount: 12,
    churnRatePct: 3,
    lostRevenue: 1_234_567.5,
    minSupport: 5,
    traitChurned: 50,
    traitRetained: 367,
    traits,
    ...over,
  };
}

function input(over: Partial<FindingsInput>): FindingsInput {
  return {
    currency: 'CNY',
    // Revenue per customer ¥12,000: the impact estimates below are counts × 12,000.
    diagnostic: {
      run: { kind: 'diagnostic', id: 7, asOf: '2026-09-30' },
      grain: 'month',
      customers: 1000,
      revenue12m: 12_000_000,
      last: null,
      previous: null,
      revenue: null,
      breakdowns: [],
    },
    health: null,
    churn: null,
    clv: null,
    ...over,
  };
}

const one = (i: FindingsInput, kind: string) => {
  const found = proposeFindings(i).filter((f) => f.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('voice-of-customer findings', () => {
  it('quote the stored NPS of the last period, its change and its interval in both languages', () => {
    // 2026-Q3: 120 promoters, 80 passives, 100 detractors (NPS +6.7); Q2: 150 / 80 / 70 (NPS +26.7).
    const last = nps(120, 80, 100);
    const prev = nps(150, 80, 70);
    const f = one(input({ voc: vocInput(last, prev) }), 'npsChange');
    expect(f.figure).toEqual({ value: last.nps, format: 'number', decimals: 1, baseline: prev.nps });
    expect(f.basis).toBe(300);
    expect(f.weak).toBe(false);
    // z = (6.67 − 26.67) / √(se₁² + se₂²): a 20-point fall on 300 answers a side is beyond noise.
    expect(f.z).toBeCloseTo((last.nps - prev.nps) / Math.sqrt(last.se ** 2 + prev.se ** 2), 10);
    expect(f.z!).toBeLessThan(-1.96);
    expect(f.headline['zh-CN']).toContain('2026-Q3 NPS +6.7');
    expect(f.headline['zh-CN']).toContain('下降 20.0 分');
    // The interval's bounds carry their sign (−3.0 with a true minus, as printed in the section).
    expect(last.low).toBeCloseTo(-2.99, 2);
    expect(f.headline.en).toContain('95% interval [−3.0, +16.3], 300 answers');
    expect(f.headline.en).toContain('down 20.0 points on 2026-Q2 (+26.7)');
    expect(f.formula.en).toContain('120 promoters (9–10), 80 passives (7–8), 100 detractors (0–6) of 300 answers');
    expect(f.formula['zh-CN']).toContain('共 300 份回答');
    expect(f.evidence.section).toBe('voc');
    expect(f.evidence.run).toEqual({ kind: 'surveys', id: 600, asOf: '2026-09-28' });
    expect(runText('en', f.evidence.run)).toBe('600 survey answers (latest 2026-09-28)');
    expect(f.action.templateId).toBe('executiveEscalation');
    expect(f.action.text['zh-CN']).toMatch(/.+：.+/);
    // Impact: 100 detractors × ¥12,000.
    expect(f.materiality).toBeCloseTo(100 * 12_000, 6);
    expect(f.materialityNote.en).toContain('detractors');
    // NPS points print with one decimal in the PDF's findings table and on the deck's finding slide.
    expect(findingFigure(reviewFindings([f], [])[0]!, 'zh-CN', 'CNY')).toBe('6.7');
  });

  it('an NPS on fewer than 30 answers is weak, and so is one whose interval is wide', () => {
    const few = one(input({ voc: vocInput(nps(10, 5, 10), null) }), 'npsChange');
    expect(few).toMatchObject({ weak: true, weakReason: 'fewCustomers', basis: 25 });
    expect(weakText('zh-CN', few)).toBe('依据不足：仅 25 位客户，少于最低 30 位');
    // 40 answers split 20 / 0 / 20: NPS 0 with a half-width of 31 points.
    const wideNps = nps(20, 0, 20);
    expect((wideNps.high - wideNps.low) / 2).toBeGreaterThan(15);
    const wide = one(input({ voc: vocInput(wideNps, null) }), 'npsChange');
    expect(wide).toMatchObject({ weak: true, weakReason: 'wideInterval', basis: 40 });
    expect(wide.figure.value).toBe(wideNps.nps);
    expect(weakText('en', wide)).toBe('The 95% interval is wider than ±15 points: not a conclusion');
    expect(weakText('zh-CN', wide)).toContain('±15');
    // A change within noise on enough answers with narrow intervals: weak as not significant.
    const flat = one(input({ voc: vocInput(nps(400, 300, 300), nps(410, 300, 290)) }), 'npsChange');
    expect(flat).toMatchObject({ weak: true, weakReason: 'notSignificant' });
    expect(flat.headline.en).toContain('down 2.0 points');
  });

  it('names the theme with the largest NPS effect with what NPS would be and its comment count', () => {
    const overall = nps(120, 80, 100);
    const themes: Voc['themes'] = {
      run: { kind: 'voc', id: 3, asOf: '2026-10-01' },
      overall,
      // 36 of the 300 answers were detractors on 交付延期: as passives NPS would be 6.67 + 100 × 36 / 300.
      top: {
        id: 'delivery',
        name: { 'zh-CN': '交付延期', en: 'Late delivery' },
        comments: 52,
        detractors: 36,
        customers: 47,
        npsIfPassive: overall.nps + 12,
        npsEffect: 12,
      },
    };
    const f = one(input({ voc: vocInput(overall, null, themes) }), 'npsTheme');
    expect(f.id).toBe('nps-theme:delivery');
    expect(f.figure).toEqual({ value: 12, format: 'number', decimals: 1, baseline: overall.nps });
    expect(f.headline['zh-CN']).toContain('「交付延期」：若其 36 位贬损者为中立者，NPS 将由 +6.7 变为 +18.7（+12.0 分）；涉及 52 条评论');
    expect(f.headline.en).toContain('"Late delivery": if its 36 detractors were passives, NPS would be +18.7 instead of +6.7 (+12.0 points); 52 comments');
    expect(f.formula.en).toContain('100 × 36 / 300 answers');
    expect(f.basis).toBe(47);
    expect(f.weak).toBe(false);
    expect(f.evidence).toMatchObject({ section: 'voc', run: { kind: 'voc', id: 3 } });
    expect(runText('zh-CN', f.evidence.run)).toBe('主题分析运行 #3（2026-10-01）');
    // A theme 12 customers wrote about is weak.
    const thin = one(input({ voc: vocInput(overall, null, { ...themes, top: { ...themes.top!, customers: 12 } }) }), 'npsTheme');
    expect(thin).toMatchObject({ weak: true, weakReason: 'fewCustomers' });
    // No theme with a positive effect: no theme finding.
    expect(proposeFindings(input({ voc: vocInput(overall, null, { ...themes, top: null }) })).some((x) => x.kind === 'npsTheme')).toBe(false);
  });
});

describe('churn-review findings', () => {
  it('quote the review’s lost revenue and its most over-represented trait with lift, support and q', () => {
    const r = review([
      trait({ dimension: 'segment', value: '小型', label: { 'zh-CN': '规模: 小型', en: 'Size: 小型' }, lift: 1.6, q: 0.02, churnedWith: 20 }),
      trait(),
    ]);
    const found = proposeFindings(input({ churnReview: r }));
    const lost = found.find((f) => f.kind === 'churnReviewLost')!;
    expect(lost.figure).toEqual({ value: 1_234_567.5, format: 'currency', baseline: null });
    expect(lost.materiality).toBe(1_234_567.5);
    expect(lost.headline['zh-CN']).toContain('2026-Q3 流失复盘：12 位客户流失（期初 400 位，流失率 3.0%）');
    expect(lost.headline.en).toContain('12 customers churned (3.0% of the 400 on the book at the start)');
    expect(lost.evidence).toMatchObject({ section: 'churnReview', run: { kind: 'churnReview', id: 4, asOf: '2026-10-02' } });
    expect(lost.formula.en).toContain('12 churned in the period / 400 on the book');
    expect(lost.weak).toBe(false);
    // Largest lift first: 零售 (2.5) over 小型 (1.6).
    const t = found.find((f) => f.kind === 'churnReviewTrait')!;
    expect(t.id).toBe('churn-review-trait:industry:零售');
    expect(t.figure).toEqual({ value: 2.5, format: 'number', decimals: 2, baseline: 1 });
    expect(t.headline['zh-CN']).toContain('「行业: 零售」：其流失率 30.0%，为整体（12.0%）的 2.50 倍；50 位流失客户中 18 位具有该特征');
    expect(t.formula.en).toContain('18 churned, 42 retained');
    expect(t.formula.en).toContain('BH q = 0.004');
    expect(t.formula.en).toContain('minimum support 5 churned customers');
    expect(t.basis).toBe(18);
    expect(t.weak).toBe(false);
    // 18 × (1 − 1/2.5) churned beyond the overall rate × ¥1,234,567.5 / 12 per churned customer.
    expect(t.materiality).toBeCloseTo(18 * 0.6 * (1_234_567.5 / 12), 6);
    expect(t.action.templateId).toBe('crossTeamMeeting');
    // As the PDF's findings table and the deck print them: a lift with two decimals, money in whole units.
    const printed = reviewFindings(found, []);
    expect(
      findingFigure(
        printed.find((f) => f.id === t.id)!,
        'en',
        'CNY',
      ),
    ).toBe('2.50');
    expect(
      findingFigure(
        printed.find((f) => f.id === lost.id)!,
        'zh-CN',
        'CNY',
      ),
    ).toBe('¥1,234,568');
  });

  it('a trait below the review’s minimum support or with q ≥ 0.1 is weak; a significant one is preferred', () => {
    const below = one(input({ churnReview: review([trait({ churnedWith: 3, q: 0.01 })]) }), 'churnReviewTrait');
    expect(below).toMatchObject({ weak: true, weakReason: 'fewCustomers', basis: 3, minBasis: 5 });
    expect(weakText('zh-CN', below)).toBe('依据不足：仅 3 位客户，少于最低 5 位');
    const noisy = one(input({ churnReview: review([trait({ q: 0.1 })]) }), 'churnReviewTrait');
    expect(noisy).toMatchObject({ weak: true, weakReason: 'notSignificant' });
    // A larger lift that fails its q gives way to a smaller one that passes.
    const picked = one(input({ churnReview: review([trait({ lift: 4, q: 0.3 }), trait({ value: '制造', lift: 1.8, q: 0.05 })]) }), 'churnReviewTrait');
    expect(picked.id).toBe('churn-review-trait:industry:制造');
    expect(picked.figure.value).toBe(1.8);
    expect(picked.weak).toBe(false);
  });

  it('a review with no churned customer and no trait drafts nothing', () => {
    const found = proposeFindings(input({ churnReview: review([], { churnedCount: 0, lostRevenue: 0, churnRatePct: 0 }) }));
    expect(found.filter((f) => f.kind === 'churnReviewLost' || f.kind === 'churnReviewTrait')).toEqual([]);
  });
});
