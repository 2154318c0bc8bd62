import { describe, expect, it } from 'vitest';
import { applyIsotonic, fitIsotonic, poolAdjacentViolators } from '../../../shared/churn/isotonic';

describe('pool-adjacent-violators', () => {
  it('pools violating neighbours into their mean (worked by hand)', () => {
    // 1 | 3 2 → 2.5 2.5 | 4 3 → 3.5 3.5 | 5
    expect(Array.from(poolAdjacentViolators([1, 3, 2, 4, 3, 5]))).toEqual([1, 2.5, 2.5, 3.5, 3.5, 5]);
    // A merge that makes the block below its left neighbour merges again: 0 | 1 0 0 → 1/3 | 1 0 → 1/2 | 1 1
    const f = Array.from(poolAdjacentViolators([0, 1, 0, 0, 1, 0, 1, 1]));
    [0, 1 / 3, 1 / 3, 1 / 3, 0.5, 0.5, 1, 1].forEach((v, i) => expect(f[i]).toBeCloseTo(v, 12));
    // Weights: (3·1 + 1·0) / 4 = 0.75
    expect(Array.from(poolAdjacentViolators([1, 0], [3, 1]))).toEqual([0.75, 0.75]);
    expect(Array.from(poolAdjacentViolators([]))).toEqual([]);
  });

  it('interpolates between block ends and clips outside (worked by hand)', () => {
    const c = fitIsotonic([1, 2, 3, 4, 5, 6, 7, 8], [0, 1, 0, 0, 1, 0, 1, 1]);
    // Blocks {1}=0, {2,3,4}=1/3, {5,6}=1/2, {7,8}=1; each block keeps its first and last score.
    expect(Array.from(c.x)).toEqual([1, 2, 4, 5, 6, 7, 8]);
    [0, 1 / 3, 1 / 3, 0.5, 0.5, 1, 1].forEach((v, i) => expect(c.y[i]).toBeCloseTo(v, 12));
    expect(applyIsotonic(c, 4.5)).toBeCloseTo(1 / 3 + 0.5 * (0.5 - 1 / 3), 12);
    expect(applyIsotonic(c, 3)).toBeCloseTo(1 / 3, 12);
    expect(applyIsotonic(c, -10)).toBe(0);
    expect(applyIsotonic(c, 10)).toBe(1);
  });

  it('is never decreasing and pools tied scores before fitting', () => {
    // Two customers at score 0.5, one churned: the point is their mean, 0.5.
    const c = fitIsotonic([0.1, 0.5, 0.5, 0.9], [0, 1, 0, 1]);
    expect(Array.from(c.x)).toEqual([0.1, 0.5, 0.9]);
    expect(Array.from(c.y)).toEqual([0, 0.5, 1]);
    const grid = Array.from({ length: 50 }, (_, i) => -0.2 + i * 0.03).map((s) => applyIsotonic(c, s));
    for (let i = 1; i < grid.length; i += 1) expect(grid[i]!).toBeGreaterThanOrEqual(grid[i - 1]!);
  });
});

// Reference numbers from Debian's python3-sklearn 1.2.1 with numpy 1.24.2 (/usr/bin/python3):
//   rng = np.random.RandomState(7)
//   s = np.round(rng.normal(0, 1.5, 40), 1)
//   y = (rng.uniform(size=40) < 1/(1+np.exp(-s))).astype(float)
//   w = np.round(rng.uniform(0.5, 2.0, 40), 2)
//   ir = IsotonicRegression(out_of_bounds='clip').fit(s, y, sample_weight=w)
//   ir.X_thresholds_, ir.y_thresholds_, ir.predict([-5, -1.05, -0.3, 0, 0.25, 0.77, 1.5, 5])
//   IsotonicRegression(out_of_bounds='clip').fit(s, y).predict(same points)
// (the data arrays below are the printed s, y and w; sklearn printed -0.0 for one score, equal to 0.)
const S = [
  2.5, -0.7, 0.0, 0.6, -1.2, 0.0, -0.0, -2.6, 1.5, 0.9, -0.9, -0.3, 0.8, -0.4, -0.4, -2.2, 0.8, 0.2, 0.4, -2.3, 2.5, 0.2, -0.6, 3.0, -0.1, -2.2, -0.6, -3.4,
  1.6, -0.6, -1.1, 1.6, -2.5, 0.8, -3.1, -1.0, -1.8, 2.2, 2.6, -0.5,
];
const Y = [1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 0];
const W = [
  1.19, 1.67, 1.83, 1.51, 1.7, 1.91, 0.56, 1.81, 0.91, 1.21, 1.7, 1.58, 0.72, 1.49, 0.6, 1.04, 1.72, 1.14, 1.4, 1.59, 1.73, 1.64, 0.51, 1.13, 1.19, 0.58, 1.31,
  1.41, 1.74, 1.91, 0.69, 0.85, 1.49, 0.7, 0.84, 1.36, 0.75, 1.67, 1.79, 0.55,
];
const QUERY = [-5, -1.05, -0.3, 0, 0.25, 0.77, 1.5, 5];

describe('isotonic calibration against scikit-learn IsotonicRegression', () => {
  it('gives the same thresholds and predictions with sample weights', () => {
    const c = fitIsotonic(S, Y, W);
    // + 0 turns the pooled -0 score into 0 (toEqual tells them apart; they are the same score).
    expect(Array.from(c.x, (v) => v + 0)).toEqual([-3.4, -1.2, -1.1, -0.1, 0, 0.6, 0.8, 2.5, 2.6, 3.0]);
    const yRef = [0.0, 0.0, 0.254120879121, 0.254120879121, 0.628628628629, 0.628628628629, 0.860932475884, 0.860932475884, 1.0, 1.0];
    yRef.forEach((v, i) => expect(c.y[i]).toBeCloseTo(v, 10));
    const pRef = [0.0, 0.254120879121, 0.254120879121, 0.628628628629, 0.628628628629, 0.826086898796, 0.860932475884, 1.0];
    QUERY.forEach((q, i) => expect(applyIsotonic(c, q)).toBeCloseTo(pRef[i]!, 10));
  });

  it('gives the same predictions without weights', () => {
    const c = fitIsotonic(S, Y);
    const pRef = [0.0, 0.25, 0.25, 0.571428571429, 0.571428571429, 0.850714285714, 0.9, 1.0];
    QUERY.forEach((q, i) => expect(applyIsotonic(c, q)).toBeCloseTo(pRef[i]!, 10));
  });
});

describe('isotonic shrinkage toward the base rate', () => {
  it('keeps a block of a few churned customers off 100% and leaves large blocks nearly as they were (worked by hand)', () => {
    // Scores 1-10: seven retained, then three churned. Plain PAV: blocks {1..7} = 0 and {8,9,10} = 1.
    const y = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1];
    const s = y.map((_, i) => i + 1);
    const plain = fitIsotonic(s, y);
    expect([applyIsotonic(plain, 1), applyIsotonic(plain, 10)]).toEqual([0, 1]);
    // Prior 0.3 (3 of 10), strength 2: (0 + 0.6) / 9 and (3 + 0.6) / 5.
    const shrunk = fitIsotonic(s, y, undefined, { prior: 0.3, strength: 2 });
    expect(applyIsotonic(shrunk, 1)).toBeCloseTo(0.6 / 9, 12);
    expect(applyIsotonic(shrunk, 10)).toBeCloseTo(3.6 / 5, 12);
  });

  it('stays non-decreasing when a small high block would shrink below a large lower one', () => {
    // Blocks after PAV: 100 customers at 0.4, then 1 customer at 1. Shrunk toward 0.1 with strength 2:
    // (40 + 0.2) / 102 = 0.394 and (1 + 0.2) / 3 = 0.4: still ordered; with prior 0 the second would be
    // 1/3 < 0.392, so PAV pools them: (40 + 1) / (102 + 3) = 0.3905.
    const y = [...Array.from({ length: 100 }, (_, i) => (i % 5 < 2 ? 1 : 0)), 1];
    const s = [...Array.from({ length: 100 }, () => 1), 2];
    const c = fitIsotonic(s, y, undefined, { prior: 0, strength: 2 });
    expect(applyIsotonic(c, 1)).toBeCloseTo(41 / 105, 12);
    expect(applyIsotonic(c, 2)).toBeCloseTo(41 / 105, 12);
  });
});
