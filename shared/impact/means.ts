// Comparing a continuous outcome (revenue per customer) between treatment and control: Welch's t
// (unequal variances, Welch-Satterthwaite degrees of freedom) and a seeded percentile bootstrap for
// skewed revenue where a t interval is doubtful.

import { seededRandom } from '../churn/random';
import { studentTQuantile, studentTTwoSided } from './distributions';

export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample variance (n − 1 denominator). */
  variance: number;
}

export function summarise(values: ArrayLike<number>): SampleSummary {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i += 1) mean += values[i] as number;
  mean = n > 0 ? mean / n : 0;
  let ss = 0;
  for (let i = 0; i < n; i += 1) ss += ((values[i] as number) - mean) ** 2;
  return { n, mean, variance: n > 1 ? ss / (n - 1) : 0 };
}

export interface MeanDifferenceResult {
  meanTreatment: number;
  meanControl: number;
  /** meanTreatment − meanControl */
  difference: number;
  relativeLift: number | null;
  standardError: number;
  /** Welch-Satterthwaite degrees of freedom (fractional). */
  df: number;
  t: number;
  pValue: number;
  confidence: number;
  ciLow: number;
  ciHigh: number;
}

export function welchTest(treatment: SampleSummary, control: SampleSummary, confidence = 0.95): MeanDifferenceResult {
  const v1 = treatment.variance / treatment.n;
  const v2 = control.variance / control.n;
  const se = Math.sqrt(v1 + v2);
  const diff = treatment.mean - control.mean;
  const df = se > 0 ? (v1 + v2) ** 2 / (v1 ** 2 / (treatment.n - 1) + v2 ** 2 / (control.n - 1)) : treatment.n + control.n - 2;
  const t = se > 0 ? diff / se : 0;
  const tc = studentTQuantile(1 - (1 - confidence) / 2, df);
  return {
    meanTreatment: treatment.mean,
    meanControl: control.mean,
    difference: diff,
    relativeLift: control.mean !== 0 ? diff / Math.abs(control.mean) : null,
    standardError: se,
    df,
    t,
    pValue: se > 0 ? studentTTwoSided(t, df) : 1,
    confidence,
    ciLow: diff - tc * se,
    ciHigh: diff + tc * se,
  };
}

export interface BootstrapResult {
  difference: number;
  resamples: number;
  seed: number;
  confidence: number;
  /** Percentile interval of the resampled differences. */
  ciLow: number;
  ciHigh: number;
  /** Two-sided: twice the share of resampled differences on the far side of zero (capped at 1). */
  pValue: number;
  standardError: number;
}

/**
 * Percentile bootstrap of the difference in means: each resample draws both groups with replacement
 * at their own sizes. The same seed gives the same interval.
 */
export function bootstrapMeanDifference(
  treatment: ArrayLike<number>,
  control: ArrayLike<number>,
  opts: { resamples?: number; seed?: number; confidence?: number } = {},
): BootstrapResult {
  const resamples = opts.resamples ?? 2000;
  const seed = opts.seed ?? 1;
  const confidence = opts.confidence ?? 0.95;
  const rand = seededRandom(seed);
  const n1 = treatment.length;
  const n2 = control.length;
  const diffs = new Float64Array(resamples);
  const mean = (a: ArrayLike<number>, n: number): number => {
    let s = 0;
    for (let i = 0; i < n; i += 1) s += a[Math.floor(rand() * n)] as number;
    return s / n;
  };
  for (let r = 0; r < resamples; r += 1) diffs[r] = mean(treatment, n1) - mean(control, n2);
  diffs.sort();
  const q = (p: number): number => {
    const h = (resamples - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(resamples - 1, lo + 1);
    return (diffs[lo] as number) + (h - lo) * ((diffs[hi] as number) - (diffs[lo] as number));
  };
  let below = 0;
  let above = 0;
  let m = 0;
  for (const d of diffs) {
    if (d <= 0) below += 1;
    if (d >= 0) above += 1;
    m += d;
  }
  m /= resamples;
  let ss = 0;
  for (const d of diffs) ss += (d - m) ** 2;
  const observed = summarise(treatment).mean - summarise(control).mean;
  return {
    difference: observed,
    resamples,
    seed,
    confidence,
    ciLow: q((1 - confidence) / 2),
    ciHigh: q(1 - (1 - confidence) / 2),
    pValue: Math.min(1, (2 * Math.min(below, above)) / resamples),
    standardError: Math.sqrt(ss / Math.max(1, resamples - 1)),
  };
}
