import { describe, expect, it } from 'vitest';
import { fitLogistic, oddsRatio, balancedWeights, fitPlatt, applyPlatt, sigmoid } from '../../../shared/churn/logistic';
import { brierScore, liftTable, prAuc, reliabilityTable, rocAuc } from '../../../shared/churn/evaluation';
import { stratifiedFolds } from '../../../shared/churn/random';

// Reference numbers from Debian's python3-sklearn 1.2.1 (/usr/bin/python3), script:
//   X = [[0.5,1.2],[1.5,-0.3],[-0.7,0.8],[2.1,0.1],[-1.3,-1.1],[0.2,0.4],[1.1,1.9],[-0.4,-0.6],
//        [0.9,-1.4],[-1.8,0.3],[1.7,1.0],[-0.2,-1.7]];  y = [1,1,0,0,0,1,1,0,1,0,1,0]
//   m = LogisticRegression(C=0.5, tol=1e-14, max_iter=100000, solver='newton-cholesky').fit(X, y)
//   -> coef [0.670106427100967, 0.389208562208283], intercept -0.224236950703498
//   (solver='lbfgs' stops ~6e-7 short of the optimum: 0.670107052782, 0.389207529213)
//   se = sqrt(diag(inv(Xaᵀ diag(μ(1−μ)) Xa + diag([0, 1/C, 1/C]))))  (numpy, at sklearn's optimum)
//   -> [0.656423208620739, 0.452293587992953, 0.465912794807801]
//   s = [.9,.8,.8,.7,.6,.5,.5,.4,.3,.2]; t = [1,0,1,1,0,1,0,0,0,1]
//   roc_auc_score(t, s) = 0.64; average_precision_score(t, s) = 0.6976190476190476;
//   brier_score_loss(t, s) = 0.253; DeLong se by explicit pairs (V10, V01, ddof=1) = 0.2029778313018444
const X = Float64Array.from([0.5, 1.2, 1.5, -0.3, -0.7, 0.8, 2.1, 0.1, -1.3, -1.1, 0.2, 0.4, 1.1, 1.9, -0.4, -0.6, 0.9, -1.4, -1.8, 0.3, 1.7, 1.0, -0.2, -1.7]);
const y = Uint8Array.from([1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 1, 0]);
const s = [0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.5, 0.4, 0.3, 0.2];
const t = [1, 0, 1, 1, 0, 1, 0, 0, 0, 1];

describe('L2 logistic regression (Newton / IRLS)', () => {
  const fit = fitLogistic(X, 12, 2, y, { l2: 1 / 0.5, tol: 1e-12 });
  it('matches scikit-learn LogisticRegression(C=0.5) coefficients and intercept', () => {
    expect(fit.converged).toBe(true);
    expect(fit.coef[0]).toBeCloseTo(0.670106427100967, 9);
    expect(fit.coef[1]).toBeCloseTo(0.389208562208283, 9);
    expect(fit.intercept).toBeCloseTo(-0.224236950703498, 9);
  });
  it('gives Wald standard errors from the inverse penalised Hessian (taken ≤ 1 step before the optimum: 1e-6)', () => {
    expect(oddsRatio(fit, 0).se).toBeCloseTo(0.452293587992953, 6);
    expect(oddsRatio(fit, 1).se).toBeCloseTo(0.465912794807801, 6);
    const or = oddsRatio(fit, 0);
    expect(or.value).toBeCloseTo(Math.exp(0.670106427100967), 5);
    expect(or.low).toBeCloseTo(Math.exp(0.670106427100967 - 1.959964 * 0.452293587992953), 4);
    expect(or.high).toBeCloseTo(Math.exp(0.670106427100967 + 1.959964 * 0.452293587992953), 4);
  });
  it('is deterministic', () => {
    const again = fitLogistic(X, 12, 2, y, { l2: 2, tol: 1e-12 });
    expect(Array.from(again.coef)).toEqual(Array.from(fit.coef));
  });
  it('balanced weights give each class half the total weight', () => {
    const w = balancedWeights([1, 0, 0, 0]);
    expect(Array.from(w)).toEqual([2, 4 / 6, 4 / 6, 4 / 6]);
  });
});

describe('Platt recalibration', () => {
  it('pulls weighted (inflated) probabilities back to the observed rate', () => {
    // 10% churners; scores as a balanced model would give them: everyone near 0.5 log-odds.
    const scores: number[] = [];
    const out: number[] = [];
    for (let i = 0; i < 1000; i += 1) {
      const churn = i % 10 === 0 ? 1 : 0;
      out.push(churn);
      scores.push(churn ? 0.8 : 0.2);
    }
    const c = fitPlatt(scores, out);
    const meanP = scores.reduce((a, v) => a + applyPlatt(c, v), 0) / scores.length;
    expect(meanP).toBeCloseTo(0.1, 2);
    expect(sigmoid(0)).toBe(0.5);
  });
});

describe('evaluation against scikit-learn and hand counts', () => {
  it('ROC AUC and its DeLong interval', () => {
    const r = rocAuc(s, t)!;
    expect(r.value).toBeCloseTo(0.64, 12);
    expect(r.high).toBe(1); // 0.64 + 0.398 clipped
    expect(r.low).toBeCloseTo(0.64 - 1.959964 * 0.2029778313018444, 9);
  });
  it('perfect and inverted rankings; one class absent', () => {
    expect(rocAuc([3, 2, 1, 0], [1, 1, 0, 0])!.value).toBe(1);
    expect(rocAuc([3, 2, 1, 0], [0, 0, 1, 1])!.value).toBe(0);
    expect(rocAuc([1, 2], [0, 0])).toBeNull();
  });
  it('PR AUC is average precision with a bootstrap interval around it', () => {
    const r = prAuc(s, t, { resamples: 300, seed: 7 })!;
    expect(r.value).toBeCloseTo(0.6976190476190476, 12);
    expect(r.low!).toBeLessThan(r.value);
    expect(r.high!).toBeGreaterThan(r.value);
    // hand count: ranks 1 (hit) 2 (miss) → AP = 1·½ + ½·½ = 0.75
    expect(prAuc([2, 1], [1, 0], { resamples: 0 })!.value).toBe(1);
    expect(prAuc([2, 1, 0], [1, 0, 1], { resamples: 0 })!.value).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3), 12);
  });
  it('Brier score', () => {
    expect(brierScore(s, t)).toBeCloseTo(0.253, 12);
  });
  it('lift and cumulative gains by decile, hand-checked', () => {
    // 10 customers ranked by score, one per decile; 5 churned → base rate 0.5.
    const rows = liftTable(s, t);
    expect(rows.map((r) => r.churned)).toEqual([1, 0, 1, 1, 0, 1, 0, 0, 0, 1]);
    expect(rows[0]!.lift).toBe(2);
    expect(rows[3]!.cumulativeGain).toBeCloseTo(3 / 5, 12);
    expect(rows[9]!.cumulativeGain).toBe(1);
    // 20 customers, the top two churned out of 4 in all: decile 1 lift = 1 / 0.2 = 5
    const sc = Array.from({ length: 20 }, (_, i) => 20 - i);
    const yy = sc.map((_, i) => (i < 2 || i === 10 || i === 19 ? 1 : 0));
    const l2 = liftTable(sc, yy);
    expect(l2[0]).toMatchObject({ customers: 2, churned: 2, rate: 1, lift: 5, cumulativeGain: 0.5, cumulativeShare: 0.1 });
  });
  it('reliability table bins predictions and compares them with observed rates', () => {
    const rows = reliabilityTable([0.05, 0.05, 0.15, 0.95, 1], [0, 1, 0, 1, 1]);
    expect(rows).toEqual([
      { from: 0, to: 0.1, customers: 2, meanPredicted: 0.05, observedRate: 0.5 },
      { from: 0.1, to: 0.2, customers: 1, meanPredicted: 0.15, observedRate: 0 },
      { from: 0.9, to: 1, customers: 2, meanPredicted: 0.975, observedRate: 1 },
    ]);
  });
  it('stratified folds keep the churn share in every fold', () => {
    const yy = Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const f = stratifiedFolds(yy, 5, 3);
    for (let k = 0; k < 5; k += 1) {
      const idx = yy.map((_, i) => i).filter((i) => f[i] === k);
      expect(idx.length).toBe(20);
      expect(idx.filter((i) => yy[i] === 1).length).toBe(4);
    }
    expect(Array.from(stratifiedFolds(yy, 5, 3))).toEqual(Array.from(f));
  });
});
