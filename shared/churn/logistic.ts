// L2-regularised logistic regression fitted by Newton's method (IRLS) on the penalised
// log-likelihood: deterministic (no random start, no stochastic steps), converging in a handful of
// steps on standardised features. The objective is scikit-learn's with C = 1 / l2:
//   Σ wᵢ · logloss(yᵢ, σ(b₀ + xᵢ·β)) + (l2 / 2) · ‖β‖²   (intercept not penalised)
// so LogisticRegression(C=1/l2) gives the same coefficients. Wald intervals come from the inverse
// Hessian of that objective at the optimum.

import { cholesky, choleskyInverse, choleskySolve } from './linalg';

export interface LogisticOptions {
  l2: number;
  /** Per-row weights (class balancing); default 1. */
  weights?: Float64Array;
  maxIter?: number;
  /** Stop when the largest Newton step component is below this. */
  tol?: number;
  /** Called between Newton steps (cancel checkpoint). */
  onIteration?: (iteration: number) => void;
  /** Starting point [intercept, ...coef] (a warm start: cross-validation folds start from the full fit). */
  init?: ArrayLike<number>;
}

export interface LogisticFit {
  intercept: number;
  coef: Float64Array;
  /** Inverse penalised Hessian, (p+1)² row-major, index 0 = intercept. */
  covariance: Float64Array | null;
  iterations: number;
  converged: boolean;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function objective(X: Float64Array, n: number, p: number, y: ArrayLike<number>, w: Float64Array | undefined, beta: Float64Array, l2: number): number {
  let f = 0;
  for (let i = 0; i < n; i += 1) {
    let z = beta[0] as number;
    const o = i * p;
    for (let j = 0; j < p; j += 1) z += (X[o + j] as number) * (beta[j + 1] as number);
    const li = softplus(z) - ((y[i] as number) > 0 ? z : 0);
    f += w ? (w[i] as number) * li : li;
  }
  let r = 0;
  for (let j = 1; j <= p; j += 1) r += (beta[j] as number) ** 2;
  return f + 0.5 * l2 * r;
}

/** Rows per block of the Hessian accumulation. */
const BLOCK = 4;

/**
 * Gradient and upper-triangle Hessian of the log-likelihood part, BLOCK rows at a time: each H entry
 * is loaded and stored once per block instead of once per row (the accumulation is ~all of a fit's
 * time: n·(p+1)²/2 multiply-adds per Newton step).
 */
function accumulate(
  X: Float64Array,
  n: number,
  p: number,
  y: ArrayLike<number>,
  w: Float64Array | undefined,
  beta: Float64Array,
  H: Float64Array,
  g: Float64Array,
  xs: Float64Array,
  hs: Float64Array,
): void {
  const k = p + 1;
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const m = Math.min(BLOCK, n - i0);
    for (let r = 0; r < BLOCK; r += 1) {
      const o = r * k;
      if (r >= m) {
        hs[r] = 0;
        xs.fill(0, o, o + k);
        continue;
      }
      const i = i0 + r;
      const xo = i * p;
      xs[o] = 1;
      let z = beta[0] as number;
      for (let j = 0; j < p; j += 1) {
        const v = X[xo + j] as number;
        xs[o + j + 1] = v;
        z += v * (beta[j + 1] as number);
      }
      const mu = sigmoid(z);
      const wi = w ? (w[i] as number) : 1;
      const res = wi * (mu - ((y[i] as number) > 0 ? 1 : 0));
      hs[r] = wi * mu * (1 - mu);
      for (let a = 0; a < k; a += 1) g[a] = (g[a] as number) + res * (xs[o + a] as number);
    }
    const h0 = hs[0] as number;
    const h1 = hs[1] as number;
    const h2 = hs[2] as number;
    const h3 = hs[3] as number;
    for (let a = 0; a < k; a += 1) {
      const a0 = h0 * (xs[a] as number);
      const a1 = h1 * (xs[k + a] as number);
      const a2 = h2 * (xs[2 * k + a] as number);
      const a3 = h3 * (xs[3 * k + a] as number);
      const row = a * k;
      for (let b = a; b < k; b += 1) {
        H[row + b] =
          (H[row + b] as number) + a0 * (xs[b] as number) + a1 * (xs[k + b] as number) + a2 * (xs[2 * k + b] as number) + a3 * (xs[3 * k + b] as number);
      }
    }
  }
}

/**
 * Fits on X (n rows × p columns, row-major). With l2 = 0 and separable data the optimum is at
 * infinity: the fit stops at maxIter with converged = false.
 */
export function fitLogistic(X: Float64Array, n: number, p: number, y: ArrayLike<number>, opts: LogisticOptions): LogisticFit {
  const k = p + 1;
  const maxIter = opts.maxIter ?? 50;
  const tol = opts.tol ?? 1e-8;
  const w = opts.weights;
  // A tiny ridge on the intercept keeps the Hessian invertible when one class is absent.
  const l2 = Math.max(0, opts.l2);
  let beta = opts.init ? Float64Array.from(opts.init) : new Float64Array(k);
  const H = new Float64Array(k * k);
  const g = new Float64Array(k);
  const xs = new Float64Array(BLOCK * k);
  const hs = new Float64Array(BLOCK);
  let f = objective(X, n, p, y, w, beta, l2);
  let converged = false;
  let it = 0;
  let last: Float64Array | null = null;
  for (; it < maxIter; it += 1) {
    opts.onIteration?.(it);
    H.fill(0);
    g.fill(0);
    accumulate(X, n, p, y, w, beta, H, g, xs, hs);
    for (let a = 0; a < k; a += 1) for (let b = 0; b < a; b += 1) H[a * k + b] = H[b * k + a] as number;
    for (let j = 1; j < k; j += 1) {
      g[j] = (g[j] as number) + l2 * (beta[j] as number);
      H[j * k + j] = (H[j * k + j] as number) + l2;
    }
    H[0] = (H[0] as number) + 1e-12;
    const L = cholesky(H, k);
    if (!L) break;
    last = L;
    const step = choleskySolve(L, k, g);
    // Step halving: Newton overshoots from a poor start on badly scaled data.
    let t = 1;
    let next = beta;
    let fNext = f;
    for (let half = 0; half < 30; half += 1) {
      next = new Float64Array(k);
      for (let j = 0; j < k; j += 1) next[j] = (beta[j] as number) - t * (step[j] as number);
      fNext = objective(X, n, p, y, w, next, l2);
      if (fNext <= f + 1e-12 * Math.abs(f)) break;
      t /= 2;
    }
    let maxStep = 0;
    for (let j = 0; j < k; j += 1) maxStep = Math.max(maxStep, Math.abs(t * (step[j] as number)));
    beta = next;
    f = fNext;
    // Newton converges quadratically: after a full step below 1e-5 the remaining error is ~1e-10,
    // so the step that would only confirm it is skipped.
    if (maxStep < tol || (t === 1 && maxStep < 1e-5)) {
      converged = true;
      it += 1;
      break;
    }
  }
  // The covariance from the last Hessian, taken at most one step (< 1e-5) before the optimum: its
  // standard errors differ from the optimum's by ~1e-6, far below their own uncertainty, and one
  // more pass over the rows would cost a sixth of the fit.
  const covariance = last ? choleskyInverse(last, k) : null;
  return { intercept: beta[0] as number, coef: beta.slice(1), covariance, iterations: it, converged };
}

export function predictLogit(fit: Pick<LogisticFit, 'intercept' | 'coef'>, X: Float64Array, n: number, p: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    let z = fit.intercept;
    const o = i * p;
    for (let j = 0; j < p; j += 1) z += (X[o + j] as number) * (fit.coef[j] as number);
    out[i] = z;
  }
  return out;
}

/** Odds ratio per unit of feature j with its 95% Wald interval exp(β ± 1.96·se). */
export function oddsRatio(fit: LogisticFit, j: number): { value: number; low: number | null; high: number | null; se: number | null } {
  const b = fit.coef[j] as number;
  const k = fit.coef.length + 1;
  const v = fit.covariance ? (fit.covariance[(j + 1) * k + (j + 1)] as number) : NaN;
  if (!(v >= 0)) return { value: Math.exp(b), low: null, high: null, se: null };
  const se = Math.sqrt(v);
  return { value: Math.exp(b), low: Math.exp(b - 1.959964 * se), high: Math.exp(b + 1.959964 * se), se };
}

/**
 * Class weights that make both classes weigh half of the total (sklearn's class_weight='balanced':
 * n / (2 · n_class)).
 */
export function balancedWeights(y: ArrayLike<number>): Float64Array {
  let pos = 0;
  for (let i = 0; i < y.length; i += 1) pos += (y[i] as number) > 0 ? 1 : 0;
  const neg = y.length - pos;
  const wPos = pos ? y.length / (2 * pos) : 0;
  const wNeg = neg ? y.length / (2 * neg) : 0;
  const w = new Float64Array(y.length);
  for (let i = 0; i < y.length; i += 1) w[i] = (y[i] as number) > 0 ? wPos : wNeg;
  return w;
}

/**
 * Platt scaling: p = σ(a·s + b) fitted on held-out scores s (log-odds) and outcomes, so a model
 * trained with class weights gives probabilities that match observed rates again. Platt's target
 * smoothing (y → (N₊+1)/(N₊+2), 1/(N₋+2)) keeps a and b finite when the scores separate the classes.
 */
export interface PlattScaling {
  a: number;
  b: number;
}

export function fitPlatt(scores: ArrayLike<number>, y: ArrayLike<number>): PlattScaling {
  const n = y.length;
  let pos = 0;
  for (let i = 0; i < n; i += 1) pos += (y[i] as number) > 0 ? 1 : 0;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (n - pos + 2);
  // Newton on the 2-parameter cross-entropy with soft targets.
  let a = 1;
  let b = 0;
  const cross = (aa: number, bb: number) => {
    let f = 0;
    for (let i = 0; i < n; i += 1) {
      const z = aa * (scores[i] as number) + bb;
      const t = (y[i] as number) > 0 ? hi : lo;
      f += softplus(z) - t * z;
    }
    return f;
  };
  let f = cross(a, b);
  for (let it = 0; it < 100; it += 1) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < n; i += 1) {
      const s = scores[i] as number;
      const mu = sigmoid(a * s + b);
      const t = (y[i] as number) > 0 ? hi : lo;
      const r = mu - t;
      const h = mu * (1 - mu);
      ga += r * s;
      gb += r;
      haa += h * s * s;
      hab += h * s;
      hbb += h;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let t = 1;
    let na = a;
    let nb = b;
    let fn = f;
    for (let half = 0; half < 30; half += 1) {
      na = a - t * da;
      nb = b - t * db;
      fn = cross(na, nb);
      if (fn <= f + 1e-12 * Math.abs(f)) break;
      t /= 2;
    }
    a = na;
    b = nb;
    const done = Math.abs(t * da) < 1e-10 && Math.abs(t * db) < 1e-10;
    f = fn;
    if (done) break;
  }
  return { a, b };
}

export function applyPlatt(c: PlattScaling, score: number): number {
  return sigmoid(c.a * score + c.b);
}
