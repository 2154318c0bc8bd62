// The stored model runs a health run reads: the churn model's probabilities and the lifetime-value
// model's P(alive) and CLV. A health run names the run it used (or why it used none) in its
// parameters, so a churn-risk measure or signal states its source, and a measure without a value
// says why instead of counting as zero.

/** Why a health run read no churn (or CLV) run. */
export const SOURCE_ABSENCES = ['noRun', 'noRunBeforeAsOf', 'notUsable', 'expired', 'notFound'] as const;
export type SourceAbsence = (typeof SOURCE_ABSENCES)[number];

export interface ChurnSourceUsed {
  status: 'used';
  runId: number;
  /** The date the run scored customers at (features before it). */
  scoredAsOf: string;
  horizonDays: number;
  model: string;
  calibration: string;
  rocAuc: number | null;
  /** Customers the run scored; a customer not among them has no churn measure ('notScored'). */
  customers: number;
}

export interface ClvSourceUsed {
  status: 'used';
  runId: number;
  asOf: string;
  model: string;
  verdict: string;
  customers: number;
}

export interface SourceAbsent {
  status: 'absent';
  reason: SourceAbsence;
  /** Catalogue params of health:sources.absent.<reason> (run id, its date or status, the health as-of). */
  params: Record<string, string | number>;
}

export interface HealthRunSources {
  churn: ChurnSourceUsed | SourceAbsent;
  clv: ClvSourceUsed | SourceAbsent;
}

/** Which source a health metric reads; metrics not listed read the client's own data. */
export const MODEL_METRIC_SOURCE = {
  churnProbabilityPct: 'churn',
  pAlivePct: 'clv',
  clvPercentile: 'clv',
} as const;
export type ModelMetric = keyof typeof MODEL_METRIC_SOURCE;

export function isModelMetric(metric: string): metric is ModelMetric {
  return Object.prototype.hasOwnProperty.call(MODEL_METRIC_SOURCE, metric);
}

/** A churn probability is a prediction over the run's horizon: past it, the score says nothing about today. */
export function churnScoreExpired(scoredAsOf: string, horizonDays: number, asOf: string): boolean {
  const end = Date.parse(`${scoredAsOf}T00:00:00Z`) + horizonDays * 86_400_000;
  return Date.parse(`${asOf.slice(0, 10)}T00:00:00Z`) > end;
}

/** A translator of the health catalogue (keys without the namespace). */
export type HealthT = (key: string, params?: Record<string, string | number>) => string;

/** One line saying which run a source read, or why it read none. */
export function describeSource(kind: 'churn' | 'clv', s: ChurnSourceUsed | ClvSourceUsed | SourceAbsent, t: HealthT): string {
  // Coded values (a model kind, a status) read as words where the catalogue has them, else as the code.
  const word = (group: string, code: string | number | undefined): string =>
    code === undefined ? '' : t(`sources.codes.${group}.${code}`, { defaultValue: String(code) });
  if (s.status === 'absent') {
    const params: Record<string, string | number> = { ...s.params, model: t(`sources.modelName.${kind}`) };
    if (s.params.status !== undefined) params.status = word(kind === 'churn' ? 'churnStatus' : 'clvVerdict', s.params.status);
    return t(`sources.absent.${s.reason}`, params);
  }
  if ('scoredAsOf' in s) {
    return t('sources.usedChurn', {
      runId: s.runId,
      model: word('churnModel', s.model),
      calibration: word('calibration', s.calibration),
      scoredAsOf: s.scoredAsOf,
      horizonDays: s.horizonDays,
      auc: s.rocAuc === null ? '–' : s.rocAuc.toFixed(3),
      customers: s.customers,
    });
  }
  return t('sources.usedClv', {
    runId: s.runId,
    model: word('clvModel', s.model),
    asOf: s.asOf,
    verdict: word('clvVerdict', s.verdict),
    customers: s.customers,
  });
}

/**
 * Why one customer's model measure has no value: the run-level absence, or (the run was read) that
 * the run did not score this customer.
 */
export function measureAbsenceText(sources: HealthRunSources | null, metric: ModelMetric, t: HealthT): string {
  if (!sources) return t('sources.notRecorded');
  const kind = MODEL_METRIC_SOURCE[metric];
  const s = sources[kind];
  if (s.status === 'absent') return describeSource(kind, s, t);
  return t(`sources.notScored.${kind}`, { runId: s.runId });
}
