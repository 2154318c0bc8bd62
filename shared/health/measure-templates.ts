// The measures the model editor can add to a model: the model measures (churn probability, P(alive),
// CLV percentile) with scoring of their own, and every other metric with the scoring of the first
// preset measure built on it, so a consultant adds a measure a committee has seen before and tunes
// it in the workshop.

import type { HealthMeasure } from './model';
import { HEALTH_METRICS, type HealthMetric } from './metrics';
import type { ModelMetric } from './model-sources';
import { HEALTH_PRESETS } from './presets';

/**
 * Model measures. Churn probability: 100 points at 10% or below, 0 at 60% or above, straight line
 * between (60% is the churn-risk rule's threshold; most customers of a client with a 20% base rate
 * land in between). P(alive): 0 at 20% or below, 100 at 90% or above. CLV percentile: 0 for the
 * lowest-value customer, 100 from the median up (a low expected value lowers health; a high one
 * cannot make up for the other measures' warnings).
 */
export const MODEL_MEASURE_TEMPLATES: Record<ModelMetric, HealthMeasure> = {
  churnProbabilityPct: {
    id: 'churnRisk',
    metric: 'churnProbabilityPct',
    labelKey: 'measures.churnRisk',
    weight: 20,
    scoring: { kind: 'linear', worst: 60, best: 10 },
  },
  pAlivePct: {
    id: 'pAlive',
    metric: 'pAlivePct',
    labelKey: 'measures.pAlive',
    weight: 15,
    scoring: { kind: 'linear', worst: 20, best: 90 },
  },
  clvPercentile: {
    id: 'clvPercentile',
    metric: 'clvPercentile',
    labelKey: 'measures.clvPercentile',
    weight: 10,
    scoring: { kind: 'linear', worst: 0, best: 50 },
  },
};

function copy(m: HealthMeasure): HealthMeasure {
  return JSON.parse(JSON.stringify(m)) as HealthMeasure;
}

/** A new measure on `metric` under an id not in `takenIds`; null when no template exists for the metric. */
export function measureTemplate(metric: HealthMetric, takenIds: ReadonlySet<string>): HealthMeasure | null {
  const base =
    (MODEL_MEASURE_TEMPLATES as Partial<Record<HealthMetric, HealthMeasure>>)[metric] ??
    HEALTH_PRESETS.flatMap((p) => p.measures).find((m) => m.metric === metric) ??
    null;
  if (!base) return null;
  const m = copy(base);
  let id = m.id;
  for (let k = 2; takenIds.has(id); k += 1) id = `${m.id}-${k}`;
  m.id = id;
  return m;
}

/** The metrics the editor offers to add (those with a template), model measures first. */
export function addableMetrics(): HealthMetric[] {
  const model = Object.keys(MODEL_MEASURE_TEMPLATES) as HealthMetric[];
  const rest = HEALTH_METRICS.filter((m) => !model.includes(m) && HEALTH_PRESETS.some((p) => p.measures.some((x) => x.metric === m)));
  return [...model, ...rest];
}
