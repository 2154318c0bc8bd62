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
  let beta = new Float64Array(k);
  const H = new Float64Array(k * k);
  const g = new Float64Array(k);
  const xi = new Float64Array(k);
  let f = objective(X, n, p, y, w, beta, l2);
  let converged = false;
  let it = 0;
  let last: Float64Array | null = null;
  for (; it < maxIter; it += 1) {
    opts.onIteration?.(it);
    H.fill(0);
    g.fill(0);
    xi[0] = 1;
    for (let i = 0; i < n; i += 1) {
      const o = i * p;
      let z = beta[0] as number;
      for (let j = 0; j < p; j += 1) {
        const v = X[o + j] as number;
        xi[j + 1] = v;
        z += v * (beta[j + 1] as number);
      }
      const mu = sigmoid(z);
      const wi = w ? (w[i] as number) : 1;
      const r = wi * (mu - ((y[i] as number) > 0 ? 1 : 0));
      const h = wi * mu * (1 - mu);
      // Upper triangle only: the inner loop runs over contiguous memory of xi and one row of H.
      for (let a = 0; a < k; a += 1) {
        const xa = xi[a] as number;
        g[a] = (g[a] as number) + r * xa;
        const ha = h * xa;
        if (ha === 0) continue;
        const row = a * k;
        for (let b = a; b < k; b += 1) H[row + b] = (H[row + b] as number) + ha * (xi[b] as number);
      }
    }
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
    if (maxStep < tol) {
      converged = true;
      it += 1;
      break;
    }
  }
  // The covariance at the optimum: one more Hessian would cost a pass; the last one is within a
  // step smaller than tol of it.
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
