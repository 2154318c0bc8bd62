// Two-proportion comparison: retained / churned or converted, treatment against control.
// The test is the pooled z test (the null hypothesis says both groups share one rate, so the standard
// error pools them); the interval is the unpooled Wald interval of the difference (no shared rate is
// assumed once the difference is estimated). This is the textbook pairing (Agresti, An Introduction to
// Categorical Data Analysis, §2.2; Moore & McCabe, §8.2), tested on Agresti's aspirin example.

import { normalCdf, normalQuantile } from './distributions';

export interface ProportionGroup {
  /** Customers with the outcome (retained, converted). */
  successes: number;
  /** Customers in the group. */
  n: number;
}

export interface TwoProportionResult {
  pTreatment: number;
  pControl: number;
  /** pTreatment − pControl */
  difference: number;
  /** (pTreatment − pControl) / pControl; null when the control rate is 0. */
  relativeLift: number | null;
  /** Unpooled standard error of the difference (for the interval). */
  standardError: number;
  /** Pooled standard error (for the test). */
  pooledStandardError: number;
  z: number;
  pValue: number;
  confidence: number;
  ciLow: number;
  ciHigh: number;
  /** Smallest expected cell count n·p̂ or n·(1−p̂) under the pooled rate: the normal approximation needs ≥ 5. */
  smallestExpectedCell: number;
}

export function twoProportionTest(treatment: ProportionGroup, control: ProportionGroup, confidence = 0.95): TwoProportionResult {
  const { successes: x1, n: n1 } = treatment;
  const { successes: x2, n: n2 } = control;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const diff = p1 - p2;
  const pooled = (x1 + x2) / (n1 + n2);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const z = pooledSe > 0 ? diff / pooledSe : 0;
  const pValue = pooledSe > 0 ? 2 * normalCdf(-Math.abs(z)) : 1;
  const zc = normalQuantile(1 - (1 - confidence) / 2);
  return {
    pTreatment: p1,
    pControl: p2,
    difference: diff,
    relativeLift: p2 > 0 ? diff / p2 : null,
    standardError: se,
    pooledStandardError: pooledSe,
    z,
    pValue,
    confidence,
    ciLow: diff - zc * se,
    ciHigh: diff + zc * se,
    smallestExpectedCell: Math.min(n1 * pooled, n1 * (1 - pooled), n2 * pooled, n2 * (1 - pooled)),
  };
}
