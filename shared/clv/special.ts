// Special functions the buy-till-you-die likelihoods need: log Γ, ψ (digamma) and the Gauss
// hypergeometric series with its derivatives in its parameters. Written here because the models' fit
// and their published checks depend on them to ~1e-13, and shared/ carries no numeric library.

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** log Γ(x) for x > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0] as number;
  const t = y + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i += 1) a += (LANCZOS[i] as number) / (y + i);
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ψ(x) = d/dx log Γ(x) for x > 0: recurrence up to x ≥ 10, then the asymptotic series (error < 1e-14). */
export function digamma(x: number): number {
  let result = 0;
  let v = x;
  while (v < 10) {
    result -= 1 / v;
    v += 1;
  }
  const f = 1 / (v * v);
  return result + Math.log(v) - 0.5 / v - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))));
}

/** log(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/** The most terms a hypergeometric series may take before it is cut (z very close to 1). */
export const SERIES_MAX_TERMS = 200_000;

/** A series value with its derivatives in the upper parameter b, the lower parameter c and z. */
export interface SeriesWithGradient {
  value: number;
  dB: number;
  dC: number;
  dZ: number;
}

/**
 * F(b, c, z) = 2F1(1, b; c; z) = Σₖ (b)ₖ/(c)ₖ zᵏ for 0 ≤ z < 1 and c > b > 0, with ∂F/∂b, ∂F/∂c and
 * ∂F/∂z. With c > b every term ratio (b+k)/(c+k)·z is below z, so the terms fall at least
 * geometrically and the tail after term k is at most tₖ·z/(1−z): the loop stops when that bound is
 * below 1e-16 of the sum. This is the form the Pareto/NBD likelihood reduces to after Euler's
 * transformation, in both the α ≥ β and the α < β branch.
 */
export function hyp2f1OneWithGradient(b: number, c: number, z: number): SeriesWithGradient {
  let term = 1;
  let sum = 1;
  // Running Σⱼ<ₖ 1/(b+j) and Σⱼ<ₖ 1/(c+j): ∂log tₖ/∂b and −∂log tₖ/∂c.
  let hb = 0;
  let hc = 0;
  let dB = 0;
  let dC = 0;
  let dZk = 0;
  const tailFactor = z / (1 - z);
  for (let k = 0; k < SERIES_MAX_TERMS; k += 1) {
    hb += 1 / (b + k);
    hc += 1 / (c + k);
    term *= ((b + k) / (c + k)) * z;
    sum += term;
    dB += term * hb;
    dC -= term * hc;
    dZk += term * (k + 1);
    if (term * tailFactor <= 1e-17 * sum || term === 0) break;
  }
  return { value: sum, dB, dC, dZ: z > 0 ? dZk / z : b / c };
}

/**
 * 2F1(a, b; c; z) for 0 ≤ z < 1 by its power series (used for the BG/NBD expectations, where z is a
 * horizon over itself plus the customer's age and stays well inside the unit disc for any horizon a
 * consultant would ask for). Stops when a term no longer changes the sum, or after SERIES_MAX_TERMS.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < SERIES_MAX_TERMS; k += 1) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (Math.abs(term) <= 1e-16 * Math.abs(sum)) break;
  }
  return sum;
}
