// Pareto/NBD (Schmittlein, Morrison & Colombo 1987): purchases at Poisson rate λ ~ Gamma(r, α) while
// alive, an exponential lifetime with rate μ ~ Gamma(s, β). The likelihood's integral over the unseen
// death time is written with the Gauss hypergeometric function (Fader & Hardie 2005 note), here after
// Euler's transformation so that in both branches (α ≥ β and α < β) it becomes 2F1(1, b; c; z) with
// c > b and 0 ≤ z < 1: positive terms that fall at least geometrically, no cancellation inside the sum.
import type { RepeatData } from './data';
import { integrateWithWeights } from './quadrature';
import { digamma, hyp2f1OneWithGradient, logAddExp, logGamma } from './special';

export const PNBD_PARAMETERS = ['r', 'alpha', 's', 'beta'] as const;

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** log F(t) and its gradient in (r, α, s, β); F(tₓ) − F(T) is the integral over the death time. */
function logF(r: number, alpha: number, s: number, beta: number, x: number, t: number, out: Float64Array | null): number {
  const at = alpha + t;
  const bt = beta + t;
  const logAt = Math.log(at);
  const logBt = Math.log(bt);
  const c = r + s + x + 1;
  if (alpha >= beta) {
    // (α+t)^−(r+s+x) 2F1(r+s+x, s+1; c; z) = (α+t)^−(r+x) (β+t)^−s 2F1(1, r+x; c; z), z = (α−β)/(α+t).
    const z = (alpha - beta) / at;
    const g = hyp2f1OneWithGradient(r + x, c, z);
    if (out) {
      out[0] = -logAt + (g.dB + g.dC) / g.value;
      out[1] = -(r + x) / at + ((g.dZ / g.value) * bt) / (at * at);
      out[2] = -logBt + g.dC / g.value;
      out[3] = -s / bt - g.dZ / g.value / at;
    }
    return -(r + x) * logAt - s * logBt + Math.log(g.value);
  }
  // (β+t)^−(r+s+x) 2F1(r+s+x, r+x; c; z) = (β+t)^−(s+1) (α+t)^(1−r−x) 2F1(1, s+1; c; z), z = (β−α)/(β+t).
  const z = (beta - alpha) / bt;
  const g = hyp2f1OneWithGradient(s + 1, c, z);
  if (out) {
    out[0] = -logAt + g.dC / g.value;
    out[1] = (1 - r - x) / at - g.dZ / g.value / bt;
    out[2] = -logBt + (g.dB + g.dC) / g.value;
    out[3] = -(s + 1) / bt + ((g.dZ / g.value) * at) / (bt * bt);
  }
  return -(s + 1) * logBt + (1 - r - x) * logAt + Math.log(g.value);
}

export interface PnbdRowTerms {
  /** log of Γ(r+x)α^r β^s/Γ(r) · [first + second]; the row's log-likelihood. */
  ll: number;
  /** log of the "still alive at T" term, (α+T)^−(r+x)(β+T)^−s. */
  first: number;
  /** log of the "died before T" term, s/(r+s+x)·[F(tₓ) − F(T)]; −Infinity when tₓ = T. */
  second: number;
}

const g1 = new Float64Array(4);
/** Series up to this z (at most a few hundred terms); quadrature above it. */
export const QUADRATURE_ABOVE_Z = 0.9;

/**
 * log ∫ from tₓ to T of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, the same quantity as [F(tₓ) − F(T)]/(r+s+x),
 * with the derivatives of that log in r, α, s, β. The integrand is scaled by its value at tₓ (it
 * decreases), so it neither overflows nor underflows whatever s and β are.
 */
function deathIntegral(p: ParetoNbdParams, x: number, tx: number, T: number): { log: number; dr: number; dAlpha: number; ds: number; dBeta: number } {
  const { r, alpha, s, beta } = p;
  const h = (t: number): number => -(r + x) * Math.log(alpha + t) - (s + 1) * Math.log(beta + t);
  const h0 = h(tx);
  const v = integrateWithWeights(
    (t, out) => {
      const la = Math.log(alpha + t);
      const lb = Math.log(beta + t);
      const f = Math.exp(-(r + x) * la - (s + 1) * lb - h0);
      out[0] = f;
      out[1] = -la * f;
      out[2] = (-(r + x) / (alpha + t)) * f;
      out[3] = -lb * f;
      out[4] = (-(s + 1) / (beta + t)) * f;
    },
    tx,
    T,
    5,
    1e-12,
    64,
    // exp of a sum of terms as large as |h|: its rounding is |h|·ε relative.
    (Math.abs(h0) + Math.abs(h(T))) * Number.EPSILON,
  );
  const i0 = v[0] as number;
  return { log: h0 + Math.log(i0), dr: (v[1] as number) / i0, dAlpha: (v[2] as number) / i0, ds: (v[3] as number) / i0, dBeta: (v[4] as number) / i0 };
}

const g2 = new Float64Array(4);

/**
 * One row's terms; when `grad` is given it receives ∂/∂(r, α, s, β) of log(e^first + e^second)
 * (without the Γ and power prefix, which the caller adds per distinct x).
 */
export function pnbdRow(
  p: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  grad: Float64Array | null,
  method: 'auto' | 'series' | 'quadrature' = 'auto',
): PnbdRowTerms {
  const { r, alpha, s, beta } = p;
  const logAT = Math.log(alpha + T);
  const logBT = Math.log(beta + T);
  const first = -(r + x) * logAT - s * logBT;
  let second = -Infinity;
  let gd0 = 0;
  let gd1 = 0;
  let gd2 = 0;
  let gd3 = 0;
  // Above this z the series needs thousands of terms per row: integrate over the death time instead.
  const zAtTx = Math.abs(alpha - beta) / (Math.max(alpha, beta) + tx);
  if (tx < T && (method === 'quadrature' || (method === 'auto' && zAtTx > QUADRATURE_ABOVE_Z))) {
    const q = deathIntegral(p, x, tx, T);
    second = Math.log(s) + q.log;
    gd0 = q.dr;
    gd1 = q.dAlpha;
    gd2 = 1 / s + q.ds;
    gd3 = q.dBeta;
  } else if (tx < T) {
    const l1 = logF(r, alpha, s, beta, x, tx, grad ? g1 : null);
    const l2 = logF(r, alpha, s, beta, x, T, grad ? g2 : null);
    const ratio = Math.exp(l2 - l1);
    if (ratio < 1) {
      second = Math.log(s) - Math.log(r + s + x) + l1 + Math.log1p(-ratio);
      if (grad) {
        const k = 1 / (1 - ratio);
        gd0 = k * ((g1[0] as number) - ratio * (g2[0] as number)) - 1 / (r + s + x);
        gd1 = k * ((g1[1] as number) - ratio * (g2[1] as number));
        gd2 = k * ((g1[2] as number) - ratio * (g2[2] as number)) + 1 / s - 1 / (r + s + x);
        gd3 = k * ((g1[3] as number) - ratio * (g2[3] as number));
      }
    }
  }
  const lse = logAddExp(first, second);
  if (grad) {
    const w1 = Math.exp(first - lse);
    const w2 = second === -Infinity ? 0 : Math.exp(second - lse);
    grad[0] = w1 * -logAT + w2 * gd0;
    grad[1] = (w1 * -(r + x)) / (alpha + T) + w2 * gd1;
    grad[2] = w1 * -logBT + w2 * gd2;
    grad[3] = (w1 * -s) / (beta + T) + w2 * gd3;
  }
  return { ll: lse, first, second };
}

const rowGrad = new Float64Array(4);

/** Total log-likelihood at (r, α, s, β); `gradient` receives ∂LL/∂(r, α, s, β). */
export function pnbdLogLikelihood(params: ArrayLike<number>, d: RepeatData, gradient: Float64Array | null): number {
  const p: ParetoNbdParams = {
    r: params[0] as number,
    alpha: params[1] as number,
    s: params[2] as number,
    beta: params[3] as number,
  };
  const lgR = logGamma(p.r);
  const psiR = digamma(p.r);
  let ll = 0;
  let gr = 0;
  let gAlpha = 0;
  let gs = 0;
  let gBeta = 0;
  // Γ(r+x)/Γ(r) per distinct x.
  for (let j = 0; j < d.distinctX.length; j += 1) {
    const x = d.distinctX[j] as number;
    const w = d.distinctXWeight[j] as number;
    ll += w * (logGamma(p.r + x) - lgR);
    if (gradient) gr += w * (digamma(p.r + x) - psiR);
  }
  ll += d.customers * (p.r * Math.log(p.alpha) + p.s * Math.log(p.beta));
  if (gradient) {
    gr += d.customers * Math.log(p.alpha);
    gAlpha += (d.customers * p.r) / p.alpha;
    gs += d.customers * Math.log(p.beta);
    gBeta += (d.customers * p.s) / p.beta;
  }
  for (let i = 0; i < d.rows; i += 1) {
    const w = d.weight[i] as number;
    const row = pnbdRow(p, d.x[i] as number, d.tx[i] as number, d.T[i] as number, gradient ? rowGrad : null);
    ll += w * row.ll;
    if (gradient) {
      gr += w * (rowGrad[0] as number);
      gAlpha += w * (rowGrad[1] as number);
      gs += w * (rowGrad[2] as number);
      gBeta += w * (rowGrad[3] as number);
    }
  }
  if (gradient) {
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = gs;
    gradient[3] = gBeta;
  }
  return ll;
}

/** P(alive at T | x, tₓ, T): the share of the likelihood in which the customer has not yet died. */
export function pnbdPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const row = pnbdRow(p, x, tx, T, null);
  return Math.exp(row.first - row.ll);
}

/** E[Y(t) | x, tₓ, T] = (r+x)(β+T)/((α+T)(s−1)) [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive). */
export function pnbdExpectedPurchases(p: ParetoNbdParams, t: number, x: number, tx: number, T: number, pAlive?: number): number {
  if (t <= 0) return 0;
  const alive = pAlive ?? pnbdPAlive(p, x, tx, T);
  return ((p.r + x) / (p.alpha + T)) * lifetimeIntegral(p.s, p.beta + T, t) * alive;
}

/** E[X(t)] for a new customer: rβ/(α(s−1)) [1 − (β/(β+t))^(s−1)]. */
export function pnbdExpectedPurchasesNew(p: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  return (p.r / p.alpha) * lifetimeIntegral(p.s, p.beta, t);
}

/** ∫₀ᵗ E[alive at u] du for μ ~ Gamma(s, B): B/(s−1)[1 − (B/(B+t))^(s−1)], or B log(1 + t/B) at s = 1. */
function lifetimeIntegral(s: number, B: number, t: number): number {
  const e = s - 1;
  const logRatio = Math.log(B / (B + t));
  if (Math.abs(e * logRatio) < 1e-8) return B * -logRatio * (1 + (e * logRatio) / 2);
  return (B / e) * -Math.expm1(e * logRatio);
}
