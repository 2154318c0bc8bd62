// The churn-risk model's plain-data results, shared by the engine, the CLI, the UI and reports.
// Order matters to every reader: a run states its evaluation first, then its drivers, then scores.
import { z } from 'zod';

export const CHURN_LABEL_SOURCES = ['history', 'column'] as const;
export type ChurnLabelSource = (typeof CHURN_LABEL_SOURCES)[number];
export const CHURN_MODEL_KINDS = ['logistic', 'gbt'] as const;
export type ChurnModelKind = (typeof CHURN_MODEL_KINDS)[number];
/** platt: a sigmoid of the log-odds (two parameters); isotonic: a non-decreasing step function (pool-adjacent-violators). */
export const CHURN_CALIBRATIONS = ['platt', 'isotonic'] as const;
export type ChurnCalibration = (typeof CHURN_CALIBRATIONS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** What a fit is asked for; every field has a default so `{}` is a valid request. */
export const ChurnParamsSchema = z.object({
  /** history: churn that followed a cutoff date; column: the customer list's status / churn flag. */
  label: z.enum(CHURN_LABEL_SOURCES).default('history'),
  /**
   * history: the test cutoff (train runs one horizon earlier); column: ignored. Default: the latest
   * cutoff whose horizon the data covers (the as-of date minus the horizon).
   */
  cutoff: isoDate.optional(),
  /** Days after the cutoff in which a customer must stop being active to count as churned. */
  horizonDays: z.int().min(30).max(730).default(180),
  model: z.enum(CHURN_MODEL_KINDS).default('logistic'),
  /** Stratified folds for column labels (and for the recalibration of history labels). */
  folds: z.int().min(2).max(10).default(5),
  /** L2 penalty strength of the logistic model (sklearn's 1/C, on standardised features). */
  l2: z.number().min(0).max(1000).default(1),
  /** Reweight the classes to balance them (the probabilities are recalibrated afterwards: see calibration). */
  balance: z.boolean().default(true),
  /**
   * How the model's scores become probabilities: fitted on the training customers' out-of-fold scores
   * (the calibration split), never on the test customers. Runs stored before the choice existed used Platt.
   */
  calibration: z.enum(CHURN_CALIBRATIONS).default('platt'),
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
});
export type ChurnParams = z.output<typeof ChurnParamsSchema>;
export type ChurnParamsInput = z.input<typeof ChurnParamsSchema>;

/**
 * Whether the evaluation supports showing the model. Anything but 'ok' means the UI and CLI say the
 * status (churn:status.<status>) instead of presenting drivers and scores as findings.
 */
export const CHURN_STATUSES = ['ok', 'too-small', 'too-few-churned', 'no-better-than-base', 'probable-leakage'] as const;
export type ChurnStatus = (typeof CHURN_STATUSES)[number];

export interface Interval {
  value: number;
  /** 95% interval (DeLong for ROC AUC, bootstrap for PR AUC); null when it cannot be estimated. */
  low: number | null;
  high: number | null;
}

/** One decile of the test customers ranked by predicted risk (decile 1 = riskiest tenth). */
export interface LiftRow {
  decile: number;
  customers: number;
  churned: number;
  /** churned / customers in the decile. */
  rate: number;
  /** rate / base rate. */
  lift: number;
  /** Share of all churned customers found in deciles 1..decile (cumulative gains). */
  cumulativeGain: number;
  /** Share of customers in deciles 1..decile. */
  cumulativeShare: number;
}

/** One bin of predicted probability: the calibration plot and the reliability table. */
export interface ReliabilityRow {
  from: number;
  to: number;
  customers: number;
  meanPredicted: number;
  observedRate: number;
}

export interface ChurnSplit {
  /** history: the cutoff the labels start from; column: null. */
  cutoff: string | null;
  customers: number;
  churned: number;
}

/** The recalibration step, measured on the test customers before and after it. */
export interface CalibrationReport {
  method: ChurnCalibration;
  /**
   * Customers whose out-of-fold scores the calibration was fitted on: the training customers (time
   * hold-out), or the other folds' customers (k-fold: the smallest such set over the folds).
   */
  fittedOn: number;
  /** The model's own probabilities on the test customers (inflated toward 50% by class balancing). */
  before: { brier: number; reliability: ReliabilityRow[] };
  /** The test customers' Brier score under each method, both fitted on the same out-of-fold scores. */
  brierByMethod: Record<ChurnCalibration, number>;
}

export interface ChurnEvaluation {
  status: ChurnStatus;
  /** time-holdout: trained at an earlier cutoff, tested at a later one; kfold: stratified cross-validation. */
  scheme: 'time-holdout' | 'kfold';
  folds: number | null;
  train: ChurnSplit;
  test: ChurnSplit;
  /** Churned share of the test customers: what a model must beat. */
  baseRate: number;
  rocAuc: Interval | null;
  prAuc: Interval | null;
  brier: number | null;
  /** Brier score of always predicting the base rate. */
  brierBaseline: number | null;
  lift: LiftRow[];
  /** After recalibration: these rows and `brier` are what the probabilities shown are worth. */
  reliability: ReliabilityRow[];
  /** Absent in runs stored before recalibration was reported; null when no model was fitted. */
  calibration?: CalibrationReport | null;
}

/**
 * A feature by id and how to name it: `key` is a catalogue key with its namespace
 * (health:metrics.daysSinceLastOrder, health:signals.silent.name, churn:features.level, ...), params
 * fill it (e.g. { column: 'industry', level: '制造业' } for a one-hot level; a column is named by
 * churn:columns.<column>). featureLabel() in shared/churn/labels.ts turns one into words.
 */
export interface FeatureRef {
  id: string;
  key: string;
  params?: Record<string, string | number>;
}

export const FEATURE_DROP_REASONS = ['constant', 'leak', 'sparse'] as const;
export type FeatureDropReason = (typeof FEATURE_DROP_REASONS)[number];

export interface FeatureReport {
  used: (FeatureRef & { coverage: number })[];
  dropped: (FeatureRef & { reason: FeatureDropReason; coverage: number })[];
}

/** A driver of the model: an odds ratio per standard deviation (logistic) or permutation importance (gbt). */
export interface ChurnDriver extends FeatureRef {
  kind: 'odds-ratio' | 'permutation';
  /** Odds ratio per one-SD increase (per level for a one-hot), or the AUC lost when the feature is shuffled. */
  value: number;
  low: number | null;
  high: number | null;
  /** +1 raises risk, -1 lowers it, 0 unclear (interval straddles 1 / importance ≈ 0). */
  direction: -1 | 0 | 1;
}

/** Why one customer scores as they do: a feature and its push on the log-odds. */
export interface ChurnReason extends FeatureRef {
  /** The customer's raw value (null = missing). */
  value: number | null;
  /** Contribution to the log-odds relative to an average customer (positive = riskier). */
  effect: number;
}

export interface ChurnScoreRow {
  customerKey: string;
  name: string | null;
  owner: string | null;
  /** Calibrated probability of churning within the horizon after the scoring date. */
  probability: number;
  /** 1 = riskiest. */
  rank: number;
  /** Revenue of the last 12 months (or 12 × MRR when larger) before the scoring date. */
  revenue12m: number;
  /** probability × revenue12m. */
  revenueAtStake: number;
  reasons: ChurnReason[];
}

export interface ChurnRunSummary {
  id: number;
  createdAt: string;
  label: string | null;
  params: ChurnParams;
  /** The date features were taken at for the scores (the data's latest date). */
  scoredAsOf: string;
  status: ChurnStatus;
  rocAuc: number | null;
  customers: number;
  durationMs: number;
}

export interface ChurnRun extends ChurnRunSummary {
  evaluation: ChurnEvaluation;
  features: FeatureReport;
  drivers: ChurnDriver[];
  /** The riskiest customers by revenue at stake (the full list is paged through churn.scores). */
  topAtStake: ChurnScoreRow[];
  /** Remarks the model wants read (missing data, columns the import did not keep): churn:notes.* keys. */
  notes: { key: string; params?: Record<string, string | number> }[];
}

export const CHURN_SCORE_SORTS = ['probability', 'revenueAtStake', 'customerKey'] as const;
export type ChurnScoreSort = (typeof CHURN_SCORE_SORTS)[number];

/** One early-warning rule replayed at past dates against the churn that followed. */
export interface RuleBacktest {
  ruleId: string;
  /** Customer-dates at which the rule fired. */
  fires: number;
  /** Share of fires followed by churn within the horizon. */
  precision: number | null;
  /** Share of churn events preceded by a fire of the rule. */
  recall: number | null;
  /** precision / base rate. */
  lift: number | null;
  /** Median days from the first fire before churn to the churn (null when none). */
  medianLeadDays: number | null;
}

export interface SignalBacktest {
  dates: string[];
  horizonDays: number;
  /** Customer-dates evaluated (active customers at each replay date). */
  observations: number;
  churned: number;
  baseRate: number;
  rules: RuleBacktest[];
}
