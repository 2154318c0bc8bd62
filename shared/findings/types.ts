import type { Verdict } from '../clv/diagnostics';
import type { Locale } from '../errors';
import type { ActionTemplateId } from '../health/vocabulary';
import type { ValueFormat } from '../reports/format';
import type { ReportSectionId } from '../reports/model';

// Drafted findings: what the stored runs say that an executive should hear, ranked by how much money
// or how many customers it concerns. The engine (propose.ts) reads a plain summary of the stored runs
// (FindingsInput, filled by the backend from the runs as stored, never recomputed) and proposes;
// the consultant's decisions (accept, edit, reorder, drop) are stored per engagement and merged in
// review.ts.

export const FINDING_KINDS = [
  'retentionChange',
  'revenueRetention',
  'segmentRetention',
  'segmentRevenue',
  'healthRed',
  'healthTier',
  'churnAtStake',
  'clvDormant',
  'npsChange',
  'npsTheme',
  'churnReviewLost',
  'churnReviewTrait',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Which stored run a finding quotes. */
export interface FindingRunRef {
  /** 'surveys': the survey answers themselves (id is the number of answers, asOf the latest answer's date). */
  kind: 'diagnostic' | 'health' | 'churn' | 'clv' | 'surveys' | 'voc' | 'churnReview';
  id: number;
  asOf: string;
}

export type Localised = Record<Locale, string>;

export interface FindingFigure {
  /** The number as stored in the run (a fraction for percent), so a test can compare it with the run. */
  value: number;
  format: ValueFormat;
  /** Decimals to print a 'number' figure with (NPS points: 1; a lift: 2); unset: the format's default. */
  decimals?: number;
  /** The figure it is compared with (previous period, overall rate), when the finding is a change. */
  baseline: number | null;
}

export interface Finding {
  /** Stable across re-runs of the same question (kind + attribute + group), so decisions survive a new run. */
  id: string;
  kind: FindingKind;
  headline: Localised;
  figure: FindingFigure;
  /** Formula and denominator of the figure, for the PDF footnote and the deck's speaker notes. */
  formula: Localised;
  /** Customers the figure rests on (its denominator). */
  basis: number;
  /** Revenue the finding concerns, in the engagement's currency (how it is estimated: materialityNote). */
  materiality: number;
  materialityNote: Localised;
  /** Too few customers (basis below the stated minimum) or a change within noise: said, not hidden. */
  weak: boolean;
  weakReason: 'fewCustomers' | 'unreliableModel' | 'notSignificant' | 'wideInterval' | null;
  /** The minimum the basis was held to when it is not the engine's minCustomers (a churn-review trait: the review's minimum support). */
  minBasis?: number;
  /** Two-proportion z statistic for a change in a rate, when the finding is one. */
  z: number | null;
  evidence: { section: ReportSectionId; chart: Localised; run: FindingRunRef };
  action: { templateId: ActionTemplateId; text: Localised };
}

export interface RateFigure {
  value: number | null;
}

export interface GroupSummary {
  /** The attribute value (华东, 战略级); null groups (not set) are never a finding. */
  value: string | null;
  customers: number;
  /** Start-of-period customers of the last period (S) and those retained. */
  start: number;
  retained: number;
  lost: number;
  retentionRate: number | null;
  nrr: number | null;
  revenue12m: number;
}

/** What the engine reads: a plain summary of the stored runs (see electron/backend/findings/input.ts). */
export interface FindingsInput {
  currency: string;
  diagnostic: {
    run: FindingRunRef;
    grain: 'month' | 'quarter' | 'year';
    customers: number;
    /** Trailing-12-month revenue of all customers (materiality per customer). */
    revenue12m: number;
    last: { periodKey: string; start: number; retained: number; lost: number; retentionRate: number | null } | null;
    previous: { periodKey: string; start: number; retained: number; lost: number; retentionRate: number | null } | null;
    revenue: {
      periodKey: string;
      nrr: number | null;
      grr: number | null;
      previousNrr: number | null;
      startMrr: number;
      churnMrr: number;
      contractionMrr: number;
      customers: number;
    } | null;
    breakdowns: { attribute: string; groups: GroupSummary[] }[];
  } | null;
  health: {
    run: FindingRunRef;
    customers: number;
    red: number;
    previousRed: number | null;
    previousAsOf: string | null;
    redMax: number;
    byTier: { group: string | null; red: number; scored: number }[];
  } | null;
  churn: {
    run: FindingRunRef;
    status: string;
    rocAuc: number | null;
    customers: number;
    /** Trailing-12-month revenue of the scored customers (the share's denominator). */
    scoredRevenue: number;
    /** Sum over customers of probability × 12-month revenue. */
    atStake: number;
    /** The strongest driver that raises risk, named per language by the churn domain's labels. */
    topDriver: { key: string; params?: Record<string, string | number> } | null;
  } | null;
  clv: {
    run: FindingRunRef;
    customers: number;
    /** Repeat customers whose P(alive) is below 0.5 but whose past spend is above the median. */
    dormant: number;
    dormantSpend: number;
    totalClv: number;
    /** The run's verdict on whether the model suits the data: an unsuitable fit supports no finding. */
    verdict: Verdict;
  } | null;
  /** NPS by period from the survey answers (as the 客户之声 section shows them) and the latest theme run. */
  voc?: {
    grain: 'month' | 'quarter' | 'year';
    /** The survey answers the figures come from. */
    run: FindingRunRef;
    last: { periodKey: string; nps: NpsSummary } | null;
    previous: { periodKey: string; nps: NpsSummary } | null;
    /** The latest stored theme run and its theme with the largest NPS effect (null: no theme has one). */
    themes: {
      run: FindingRunRef;
      /** The NPS the effects are measured against (the run's survey answers in scope). */
      overall: NpsSummary;
      top: { id: string; name: Localised; comments: number; detractors: number; customers: number; npsIfPassive: number; npsEffect: number } | null;
    } | null;
  } | null;
  /** The latest stored churn review (流失复盘). */
  churnReview?: {
    run: FindingRunRef;
    period: string;
    onBook: number;
    churnedCount: number;
    churnRatePct: number | null;
    lostRevenue: number;
    minSupport: number;
    /** Churned and retained customers over the trait window (the traits' denominators). */
    traitChurned: number;
    traitRetained: number;
    /** Traits over-represented among the churned (lift > 1), owners left out; the engine picks one. */
    traits: {
      dimension: string;
      value: string;
      label: Localised;
      churnedWith: number;
      retainedWith: number;
      lift: number;
      churnRateWith: number;
      churnRateOverall: number;
      q: number;
    }[];
  } | null;
}

/** An NPS figure as stored (points, −100..100) with its 95% interval and the answers it rests on. */
export interface NpsSummary {
  nps: number;
  low: number;
  high: number;
  se: number;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface FindingsOptions {
  /** Below this many customers a finding is marked weak (default 30, stated in the output). */
  minCustomers: number;
  /** |z| below this is within noise (1.96: two-sided 5%). */
  zCritical: number;
  /** An NPS whose 95% interval is wider than ± this many points is weak (said, not hidden). */
  maxNpsHalfWidth: number;
  /** A churn-review trait with a BH q-value at or above this is not a conclusion. */
  maxTraitQ: number;
}

export const DEFAULT_FINDINGS_OPTIONS: FindingsOptions = { minCustomers: 30, zCritical: 1.96, maxNpsHalfWidth: 15, maxTraitQ: 0.1 };

export const FINDING_STATUSES = ['proposed', 'accepted', 'dropped'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** The consultant's decision on one finding, stored per engagement (finding_decision). */
export interface FindingDecision {
  id: string;
  status: FindingStatus;
  /** Position among the accepted findings (0 first); null: engine order. */
  position: number | null;
  /** The consultant's own headline per language; null: the drafted one. */
  text: Partial<Localised>;
  /** The figure when the decision was taken: a later run with another figure flags an edited text as outdated. */
  figureAtDecision: number | null;
  decidedAt: string;
}

export interface ReviewedFinding extends Finding {
  status: FindingStatus;
  /** The headline to print: the consultant's text when edited, else the drafted one. */
  text: Localised;
  edited: boolean;
  /** Edited when the run said something else: the consultant should re-read it. */
  outdated: boolean;
  rank: number;
}
