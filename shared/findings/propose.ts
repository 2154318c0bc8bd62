import type { TFunction } from 'i18next';
import type { Locale } from '../errors';
import { DEFAULT_PLAYBOOK, type Playbook } from '../health/playbook';
import type { ActionTemplateId } from '../health/vocabulary';
import { createTranslator } from '../i18n/translate';
import { featureLabel } from '../churn/labels';
import { formatValue } from '../reports/format';
import {
  DEFAULT_FINDINGS_OPTIONS,
  type Finding,
  type FindingKind,
  type FindingRunRef,
  type FindingsInput,
  type FindingsOptions,
  type GroupSummary,
  type Localised,
  type NpsSummary,
} from './types';

// The findings engine: from a summary of the stored runs to ranked, drafted findings in both
// languages. Every figure is copied from the input (which the backend copies from the runs as
// stored); materiality turns each into the revenue it concerns so unlike findings can be ranked.

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const translators = new Map<Locale, TFunction>();
function tr(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale);
    translators.set(locale, t);
  }
  return t;
}

type Params = Record<string, string | number>;
/** A text in both languages; params may differ per language (formatted numbers, translated names). */
function both(key: string, params: (locale: Locale) => Params): Localised {
  const out = {} as Localised;
  for (const l of LOCALES) out[l] = tr(l)(`findings:${key}`, params(l));
  return out;
}

const pct = (l: Locale, v: number | null) => formatValue(v, 'percent', { locale: l });
const int = (l: Locale, v: number) => formatValue(v, 'integer', { locale: l });
const pp = (l: Locale, v: number) => formatValue(Math.abs(v) * 100, 'number', { locale: l, decimals: 1 });
const num2 = (l: Locale, v: number | null) => (v === null ? '—' : formatValue(v, 'number', { locale: l, decimals: 2 }));

/** Two-proportion z statistic (pooled); null when either side has no customers or the pool is degenerate. */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): number | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const p = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return null;
  return (x1 / n1 - x2 / n2) / se;
}

const PERIODS_PER_YEAR = { month: 12, quarter: 4, year: 1 } as const;

interface Draft {
  id: string;
  kind: FindingKind;
  headline: Localised;
  figure: Finding['figure'];
  formula: Localised;
  basis: number;
  materiality: number;
  materialityNote: Localised;
  z: number | null;
  section: Finding['evidence']['section'];
  chart: Localised;
  run: FindingRunRef;
  action: ActionTemplateId;
  /** A non-significant change is weak even on enough customers. */
  significant: boolean;
  /** The model the figure comes from failed its own evaluation (churn: leakage or no better than the base rate; CLV: unsuitable). */
  unreliableModel?: boolean;
  /** The figure's 95% interval is wider than the stated maximum (an NPS on few answers). */
  wideInterval?: boolean;
  /** The minimum the basis is held to when it is not minCustomers (a trait: the review's minimum support). */
  minBasis?: number;
}

function attributeName(l: Locale, attribute: string): string {
  return tr(l)(`analytics:breakdown.attributes.${attribute}`, { defaultValue: attribute });
}
function groupName(l: Locale, attribute: string, value: string): string {
  return attribute === 'tier' ? tr(l)(`analytics:tiers.names.${value}`, { defaultValue: value }) : value;
}

function retentionDrafts(input: FindingsInput, o: FindingsOptions): Draft[] {
  const d = input.diagnostic;
  if (!d?.last || d.last.retentionRate === null) return [];
  const { last, previous } = d;
  const rate = last.retentionRate;
  if (rate === null) return [];
  const perCustomer = d.customers > 0 ? d.revenue12m / d.customers : 0;
  const prevRate = previous?.retentionRate ?? null;
  const change = prevRate === null ? null : rate - prevRate;
  const z = previous && prevRate !== null ? twoProportionZ(last.retained, last.start, previous.retained, previous.start) : null;
  const headlineKey = change === null ? 'retentionLevel' : change < 0 ? 'retentionFell' : 'retentionRose';
  // A fall concerns the customers lost beyond last period's rate; a level alone, every customer lost.
  const concerned = change === null ? last.lost : Math.abs(change) * last.start;
  return [
    {
      id: 'retention',
      kind: 'retentionChange',
      headline: both(`headline.${headlineKey}`, (l) => ({
        period: last.periodKey,
        rate: pct(l, rate),
        previous: pct(l, prevRate),
        pp: pp(l, change ?? 0),
        start: int(l, last.start),
        lost: int(l, last.lost),
      })),
      figure: { value: rate, format: 'percent', baseline: prevRate },
      formula:
        change === null
          ? both('formula.retentionLevel', (l) => ({ start: int(l, last.start), retained: int(l, last.retained) }))
          : both('formula.retention', (l) => ({
              start: int(l, last.start),
              retained: int(l, last.retained),
              previous: pct(l, prevRate),
              previousStart: int(l, previous?.start ?? 0),
              z: num2(l, z),
            })),
      basis: last.start,
      materiality: concerned * perCustomer,
      materialityNote: both('materiality.lostCustomers', () => ({})),
      z,
      section: 'retention',
      chart: both('evidence.retentionChart', () => ({})),
      run: d.run,
      action: change !== null && change < 0 ? 'winBack' : 'retentionOffer',
      significant: change === null || (z !== null && Math.abs(z) >= o.zCritical),
    },
  ];
}

function revenueDrafts(input: FindingsInput, currency: string): Draft[] {
  const d = input.diagnostic;
  const r = d?.revenue;
  if (!d || !r || r.nrr === null) return [];
  const lostMrr = r.churnMrr + r.contractionMrr;
  const money = (l: Locale, v: number) => formatValue(v, 'currency', { locale: l, currency, decimals: 0 });
  return [
    {
      id: 'revenue-retention',
      kind: 'revenueRetention',
      headline: both('headline.revenueRetention', (l) => ({ period: r.periodKey, nrr: pct(l, r.nrr), grr: pct(l, r.grr), lostMrr: money(l, lostMrr) })),
      figure: { value: r.nrr, format: 'percent', baseline: r.previousNrr },
      formula: both('formula.revenueRetention', (l) => ({ startMrr: money(l, r.startMrr), customers: int(l, r.customers) })),
      basis: r.customers,
      materiality: lostMrr * PERIODS_PER_YEAR[d.grain],
      materialityNote: both('materiality.lostMrr', () => ({})),
      z: null,
      section: 'revenueRetention',
      chart: both('evidence.revenueChart', () => ({})),
      run: d.run,
      action: 'renewalValueReview',
      significant: true,
    },
  ];
}

// Owner groups are people: never a headline (and never through a pseudonymised export).
const SEGMENT_ATTRIBUTES_SKIPPED = new Set(['owner']);

function segmentDrafts(input: FindingsInput, o: FindingsOptions, currency: string): Draft[] {
  const d = input.diagnostic;
  if (!d?.last || d.last.retentionRate === null) return [];
  const overall = d.last;
  const overallRate = overall.retentionRate;
  if (overallRate === null) return [];
  const overallNrr = d.revenue?.nrr ?? null;
  const money = (l: Locale, v: number) => formatValue(v, 'currency', { locale: l, currency, decimals: 0 });
  const out: Draft[] = [];
  for (const b of d.breakdowns) {
    if (SEGMENT_ATTRIBUTES_SKIPPED.has(b.attribute)) continue;
    const named = b.groups.filter((g): g is GroupSummary & { value: string } => g.value !== null);
    // Retention: the group losing the most revenue through its gap to the overall rate.
    let worst: Draft | null = null;
    for (const g of named) {
      if (g.retentionRate === null || g.start <= 0) continue;
      const gap = g.retentionRate - overallRate;
      if (gap >= 0) continue;
      const perCustomer = g.customers > 0 ? g.revenue12m / g.customers : 0;
      const z = twoProportionZ(g.retained, g.start, overall.retained - g.retained, overall.start - g.start);
      const draft: Draft = {
        id: `segment-retention:${b.attribute}:${g.value}`,
        kind: 'segmentRetention',
        headline: both('headline.segmentRetention', (l) => ({
          attribute: attributeName(l, b.attribute),
          group: groupName(l, b.attribute, g.value),
          rate: pct(l, g.retentionRate),
          overall: pct(l, overallRate),
          pp: pp(l, gap),
          start: int(l, g.start),
          lost: int(l, g.lost),
        })),
        figure: { value: g.retentionRate, format: 'percent', baseline: overallRate },
        formula: both('formula.segmentRetention', (l) => ({
          retained: int(l, g.retained),
          start: int(l, g.start),
          overall: pct(l, overallRate),
          z: num2(l, z),
        })),
        basis: g.start,
        materiality: -gap * g.start * perCustomer,
        materialityNote: both('materiality.lostCustomers', () => ({})),
        z,
        section: 'retention',
        chart: both('evidence.breakdownTable', (l) => ({ attribute: attributeName(l, b.attribute) })),
        run: d.run,
        action: 'crossTeamMeeting',
        significant: z !== null && Math.abs(z) >= o.zCritical,
      };
      if (!worst || draft.materiality > worst.materiality) worst = draft;
    }
    if (worst) out.push(worst);
    // Net revenue retention: the group whose NRR gap costs the most of its revenue.
    if (overallNrr === null) continue;
    let worstNrr: Draft | null = null;
    for (const g of named) {
      if (g.nrr === null) continue;
      const gap = g.nrr - overallNrr;
      if (gap >= 0) continue;
      const draft: Draft = {
        id: `segment-revenue:${b.attribute}:${g.value}`,
        kind: 'segmentRevenue',
        headline: both('headline.segmentRevenue', (l) => ({
          attribute: attributeName(l, b.attribute),
          group: groupName(l, b.attribute, g.value),
          nrr: pct(l, g.nrr),
          overall: pct(l, overallNrr),
          pp: pp(l, gap),
          revenue: money(l, g.revenue12m),
        })),
        figure: { value: g.nrr, format: 'percent', baseline: overallNrr },
        formula: both('formula.segmentRevenue', (l) => ({ revenue: money(l, g.revenue12m), customers: int(l, g.customers) })),
        basis: g.customers,
        materiality: -gap * g.revenue12m,
        materialityNote: both('materiality.segmentRevenue', () => ({})),
        z: null,
        section: 'revenueRetention',
        chart: both('evidence.breakdownTable', (l) => ({ attribute: attributeName(l, b.attribute) })),
        run: d.run,
        action: 'renewalValueReview',
        significant: true,
      };
      if (!worstNrr || draft.materiality > worstNrr.materiality) worstNrr = draft;
    }
    if (worstNrr) out.push(worstNrr);
  }
  return out;
}

function healthDrafts(input: FindingsInput, playbook: Playbook): Draft[] {
  const h = input.health;
  if (!h || h.customers <= 0) return [];
  const d = input.diagnostic;
  const perCustomer = d && d.customers > 0 ? d.revenue12m / d.customers : 0;
  const share = h.red / h.customers;
  const out: Draft[] = [];
  if (h.red > 0) {
    const changeKey = h.previousRed !== null && h.previousAsOf ? 'healthRedChange' : 'healthRed';
    out.push({
      id: 'health-red',
      kind: 'healthRed',
      headline: both(`headline.${changeKey}`, (l) => ({
        asOf: h.run.asOf,
        red: int(l, h.red),
        share: pct(l, share),
        total: int(l, h.customers),
        previousRed: int(l, h.previousRed ?? 0),
        previousAsOf: h.previousAsOf ?? '',
      })),
      figure: { value: share, format: 'percent', baseline: null },
      formula: both('formula.healthRed', (l) => ({ red: int(l, h.red), total: int(l, h.customers), redMax: h.redMax })),
      basis: h.customers,
      materiality: h.red * perCustomer,
      materialityNote: both('materiality.lostCustomers', () => ({})),
      z: null,
      section: 'health',
      chart: both('evidence.healthBands', () => ({})),
      run: h.run,
      action: playbook.redScore,
      significant: true,
    });
  }
  // The named tier whose red share exceeds the overall one by the most customers.
  let worst: Draft | null = null;
  for (const g of h.byTier) {
    if (g.group === null || g.scored <= 0 || g.red <= 0) continue;
    const tierShare = g.red / g.scored;
    if (tierShare <= share) continue;
    const group = g.group;
    const z = twoProportionZ(g.red, g.scored, h.red - g.red, h.customers - g.scored);
    const draft: Draft = {
      id: `health-tier:${group}`,
      kind: 'healthTier',
      headline: both('headline.healthTier', (l) => ({
        tier: groupName(l, 'tier', group),
        share: pct(l, tierShare),
        red: int(l, g.red),
        scored: int(l, g.scored),
        overall: pct(l, share),
      })),
      figure: { value: tierShare, format: 'percent', baseline: share },
      formula: both('formula.healthTier', (l) => ({ red: int(l, g.red), scored: int(l, g.scored), overall: pct(l, share) })),
      basis: g.scored,
      materiality: (tierShare - share) * g.scored * perCustomer,
      materialityNote: both('materiality.lostCustomers', () => ({})),
      z,
      section: 'health',
      chart: both('evidence.healthTier', () => ({})),
      run: h.run,
      action: playbook.bySeverity.medium,
      significant: z !== null && Math.abs(z) >= 1.96,
    };
    if (!worst || draft.materiality > worst.materiality) worst = draft;
  }
  if (worst) out.push(worst);
  return out;
}

// The churn section withholds drivers and scores for these statuses; so do the findings.
const CHURN_WITHHELD = new Set(['too-small', 'too-few-churned']);

function churnDrafts(input: FindingsInput, currency: string): Draft[] {
  const c = input.churn;
  if (!c || CHURN_WITHHELD.has(c.status) || c.atStake <= 0) return [];
  const money = (l: Locale, v: number) => formatValue(v, 'currency', { locale: l, currency, decimals: 0 });
  return [
    {
      id: 'churn-at-stake',
      kind: 'churnAtStake',
      headline: both('headline.churnAtStake', (l) => ({
        atStake: money(l, c.atStake),
        share: pct(l, c.scoredRevenue > 0 ? c.atStake / c.scoredRevenue : null),
        customers: int(l, c.customers),
        driver: c.topDriver ? tr(l)('findings:headline.churnDriver', { driver: featureLabel(c.topDriver, (k, p) => String(tr(l)(k, p ?? {}))) }) : '',
      })),
      figure: { value: c.atStake, format: 'currency', baseline: null },
      formula: both('formula.churnAtStake', (l) => ({ customers: int(l, c.customers), auc: num2(l, c.rocAuc) })),
      basis: c.customers,
      materiality: c.atStake,
      materialityNote: both('materiality.churn', () => ({})),
      z: null,
      section: 'churn',
      chart: both('evidence.churnTable', () => ({})),
      run: c.run,
      action: 'retentionOffer',
      // A model no better than the base rate, or one that leaks, supports no claim.
      significant: c.status === 'ok',
      unreliableModel: c.status !== 'ok',
    },
  ];
}

function clvDrafts(input: FindingsInput, currency: string): Draft[] {
  const c = input.clv;
  if (!c || c.dormant <= 0) return [];
  const money = (l: Locale, v: number) => formatValue(v, 'currency', { locale: l, currency, decimals: 0 });
  return [
    {
      id: 'clv-dormant',
      kind: 'clvDormant',
      headline: both('headline.clvDormant', (l) => ({ dormant: int(l, c.dormant), spend: money(l, c.dormantSpend) })),
      figure: { value: c.dormant, format: 'integer', baseline: null },
      formula: both('formula.clvDormant', (l) => ({ customers: int(l, c.customers) })),
      basis: c.customers,
      materiality: c.dormantSpend,
      materialityNote: both('materiality.clv', () => ({})),
      z: null,
      section: 'methods',
      chart: both('evidence.clvTable', () => ({})),
      run: c.run,
      action: 'winBack',
      significant: true,
      // P(alive) from a fit the CLV section itself calls unsuitable is no basis for a headline.
      unreliableModel: c.verdict === 'unsuitable',
    },
  ];
}

/** Revenue per customer over the last 12 months, from the diagnostic run (0 without one: the finding then ranks by nothing). */
function revenuePerCustomer(input: FindingsInput): number {
  const d = input.diagnostic;
  return d && d.customers > 0 ? d.revenue12m / d.customers : 0;
}

const points = (l: Locale, v: number) => formatValue(v, 'number', { locale: l, decimals: 1 });
const signedPoints = (l: Locale, v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${points(l, Math.abs(v))}`;
const halfWidth = (n: NpsSummary) => (n.high - n.low) / 2;

function npsDrafts(input: FindingsInput, o: FindingsOptions): Draft[] {
  const v = input.voc;
  const last = v?.last;
  if (!v || !last) return [];
  const prev = v.previous;
  const change = prev ? last.nps.nps - prev.nps.nps : null;
  // Two independent samples of answers: the change's standard error is the root of the summed variances.
  const seChange = prev ? Math.sqrt(last.nps.se ** 2 + prev.nps.se ** 2) : null;
  const z = change !== null && seChange !== null && seChange > 0 ? change / seChange : null;
  const key = change === null ? 'npsLevel' : change < 0 ? 'npsFell' : 'npsRose';
  const interval = (l: Locale, n: NpsSummary) => `[${signedPoints(l, n.low)}, ${signedPoints(l, n.high)}]`;
  return [
    {
      id: 'nps',
      kind: 'npsChange',
      headline: both(`headline.${key}`, (l) => ({
        period: last.periodKey,
        nps: signedPoints(l, last.nps.nps),
        interval: interval(l, last.nps),
        responses: int(l, last.nps.responses),
        previousPeriod: prev?.periodKey ?? '',
        previous: prev ? signedPoints(l, prev.nps.nps) : '',
        change: points(l, Math.abs(change ?? 0)),
      })),
      figure: { value: last.nps.nps, format: 'number', decimals: 1, baseline: prev?.nps.nps ?? null },
      formula: both(change === null ? 'formula.npsLevel' : 'formula.nps', (l) => ({
        promoters: int(l, last.nps.promoters),
        passives: int(l, last.nps.passives),
        detractors: int(l, last.nps.detractors),
        responses: int(l, last.nps.responses),
        interval: interval(l, last.nps),
        previousResponses: int(l, prev?.nps.responses ?? 0),
        previousInterval: prev ? interval(l, prev.nps) : '',
        z: num2(l, z),
      })),
      basis: last.nps.responses,
      materiality: last.nps.detractors * revenuePerCustomer(input),
      materialityNote: both('materiality.detractors', () => ({})),
      z,
      section: 'voc',
      chart: both('evidence.npsTrend', () => ({})),
      run: v.run,
      action: change !== null && change < 0 ? 'executiveEscalation' : 'serviceImprovementNote',
      significant: z === null || Math.abs(z) >= o.zCritical,
      wideInterval: halfWidth(last.nps) > o.maxNpsHalfWidth,
    },
  ];
}

function npsThemeDrafts(input: FindingsInput, o: FindingsOptions): Draft[] {
  const t = input.voc?.themes;
  const top = t?.top;
  if (!t || !top || !(top.npsEffect > 0)) return [];
  return [
    {
      id: `nps-theme:${top.id}`,
      kind: 'npsTheme',
      headline: both('headline.npsTheme', (l) => ({
        theme: top.name[l],
        detractors: int(l, top.detractors),
        ifPassive: signedPoints(l, top.npsIfPassive),
        nps: signedPoints(l, t.overall.nps),
        effect: signedPoints(l, top.npsEffect),
        comments: int(l, top.comments),
      })),
      figure: { value: top.npsEffect, format: 'number', decimals: 1, baseline: t.overall.nps },
      formula: both('formula.npsTheme', (l) => ({
        detractors: int(l, top.detractors),
        responses: int(l, t.overall.responses),
        nps: signedPoints(l, t.overall.nps),
        comments: int(l, top.comments),
        customers: int(l, top.customers),
      })),
      basis: top.customers,
      materiality: top.detractors * revenuePerCustomer(input),
      materialityNote: both('materiality.detractors', () => ({})),
      z: null,
      section: 'voc',
      chart: both('evidence.themesTable', () => ({})),
      run: t.run,
      action: 'serviceImprovementNote',
      significant: true,
      wideInterval: halfWidth(t.overall) > o.maxNpsHalfWidth,
    },
  ];
}

function churnReviewDrafts(input: FindingsInput, o: FindingsOptions, currency: string): Draft[] {
  const r = input.churnReview;
  if (!r) return [];
  const money = (l: Locale, v: number) => formatValue(v, 'currency', { locale: l, currency, decimals: 0 });
  const out: Draft[] = [];
  if (r.churnedCount > 0) {
    out.push({
      id: 'churn-review-lost',
      kind: 'churnReviewLost',
      headline: both('headline.churnReviewLost', (l) => ({
        period: r.period,
        lost: money(l, r.lostRevenue),
        churned: int(l, r.churnedCount),
        onBook: int(l, r.onBook),
        rate: pct(l, r.churnRatePct === null ? null : r.churnRatePct / 100),
      })),
      figure: { value: r.lostRevenue, format: 'currency', baseline: null },
      formula: both('formula.churnReviewLost', (l) => ({ churned: int(l, r.churnedCount), onBook: int(l, r.onBook) })),
      // The review's figure is a count of recorded losses, not an estimate: its basis is the book it is a share of.
      basis: r.onBook,
      materiality: r.lostRevenue,
      materialityNote: both('materiality.reviewLost', () => ({})),
      z: null,
      section: 'churnReview',
      chart: both('evidence.reviewLost', () => ({})),
      run: r.run,
      action: 'winBack',
      significant: true,
    });
  }
  // The largest lift among traits that pass the review's own tests; failing that, the largest lift
  // at all, drafted as weak so the consultant sees why it is not a conclusion.
  const passes = (t: (typeof r.traits)[number]) => t.churnedWith >= r.minSupport && t.q < o.maxTraitQ;
  const byLift = [...r.traits].filter((t) => t.lift > 1).sort((a, b) => b.lift - a.lift || b.churnedWith - a.churnedWith);
  const trait = byLift.find(passes) ?? byLift[0];
  if (trait) {
    const lostPerChurned = r.churnedCount > 0 ? r.lostRevenue / r.churnedCount : 0;
    out.push({
      id: `churn-review-trait:${trait.dimension}:${trait.value}`,
      kind: 'churnReviewTrait',
      headline: both('headline.churnReviewTrait', (l) => ({
        trait: trait.label[l],
        lift: formatValue(trait.lift, 'number', { locale: l, decimals: 2 }),
        rateWith: pct(l, trait.churnRateWith / 100),
        overall: pct(l, trait.churnRateOverall / 100),
        churnedWith: int(l, trait.churnedWith),
        churned: int(l, r.traitChurned),
      })),
      figure: { value: trait.lift, format: 'number', decimals: 2, baseline: 1 },
      formula: both('formula.churnReviewTrait', (l) => ({
        churnedWith: int(l, trait.churnedWith),
        retainedWith: int(l, trait.retainedWith),
        churned: int(l, r.traitChurned),
        total: int(l, r.traitChurned + r.traitRetained),
        q: formatValue(trait.q, 'number', { locale: l, decimals: 3 }),
        minSupport: int(l, r.minSupport),
      })),
      basis: trait.churnedWith,
      minBasis: r.minSupport,
      // Churned customers beyond the overall rate, at the period's average loss per churned customer.
      materiality: trait.churnedWith * (1 - 1 / trait.lift) * lostPerChurned,
      materialityNote: both('materiality.reviewTrait', () => ({})),
      z: null,
      section: 'churnReview',
      chart: both('evidence.reviewTraits', () => ({})),
      run: r.run,
      action: 'crossTeamMeeting',
      significant: trait.q < o.maxTraitQ,
    });
  }
  return out;
}

/**
 * Drafted findings, strongest first: findings with enough customers and a change beyond noise rank
 * by the revenue they concern; weak ones (too few customers, or within noise) follow, in the same order.
 */
export function proposeFindings(input: FindingsInput, options: Partial<FindingsOptions> = {}, playbook: Playbook = DEFAULT_PLAYBOOK): Finding[] {
  const o = { ...DEFAULT_FINDINGS_OPTIONS, ...options };
  const drafts = [
    ...retentionDrafts(input, o),
    ...revenueDrafts(input, input.currency),
    ...segmentDrafts(input, o, input.currency),
    ...healthDrafts(input, playbook),
    ...churnDrafts(input, input.currency),
    ...clvDrafts(input, input.currency),
    ...npsDrafts(input, o),
    ...npsThemeDrafts(input, o),
    ...churnReviewDrafts(input, o, input.currency),
  ];
  const findings = drafts.map((d): Finding => {
    const weakReason =
      d.basis < (d.minBasis ?? o.minCustomers)
        ? 'fewCustomers'
        : d.unreliableModel
          ? 'unreliableModel'
          : d.wideInterval
            ? 'wideInterval'
            : !d.significant
              ? 'notSignificant'
              : null;
    return {
      id: d.id,
      kind: d.kind,
      headline: d.headline,
      figure: d.figure,
      formula: d.formula,
      basis: d.basis,
      materiality: Number.isFinite(d.materiality) ? Math.max(0, d.materiality) : 0,
      materialityNote: d.materialityNote,
      weak: weakReason !== null,
      weakReason,
      ...(d.minBasis !== undefined ? { minBasis: d.minBasis } : {}),
      z: d.z,
      evidence: { section: d.section, chart: d.chart, run: d.run },
      action: {
        templateId: d.action,
        // The playbook's own title and description, as the health domain shows them.
        text: {
          'zh-CN': `${tr('zh-CN')(`health:actions.${d.action}.title`)}：${tr('zh-CN')(`health:actions.${d.action}.description`)}`,
          en: `${tr('en')(`health:actions.${d.action}.title`)}: ${tr('en')(`health:actions.${d.action}.description`)}`,
        },
      },
    };
  });
  return findings.sort((a, b) => Number(a.weak) - Number(b.weak) || b.materiality - a.materiality || a.id.localeCompare(b.id));
}

/** The sentence saying why a finding is weak, in one language. */
export function weakText(locale: Locale, f: Pick<Finding, 'weakReason' | 'basis' | 'minBasis'>, options: Partial<FindingsOptions> = {}): string | null {
  const o = { ...DEFAULT_FINDINGS_OPTIONS, ...options };
  if (f.weakReason === 'fewCustomers') return tr(locale)('findings:weak.fewCustomers', { basis: f.basis, min: f.minBasis ?? o.minCustomers });
  if (f.weakReason === 'wideInterval') return tr(locale)('findings:weak.wideInterval', { max: o.maxNpsHalfWidth });
  if (f.weakReason === 'unreliableModel') return tr(locale)('findings:weak.unreliableModel');
  if (f.weakReason === 'notSignificant') return tr(locale)('findings:weak.notSignificant', { z: o.zCritical });
  return null;
}

/** The run a finding quotes, named in one language. */
export function runText(locale: Locale, run: FindingRunRef): string {
  return tr(locale)(`findings:runs.${run.kind}`, { id: run.id, asOf: run.asOf });
}
