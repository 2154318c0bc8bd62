// CUPED (Deng, Xu, Kohavi & Walker, "Improving the sensitivity of online controlled experiments by
// utilizing pre-experiment data", WSDM 2013): Y' = Y − θ(X − mean X) with θ = cov(X, Y) / var(X), X
// the same customer's pre-period behaviour. θ is estimated on both groups together, so the adjustment
// does not depend on the assignment and the difference in means stays unbiased; its variance shrinks
// by the share ρ² of Y's variance that X explains (as GrowthBook and LaunchDarkly apply it).

export interface CupedResult {
  theta: number;
  /** 1 − var(Y') / var(Y), over both groups. */
  varianceReduction: number;
  /** Correlation between pre-period and outcome. */
  correlation: number;
  adjustedTreatment: Float64Array;
  adjustedControl: Float64Array;
}

export interface PairedValues {
  /** Pre-period covariate per customer. */
  pre: ArrayLike<number>;
  /** Outcome per customer, same order. */
  post: ArrayLike<number>;
}

export function cuped(treatment: PairedValues, control: PairedValues): CupedResult {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const g of [treatment, control]) {
    for (let i = 0; i < g.post.length; i += 1) {
      xs.push(g.pre[i] as number);
      ys.push(g.post[i] as number);
    }
  }
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const my = ys.reduce((a, b) => a + b, 0) / Math.max(1, n);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const theta = sxx > 0 ? sxy / sxx : 0;
  const correlation = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
  const adjust = (g: PairedValues): Float64Array => {
    const out = new Float64Array(g.post.length);
    for (let i = 0; i < out.length; i += 1) out[i] = (g.post[i] as number) - theta * ((g.pre[i] as number) - mx);
    return out;
  };
  const adjustedTreatment = adjust(treatment);
  const adjustedControl = adjust(control);
  let ssAdj = 0;
  let mAdj = 0;
  for (const v of adjustedTreatment) mAdj += v;
  for (const v of adjustedControl) mAdj += v;
  mAdj /= Math.max(1, n);
  for (const v of adjustedTreatment) ssAdj += (v - mAdj) ** 2;
  for (const v of adjustedControl) ssAdj += (v - mAdj) ** 2;
  return { theta, correlation, varianceReduction: syy > 0 ? 1 - ssAdj / syy : 0, adjustedTreatment, adjustedControl };
}
