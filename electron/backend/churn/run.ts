// A churn-model run: labels, features before each cutoff, an honest evaluation (a time hold-out for
// history labels, stratified k-fold for an outcome column), a final model for drivers and today's
// scores, stored as a run. Awaits the cancel checkpoint between fits; runs in a job thread.

import type { WritableDB } from '../workspace/connection';
import type { CancelSignal } from '../../../shared/contract/define';
import { checkpoint, throwIfCancelled } from '../jobs';
import { defaultAsOf } from '../diagnostics/defaults';
import { getRules } from '../health/store';
import { addDays, daysFrom } from './dates';
import { featuresAt, subsetSnapshot, type FeatureSnapshot } from './features-sql';
import { activeAt, columnLabels, historyLabels, loadHistoryActivity } from './labels';
import { customerSnapshot } from './attributes-sql';
import { storeChurnRun } from './store';
import { attributeDefs } from '../workspace/repositories/customer-attributes';
import {
  calibrate,
  calibrationReport,
  countChurned,
  crossCalibrate,
  emptyEvaluation,
  evaluate,
  fitBare,
  fitCalibrator,
  gbtDrivers,
  logisticDrivers,
  outOfFold,
  predictProba,
  sizeStatus,
  topReasons,
  trainCalibrated,
  type FitHooks,
  type TrainedChurnModel,
} from '../../../shared/churn/pipeline';
import { applyDesign, fitDesign, type DesignOptions } from '../../../shared/churn/design';
import type { ChurnDriver, ChurnEvaluation, ChurnParams, ChurnRun, ChurnScoreRow, FeatureReport } from '../../../shared/churn/types';

export const CHURN_PHASES = ['features', 'fit', 'evaluate', 'score', 'store'] as const;

export interface ChurnRunOptions {
  params: ChurnParams;
  label: string | null;
  now: string;
  /** Defaults to the latest order date (diagnostics' as-of). */
  asOf?: string;
  progress?: (phase: (typeof CHURN_PHASES)[number], done: number, total: number | null) => void;
  signal?: CancelSignal;
}

type Note = ChurnRun['notes'][number];

/** How many of the riskiest-by-revenue customers the run document carries. */
const TOP_AT_STAKE = 25;

interface Fitted {
  evaluation: ChurnEvaluation;
  features: FeatureReport;
  drivers: ChurnDriver[];
  final: TrainedChurnModel | null;
  score: FeatureSnapshot | null;
}

export async function runChurnModel(sqlite: WritableDB, opts: ChurnRunOptions): Promise<{ runId: number; durationMs: number }> {
  const t0 = performance.now();
  const params = opts.params;
  const asOf = opts.asOf ?? defaultAsOf(sqlite);
  const hooks: FitHooks = {
    checkpoint: () => checkpoint(opts.signal),
    check: () => opts.signal && throwIfCancelled(opts.signal),
    progress: (_step, done, total) => opts.progress?.('fit', done, total),
  };
  const notes: Note[] = [];
  const fitted =
    params.label === 'history' ? await fitHistory(sqlite, asOf, params, opts, hooks, notes) : await fitColumn(sqlite, asOf, params, opts, hooks, notes);
  opts.progress?.('score', 0, null);
  await checkpoint(opts.signal);
  const scores =
    fitted.final && fitted.score && fitted.evaluation.status !== 'too-small' && fitted.evaluation.status !== 'too-few-churned'
      ? scoreRows(fitted.final, fitted.score)
      : [];
  const topAtStake = [...scores].sort((a, b) => b.revenueAtStake - a.revenueAtStake || (a.customerKey < b.customerKey ? -1 : 1)).slice(0, TOP_AT_STAKE);
  opts.progress?.('store', 0, null);
  const durationMs = performance.now() - t0;
  const runId = storeChurnRun(sqlite, {
    createdAt: opts.now,
    label: opts.label,
    summary: { params, scoredAsOf: asOf, status: fitted.evaluation.status, rocAuc: fitted.evaluation.rocAuc?.value ?? null, durationMs },
    results: { evaluation: fitted.evaluation, features: fitted.features, drivers: fitted.drivers, notes, topAtStake },
    scores,
  });
  return { runId, durationMs };
}

const HISTORY_DESIGN: DesignOptions = { dropSnapshot: true, leakAuc: null };
// An outcome column has no date, so any feature may carry the outcome: one that alone separates
// churned from retained almost perfectly is dropped as a leak.
const COLUMN_DESIGN: DesignOptions = { dropSnapshot: false, leakAuc: 0.95 };

function labelled(s: FeatureSnapshot, labels: (0 | 1 | undefined)[]): { snap: FeatureSnapshot; y: Uint8Array } {
  const snap = subsetSnapshot(s, (_k, i) => labels[i] !== undefined);
  const y = Uint8Array.from(labels.filter((v): v is 0 | 1 => v !== undefined));
  return { snap, y };
}

async function fitHistory(sqlite: WritableDB, asOf: string, params: ChurnParams, opts: ChurnRunOptions, hooks: FitHooks, notes: Note[]): Promise<Fitted> {
  const h = params.horizonDays;
  const testCutoff = params.cutoff ?? addDays(asOf, -h);
  const trainCutoff = addDays(testCutoff, -h);
  if (daysFrom(testCutoff, asOf) < h) notes.push({ key: 'notes.horizonBeyondData', params: { cutoff: testCutoff, asOf, horizonDays: h } });
  const activity = loadHistoryActivity(sqlite, asOf);
  const def = activity.definition;
  notes.push({
    key: def.basis === 'contractual' ? 'notes.activityContract' : 'notes.activityWindow',
    params: { windowDays: def.windowDays ?? 0, source: def.source },
  });
  if (attributeDefs(sqlite).length) notes.push({ key: 'notes.historyAttributes' });
  const rules = getRules(sqlite);
  opts.progress?.('features', 0, 3);
  const trainAll = featuresAt(sqlite, trainCutoff, rules);
  const train = labelled(trainAll, historyLabels(activity, trainAll.raw.keys, trainCutoff, h));
  await checkpoint(opts.signal);
  opts.progress?.('features', 1, 3);
  const testAll = featuresAt(sqlite, testCutoff, rules);
  const test = labelled(testAll, historyLabels(activity, testAll.raw.keys, testCutoff, h));
  await checkpoint(opts.signal);
  opts.progress?.('features', 2, 3);
  const trainSplit = { cutoff: trainCutoff, customers: train.y.length, churned: countChurned(train.y) };
  const testSplit = { cutoff: testCutoff, customers: test.y.length, churned: countChurned(test.y) };
  const small = sizeStatus([trainSplit, testSplit]);
  if (small) {
    return {
      evaluation: emptyEvaluation(small, 'time-holdout', trainSplit, testSplit, null),
      features: { used: [], dropped: [] },
      drivers: [],
      final: null,
      score: null,
    };
  }
  opts.progress?.('fit', 0, null);
  const evalModel = await trainCalibrated(train.snap.raw, train.y, params, HISTORY_DESIGN, hooks);
  opts.progress?.('evaluate', 0, null);
  const held = predictProba(evalModel, test.snap.raw);
  const evaluation = evaluate(held.prob, test.y, 'time-holdout', trainSplit, testSplit, params);
  // Before and after recalibration, and the other method on the same training out-of-fold scores.
  evaluation.calibration = calibrationReport(params.calibration, train.y.length, held.logit, test.y, (m) =>
    m === params.calibration ? held.prob : calibrate({ calibrator: fitCalibrator(m, evalModel.oof, train.y) }, held.logit),
  );
  await checkpoint(opts.signal);
  // The model the drivers and today's scores come from: the same settings on the latest labelled cutoff.
  opts.progress?.('fit', 1, null);
  const final = await trainCalibrated(test.snap.raw, test.y, params, HISTORY_DESIGN, hooks);
  const drivers = params.model === 'logistic' ? logisticDrivers(final) : gbtDrivers(evalModel, test.snap.raw, test.y, params.seed, hooks);
  opts.progress?.('features', 3, 3);
  const nowAll = featuresAt(sqlite, asOf, rules);
  const score = subsetSnapshot(nowAll, (k) => activeAt(activity, k, asOf));
  return { evaluation, features: final.spec.report, drivers, final, score };
}

async function fitColumn(sqlite: WritableDB, asOf: string, params: ChurnParams, opts: ChurnRunOptions, hooks: FitHooks, notes: Note[]): Promise<Fitted> {
  notes.push({ key: 'notes.columnAttributesOnly' });
  const labels = columnLabels(sqlite);
  opts.progress?.('features', 0, 1);
  const all = customerSnapshot(sqlite, asOf);
  const ys = all.raw.keys.map((k) => labels.get(k));
  const data = labelled(all, ys);
  const split = { cutoff: null, customers: data.y.length, churned: countChurned(data.y) };
  if (labels.size === 0) notes.push({ key: 'notes.noOutcomeColumn' });
  const small = sizeStatus([split]);
  if (small)
    return {
      evaluation: emptyEvaluation(small, 'kfold', split, split, params.folds),
      features: { used: [], dropped: [] },
      drivers: [],
      final: null,
      score: null,
    };
  // Cross-validation: out-of-fold log-odds, each fold's probabilities calibrated by a fit on the
  // other folds' out-of-fold scores, so no customer's calibration has seen them.
  opts.progress?.('fit', 0, null);
  const spec = fitDesign(data.snap.raw, data.y, COLUMN_DESIGN);
  const p = spec.columns.length;
  const X = applyDesign(spec, data.snap.raw);
  const n = data.y.length;
  const model = fitBare(X, n, p, data.y, params, hooks);
  const { scores: oof, fold } = await outOfFold(X, n, p, data.y, params, hooks, model);
  const chosen = crossCalibrate(params.calibration, oof, data.y, fold, params.folds);
  opts.progress?.('evaluate', 0, null);
  const evaluation = evaluate(chosen.prob, data.y, 'kfold', split, split, params);
  evaluation.calibration = calibrationReport(params.calibration, chosen.fittedOn, oof, data.y, (m) =>
    m === params.calibration ? chosen.prob : crossCalibrate(m, oof, data.y, fold, params.folds).prob,
  );
  await checkpoint(opts.signal);
  const final: TrainedChurnModel = { spec, model, calibrator: fitCalibrator(params.calibration, oof, data.y) };
  const drivers = params.model === 'logistic' ? logisticDrivers(final) : gbtDrivers(final, data.snap.raw, data.y, params.seed, hooks);
  // Today's scores: the customers the list still holds as retained.
  const score = subsetSnapshot(all, (k) => labels.get(k) === 0);
  return { evaluation, features: spec.report, drivers, final, score };
}

function scoreRows(final: TrainedChurnModel, s: FeatureSnapshot): ChurnScoreRow[] {
  const { X, prob } = predictProba(final, s.raw);
  const order = Array.from(prob, (_, i) => i).sort((a, b) => (prob[b] as number) - (prob[a] as number) || (s.raw.keys[a]! < s.raw.keys[b]! ? -1 : 1));
  const rank = new Int32Array(prob.length);
  order.forEach((i, r) => (rank[i] = r + 1));
  return s.raw.keys.map((k, i) => {
    const probability = prob[i] as number;
    const revenue12m = s.revenue12m[i] as number;
    return {
      customerKey: k,
      name: s.names[i] ?? null,
      owner: s.owners[i] ?? null,
      probability,
      rank: rank[i] as number,
      revenue12m,
      revenueAtStake: probability * revenue12m,
      reasons: topReasons(final, s.raw, X, i),
    };
  });
}
