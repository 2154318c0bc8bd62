// Planning an experiment before it starts: how many customers each group needs, the power a given size
// has, and the smallest effect it can detect (MDE), for a rate (retained, converted) and for a mean
// (revenue). Two-sided tests at level alpha. Proportions use the normal approximation with the pooled
// variance under the null and the unpooled one under the alternative (Fleiss, Statistical Methods for
// Rates and Proportions, §4.2, without continuity correction); means use t quantiles iterated on the
// degrees of freedom. Cohen's arcsine form is kept for the check against his published table.

import { normalCdf, normalQuantile, studentTQuantile } from './distributions';

export interface PlanParams {
  alpha: number;
  power: number;
  /** Control customers per treatment customer (1 = equal groups). */
  ratio: number;
}

export const DEFAULT_PLAN: PlanParams = { alpha: 0.05, power: 0.8, ratio: 1 };

/** Treatment group size to detect a change from rate p0 (control) to p1 (treatment); control = ratio × that. */
export function sampleSizeProportions(p0: number, p1: number, plan: PlanParams = DEFAULT_PLAN): { treatment: number; control: number } {
  const k = plan.ratio;
  const za = normalQuantile(1 - plan.alpha / 2);
  const zb = normalQuantile(plan.power);
  const pbar = (p1 + k * p0) / (1 + k);
  const delta = Math.abs(p1 - p0);
  const n = (za * Math.sqrt(pbar * (1 - pbar) * (1 + 1 / k)) + zb * Math.sqrt(p1 * (1 - p1) + (p0 * (1 - p0)) / k)) ** 2 / delta ** 2;
  const treatment = Math.ceil(n - 1e-9);
  return { treatment, control: Math.ceil(treatment * k - 1e-9) };
}

/** Power of the two-sided pooled z test with these group sizes when the true rates are p0 and p1. */
export function powerProportions(p0: number, p1: number, nTreatment: number, nControl: number, alpha = 0.05): number {
  if (nTreatment <= 0 || nControl <= 0) return 0;
  const za = normalQuantile(1 - alpha / 2);
  const pbar = (p1 * nTreatment + p0 * nControl) / (nTreatment + nControl);
  const se0 = Math.sqrt(pbar * (1 - pbar) * (1 / nTreatment + 1 / nControl));
  const se1 = Math.sqrt((p1 * (1 - p1)) / nTreatment + (p0 * (1 - p0)) / nControl);
  if (se1 === 0) return p1 === p0 ? alpha : 1;
  const d = Math.abs(p1 - p0);
  return normalCdf((d - za * se0) / se1) + normalCdf((-d - za * se0) / se1);
}

/**
 * Smallest rise in the rate from p0 the groups can detect with the plan's power (absolute points; the
 * rise direction, since a retention action is meant to raise the rate). Null when even a rate of 1
 * cannot be detected.
 */
export function mdeProportions(p0: number, nTreatment: number, nControl: number, alpha = 0.05, power = 0.8): number | null {
  const room = 1 - p0;
  if (room <= 0 || powerProportions(p0, 1 - 1e-9, nTreatment, nControl, alpha) < power) return null;
  let lo = 0;
  let hi = room - 1e-9;
  for (let i = 0; i < 100; i += 1) {
    const mid = (lo + hi) / 2;
    if (powerProportions(p0, p0 + mid, nTreatment, nControl, alpha) < power) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Cohen's effect size h = 2·asin√p1 − 2·asin√p0. */
export function cohenH(p0: number, p1: number): number {
  return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p0));
}

/**
 * Per-group n for Cohen's h, equal groups: 2·asin√p̂ has variance 1/n, so a difference of two has 2/n
 * and n = 2((z₁₋α/₂ + z_power) / h)² (Cohen 1988, ch. 6).
 */
export function sampleSizeArcsine(h: number, alpha = 0.05, power = 0.8): number {
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return 2 * (z / h) ** 2;
}

/** Per-group n to detect a standardised mean difference d (Cohen's d), equal groups, t quantiles. */
export function sampleSizeMeans(d: number, alpha = 0.05, power = 0.8): number {
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  let n = (2 * (za + zb) ** 2) / (d * d);
  for (let i = 0; i < 50; i += 1) {
    const df = Math.max(1, 2 * n - 2);
    const next = (2 * (studentTQuantile(1 - alpha / 2, df) + studentTQuantile(power, df)) ** 2) / (d * d);
    if (Math.abs(next - n) < 1e-9) break;
    n = next;
  }
  return n;
}

/** Smallest difference in means detectable with these group sizes and outcome standard deviation (normal approximation). */
export function mdeMeans(sd: number, nTreatment: number, nControl: number, alpha = 0.05, power = 0.8): number | null {
  if (nTreatment <= 0 || nControl <= 0 || !(sd > 0)) return null;
  return (normalQuantile(1 - alpha / 2) + normalQuantile(power)) * sd * Math.sqrt(1 / nTreatment + 1 / nControl);
}

/** Power of the two-sided test of means (normal approximation) for a true difference delta. */
export function powerMeans(delta: number, sd: number, nTreatment: number, nControl: number, alpha = 0.05): number {
  if (nTreatment <= 0 || nControl <= 0 || !(sd > 0)) return 0;
  const se = sd * Math.sqrt(1 / nTreatment + 1 / nControl);
  const za = normalQuantile(1 - alpha / 2);
  return normalCdf(Math.abs(delta) / se - za) + normalCdf(-Math.abs(delta) / se - za);
}
