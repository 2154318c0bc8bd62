// BG/NBD (Fader, Hardie & Lee 2005): purchases at Poisson rate λ ~ Gamma(r, α) while alive; after each
// purchase the customer drops out with probability p ~ Beta(a, b). Log-likelihood with its analytic
// gradient, and the per-customer expectations.
import type { RepeatData } from './data';
import { digamma, hyp2f1, logGamma } from './special';

export const BGNBD_PARAMETERS = ['r', 'alpha', 'a', 'b'] as const;

/**
 * Total log-likelihood at (r, α, a, b); when `gradient` is given it receives ∂LL/∂(r, α, a, b).
 * LLᵢ = log Γ(r+x) − log Γ(r) + r log α + log B(a, b+x) − log B(a, b)
 *       + log[(α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+tₓ)^−(r+x)].
 */
export function bgnbdLogLikelihood(params: ArrayLike<number>, d: RepeatData, gradient: Float64Array | null): number {
  const r = params[0] as number;
  const alpha = params[1] as number;
  const a = params[2] as number;
  const b = params[3] as number;
  // Terms that depend on x alone, once per distinct x.
  const k = d.distinctX.length;
  const constX = new Float64Array(k);
  const dConstR = new Float64Array(k);
  const dConstA = new Float64Array(k);
  const dConstB = new Float64Array(k);
  const lgR = logGamma(r);
  const lgAB = logGamma(a + b);
  const lgB = logGamma(b);
  const psiR = digamma(r);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  for (let j = 0; j < k; j += 1) {
    const x = d.distinctX[j] as number;
    constX[j] = logGamma(r + x) - lgR + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x);
    if (gradient) {
      const psiABX = digamma(a + b + x);
      dConstR[j] = digamma(r + x) - psiR;
      dConstA[j] = psiAB - psiABX;
      dConstB[j] = psiAB + digamma(b + x) - psiB - psiABX;
    }
  }
  const logB1 = new Float64Array(k);
  for (let j = 0; j < k; j += 1) logB1[j] = Math.log(b + (d.distinctX[j] as number) - 1);
  const logAT = d.distinctT.map((t) => Math.log(alpha + t));
  const logATx = d.distinctTx.map((t) => Math.log(alpha + t));
  // 1/(α+T) and 1/(α+tₓ) once per distinct value too: the gradient's two divisions per row become loads.
  const invAT = gradient ? d.distinctT.map((t) => 1 / (alpha + t)) : logAT;
  const invATx = gradient ? d.distinctTx.map((t) => 1 / (alpha + t)) : logATx;
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  const rOverAlpha = r / alpha;
  let ll = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < d.rows; i += 1) {
    const x = d.x[i] as number;
    const w = d.weight[i] as number;
    const j = d.xIndex[i] as number;
    const lT = logAT[d.tIndex[i] as number] as number;
    const a3 = -(r + x) * lT;
    let rowLL = (constX[j] as number) + r * logAlpha;
    if (x > 0) {
      const lTx = logATx[d.txIndex[i] as number] as number;
      const a4 = logA - (logB1[j] as number) - (r + x) * lTx;
      // log(e^a3 + e^a4) with one exp and one log1p; w3 = e^(a3 − lse).
      const diff = a4 - a3;
      const e = Math.exp(-Math.abs(diff));
      const lse = Math.max(a3, a4) + Math.log1p(e);
      rowLL += lse;
      if (gradient) {
        const w3 = diff > 0 ? e / (1 + e) : 1 / (1 + e);
        const w4 = 1 - w3;
        gr += w * ((dConstR[j] as number) + logAlpha - w3 * lT - w4 * lTx);
        gAlpha += w * (rOverAlpha - (r + x) * (w3 * (invAT[d.tIndex[i] as number] as number) + w4 * (invATx[d.txIndex[i] as number] as number)));
        ga += w * ((dConstA[j] as number) + w4 / a);
        gb += w * ((dConstB[j] as number) - w4 / (b + x - 1));
      }
    } else {
      rowLL += a3;
      if (gradient) {
        gr += w * ((dConstR[j] as number) + logAlpha - lT);
        gAlpha += w * (rOverAlpha - r * (invAT[d.tIndex[i] as number] as number));
        ga += w * (dConstA[j] as number);
        gb += w * (dConstB[j] as number);
      }
    }
    ll += w * rowLL;
  }
  if (gradient) {
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = ga;
    gradient[3] = gb;
  }
  return ll;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** P(alive at T) given x, tₓ, T. Asked at a later age T' with no purchase in between, pass T'. */
export function bgnbdPAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logOdds = Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/** E[Y(t) | x, tₓ, T]: expected repeat purchases in the next t units (Fader, Hardie & Lee 2005, eq. 10). */
export function bgnbdExpectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const f = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const lead = (a + b + x - 1) / (a - 1);
  const inner = 1 - Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t))) * f;
  const denominator = 1 + (x > 0 ? (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))) : 0);
  return (lead * inner) / denominator;
}

/** E[X(t)]: expected purchases of a new customer in their first t units (eq. 9), for the tracking plot. */
export function bgnbdExpectedPurchasesNew(p: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, z));
}
