// Analytic gradients of a BG/NBD customer's figures in the log-parameters (log r, log α, log a, log b),
// for the delta-method intervals (intervals.ts). The finite differences they replace re-ran the 12
// monthly expectations once per parameter (4 × 12 hypergeometric series per purchase history on top
// of the 12 for the figures); here one pass over each month's series carries its value and its four
// derivatives, so a history costs 12 series with gradient instead of 48 plain ones.
//
// E[Y(t) | x, tₓ, T] = L · I(t) / D (Fader, Hardie & Lee 2005, eq. 10), with
//   L = (a+b+x−1)/(a−1),  I(t) = 1 − R(t)^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; z(t)),
//   R(t) = (α+T)/(α+T+t),  z(t) = t/(α+T+t),  D = 1 + K,  K = [x>0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x).
// L and D do not depend on t, so the discounted purchases Σᵢ (E(tᵢ) − E(tᵢ₋₁)) wᵢ are (L/D) · S with
// S = Σᵢ (I(tᵢ) − I(tᵢ₋₁)) wᵢ, and logit P(alive) = −log K (x > 0; P(alive) = 1 at x = 0).

import type { BgNbdParams } from './bgnbd';
import { SERIES_MAX_TERMS } from './special';

/** Gradients by (log r, log α, log a, log b); null where the figure sits at a bound (log or logit undefined). */
export interface BgNbdFigureGradients {
  logitAlive: Float64Array | null;
  logPurchases: Float64Array | null;
  logDiscounted: Float64Array | null;
}

/** ₂F₁(A, B; C; z) and its derivatives in A, B, C and z, written into out[0..4] (no allocation). */
function hyp2f1WithGradient(A: number, B: number, C: number, z: number, out: Float64Array): void {
  let term = 1;
  let sum = 1;
  let hA = 0;
  let hB = 0;
  let hC = 0;
  let dA = 0;
  let dB = 0;
  let dC = 0;
  let dZ = 0;
  for (let k = 0; k < SERIES_MAX_TERMS; k += 1) {
    const ia = 1 / (A + k);
    const ib = 1 / (B + k);
    const ic = 1 / (C + k);
    hA += ia;
    hB += ib;
    hC += ic;
    term *= ((A + k) * (B + k) * ic * z) / (k + 1);
    sum += term;
    dA += term * hA;
    dB += term * hB;
    dC -= term * hC;
    dZ += term * (k + 1);
    if (Math.abs(term) <= 1e-16 * Math.abs(sum)) break;
  }
  out[0] = sum;
  out[1] = dA;
  out[2] = dB;
  out[3] = dC;
  out[4] = z > 0 ? dZ / z : (A * B) / C;
}

const scratch = new Float64Array(5);

/**
 * The log-parameter gradients of logit P(alive), log E[Y(horizon)] and log(discounted purchases) for
 * one purchase history. times: the month ends t₁ < … < t_H in the model's unit; weights: 1/(1+d)^i.
 * Values are the same expressions bgnbdExpectedPurchases / purchaseFigures evaluate.
 */
export function bgnbdFigureGradients(p: BgNbdParams, x: number, tx: number, T: number, times: Float64Array, weights: Float64Array): BgNbdFigureGradients {
  const { r, alpha, a, b } = p;
  const A = r + x;
  const B = b + x;
  const C = a + b + x - 1;
  // d log L by (r, α, a, b).
  const lA = -(b + x) / ((a - 1) * C);
  const lB = 1 / C;
  // K and d log K.
  let K = 0;
  let kR = 0;
  let kAlpha = 0;
  let kA = 0;
  let kB = 0;
  if (x > 0) {
    const logQ = Math.log(alpha + T) - Math.log(alpha + tx);
    K = (a / (b + x - 1)) * Math.exp(A * logQ);
    kR = logQ;
    kAlpha = A * (1 / (alpha + T) - 1 / (alpha + tx));
    kA = 1 / a;
    kB = -1 / (b + x - 1);
  }
  const D = 1 + K;
  const share = K / D; // d log D = share · d log K
  // S, I(t_H) and their derivatives in (r, α, a, b).
  let S = 0;
  let sR = 0;
  let sAlpha = 0;
  let sA = 0;
  let sB = 0;
  let prevI = 0;
  let prevR = 0;
  let prevAlpha = 0;
  let prevA = 0;
  let prevB = 0;
  const H = times.length;
  for (let i = 0; i < H; i += 1) {
    const t = times[i] as number;
    const s = alpha + T + t;
    const logR = Math.log((alpha + T) / s);
    const z = t / s;
    hyp2f1WithGradient(A, B, C, z, scratch);
    const F = scratch[0] as number;
    const G = Math.exp(A * logR);
    const I = 1 - G * F;
    // dG/dθ = G · d(A log R); dz/dα = −t/s².
    const gR = logR;
    const gAlpha = A * (1 / (alpha + T) - 1 / s);
    const dzAlpha = -t / (s * s);
    const iR = -G * (gR * F + (scratch[1] as number));
    const iAlpha = -G * (gAlpha * F + (scratch[4] as number) * dzAlpha);
    const iA = -G * (scratch[3] as number);
    const iB = -G * ((scratch[2] as number) + (scratch[3] as number));
    const w = weights[i] as number;
    S += (I - prevI) * w;
    sR += (iR - prevR) * w;
    sAlpha += (iAlpha - prevAlpha) * w;
    sA += (iA - prevA) * w;
    sB += (iB - prevB) * w;
    prevI = I;
    prevR = iR;
    prevAlpha = iAlpha;
    prevA = iA;
    prevB = iB;
  }
  // d log|L/D| by (r, α, a, b), then by log θ (× θ). L and I are both negative when a < 1: the
  // log-derivatives hold for |·| (E > 0 throughout; the caller drops a figure that is not positive).
  const cR = -share * kR;
  const cAlpha = -share * kAlpha;
  const cA = lA - share * kA;
  const cB = lB - share * kB;
  const logPurchases =
    prevI !== 0 && H > 0
      ? Float64Array.of(r * (cR + prevR / prevI), alpha * (cAlpha + prevAlpha / prevI), a * (cA + prevA / prevI), b * (cB + prevB / prevI))
      : null;
  const logDiscounted = S !== 0 && H > 0 ? Float64Array.of(r * (cR + sR / S), alpha * (cAlpha + sAlpha / S), a * (cA + sA / S), b * (cB + sB / S)) : null;
  const pAlive = 1 / D;
  const logitAlive = x > 0 && pAlive > 1e-12 && pAlive < 1 - 1e-12 ? Float64Array.of(-r * kR, -alpha * kAlpha, -a * kA, -b * kB) : null;
  return { logitAlive, logPurchases, logDiscounted };
}
