// Health score maths. score = Σ wᵢmᵢ / Σ wᵢ over the measures that HAVE a value: a measure with no
// data is left out and the remaining weights re-normalise (counting it as 0 would punish customers
// for gaps in the client's exports). Scoring reads a precomputed metric matrix (see metrics.ts) so a
// workshop slider can re-score 10,000 customers without allocating per customer.

import type { Bands, HealthModel, MeasureScoring } from './model';
import type { HealthMetric, MetricValues } from './metrics';
import { METRIC_COUNT, SIGNAL_METRICS, metricIndex, metricRow } from './metrics';

export const BANDS = ['red', 'yellow', 'green'] as const;
export type Band = (typeof BANDS)[number];
/**
 * noCustomerData: only the signal counts scored. Zero signals earn full points, so a customer with no
 * purchase, contract, usage, service or survey data would read 100 / green on the absence of data
 * (the IBM Telco snapshot: every customer green); such a customer gets no score instead.
 */
export type NoScoreReason = 'allMeasuresNA' | 'onlyZeroWeights' | 'noCustomerData';
export type Trend = 'up' | 'down' | 'same';

/** Points 0-100 for one value; NaN when the value is missing or falls outside a grid with no fallback. */
export type PointsFn = (value: number) => number;

export function compileScoring(scoring: MeasureScoring): PointsFn {
  switch (scoring.kind) {
    case 'thresholds': {
      const higher = scoring.direction === 'higherIsBetter';
      // Best step first, so the first step the value meets is the one it earns.
      const steps = [...scoring.steps].sort((a, b) => (higher ? b.bound - a.bound : a.bound - b.bound));
      const bounds = Float64Array.from(steps, (s) => s.bound);
      const pts = Float64Array.from(steps, (s) => s.points);
      const otherwise = scoring.otherwise;
      return higher
        ? (v) => {
            if (Number.isNaN(v)) return Number.NaN;
            for (let i = 0; i < bounds.length; i++) if (v >= (bounds[i] as number)) return pts[i] as number;
            return otherwise;
          }
        : (v) => {
            if (Number.isNaN(v)) return Number.NaN;
            for (let i = 0; i < bounds.length; i++) if (v <= (bounds[i] as number)) return pts[i] as number;
            return otherwise;
          };
    }
    case 'grid': {
      const mins = Float64Array.from(scoring.ranges, (r) => r.min ?? Number.NEGATIVE_INFINITY);
      const maxs = Float64Array.from(scoring.ranges, (r) => r.max ?? Number.POSITIVE_INFINITY);
      const pts = Float64Array.from(scoring.ranges, (r) => r.points);
      const otherwise = scoring.otherwise ?? Number.NaN;
      return (v) => {
        if (Number.isNaN(v)) return Number.NaN;
        for (let i = 0; i < pts.length; i++) {
          if (v >= (mins[i] as number) && v < (maxs[i] as number)) return pts[i] as number;
        }
        return otherwise;
      };
    }
    case 'linear': {
      const { worst, best } = scoring;
      const span = best - worst;
      return (v) => {
        if (Number.isNaN(v)) return Number.NaN;
        const t = (v - worst) / span;
        return t <= 0 ? 0 : t >= 1 ? 100 : t * 100;
      };
    }
  }
}

/** Points one measure's scoring gives a value (null in, null out). */
export function measurePoints(scoring: MeasureScoring, value: number | null): number | null {
  const p = compileScoring(scoring)(value ?? Number.NaN);
  return Number.isNaN(p) ? null : p;
}

/** True for a measure that reads the customer's data, false for the signal counts (see NoScoreReason). */
export function isDataMetric(metric: HealthMetric): boolean {
  return !(SIGNAL_METRICS as readonly HealthMetric[]).includes(metric);
}

export interface CompiledModel {
  readonly model: HealthModel;
  /** 1 when measure i reads the customer's data, 0 for a signal count. */
  readonly isData: Uint8Array;
  readonly size: number;
  readonly metricIdx: Int32Array;
  readonly weights: Float64Array;
  readonly points: readonly PointsFn[];
  readonly lowest: boolean;
  readonly bands: Bands;
}

/** Compile once per model edit; a slider move recompiles (microseconds) and re-runs scoreMatrix. */
export function compileModel(model: HealthModel): CompiledModel {
  return {
    model,
    isData: Uint8Array.from(model.measures, (m) => (isDataMetric(m.metric) ? 1 : 0)),
    size: model.measures.length,
    metricIdx: Int32Array.from(model.measures, (m) => metricIndex(m.metric)),
    weights: Float64Array.from(model.measures, (m) => m.weight),
    points: model.measures.map((m) => compileScoring(m.scoring)),
    lowest: model.aggregation === 'lowest',
    bands: model.bands,
  };
}

/** Score of the customer whose metrics start at `offset` in `matrix`; NaN when there is no score. */
export function scoreRow(c: CompiledModel, matrix: Float64Array, offset: number): number {
  let num = 0;
  let den = 0;
  let min = Number.POSITIVE_INFINITY;
  let data = 0;
  for (let i = 0; i < c.size; i++) {
    const w = c.weights[i] as number;
    if (w === 0) continue; // weight 0 switches a measure off in a what-if
    const p = (c.points[i] as PointsFn)(matrix[offset + (c.metricIdx[i] as number)] as number);
    if (Number.isNaN(p)) continue;
    num += w * p;
    den += w;
    data += c.isData[i] as number;
    if (p < min) min = p;
  }
  // Signal counts alone are no score (NoScoreReason noCustomerData).
  if (den === 0 || data === 0) return Number.NaN;
  return c.lowest ? min : num / den;
}

/** Scores for every row of a metric matrix (NaN = no score). Pass `out` to reuse a buffer. */
export function scoreMatrix(c: CompiledModel, matrix: Float64Array, out?: Float64Array): Float64Array {
  const n = Math.floor(matrix.length / METRIC_COUNT);
  const scores = out && out.length >= n ? out : new Float64Array(n);
  for (let r = 0; r < n; r++) scores[r] = scoreRow(c, matrix, r * METRIC_COUNT);
  return scores;
}

export function bandOf(bands: Bands, score: number | null): Band | null {
  if (score == null || Number.isNaN(score)) return null;
  if (score <= bands.redMax) return 'red';
  if (score <= bands.yellowMax) return 'yellow';
  return 'green';
}

export interface BandCounts {
  red: number;
  yellow: number;
  green: number;
  none: number;
}

export function countBands(bands: Bands, scores: Float64Array, n = scores.length): BandCounts {
  const out: BandCounts = { red: 0, yellow: 0, green: 0, none: 0 };
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    if (Number.isNaN(s)) out.none++;
    else if (s <= bands.redMax) out.red++;
    else if (s <= bands.yellowMax) out.yellow++;
    else out.green++;
  }
  return out;
}

/**
 * Band counts per group (tier, owner): `groupOf[i]` is row i's group index. Result is
 * groupCount × 4, laid out [red, yellow, green, none] per group.
 */
export function countBandsByGroup(bands: Bands, scores: Float64Array, groupOf: ArrayLike<number>, groupCount: number): Int32Array {
  const out = new Int32Array(groupCount * 4);
  const n = Math.min(scores.length, groupOf.length);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i] as number;
    if (g < 0 || g >= groupCount) continue;
    const s = scores[i] as number;
    const k = Number.isNaN(s) ? 3 : s <= bands.redMax ? 0 : s <= bands.yellowMax ? 1 : 2;
    const at = g * 4 + k;
    out[at] = (out[at] as number) + 1;
  }
  return out;
}

export interface MeasureBreakdown {
  measureId: string;
  metric: HealthMetric;
  value: number | null;
  points: number | null; // null = NA, left out of the score
  weight: number;
  /** This measure's share of the score: wᵢ / Σw over scored measures (lowest: 1 for the deciding one). */
  share: number;
  /** points × share; the contributions add up to the score. */
  contribution: number;
}

export type HealthScore =
  { score: number; band: Band; reason: null; measures: MeasureBreakdown[] } | { score: null; band: null; reason: NoScoreReason; measures: MeasureBreakdown[] };

/**
 * One customer's score with "what the score is made of". Allocates; meant for a health card or a
 * stored run, not for the what-if loop (use scoreMatrix there).
 */
export function scoreCustomer(model: HealthModel, values: Float64Array | Partial<MetricValues>): HealthScore {
  const row = values instanceof Float64Array ? values : metricRow(values);
  const measures: MeasureBreakdown[] = model.measures.map((m) => {
    const raw = row[metricIndex(m.metric)] as number;
    const p = compileScoring(m.scoring)(raw);
    return {
      measureId: m.id,
      metric: m.metric,
      value: Number.isNaN(raw) ? null : raw,
      points: Number.isNaN(p) ? null : p,
      weight: m.weight,
      share: 0,
      contribution: 0,
    };
  });
  const scored = measures.filter((m) => m.points !== null && m.weight > 0);
  if (scored.length === 0) {
    const anyValue = measures.some((m) => m.points !== null);
    return { score: null, band: null, reason: anyValue ? 'onlyZeroWeights' : 'allMeasuresNA', measures };
  }
  if (!scored.some((m) => isDataMetric(m.metric))) return { score: null, band: null, reason: 'noCustomerData', measures };
  let score: number;
  if (model.aggregation === 'lowest') {
    let decider = scored[0] as MeasureBreakdown;
    for (const m of scored) if ((m.points as number) < (decider.points as number)) decider = m;
    decider.share = 1;
    decider.contribution = decider.points as number;
    score = decider.contribution;
  } else {
    const den = scored.reduce((s, m) => s + m.weight, 0);
    score = 0;
    for (const m of scored) {
      m.share = m.weight / den;
      m.contribution = (m.points as number) * m.share;
      score += m.contribution;
    }
  }
  return { score, band: bandOf(model.bands, score) as Band, reason: null, measures };
}

/** The bare formula, for explanation panels and tests: Σ wᵢmᵢ / Σ wᵢ over non-null mᵢ. */
export function weightedMean(items: readonly { weight: number; points: number | null }[]): number | null {
  let num = 0;
  let den = 0;
  for (const it of items) {
    if (it.points == null || it.weight === 0) continue;
    num += it.weight * it.points;
    den += it.weight;
  }
  return den === 0 ? null : num / den;
}

/** Trend arrow versus the previous run; a move within ±tolerance points reads as "same". */
export function trendOf(current: number | null, previous: number | null, tolerance: number): Trend | null {
  if (current == null || previous == null || Number.isNaN(current) || Number.isNaN(previous)) return null;
  const d = current - previous;
  if (d > tolerance) return 'up';
  if (d < -tolerance) return 'down';
  return 'same';
}

/** Display rounding (2 decimals, as Gainsight shows 40.12), done once at the edge, never mid-sum. */
export function roundScore(score: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(score * f) / f;
}
