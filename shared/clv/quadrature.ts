// Adaptive Gauss–Kronrod (7/15) for the Pareto/NBD death-time integral where its hypergeometric
// series would need too many terms (α and β far apart, z near 1: as s and β grow together towards
// "no heterogeneity in dropout", one evaluation took 3 s on the demo data). The integrand there is
// smooth and decreasing, so a few panels reach 1e-12 of the total.

const XK = [0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911, 0.4058451513773972, 0.20778495500789848, 0];
const WK = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679, 0.19035057806478542, 0.20443294007529889,
  0.20948214108472782,
];
const WG = [0.1294849661688697, 0.27970539148927664, 0.3818300505051189, 0.4179591836734694];

/**
 * ∫ₐᵇ f(τ) g(τ) dτ for each of `k` weights gⱼ that f is multiplied by (f and the g's come from one
 * call), adapting on the first integral. `integrand(τ, out)` writes out[0] = f(τ) and out[j] = f·gⱼ.
 */
export function integrateWithWeights(
  integrand: (t: number, out: Float64Array) => void,
  a: number,
  b: number,
  k: number,
  relTol = 1e-12,
  maxPanels = 64,
  /** Relative rounding noise of the integrand's values: the error estimate cannot fall below it. */
  noise = 0,
): Float64Array {
  const total = new Float64Array(k);
  const out = new Float64Array(k);
  const kron = new Float64Array(k);
  type Panel = { a: number; b: number; values: Float64Array; error: number };
  const evaluate = (lo: number, hi: number): Panel => {
    const c = (lo + hi) / 2;
    const h = (hi - lo) / 2;
    kron.fill(0);
    let gauss = 0;
    for (let i = 0; i < 8; i += 1) {
      const xs = i === 7 ? [c] : [c - h * (XK[i] as number), c + h * (XK[i] as number)];
      for (const x of xs) {
        integrand(x, out);
        for (let j = 0; j < k; j += 1) kron[j] = (kron[j] as number) + (WK[i] as number) * (out[j] as number);
        if (i % 2 === 1) gauss += (WG[(i - 1) / 2] as number) * (out[0] as number);
        else if (i === 7) gauss += (WG[3] as number) * (out[0] as number);
      }
    }
    const values = kron.map((v) => v * h);
    return { a: lo, b: hi, values, error: Math.abs((values[0] as number) - gauss * h) };
  };
  const panels: Panel[] = [evaluate(a, b)];
  for (let n = 1; n < maxPanels; n += 1) {
    let sum = 0;
    let worst = 0;
    for (let i = 0; i < panels.length; i += 1) {
      sum += (panels[i] as Panel).values[0] as number;
      if ((panels[i] as Panel).error > (panels[worst] as Panel).error) worst = i;
    }
    const errorTotal = panels.reduce((s, p) => s + p.error, 0);
    if (errorTotal <= (relTol + 10 * noise) * Math.abs(sum)) break;
    const p = panels[worst] as Panel;
    const mid = (p.a + p.b) / 2;
    panels.splice(worst, 1, evaluate(p.a, mid), evaluate(mid, p.b));
  }
  for (const p of panels) for (let j = 0; j < k; j += 1) total[j] = (total[j] as number) + (p.values[j] as number);
  return total;
}
