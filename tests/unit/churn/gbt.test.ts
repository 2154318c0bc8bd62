import { describe, expect, it } from 'vitest';
import { applyBinning, fitBinning, fitGbt, gbtContributions, permutationImportance, predictGbtRaw } from '../../../shared/churn/gbt';
import { fitLogistic, predictLogit } from '../../../shared/churn/logistic';
import { rocAuc } from '../../../shared/churn/evaluation';
import { seededRandom } from '../../../shared/churn/random';

/** XOR of two features' signs decides churn (90% of the time); a third feature is noise. */
function xorData(n: number, seed: number) {
  const rand = seededRandom(seed);
  const X = new Float64Array(n * 3);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    const a = rand() * 2 - 1;
    const b = rand() * 2 - 1;
    X[i * 3] = a;
    X[i * 3 + 1] = b;
    X[i * 3 + 2] = rand();
    const xor = a > 0 !== b > 0 ? 1 : 0;
    y[i] = rand() < 0.9 ? xor : 1 - xor;
  }
  return { X, y };
}

describe('histogram gradient-boosted trees', () => {
  it('bins values by quantile edges with missing in bin 0', () => {
    const X = Float64Array.from([1, 2, NaN, 2, 3]);
    const b = fitBinning(X, 5, 1);
    expect(Array.from(b.edges[0]!)).toEqual([1.5, 2.5]);
    expect(Array.from(applyBinning(b, X, 5).bins)).toEqual([1, 2, 0, 2, 3]);
    const many = Float64Array.from({ length: 1000 }, (_, i) => i);
    expect(fitBinning(many, 1000, 1, 11).edges[0]!.length).toBe(9);
  });

  it('learns an interaction a linear model cannot, deterministically', () => {
    const train = xorData(4000, 1);
    const test = xorData(2000, 2);
    const binning = fitBinning(train.X, 4000, 3);
    const m = applyBinning(binning, train.X, 4000);
    const model = fitGbt(m, binning, train.y, { rounds: 40, maxDepth: 3 });
    const tm = applyBinning(binning, test.X, 2000);
    const auc = rocAuc(predictGbtRaw(model, tm), test.y)!.value;
    expect(auc).toBeGreaterThan(0.85); // ceiling ~0.9 with 10% label noise
    const lin = fitLogistic(train.X, 4000, 3, train.y, { l2: 1 });
    expect(rocAuc(predictLogit(lin, test.X, 2000, 3), test.y)!.value).toBeLessThan(0.6);
    const again = fitGbt(m, binning, train.y, { rounds: 40, maxDepth: 3 });
    expect(Array.from(predictGbtRaw(again, tm))).toEqual(Array.from(predictGbtRaw(model, tm)));
  });

  it('contributions add up to the score; permutation importance finds the two real features', () => {
    const train = xorData(3000, 3);
    const binning = fitBinning(train.X, 3000, 3);
    const m = applyBinning(binning, train.X, 3000);
    const model = fitGbt(m, binning, train.y, { rounds: 30, maxDepth: 3 });
    const raw = predictGbtRaw(model, m);
    const rootSum = model.trees.reduce((s, t) => s + t.value[0]!, model.base);
    for (const r of [0, 17, 2999]) {
      const c = gbtContributions(model, m, r);
      expect(rootSum + c[0]! + c[1]! + c[2]!).toBeCloseTo(raw[r]!, 9);
    }
    const imp = permutationImportance(model, m, train.y, { repeats: 2, seed: 5 });
    expect(imp[0]!).toBeGreaterThan(0.1);
    expect(imp[1]!).toBeGreaterThan(0.1);
    expect(imp[2]!).toBeLessThan(0.05);
  });

  it('class weights move the base score toward balance', () => {
    const y = Uint8Array.from({ length: 100 }, (_, i) => (i < 10 ? 1 : 0));
    const X = Float64Array.from({ length: 100 }, (_, i) => i % 7);
    const binning = fitBinning(X, 100, 1);
    const m = applyBinning(binning, X, 100);
    expect(fitGbt(m, binning, y, { rounds: 0 }).base).toBeCloseTo(Math.log(0.1 / 0.9), 9);
    const w = Float64Array.from(y, (v) => (v ? 5 : 100 / 180));
    expect(fitGbt(m, binning, y, { rounds: 0, weights: w }).base).toBeCloseTo(0, 9);
  });
});

describe('histograms of flags side by side', () => {
  it('keeps each feature in its own bins (the top bin of one never lands in the next)', () => {
    // Two yes/no flags (bins 1 and 2 each); churn is the second flag exactly, the first is noise.
    const n = 400;
    const rand = seededRandom(11);
    const X = new Float64Array(n * 2);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) {
      X[i * 2] = rand() < 0.5 ? 1 : 0;
      X[i * 2 + 1] = rand() < 0.3 ? 1 : 0;
      y[i] = X[i * 2 + 1]!;
    }
    const binning = fitBinning(X, n, 2);
    const m = applyBinning(binning, X, n);
    const model = fitGbt(m, binning, y, { rounds: 5, maxDepth: 1, minLeaf: 5 });
    expect(model.trees.every((t) => t.feature[0] === 1)).toBe(true);
    expect(rocAuc(predictGbtRaw(model, m), y)!.value).toBe(1);
  });
});
