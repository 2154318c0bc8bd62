// How good a churn score is, computed from scores and 0/1 outcomes: ROC AUC with DeLong's interval,
// PR AUC (average precision) with a bootstrap interval, lift and cumulative gains by decile, a
// reliability table and the Brier score. Conventions follow scikit-learn (roc_auc_score,
// average_precision_score, brier_score_loss) so a consultant can check a figure there.

import type { Interval, LiftRow, ReliabilityRow } from './types';
import { seededRandom } from './random';

/** Indices sorted by score, descending; ties keep index order (deterministic). */
export function rankDescending(score: ArrayLike<number>): Int32Array {
  const idx = new Int32Array(score.length);
  for (let i = 0; i < idx.length; i += 1) idx[i] = i;
  idx.sort((a, b) => (score[b] as number) - (score[a] as number) || a - b);
  return idx;
}

/** Midranks (1-based, ascending) of `v`: ties share the mean of their ranks. */
function midranks(v: Float64Array): Float64Array {
  const n = v.length;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i += 1) idx[i] = i;
  idx.sort((a, b) => (v[a] as number) - (v[b] as number));
  const r = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && v[idx[j + 1] as number] === v[idx[i] as number]) j += 1;
    const mid = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) r[idx[k] as number] = mid;
    i = j + 1;
  }
  return r;
}

/**
 * ROC AUC (the Mann-Whitney probability that a churned customer outscores a retained one, ties half)
 * with DeLong's variance (DeLong, DeLong & Clarke-Pearson 1988; the midrank form of Sun & Xu 2014)
 * and a 95% normal interval clipped to [0, 1]. Null when either class is absent.
 */
export function rocAuc(score: ArrayLike<number>, y: ArrayLike<number>): Interval | null {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < y.length; i += 1) ((y[i] as number) > 0 ? pos : neg).push(score[i] as number);
  const m = pos.length;
  const n = neg.length;
  if (m === 0 || n === 0) return null;
  const all = Float64Array.from([...pos, ...neg]);
  const rAll = midranks(all);
  const rPos = midranks(Float64Array.from(pos));
  const rNeg = midranks(Float64Array.from(neg));
  let sumPosRanks = 0;
  for (let i = 0; i < m; i += 1) sumPosRanks += rAll[i] as number;
  const auc = (sumPosRanks - (m * (m + 1)) / 2) / (m * n);
  if (m < 2 || n < 2) return { value: auc, low: null, high: null };
  // Structural components: V10 per positive, V01 per negative.
  let s10 = 0;
  for (let i = 0; i < m; i += 1) {
    const v = ((rAll[i] as number) - (rPos[i] as number)) / n;
    s10 += (v - auc) ** 2;
  }
  let s01 = 0;
  for (let j = 0; j < n; j += 1) {
    const v = 1 - ((rAll[m + j] as number) - (rNeg[j] as number)) / m;
    s01 += (v - auc) ** 2;
  }
  const se = Math.sqrt(s10 / (m - 1) / m + s01 / (n - 1) / n);
  return { value: auc, low: Math.max(0, auc - 1.959964 * se), high: Math.min(1, auc + 1.959964 * se) };
}

/**
 * Average precision over `order` (indices by descending score) with per-row weights (bootstrap
 * counts): sum over distinct score thresholds of (R_k − R_{k−1}) · P_k, as average_precision_score.
 */
function averagePrecisionSorted(order: Int32Array, score: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number> | null): number | null {
  let totalPos = 0;
  for (let k = 0; k < order.length; k += 1) {
    const i = order[k] as number;
    if ((y[i] as number) > 0) totalPos += w ? (w[i] as number) : 1;
  }
  if (totalPos === 0) return null;
  let tp = 0;
  let seen = 0;
  let prevRecall = 0;
  let ap = 0;
  for (let k = 0; k < order.length; k += 1) {
    const i = order[k] as number;
    const wi = w ? (w[i] as number) : 1;
    seen += wi;
    if ((y[i] as number) > 0) tp += wi;
    const next = order[k + 1];
    // Close a threshold only after the last of a run of tied scores.
    if (next !== undefined && score[next] === score[i]) continue;
    if (seen === 0) continue;
    const recall = tp / totalPos;
    ap += (recall - prevRecall) * (tp / seen);
    prevRecall = recall;
  }
  return ap;
}

/** PR AUC as average precision, with a seeded percentile bootstrap 95% interval. */
export function prAuc(score: ArrayLike<number>, y: ArrayLike<number>, opts: { resamples?: number; seed?: number } = {}): Interval | null {
  const order = rankDescending(score);
  const value = averagePrecisionSorted(order, score, y, null);
  if (value === null) return null;
  const B = opts.resamples ?? 200;
  if (B <= 0 || y.length < 10) return { value, low: null, high: null };
  const rand = seededRandom(opts.seed ?? 1);
  const n = y.length;
  const counts = new Float64Array(n);
  const stats: number[] = [];
  for (let b = 0; b < B; b += 1) {
    counts.fill(0);
    for (let k = 0; k < n; k += 1) {
      const r = Math.floor(rand() * n);
      counts[r] = (counts[r] as number) + 1;
    }
    const ap = averagePrecisionSorted(order, score, y, counts);
    if (ap !== null) stats.push(ap);
  }
  stats.sort((a, b) => a - b);
  const q = (p: number) => stats[Math.min(stats.length - 1, Math.max(0, Math.round(p * (stats.length - 1))))] as number;
  return { value, low: stats.length ? q(0.025) : null, high: stats.length ? q(0.975) : null };
}

/** Mean squared error of the probabilities (sklearn's brier_score_loss). */
export function brierScore(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i += 1) s += ((p[i] as number) - ((y[i] as number) > 0 ? 1 : 0)) ** 2;
  return y.length ? s / y.length : 0;
}

/**
 * Lift and cumulative gains by decile of descending score. Decile d holds ranks
 * floor((d−1)·n/10) .. floor(d·n/10)−1, so sizes differ by at most one; ties keep index order.
 */
export function liftTable(score: ArrayLike<number>, y: ArrayLike<number>, groups = 10): LiftRow[] {
  const n = y.length;
  const order = rankDescending(score);
  let totalPos = 0;
  for (let i = 0; i < n; i += 1) totalPos += (y[i] as number) > 0 ? 1 : 0;
  const base = n ? totalPos / n : 0;
  const rows: LiftRow[] = [];
  let cumPos = 0;
  for (let d = 1; d <= groups; d += 1) {
    const from = Math.floor(((d - 1) * n) / groups);
    const to = Math.floor((d * n) / groups);
    let pos = 0;
    for (let k = from; k < to; k += 1) pos += (y[order[k] as number] as number) > 0 ? 1 : 0;
    cumPos += pos;
    const size = to - from;
    const rate = size ? pos / size : 0;
    rows.push({
      decile: d,
      customers: size,
      churned: pos,
      rate,
      lift: base > 0 ? rate / base : 0,
      cumulativeGain: totalPos ? cumPos / totalPos : 0,
      cumulativeShare: n ? to / n : 0,
    });
  }
  return rows;
}

/** Equal-width probability bins [k/bins, (k+1)/bins) (the last closed); empty bins are left out. */
export function reliabilityTable(p: ArrayLike<number>, y: ArrayLike<number>, bins = 10): ReliabilityRow[] {
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  for (let i = 0; i < y.length; i += 1) {
    const pi = p[i] as number;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(pi * bins)));
    count[b] = (count[b] as number) + 1;
    sumP[b] = (sumP[b] as number) + pi;
    sumY[b] = (sumY[b] as number) + ((y[i] as number) > 0 ? 1 : 0);
  }
  const rows: ReliabilityRow[] = [];
  for (let b = 0; b < bins; b += 1) {
    const c = count[b] as number;
    if (c === 0) continue;
    rows.push({ from: b / bins, to: (b + 1) / bins, customers: c, meanPredicted: (sumP[b] as number) / c, observedRate: (sumY[b] as number) / c });
  }
  return rows;
}
