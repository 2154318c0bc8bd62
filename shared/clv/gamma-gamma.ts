// Gamma-Gamma spend model (Fader, Hardie & Lee 2005b; Fader & Hardie 2013): each occasion's spend
// ~ Gamma(p, ν), the customer's ν ~ Gamma(q, γ). It is fitted on repeat buyers' mean spend per
// repeat occasion, which must be positive: zero and negative means are counted and left out upstream.
import type { SpendData } from './data';
import { digamma, logGamma } from './special';

export const GAMMA_GAMMA_PARAMETERS = ['p', 'q', 'v'] as const;

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/**
 * Total log-likelihood of the mean spends (lifetimes' form):
 * LLᵢ = log Γ(px+q) − log Γ(px) − log Γ(q) + q log v + (px−1) log m + px log x − (px+q) log(v + x m).
 */
export function gammaGammaLogLikelihood(params: ArrayLike<number>, d: SpendData, gradient: Float64Array | null): number {
  const p = params[0] as number;
  const q = params[1] as number;
  const v = params[2] as number;
  const k = d.distinctX.length;
  const constX = new Float64Array(k);
  const psiPX = new Float64Array(k);
  const psiPXQ = new Float64Array(k);
  const lgQ = logGamma(q);
  const logV = Math.log(v);
  for (let j = 0; j < k; j += 1) {
    const x = d.distinctX[j] as number;
    constX[j] = logGamma(p * x + q) - logGamma(p * x) - lgQ + q * logV + p * x * Math.log(x);
    if (gradient) {
      psiPX[j] = digamma(p * x);
      psiPXQ[j] = digamma(p * x + q);
    }
  }
  const psiQ = gradient ? digamma(q) : 0;
  const logX = d.distinctX.map(Math.log);
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gv = 0;
  for (let i = 0; i < d.rows; i += 1) {
    const x = d.x[i] as number;
    const m = d.m[i] as number;
    const j = d.xIndex[i] as number;
    const logM = d.logM[i] as number;
    const logVXM = Math.log(v + x * m);
    ll += (constX[j] as number) + (p * x - 1) * logM - (p * x + q) * logVXM;
    if (gradient) {
      gp += x * ((psiPXQ[j] as number) - (psiPX[j] as number) + (logX[j] as number) + logM - logVXM);
      gq += (psiPXQ[j] as number) - psiQ + logV - logVXM;
      gv += q / v - (p * x + q) / (v + x * m);
    }
  }
  if (gradient) {
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gv;
  }
  return ll;
}

/**
 * E[M | x, m̄]: the customer's expected spend per occasion, a weighted mean of the population mean
 * pγ/(q−1) and their own m̄ with weight px/(px+q−1). With x = 0 (or no positive spend) it is
 * the population mean. Null when q ≤ 1 (the population mean does not exist).
 */
export function gammaGammaExpectedSpend(g: GammaGammaParams, x: number, m: number): number | null {
  if (!(g.q > 1)) return null;
  const populationMean = (g.p * g.v) / (g.q - 1);
  if (!(x > 0 && m > 0)) return populationMean;
  const weight = (g.p * x) / (g.p * x + g.q - 1);
  return (1 - weight) * populationMean + weight * m;
}
