// Fitting, calibrating, evaluating and explaining a churn model on feature sets already labelled.
// The engine supplies the feature sets (history: one per cutoff; column: one snapshot) and awaits
// `checkpoint` between fits, so a cancel stops a long fit between folds.

import { applyDesign, fitDesign, rawValue, type DesignOptions, type DesignSpec, type RawFeatureSet } from './design';
import { brierScore, liftTable, prAuc, reliabilityTable, rocAuc } from './evaluation';
import { applyBinning, fitBinning, fitGbt, gbtContributions, permutationImportance, predictGbtRaw, type GbtModel } from './gbt';
import { applyPlatt, balancedWeights, fitLogistic, fitPlatt, oddsRatio, predictLogit, sigmoid, type LogisticFit, type PlattScaling } from './logistic';
import { applyIsotonic, fitIsotonic, type IsotonicCalibration } from './isotonic';
import { stratifiedFolds } from './random';
import {
  CHURN_CALIBRATIONS,
  type CalibrationReport,
  type ChurnCalibration,
  type ChurnDriver,
  type ChurnEvaluation,
  type ChurnParams,
  type ChurnReason,
  type ChurnStatus,
  type ChurnSplit,
} from './types';

export interface FitHooks {
  /** Awaited between fits and rounds; throws to cancel. */
  checkpoint?: () => Promise<void>;
  /** Called synchronously inside a fit (between Newton steps / trees); throws to cancel. */
  check?: () => void;
  progress?: (step: string, done: number, total: number | null) => void;
}

export type ModelParams = Pick<ChurnParams, 'model' | 'l2' | 'balance' | 'folds' | 'seed'> & Partial<Pick<ChurnParams, 'calibration'>>;

/** A fitted map from the model's log-odds to probabilities. */
export type Calibrator = { method: 'platt'; platt: PlattScaling } | { method: 'isotonic'; isotonic: IsotonicCalibration };

export type BareModel = { kind: 'logistic'; fit: LogisticFit } | { kind: 'gbt'; fit: GbtModel };

export interface TrainedChurnModel {
  spec: DesignSpec;
  model: BareModel;
  /** Maps the model's log-odds to calibrated probabilities; null = the model's own probabilities. */
  calibrator: Calibrator | null;
}

/**
 * Pseudo-customers at the calibration split's churn rate added to each isotonic block: a block of a
 * handful of customers who all churned (or none did) would otherwise give 100% (or 0%).
 */
export const ISOTONIC_SHRINK_STRENGTH = 2;

/** Fits a calibration on held-out (out-of-fold) log-odds and their outcomes. */
export function fitCalibrator(method: ChurnCalibration, logit: ArrayLike<number>, y: ArrayLike<number>): Calibrator {
  if (method === 'platt') return { method, platt: fitPlatt(logit, y) };
  let churned = 0;
  for (let i = 0; i < y.length; i += 1) churned += (y[i] as number) > 0 ? 1 : 0;
  const prior = y.length ? churned / y.length : 0;
  return { method, isotonic: fitIsotonic(logit, y, undefined, { prior, strength: ISOTONIC_SHRINK_STRENGTH }) };
}

export function applyCalibrator(c: Calibrator, logit: number): number {
  return c.method === 'isotonic' ? applyIsotonic(c.isotonic, logit) : applyPlatt(c.platt, logit);
}

/** Gradient-boosting settings: 100 trees of depth 3 with shrinkage 0.1 (small client data overfit deeper trees). */
export const GBT_SETTINGS = { rounds: 100, learningRate: 0.1, maxDepth: 3, minLeaf: 20, l2: 1 } as const;

/** Minimums below which no model is shown: customers and churned customers in each of train and test. */
export const MIN_CUSTOMERS = 50;
export const MIN_CHURNED = 10;
/** A validation AUC above this on ordinary customer data is almost always leakage. */
export const LEAK_AUC = 0.95;

/** `warm`: a fit to start from (logistic only; the optimum does not depend on it, only the steps to reach it). */
export function fitBare(X: Float64Array, n: number, p: number, y: Uint8Array, params: ModelParams, hooks: FitHooks = {}, warm?: BareModel): BareModel {
  const weights = params.balance ? balancedWeights(y) : undefined;
  if (params.model === 'logistic') {
    const init = warm?.kind === 'logistic' ? [warm.fit.intercept, ...warm.fit.coef] : undefined;
    return { kind: 'logistic', fit: fitLogistic(X, n, p, y, { l2: params.l2, weights, onIteration: hooks.check, init }) };
  }
  const binning = fitBinning(X, n, p);
  return { kind: 'gbt', fit: fitGbt(applyBinning(binning, X, n), binning, y, { ...GBT_SETTINGS, weights, onRound: hooks.check }) };
}

export function bareScores(m: BareModel, X: Float64Array, n: number, p: number): Float64Array {
  return m.kind === 'logistic' ? predictLogit(m.fit, X, n, p) : predictGbtRaw(m.fit, applyBinning(m.fit.binning, X, n));
}

/**
 * Out-of-fold log-odds: each customer scored by the model fitted on the other folds. `warm`: the fit
 * on all rows, which each fold's logistic fit starts from (its optimum is close: ~3 Newton steps instead of ~6).
 */
export async function outOfFold(
  X: Float64Array,
  n: number,
  p: number,
  y: Uint8Array,
  params: ModelParams,
  hooks: FitHooks = {},
  warm?: BareModel,
): Promise<{ scores: Float64Array; fold: Int32Array }> {
  const fold = stratifiedFolds(y, params.folds, params.seed);
  const scores = new Float64Array(n);
  for (let k = 0; k < params.folds; k += 1) {
    await hooks.checkpoint?.();
    hooks.progress?.('folds', k, params.folds);
    const tr: number[] = [];
    const te: number[] = [];
    for (let i = 0; i < n; i += 1) (fold[i] === k ? te : tr).push(i);
    const m = fitBare(rowsOf(X, p, tr), tr.length, p, pick(y, tr), params, hooks, warm);
    const s = bareScores(m, rowsOf(X, p, te), te.length, p);
    te.forEach((i, r) => (scores[i] = s[r] as number));
  }
  return { scores, fold };
}

export function rowsOf(X: Float64Array, p: number, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length * p);
  rows.forEach((i, r) => out.set(X.subarray(i * p, i * p + p), r * p));
  return out;
}

function pick(y: Uint8Array, rows: readonly number[]): Uint8Array {
  return Uint8Array.from(rows, (i) => y[i] as number);
}

/**
 * Design, fit and calibration on one labelled set. With class balancing the fitted probabilities
 * are inflated toward 50%; a calibration fitted on out-of-fold scores of the same customers maps them
 * back to observed rates (scikit-learn's CalibratedClassifierCV(method='sigmoid' | 'isotonic',
 * ensemble=False) does the same). The test customers never enter it.
 */
export async function trainCalibrated(
  raw: RawFeatureSet,
  y: Uint8Array,
  params: ModelParams,
  design: DesignOptions,
  hooks: FitHooks = {},
): Promise<TrainedChurnModel & { oof: Float64Array }> {
  const spec = fitDesign(raw, y, design);
  const n = raw.keys.length;
  const p = spec.columns.length;
  const X = applyDesign(spec, raw);
  const model = fitBare(X, n, p, y, params, hooks);
  const oof = (await outOfFold(X, n, p, y, params, hooks, model)).scores;
  const calibrator = fitCalibrator(params.calibration ?? 'platt', oof, y);
  await hooks.checkpoint?.();
  return { spec, model, calibrator, oof };
}

export function predictProba(t: TrainedChurnModel, raw: RawFeatureSet): { X: Float64Array; logit: Float64Array; prob: Float64Array } {
  const n = raw.keys.length;
  const p = t.spec.columns.length;
  const X = applyDesign(t.spec, raw);
  const logit = bareScores(t.model, X, n, p);
  const prob = calibrate(t, logit);
  return { X, logit, prob };
}

export function calibrate(t: Pick<TrainedChurnModel, 'calibrator'>, logit: ArrayLike<number>): Float64Array {
  const prob = new Float64Array(logit.length);
  for (let i = 0; i < logit.length; i += 1) prob[i] = t.calibrator ? applyCalibrator(t.calibrator, logit[i] as number) : sigmoid(logit[i] as number);
  return prob;
}

/**
 * Out-of-fold probabilities for k-fold evaluation: each fold's log-odds calibrated by a fit on the
 * other folds' out-of-fold log-odds, so no customer's calibration has seen them. Returns the smallest
 * number of customers a fold's calibration was fitted on.
 */
export function crossCalibrate(
  method: ChurnCalibration,
  oof: Float64Array,
  y: Uint8Array,
  fold: Int32Array,
  folds: number,
): { prob: Float64Array; fittedOn: number } {
  const n = oof.length;
  const prob = new Float64Array(n);
  let fittedOn = n;
  for (let k = 0; k < folds; k += 1) {
    const others: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < n; i += 1) {
      if (fold[i] === k) continue;
      others.push(oof[i] as number);
      ys.push(y[i] as number);
    }
    fittedOn = Math.min(fittedOn, others.length);
    const c = fitCalibrator(method, others, ys);
    for (let i = 0; i < n; i += 1) if (fold[i] === k) prob[i] = applyCalibrator(c, oof[i] as number);
  }
  return { prob, fittedOn };
}

/**
 * The recalibration measured on the test customers: the model's own probabilities (sigmoid of its
 * log-odds) against the chosen method, and the Brier score each method gets. `probOf(method)` gives
 * the test probabilities under a method whose calibration was fitted away from the test customers.
 */
export function calibrationReport(
  method: ChurnCalibration,
  fittedOn: number,
  testLogit: ArrayLike<number>,
  y: Uint8Array,
  probOf: (m: ChurnCalibration) => Float64Array,
): CalibrationReport {
  const raw = new Float64Array(testLogit.length);
  for (let i = 0; i < raw.length; i += 1) raw[i] = sigmoid(testLogit[i] as number);
  const brierByMethod = Object.fromEntries(CHURN_CALIBRATIONS.map((m) => [m, brierScore(probOf(m), y)])) as Record<ChurnCalibration, number>;
  return { method, fittedOn, before: { brier: brierScore(raw, y), reliability: reliabilityTable(raw, y) }, brierByMethod };
}

export function countChurned(y: ArrayLike<number>): number {
  let c = 0;
  for (let i = 0; i < y.length; i += 1) c += (y[i] as number) > 0 ? 1 : 0;
  return c;
}

/** Whether the data are big enough to fit at all; null when they are. */
export function sizeStatus(splits: ChurnSplit[]): ChurnStatus | null {
  if (splits.some((s) => s.customers < MIN_CUSTOMERS)) return 'too-small';
  if (splits.some((s) => s.churned < MIN_CHURNED || s.customers - s.churned < MIN_CHURNED)) return 'too-few-churned';
  return null;
}

/** The evaluation of held-out probabilities (and, for ranking, the same scores). */
export function evaluate(
  prob: Float64Array,
  y: Uint8Array,
  scheme: ChurnEvaluation['scheme'],
  train: ChurnSplit,
  test: ChurnSplit,
  params: Pick<ChurnParams, 'folds' | 'seed'>,
): ChurnEvaluation {
  const base = test.customers ? test.churned / test.customers : 0;
  const roc = rocAuc(prob, y);
  const pr = prAuc(prob, y, { seed: params.seed });
  const brier = brierScore(prob, y);
  const brierBaseline = base * (1 - base);
  let status: ChurnStatus = 'ok';
  if (roc && roc.value > LEAK_AUC) status = 'probable-leakage';
  else if (!roc || (roc.low !== null && roc.low <= 0.5) || brier >= brierBaseline) status = 'no-better-than-base';
  return {
    status,
    scheme,
    folds: scheme === 'kfold' ? params.folds : null,
    train,
    test,
    baseRate: base,
    rocAuc: roc,
    prAuc: pr,
    brier,
    brierBaseline,
    lift: liftTable(prob, y),
    reliability: reliabilityTable(prob, y),
    calibration: null,
  };
}

/** An evaluation with no model: the data are too small. */
export function emptyEvaluation(
  status: ChurnStatus,
  scheme: ChurnEvaluation['scheme'],
  train: ChurnSplit,
  test: ChurnSplit,
  folds: number | null,
): ChurnEvaluation {
  return {
    status,
    scheme,
    folds,
    train,
    test,
    baseRate: test.customers ? test.churned / test.customers : 0,
    rocAuc: null,
    prAuc: null,
    brier: null,
    brierBaseline: null,
    lift: [],
    reliability: [],
    calibration: null,
  };
}

/**
 * Logistic drivers: odds ratio per standard deviation (numbers; the design standardises them) or of
 * having the level / the value missing, with Wald intervals.
 */
export function logisticDrivers(t: TrainedChurnModel): ChurnDriver[] {
  if (t.model.kind !== 'logistic') return [];
  const fit = t.model.fit;
  return (
    t.spec.columns
      .map((c, j): ChurnDriver => {
        const or = oddsRatio(fit, j);
        const direction = or.low !== null && or.high !== null ? (or.low > 1 ? 1 : or.high < 1 ? -1 : 0) : 0;
        return { ...c.ref, kind: 'odds-ratio', value: or.value, low: or.low, high: or.high, direction };
      })
      // Drivers whose interval excludes 1 first, then by size of effect: a wide interval on a rare
      // level must not lead the list a committee reads.
      .sort((a, b) => Math.abs(b.direction) - Math.abs(a.direction) || Math.abs(Math.log(b.value)) - Math.abs(Math.log(a.value)) || (a.id < b.id ? -1 : 1))
  );
}

/** Tree drivers: permutation importance on held-out customers; direction from the mean contribution sign against the feature. */
export function gbtDrivers(t: TrainedChurnModel, raw: RawFeatureSet, y: Uint8Array, seed: number, hooks: FitHooks = {}): ChurnDriver[] {
  if (t.model.kind !== 'gbt') return [];
  const model = t.model.fit;
  const n = raw.keys.length;
  const X = applyDesign(t.spec, raw);
  const m = applyBinning(model.binning, X, n);
  const imp = permutationImportance(model, m, y, { seed, repeats: 3, onFeature: () => hooks.check?.() });
  // Direction: correlation between a column's value and its contribution.
  const p = t.spec.columns.length;
  const sxy = new Float64Array(p);
  for (let i = 0; i < n; i += 1) {
    const c = gbtContributions(model, m, i);
    for (let j = 0; j < p; j += 1) sxy[j] = (sxy[j] as number) + (X[i * p + j] as number) * (c[j] as number);
  }
  return t.spec.columns
    .map((c, j): ChurnDriver => {
      const v = imp[j] as number;
      const direction = v > 0.001 ? (Math.sign(sxy[j] as number) as -1 | 0 | 1) : 0;
      return { ...c.ref, kind: 'permutation', value: v, low: null, high: null, direction };
    })
    .sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : 1));
}

/**
 * The features pushing one customer's log-odds up the most, against an average customer (for the
 * logistic model: coefficient × standardised value; for trees: Saabas contributions).
 */
export function topReasons(t: TrainedChurnModel, raw: RawFeatureSet, X: Float64Array, i: number, count = 3): ChurnReason[] {
  const p = t.spec.columns.length;
  let effects: Float64Array;
  if (t.model.kind === 'logistic') {
    effects = new Float64Array(p);
    for (let j = 0; j < p; j += 1) effects[j] = (t.model.fit.coef[j] as number) * (X[i * p + j] as number);
  } else {
    const row = applyBinning(t.model.fit.binning, X.subarray(i * p, i * p + p), 1);
    effects = gbtContributions(t.model.fit, row, 0);
  }
  const order = Array.from({ length: p }, (_, j) => j)
    .filter((j) => (effects[j] as number) > 1e-9)
    .sort((a, b) => (effects[b] as number) - (effects[a] as number));
  return order.slice(0, count).map((j) => {
    const c = t.spec.columns[j]!;
    return { ...c.ref, value: rawValue(c, raw, i), effect: effects[j] as number };
  });
}
