// The experiment tests against published worked examples. Each case names its source.
import { describe, expect, it } from 'vitest';
import { chiSquareSf, normalCdf, normalQuantile, studentTCdf, studentTQuantile } from '../../../shared/impact/distributions';
import { twoProportionTest } from '../../../shared/impact/proportions';
import { bootstrapMeanDifference, summarise, welchTest } from '../../../shared/impact/means';
import { sampleRatioCheck } from '../../../shared/impact/srm';

describe('distributions (values from SciPy 1.17: scipy.stats.norm, t, chi2)', () => {
  it('normal cdf and quantile', () => {
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 14);
    expect(normalCdf(0.5)).toBeCloseTo(0.6914624612740131, 14);
    expect(normalCdf(-8) / 6.22096057427174e-16).toBeCloseTo(1, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424308822899, 10);
  });
  it('Student t and chi-square', () => {
    expect(studentTCdf(2.1, 7.3)).toBeCloseTo(0.9638766432875733, 12);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 10);
    expect(chiSquareSf(3.84, 1)).toBeCloseTo(0.05004352124870519, 12);
    expect(chiSquareSf(20, 5)).toBeCloseTo(0.0012497305630313773, 12);
  });
});

describe('two-proportion test', () => {
  // Agresti, An Introduction to Categorical Data Analysis (2nd ed., 2007), §2.2.3 and §2.4: the
  // Physicians' Health Study, myocardial infarction in 189 of 11,034 on placebo and 104 of 11,037 on
  // aspirin. Difference 0.0171 − 0.0094 = 0.0077, SE 0.0015, 95% CI (0.005, 0.011); Pearson X² = 25.01
  // (the pooled z test's z² is that X²).
  it("Agresti's aspirin example: difference, interval and X²", () => {
    const r = twoProportionTest({ successes: 189, n: 11034 }, { successes: 104, n: 11037 });
    expect(r.pTreatment).toBeCloseTo(0.0171, 4);
    expect(r.pControl).toBeCloseTo(0.0094, 4);
    expect(r.difference).toBeCloseTo(0.0077, 4);
    expect(r.standardError).toBeCloseTo(0.0015, 4);
    expect(r.ciLow).toBeCloseTo(0.005, 3);
    expect(r.ciHigh).toBeCloseTo(0.011, 3);
    expect(r.z ** 2).toBeCloseTo(25.01, 2);
    expect(r.pValue).toBeLessThan(1e-6);
  });
  it('a null difference has p = 1 and a symmetric interval', () => {
    const r = twoProportionTest({ successes: 30, n: 100 }, { successes: 30, n: 100 });
    expect(r.difference).toBe(0);
    expect(r.pValue).toBeCloseTo(1, 12);
    expect(r.ciLow).toBeCloseTo(-r.ciHigh, 12);
  });
});

describe("Welch's t", () => {
  // Wikipedia, "Welch's t-test", example 1 (retrieved 2026): A1 and A2 below; t = −2.46, ν ≈ 24.99,
  // p = 0.021. SciPy ttest_ind(equal_var=False) agrees: −2.455356398286006, 24.988529290231416, 0.021378.
  const a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
  const a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
  it('statistic, degrees of freedom and p-value', () => {
    const r = welchTest(summarise(a1), summarise(a2));
    expect(r.t).toBeCloseTo(-2.455356398286006, 10);
    expect(r.df).toBeCloseTo(24.988529290231416, 10);
    expect(r.pValue).toBeCloseTo(0.021378001462866992, 10);
    expect(r.ciLow).toBeLessThan(r.difference);
    expect(r.ciHigh).toBeLessThan(0);
  });
  it('the bootstrap repeats for its seed and brackets the same difference', () => {
    const x = bootstrapMeanDifference(a1, a2, { seed: 7, resamples: 4000 });
    const y = bootstrapMeanDifference(a1, a2, { seed: 7, resamples: 4000 });
    const z = bootstrapMeanDifference(a1, a2, { seed: 8, resamples: 4000 });
    expect(y).toEqual(x);
    expect(z.ciLow).not.toBe(x.ciLow);
    expect(x.difference).toBeCloseTo(-2.1667, 4);
    expect(x.ciHigh).toBeLessThan(0);
    // The bootstrap interval is a little narrower than Welch's (it ignores the t correction); same scale.
    expect(x.ciLow).toBeGreaterThan(-4.3);
    expect(x.ciLow).toBeLessThan(-3.4);
    expect(x.pValue).toBeLessThan(0.05);
  });
});

describe('sample-ratio mismatch', () => {
  // Fabijan et al. (KDD 2019) use a chi-square goodness-of-fit test; 821,588 vs 815,482 on an intended
  // 50/50 split is an illustration: χ² = 22.774, p = 1.82e-6 (SciPy chisquare).
  it('flags a split far from the design and passes one close to it', () => {
    const bad = sampleRatioCheck([821588, 815482], [1, 1]);
    expect(bad.chiSquare).toBeCloseTo(22.77436884189436, 8);
    expect(bad.pValue).toBeCloseTo(1.8217928726191858e-6, 12);
    expect(bad.mismatch).toBe(true);
    const ok = sampleRatioCheck([251, 249], [0.5, 0.5]);
    expect(ok.mismatch).toBe(false);
    expect(ok.pValue).toBeGreaterThan(0.9);
  });
});
