// What a consultant shows before the predictions: does the model track repeat purchases over time
// (calibration and hold-out), does it predict each frequency group's hold-out purchases, is spend
// independent of frequency (Gamma-Gamma's assumption), and, from those, a verdict in plain terms.
import type { FitStatus, ModelFitResult } from './fit';
import { expectedPurchases, expectedPurchasesNew, type CountParams } from './predict';
import type { CustomerSummary, TimeUnit } from './summary';

export interface TrackingPoint {
  /** Last period of the bucket, in periods since 1970-01-01 of the unit. */
  period: number;
  /** Repeat purchases in the bucket: actual and predicted. */
  actual: number;
  predicted: number;
  cumulativeActual: number;
  cumulativePredicted: number;
  /** Whether the bucket lies after the calibration end. */
  holdout: boolean;
}

/**
 * Predicted vs actual repeat purchases per bucket (a week for the day unit, one unit for weeks; wider
 * buckets when there would be more than 104), from the first customer's first purchase to the end.
 * The prediction sums E[X(t)] over first-purchase cohorts: it uses no purchase after the first, so the
 * calibration part is a fit check and the hold-out part a forecast.
 */
export function trackingSeries(
  m: CountParams,
  customers: readonly CustomerSummary[],
  repeatOccasionsByPeriod: ReadonlyMap<number, number>,
  unit: TimeUnit,
  calibrationEndPeriod: number,
  holdoutLength: number,
): TrackingPoint[] {
  if (customers.length === 0) return [];
  const cohorts = new Map<number, number>();
  let start = Infinity;
  for (const c of customers) {
    cohorts.set(c.firstPeriod, (cohorts.get(c.firstPeriod) ?? 0) + 1);
    start = Math.min(start, c.firstPeriod);
  }
  const end = calibrationEndPeriod + holdoutLength;
  const base = unit === 'day' ? 7 : 1;
  const span = end - start;
  const width = base * Math.max(1, Math.ceil(span / base / 104));
  const points: TrackingPoint[] = [];
  let cumulativeActual = 0;
  let previousPredicted = 0;
  const sortedRepeats = [...repeatOccasionsByPeriod.entries()].sort((a, b) => a[0] - b[0]);
  let next = 0;
  for (let bucketEnd = Math.min(end, start + width); ; bucketEnd = Math.min(end, bucketEnd + width)) {
    let actual = 0;
    while (next < sortedRepeats.length && (sortedRepeats[next] as [number, number])[0] <= bucketEnd) {
      actual += (sortedRepeats[next] as [number, number])[1];
      next += 1;
    }
    cumulativeActual += actual;
    let cumulativePredicted = 0;
    for (const [first, n] of cohorts) if (first < bucketEnd) cumulativePredicted += n * expectedPurchasesNew(m, bucketEnd - first);
    points.push({
      period: bucketEnd,
      actual,
      predicted: cumulativePredicted - previousPredicted,
      cumulativeActual,
      cumulativePredicted,
      holdout: bucketEnd > calibrationEndPeriod,
    });
    previousPredicted = cumulativePredicted;
    if (bucketEnd >= end) break;
  }
  return points;
}

export interface FrequencyBucket {
  /** Calibration repeat purchases x; the last bucket holds x ≥ this. */
  frequency: number;
  openEnded: boolean;
  customers: number;
  /** Mean hold-out purchases per customer: actual and E[Y(hold-out) | x, tₓ, T]. */
  actual: number;
  predicted: number;
}

/** Conditional expectations by calibration frequency, 0..6 and 7+ (Fader, Hardie & Lee 2005, fig. 3). */
export function frequencyBuckets(m: CountParams, customers: readonly CustomerSummary[], holdoutLength: number, top = 7): FrequencyBucket[] {
  if (holdoutLength <= 0) return [];
  const buckets: FrequencyBucket[] = Array.from({ length: top + 1 }, (_, k) => ({
    frequency: k,
    openEnded: k === top,
    customers: 0,
    actual: 0,
    predicted: 0,
  }));
  for (const c of customers) {
    const bucket = buckets[Math.min(c.x, top)] as FrequencyBucket;
    bucket.customers += 1;
    bucket.actual += c.holdoutX ?? 0;
    bucket.predicted += expectedPurchases(m, holdoutLength, c.x, c.tx, c.T);
  }
  return buckets.filter((b) => b.customers > 0).map((b) => ({ ...b, actual: b.actual / b.customers, predicted: b.predicted / b.customers }));
}

/** Pearson correlation of frequency and mean spend among repeat buyers; null with fewer than 3. */
export function spendFrequencyCorrelation(customers: readonly { x: number; monetary: number }[]): number | null {
  const kept = customers.filter((c) => c.x > 0 && c.monetary > 0);
  if (kept.length < 3) return null;
  const n = kept.length;
  let mx = 0;
  let mm = 0;
  for (const c of kept) {
    mx += c.x / n;
    mm += c.monetary / n;
  }
  let sxx = 0;
  let smm = 0;
  let sxm = 0;
  for (const c of kept) {
    sxx += (c.x - mx) ** 2;
    smm += (c.monetary - mm) ** 2;
    sxm += (c.x - mx) * (c.monetary - mm);
  }
  return sxx > 0 && smm > 0 ? sxm / Math.sqrt(sxx * smm) : null;
}

export const VERDICTS = ['suits', 'caution', 'unsuitable'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_REASONS = [
  'fit-failed',
  'fit-uncertain',
  'not-identified',
  'few-repeat-buyers',
  'no-holdout',
  'holdout-close',
  'holdout-off',
  'holdout-far-off',
  'spend-depends-on-frequency',
  'no-spend-model',
  'contractual',
] as const;
export type VerdictReasonKey = (typeof VERDICT_REASONS)[number];

export interface VerdictReason {
  key: VerdictReasonKey;
  level: Verdict;
  params: Record<string, string | number>;
}

export interface VerdictInput {
  countStatus: FitStatus;
  spendFit: ModelFitResult | null;
  customers: number;
  repeatBuyers: number;
  /** Total hold-out repeat purchases, actual and predicted (null without a hold-out). */
  holdoutActual: number | null;
  holdoutPredicted: number | null;
  spendCorrelation: number | null;
  /** Share of the modelled customers who also hold a contract (null: not known). */
  contractShare?: number | null;
}

/** From this share of customers under contract the data look contractual (departure is seen, not hidden). */
export const CONTRACTUAL_SHARE = 0.5;

/**
 * Whether the purchase-count model could not be identified on the data: its likelihood ran to a
 * parameter's edge (boundary, e.g. r ≈ 34,000 when nobody seems to drop out) or is flat along one. Its
 * per-customer P(alive), expected purchases and CLV then follow from an arbitrary point (typically
 * P(alive) ≈ 1 for everyone), so readers withhold them and every breakdown built on them.
 */
export function countFitUnidentified(status: FitStatus): boolean {
  return status === 'boundary' || status === 'flat';
}

/** |error| of the hold-out total within 10%: close; within 25%: off (caution); beyond: far off. */
export function judgeFit(input: VerdictInput): { verdict: Verdict; reasons: VerdictReason[] } {
  const reasons: VerdictReason[] = [];
  if (input.countStatus === 'not-enough-data' || input.countStatus === 'not-converged') {
    reasons.push({ key: 'fit-failed', level: 'unsuitable', params: { status: input.countStatus } });
  } else if (countFitUnidentified(input.countStatus)) {
    reasons.push({ key: 'not-identified', level: 'unsuitable', params: { status: input.countStatus } });
  } else if (input.countStatus !== 'converged') {
    reasons.push({ key: 'fit-uncertain', level: 'caution', params: { status: input.countStatus } });
  }
  const share = input.customers > 0 ? input.repeatBuyers / input.customers : 0;
  if (input.customers > 0 && share < 0.1) {
    reasons.push({ key: 'few-repeat-buyers', level: 'caution', params: { percent: round1(share * 100) } });
  }
  if (input.holdoutActual === null || input.holdoutPredicted === null) {
    reasons.push({ key: 'no-holdout', level: 'caution', params: {} });
  } else if (input.holdoutActual > 0) {
    const error = (input.holdoutPredicted - input.holdoutActual) / input.holdoutActual;
    const params = { percent: round1(error * 100), actual: input.holdoutActual, predicted: round1(input.holdoutPredicted) };
    if (Math.abs(error) <= 0.1) reasons.push({ key: 'holdout-close', level: 'suits', params });
    else if (Math.abs(error) <= 0.25) reasons.push({ key: 'holdout-off', level: 'caution', params });
    else reasons.push({ key: 'holdout-far-off', level: 'unsuitable', params });
  }
  if (input.spendFit === null || input.spendFit.status === 'not-enough-data') {
    reasons.push({ key: 'no-spend-model', level: 'caution', params: {} });
  } else if (input.spendCorrelation !== null && Math.abs(input.spendCorrelation) >= 0.3) {
    reasons.push({ key: 'spend-depends-on-frequency', level: 'caution', params: { correlation: Number(input.spendCorrelation.toFixed(2)) } });
  }
  if (input.contractShare !== undefined && input.contractShare !== null && input.contractShare >= CONTRACTUAL_SHARE) {
    reasons.push({ key: 'contractual', level: 'caution', params: { percent: round1(input.contractShare * 100) } });
  }
  const rank: Record<Verdict, number> = { suits: 0, caution: 1, unsuitable: 2 };
  const verdict = reasons.reduce<Verdict>((worst, r) => (rank[r.level] > rank[worst] ? r.level : worst), 'suits');
  return { verdict, reasons };
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
