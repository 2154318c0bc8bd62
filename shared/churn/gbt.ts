// Gradient-boosted trees for churn, written for typed arrays: features are binned once into at most
// 255 quantile bins (bin 0 = missing), each tree grows depth-wise from gradient/hessian histograms
// with the sibling histogram got by subtraction (LightGBM's and scikit-learn's
// HistGradientBoostingClassifier's scheme), minimising log-loss with an L2 penalty on leaf values.
// Deterministic: no sampling; the seed only drives permutation importance.

import { sigmoid } from './logistic';
import { rocAuc } from './evaluation';
import { seededRandom, shuffleInPlace } from './random';

export interface GbtOptions {
  rounds?: number;
  learningRate?: number;
  maxDepth?: number;
  /** Fewest customers in a leaf. */
  minLeaf?: number;
  /** L2 penalty on leaf values (λ in the gain). */
  l2?: number;
  maxBins?: number;
  weights?: Float64Array;
  /** Called between trees (cancel checkpoint). */
  onRound?: (round: number) => void;
}

/** Bin edges per feature: value v falls in bin 1 + (number of edges < v); NaN in bin 0. */
export interface Binning {
  p: number;
  edges: Float64Array[];
}

/** Row-major bins (n × p bytes): a row's bins are contiguous, which is what histogram building reads. */
export interface BinnedMatrix {
  n: number;
  p: number;
  bins: Uint8Array;
}

export interface GbtTree {
  /** Split feature, or -1 for a leaf. */
  feature: Int32Array;
  /** Rows with bin ≤ threshold go left (missing, bin 0, always left). */
  threshold: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Shrunken value of every node (leaf values add to the score; inner ones explain it). */
  value: Float64Array;
}

export interface GbtModel {
  binning: Binning;
  base: number;
  trees: GbtTree[];
}

/** Quantile edges from the distinct values: all midpoints when they fit, else evenly spaced ranks. */
export function fitBinning(X: Float64Array, n: number, p: number, maxBins = 255): Binning {
  const edges: Float64Array[] = [];
  const col = new Float64Array(n);
  for (let j = 0; j < p; j += 1) {
    let m = 0;
    for (let i = 0; i < n; i += 1) {
      const v = X[i * p + j] as number;
      if (!Number.isNaN(v)) col[m++] = v;
    }
    const vals = col.subarray(0, m).slice().sort();
    const distinct: number[] = [];
    for (let i = 0; i < m; i += 1) if (i === 0 || vals[i] !== vals[i - 1]) distinct.push(vals[i] as number);
    const slots = maxBins - 1; // bins 1..maxBins-1 for values
    const e: number[] = [];
    if (distinct.length <= slots) {
      for (let i = 1; i < distinct.length; i += 1) e.push(((distinct[i - 1] as number) + (distinct[i] as number)) / 2);
    } else {
      for (let q = 1; q < slots; q += 1) {
        const k = Math.floor((q * m) / slots);
        const a = vals[Math.max(0, k - 1)] as number;
        const b = vals[k] as number;
        const edge = (a + b) / 2;
        if (e.length === 0 || edge > (e[e.length - 1] as number)) e.push(edge);
      }
    }
    edges.push(Float64Array.from(e));
  }
  return { p, edges };
}

export function applyBinning(b: Binning, X: Float64Array, n: number): BinnedMatrix {
  const p = b.p;
  const bins = new Uint8Array(n * p);
  for (let j = 0; j < p; j += 1) {
    const e = b.edges[j] as Float64Array;
    for (let i = 0; i < n; i += 1) {
      const v = X[i * p + j] as number;
      if (Number.isNaN(v)) continue;
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((e[mid] as number) < v) lo = mid + 1;
        else hi = mid;
      }
      bins[i * p + j] = lo + 1;
    }
  }
  return { n, p, bins };
}

interface Pending {
  node: number;
  from: number;
  to: number;
  depth: number;
  hist: Float64Array;
  g: number;
  h: number;
}

/**
 * Histograms of gradient and hessian per (feature, bin) over rows[from, to), feature j's bins from
 * slot offset[j]: sized by each feature's real bin count (a yes/no flag takes 3 slots, not 256), which
 * keeps the fill and the sibling subtraction small on client data full of flags and levels.
 */
function buildHistogram(
  m: BinnedMatrix,
  offset: Int32Array,
  rows: Int32Array,
  from: number,
  to: number,
  grad: Float64Array,
  hess: Float64Array,
  hist: Float64Array,
): void {
  hist.fill(0);
  const p = m.p;
  const bins = m.bins;
  for (let k = from; k < to; k += 1) {
    const r = rows[k] as number;
    const g = grad[r] as number;
    const h = hess[r] as number;
    const o = r * p;
    for (let j = 0; j < p; j += 1) {
      const s = ((offset[j] as number) + (bins[o + j] as number)) << 1;
      hist[s] = (hist[s] as number) + g;
      hist[s + 1] = (hist[s + 1] as number) + h;
    }
  }
}

/** Fits trees to (X binned, y); returns the model and its raw scores on the training rows. */
export function fitGbt(m: BinnedMatrix, binning: Binning, y: ArrayLike<number>, opts: GbtOptions = {}): GbtModel {
  const rounds = opts.rounds ?? 100;
  const lr = opts.learningRate ?? 0.1;
  const maxDepth = opts.maxDepth ?? 4;
  const minLeaf = opts.minLeaf ?? 20;
  const lambda = opts.l2 ?? 1;
  const w = opts.weights;
  const { n, p } = m;
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < n; i += 1) {
    const wi = w ? (w[i] as number) : 1;
    sw += wi;
    swy += (y[i] as number) > 0 ? wi : 0;
  }
  const prior = Math.min(1 - 1e-6, Math.max(1e-6, swy / Math.max(sw, 1e-12)));
  const base = Math.log(prior / (1 - prior));
  const raw = new Float64Array(n).fill(base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const rows = new Int32Array(n);
  const trees: GbtTree[] = [];
  const offset = new Int32Array(p + 1);
  // Bins 0 (missing) .. edges + 1: edges + 2 slots per feature.
  for (let j = 0; j < p; j += 1) offset[j + 1] = (offset[j] as number) + (binning.edges[j] as Float64Array).length + 2;
  const histSize = (offset[p] as number) * 2;
  for (let round = 0; round < rounds; round += 1) {
    opts.onRound?.(round);
    let G = 0;
    let H = 0;
    for (let i = 0; i < n; i += 1) {
      const mu = sigmoid(raw[i] as number);
      const wi = w ? (w[i] as number) : 1;
      grad[i] = wi * (mu - ((y[i] as number) > 0 ? 1 : 0));
      hess[i] = Math.max(1e-16, wi * mu * (1 - mu));
      G += grad[i] as number;
      H += hess[i] as number;
      rows[i] = i;
    }
    const feature: number[] = [];
    const threshold: number[] = [];
    const left: number[] = [];
    const right: number[] = [];
    const value: number[] = [];
    const newNode = (g: number, h: number) => {
      feature.push(-1);
      threshold.push(0);
      left.push(-1);
      right.push(-1);
      value.push((-g / (h + lambda)) * lr);
      return feature.length - 1;
    };
    const rootHist = new Float64Array(histSize);
    buildHistogram(m, offset, rows, 0, n, grad, hess, rootHist);
    const queue: Pending[] = [{ node: newNode(G, H), from: 0, to: n, depth: 0, hist: rootHist, g: G, h: H }];
    while (queue.length) {
      const t = queue.shift() as Pending;
      if (t.depth >= maxDepth || t.to - t.from < 2 * minLeaf) continue;
      // Best split over every feature and bin boundary; rows counted through the hessian would be
      // off with weights, so the leaf-size rule is checked on the partition below.
      const parentScore = (t.g * t.g) / (t.h + lambda);
      let bestGain = 1e-12;
      let bestF = -1;
      let bestT = 0;
      for (let j = 0; j < p; j += 1) {
        let gl = 0;
        let hl = 0;
        const o = (offset[j] as number) * 2;
        // Thresholds 0 .. edges: a split after the top bin would send everyone left.
        const nb = (offset[j + 1] as number) - (offset[j] as number) - 1;
        for (let b = 0; b < nb; b += 1) {
          gl += t.hist[o + 2 * b] as number;
          hl += t.hist[o + 2 * b + 1] as number;
          const gr = t.g - gl;
          const hr = t.h - hl;
          if (hl < 1e-3 || hr < 1e-3) continue;
          const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            bestF = j;
            bestT = b;
          }
        }
      }
      if (bestF < 0) continue;
      // Partition rows[from, to) in place: bin ≤ threshold first.
      let i = t.from;
      let k = t.to - 1;
      while (i <= k) {
        if ((m.bins[(rows[i] as number) * p + bestF] as number) <= bestT) i += 1;
        else {
          const tmp = rows[i] as number;
          rows[i] = rows[k] as number;
          rows[k] = tmp;
          k -= 1;
        }
      }
      const mid = i;
      if (mid - t.from < minLeaf || t.to - mid < minLeaf) continue;
      let gl = 0;
      let hl = 0;
      for (let b = 0; b <= bestT; b += 1) {
        gl += t.hist[(offset[bestF] as number) * 2 + 2 * b] as number;
        hl += t.hist[(offset[bestF] as number) * 2 + 2 * b + 1] as number;
      }
      const l = newNode(gl, hl);
      const r = newNode(t.g - gl, t.h - hl);
      feature[t.node] = bestF;
      threshold[t.node] = bestT;
      left[t.node] = l;
      right[t.node] = r;
      if (t.depth + 1 >= maxDepth) {
        // Children are leaves: no histograms needed.
        queue.push({ node: l, from: t.from, to: mid, depth: t.depth + 1, hist: t.hist, g: gl, h: hl });
        queue.push({ node: r, from: mid, to: t.to, depth: t.depth + 1, hist: t.hist, g: t.g - gl, h: t.h - hl });
        continue;
      }
      // Build the smaller child's histogram, the larger one's by subtraction from the parent's.
      const small = new Float64Array(histSize);
      const leftSmaller = mid - t.from <= t.to - mid;
      if (leftSmaller) buildHistogram(m, offset, rows, t.from, mid, grad, hess, small);
      else buildHistogram(m, offset, rows, mid, t.to, grad, hess, small);
      const big = t.hist;
      for (let s = 0; s < histSize; s += 1) big[s] = (big[s] as number) - (small[s] as number);
      queue.push({ node: l, from: t.from, to: mid, depth: t.depth + 1, hist: leftSmaller ? small : big, g: gl, h: hl });
      queue.push({ node: r, from: mid, to: t.to, depth: t.depth + 1, hist: leftSmaller ? big : small, g: t.g - gl, h: t.h - hl });
    }
    const tree: GbtTree = {
      feature: Int32Array.from(feature),
      threshold: Uint8Array.from(threshold),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      value: Float64Array.from(value),
    };
    trees.push(tree);
    // Update the training scores through the leaves (rows were partitioned, so walk each row).
    for (let r = 0; r < n; r += 1) raw[r] = (raw[r] as number) + leafValue(tree, m.bins, r * p);
  }
  return { binning, base, trees };
}

function leafValue(t: GbtTree, bins: Uint8Array, o: number): number {
  let node = 0;
  while ((t.feature[node] as number) >= 0) {
    node = (bins[o + (t.feature[node] as number)] as number) <= (t.threshold[node] as number) ? (t.left[node] as number) : (t.right[node] as number);
  }
  return t.value[node] as number;
}

/** Raw scores (log-odds) of binned rows. */
export function predictGbtRaw(model: GbtModel, m: BinnedMatrix): Float64Array {
  const out = new Float64Array(m.n).fill(model.base);
  for (const t of model.trees) for (let r = 0; r < m.n; r += 1) out[r] = (out[r] as number) + leafValue(t, m.bins, r * m.p);
  return out;
}

/**
 * Per-feature contributions to one row's raw score (Saabas): along each tree's path, the change of
 * node value at a split is credited to the split's feature. They sum, with the root values, to the score.
 */
export function gbtContributions(model: GbtModel, m: BinnedMatrix, r: number): Float64Array {
  const c = new Float64Array(m.p);
  const o = r * m.p;
  for (const t of model.trees) {
    let node = 0;
    while ((t.feature[node] as number) >= 0) {
      const f = t.feature[node] as number;
      const next = (m.bins[o + f] as number) <= (t.threshold[node] as number) ? (t.left[node] as number) : (t.right[node] as number);
      c[f] = (c[f] as number) + (t.value[next] as number) - (t.value[node] as number);
      node = next;
    }
  }
  return c;
}

/**
 * Permutation importance: the ROC AUC lost when one feature's values are shuffled across the rows
 * (mean over `repeats` seeded shuffles). Features never split on cost nothing and are skipped.
 */
export function permutationImportance(
  model: GbtModel,
  m: BinnedMatrix,
  y: ArrayLike<number>,
  opts: { repeats?: number; seed?: number; onFeature?: (j: number) => void } = {},
): Float64Array {
  const repeats = opts.repeats ?? 3;
  const rand = seededRandom(opts.seed ?? 1);
  const baseAuc = rocAuc(predictGbtRaw(model, m), y)?.value ?? 0.5;
  const used = new Uint8Array(m.p);
  for (const t of model.trees) for (const f of t.feature) if (f >= 0) used[f] = 1;
  const out = new Float64Array(m.p);
  const copy = new Uint8Array(m.bins);
  const perm = new Int32Array(m.n);
  for (let j = 0; j < m.p; j += 1) {
    if (!used[j]) continue;
    opts.onFeature?.(j);
    let loss = 0;
    for (let rep = 0; rep < repeats; rep += 1) {
      for (let i = 0; i < m.n; i += 1) perm[i] = i;
      shuffleInPlace(perm, rand);
      for (let i = 0; i < m.n; i += 1) copy[i * m.p + j] = m.bins[(perm[i] as number) * m.p + j] as number;
      loss += baseAuc - (rocAuc(predictGbtRaw(model, { ...m, bins: copy }), y)?.value ?? 0.5);
    }
    for (let i = 0; i < m.n; i += 1) copy[i * m.p + j] = m.bins[i * m.p + j] as number;
    out[j] = loss / repeats;
  }
  return out;
}
