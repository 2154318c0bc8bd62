// Isotonic recalibration: the non-decreasing step function of a score that fits the observed 0/1
// outcomes best in weighted least squares, found by pool-adjacent-violators (PAV; Ayer et al. 1955,
// Barlow et al. 1972). Unlike Platt's sigmoid it assumes no shape, only that a higher score never
// means a lower churn rate, which is why it needs more calibration customers (scikit-learn's guide
// suggests it from about a thousand). Conventions follow scikit-learn's IsotonicRegression with
// out_of_bounds='clip', as CalibratedClassifierCV(method='isotonic') uses it: tied scores are pooled
// first (weighted mean outcome, summed weight), the fitted blocks keep their first and last score
// as thresholds, and a new score is interpolated linearly between thresholds and clipped beyond them.

export interface IsotonicCalibration {
  /** Ascending scores at which the fitted function is known. */
  x: Float64Array;
  /** Fitted probability at each threshold (non-decreasing). */
  y: Float64Array;
}

/**
 * Weighted PAV on values already in score order: returns the fitted value of every position.
 * Each block holds its weighted mean; a block below its left neighbour merges into it until the
 * sequence is non-decreasing.
 */
export function poolAdjacentViolators(values: ArrayLike<number>, weights?: ArrayLike<number>): Float64Array {
  const n = values.length;
  const mean = new Float64Array(n);
  const weight = new Float64Array(n);
  const start = new Int32Array(n);
  let blocks = 0;
  for (let i = 0; i < n; i += 1) {
    mean[blocks] = values[i] as number;
    weight[blocks] = weights ? (weights[i] as number) : 1;
    start[blocks] = i;
    blocks += 1;
    while (blocks > 1 && (mean[blocks - 2] as number) > (mean[blocks - 1] as number)) {
      const a = blocks - 2;
      const b = blocks - 1;
      const w = (weight[a] as number) + (weight[b] as number);
      mean[a] = w > 0 ? ((mean[a] as number) * (weight[a] as number) + (mean[b] as number) * (weight[b] as number)) / w : (mean[a] as number);
      weight[a] = w;
      blocks -= 1;
    }
  }
  const out = new Float64Array(n);
  for (let k = 0; k < blocks; k += 1) {
    const end = k + 1 < blocks ? (start[k + 1] as number) : n;
    out.fill(mean[k] as number, start[k] as number, end);
  }
  return out;
}

/**
 * Shrinkage of each fitted block's rate toward a prior rate: (Σy + strength·prior) / (Σw + strength).
 * Plain PAV gives a block of three churned customers a probability of exactly 100%; with strength 2
 * and a 20% base rate it gets (3 + 0.4) / 5 = 68%. Large blocks barely move. PAV runs again on the
 * shrunk blocks (weights Σw + strength), so the result stays non-decreasing.
 */
export interface IsotonicShrinkage {
  prior: number;
  strength: number;
}

/**
 * Fits the calibration of `score` (any monotone scale: log-odds or probability) to outcomes `y`.
 * Without `shrink` the result is scikit-learn's; with it, block rates are shrunk as described above.
 */
export function fitIsotonic(score: ArrayLike<number>, y: ArrayLike<number>, weights?: ArrayLike<number>, shrink?: IsotonicShrinkage): IsotonicCalibration {
  const n = score.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (score[a] as number) - (score[b] as number) || (y[a] as number) - (y[b] as number));
  // Pool tied scores: one point per distinct score with its weighted mean outcome.
  const ux: number[] = [];
  const uy: number[] = [];
  const uw: number[] = [];
  for (const i of order) {
    const s = score[i] as number;
    const w = weights ? (weights[i] as number) : 1;
    const yi = (y[i] as number) > 0 ? 1 : 0;
    const last = ux.length - 1;
    if (last >= 0 && ux[last] === s) {
      const tw = (uw[last] as number) + w;
      uy[last] = tw > 0 ? ((uy[last] as number) * (uw[last] as number) + yi * w) / tw : (uy[last] as number);
      uw[last] = tw;
    } else {
      ux.push(s);
      uy.push(yi);
      uw.push(w);
    }
  }
  let fitted = poolAdjacentViolators(uy, uw);
  if (shrink && shrink.strength > 0) fitted = shrinkBlocks(fitted, uy, uw, shrink);
  // Keep the ends of each constant run (interior points of a flat step add nothing to interpolation).
  const keptX: number[] = [];
  const keptY: number[] = [];
  for (let k = 0; k < ux.length; k += 1) {
    const v = fitted[k] as number;
    const interior = k > 0 && k < ux.length - 1 && fitted[k - 1] === v && fitted[k + 1] === v;
    if (interior) continue;
    keptX.push(ux[k] as number);
    keptY.push(v);
  }
  return { x: Float64Array.from(keptX), y: Float64Array.from(keptY) };
}

/** The calibrated probability of one score: linear between thresholds, clipped beyond them. */
export function applyIsotonic(c: IsotonicCalibration, s: number): number {
  const n = c.x.length;
  if (n === 0) return Number.NaN;
  if (s <= (c.x[0] as number)) return c.y[0] as number;
  if (s >= (c.x[n - 1] as number)) return c.y[n - 1] as number;
  // Binary search for the last threshold at or below s.
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((c.x[mid] as number) <= s) lo = mid;
    else hi = mid;
  }
  const x0 = c.x[lo] as number;
  const x1 = c.x[hi] as number;
  const y0 = c.y[lo] as number;
  const y1 = c.y[hi] as number;
  return x1 === x0 ? y1 : y0 + ((s - x0) / (x1 - x0)) * (y1 - y0);
}

/** Shrinks each constant run (block) of `fitted` toward the prior, then restores monotonicity by PAV over the blocks. */
function shrinkBlocks(fitted: Float64Array, uy: readonly number[], uw: readonly number[], shrink: IsotonicShrinkage): Float64Array {
  const n = fitted.length;
  const starts: number[] = [];
  const rates: number[] = [];
  const sizes: number[] = [];
  for (let k = 0; k < n;) {
    let end = k;
    let sy = 0;
    let sw = 0;
    while (end < n && fitted[end] === fitted[k]) {
      sy += (uy[end] as number) * (uw[end] as number);
      sw += uw[end] as number;
      end += 1;
    }
    starts.push(k);
    rates.push((sy + shrink.strength * shrink.prior) / (sw + shrink.strength));
    sizes.push(sw + shrink.strength);
    k = end;
  }
  const pooled = poolAdjacentViolators(rates, sizes);
  const out = new Float64Array(n);
  starts.forEach((start, b) => out.fill(pooled[b] as number, start, starts[b + 1] ?? n));
  return out;
}
