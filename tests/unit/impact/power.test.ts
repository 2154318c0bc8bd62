// Sample size, power and minimum detectable effect against Cohen's published table.
import { describe, expect, it } from 'vitest';
import {
  cohenH,
  mdeMeans,
  mdeProportions,
  powerMeans,
  powerProportions,
  sampleSizeArcsine,
  sampleSizeMeans,
  sampleSizeProportions,
} from '../../../shared/impact/power';

describe("Cohen, 'A Power Primer', Psychological Bulletin 112(1), 1992, Table 2 (α = .05 two-sided, power .80, n per group)", () => {
  // Cohen rounds to the nearest customer, so the comparison rounds too.
  it('test 1, difference of means: d = .2, .5, .8 need 393, 64, 26', () => {
    expect(Math.round(sampleSizeMeans(0.2))).toBe(393);
    expect(Math.round(sampleSizeMeans(0.5))).toBe(64);
    expect(Math.round(sampleSizeMeans(0.8))).toBe(26);
  });
  it('test 5, difference of proportions: h = .2, .5, .8 need 392, 63, 25', () => {
    expect(Math.round(sampleSizeArcsine(0.2))).toBe(392);
    expect(Math.round(sampleSizeArcsine(0.5))).toBe(63);
    expect(Math.round(sampleSizeArcsine(0.8))).toBe(25);
  });
});

describe('the planning formulae agree with each other', () => {
  it('the sample size for two rates reaches the power, one customer fewer does not', () => {
    const { treatment, control } = sampleSizeProportions(0.6, 0.7);
    expect(treatment).toBe(control);
    expect(powerProportions(0.6, 0.7, treatment, control)).toBeGreaterThanOrEqual(0.8);
    expect(powerProportions(0.6, 0.7, treatment - 1, control - 1)).toBeLessThan(0.8);
    // Fleiss' normal form lands within a few customers of Cohen's arcsine form for moderate rates.
    expect(Math.abs(treatment - sampleSizeArcsine(cohenH(0.6, 0.7)))).toBeLessThan(5);
  });
  it('unequal groups: twice the control customers', () => {
    const s = sampleSizeProportions(0.6, 0.7, { alpha: 0.05, power: 0.8, ratio: 2 });
    expect(s.control).toBe(2 * s.treatment);
    expect(powerProportions(0.6, 0.7, s.treatment, s.control)).toBeGreaterThanOrEqual(0.8);
  });
  it('the MDE is the effect the size was planned for', () => {
    const { treatment, control } = sampleSizeProportions(0.6, 0.7);
    const mde = mdeProportions(0.6, treatment, control) as number;
    expect(mde).toBeGreaterThan(0.095);
    expect(mde).toBeLessThanOrEqual(0.1);
    expect(mdeProportions(0.6, 2, 2)).toBeNull();
  });
  it('means: MDE and power invert each other', () => {
    const mde = mdeMeans(1000, 200, 200) as number;
    expect(powerMeans(mde, 1000, 200, 200)).toBeCloseTo(0.8, 3);
  });
});
