// A health model as plain data, so a committee can read it, a consultant can tune it in a workshop,
// and it can be saved in the workspace, exported to a file and imported back with validation.

import { z } from 'zod';
import { DIRECTIONS, HEALTH_METRICS } from './metrics';

export const HEALTH_MODEL_FORMAT = 'rwb.health-model';
export const HEALTH_MODEL_VERSION = 1;

const points = z.number().min(0).max(100);
export const DirectionSchema = z.enum(DIRECTIONS);

/**
 * Thresholds: with higherIsBetter the value earns the points of the highest bound it reaches
 * (value >= bound); with lowerIsBetter, of the lowest bound it stays within (value <= bound).
 * A value that meets no step earns `otherwise`. Steps may be listed in any order.
 */
export const ThresholdScoringSchema = z
  .object({
    kind: z.literal('thresholds'),
    direction: DirectionSchema,
    steps: z.array(z.object({ bound: z.number(), points })).min(1),
    otherwise: points,
  })
  .superRefine((s, ctx) => {
    const seen = new Set<number>();
    s.steps.forEach((step, i) => {
      if (seen.has(step.bound)) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'bound'], message: `bound ${step.bound} appears twice` });
      }
      seen.add(step.bound);
    });
  });

/**
 * Points grid: ranges [min, max) with either end open (null); the first range that holds the value
 * wins. A value in no range earns `otherwise`, or makes the measure NA when `otherwise` is null.
 */
export const GridScoringSchema = z
  .object({
    kind: z.literal('grid'),
    ranges: z.array(z.object({ min: z.number().nullable(), max: z.number().nullable(), points })).min(1),
    otherwise: points.nullable(),
  })
  .superRefine((s, ctx) => {
    s.ranges.forEach((r, i) => {
      if (r.min != null && r.max != null && !(r.min < r.max)) {
        ctx.addIssue({ code: 'custom', path: ['ranges', i], message: `range min ${r.min} must be below max ${r.max}` });
      }
    });
  });

/** Linear: 0 points at `worst`, 100 at `best`, straight line between, clamped outside. */
export const LinearScoringSchema = z
  .object({ kind: z.literal('linear'), worst: z.number(), best: z.number() })
  .refine((s) => s.worst !== s.best, { message: 'worst and best must differ', path: ['best'] });

export const MeasureScoringSchema = z.discriminatedUnion('kind', [ThresholdScoringSchema, GridScoringSchema, LinearScoringSchema]);

export const HealthMeasureSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, _ . or -'),
    metric: z.enum(HEALTH_METRICS),
    /** Catalogue key (presets) or free text (the consultant's own measure); at least one. */
    labelKey: z.string().min(1).optional(),
    label: z.string().min(1).optional(),
    weight: z.number().min(0),
    scoring: MeasureScoringSchema,
    /** Where the thresholds come from (a seed sentence, a workshop decision). */
    note: z.string().optional(),
  })
  .refine((m) => m.labelKey !== undefined || m.label !== undefined, {
    message: 'a measure needs a label or a labelKey',
    path: ['label'],
  });

/**
 * Bands on the 0-100 score: red when score <= redMax, yellow when score <= yellowMax, else green.
 * Upper bounds are inclusive, so the default 50/75 reads "red 0-50, yellow 51-75, green 76-100" and a
 * fractional 50.4 is yellow (it is above red's upper bound).
 */
export const BandsSchema = z
  .object({ redMax: z.number().min(0).max(100), yellowMax: z.number().min(0).max(100) })
  .refine((b) => b.redMax < b.yellowMax, { message: 'redMax must be below yellowMax', path: ['yellowMax'] });

/**
 * weightedMean: Σ wᵢmᵢ / Σ wᵢ over measures with a value (Gainsight's scorecard arithmetic).
 * lowest: the worst measure decides; for rule-style models (seed 002: any 预警 condition makes a
 * customer 预警 however good the rest looks).
 */
export const AggregationSchema = z.enum(['weightedMean', 'lowest']);

export const HealthModelSchema = z
  .object({
    format: z.literal(HEALTH_MODEL_FORMAT),
    version: z.literal(HEALTH_MODEL_VERSION),
    id: z.string().min(1),
    nameKey: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    descriptionKey: z.string().min(1).optional(),
    description: z.string().optional(),
    /** The preset or model this one was copied from. */
    basedOn: z.string().nullable(),
    aggregation: AggregationSchema,
    measures: z.array(HealthMeasureSchema).min(1),
    bands: BandsSchema,
    /** Score points within which a change shows as "same" rather than up or down. */
    trendTolerance: z.number().min(0),
  })
  .superRefine((m, ctx) => {
    if (m.nameKey === undefined && m.name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'a model needs a name or a nameKey' });
    }
    const ids = new Set<string>();
    m.measures.forEach((measure, i) => {
      if (ids.has(measure.id)) {
        ctx.addIssue({ code: 'custom', path: ['measures', i, 'id'], message: `measure id "${measure.id}" appears twice` });
      }
      ids.add(measure.id);
    });
    if (m.measures.length > 0 && m.measures.every((x) => x.weight === 0)) {
      ctx.addIssue({ code: 'custom', path: ['measures'], message: 'at least one measure needs a weight above 0' });
    }
  });

export type ThresholdScoring = z.infer<typeof ThresholdScoringSchema>;
export type GridScoring = z.infer<typeof GridScoringSchema>;
export type LinearScoring = z.infer<typeof LinearScoringSchema>;
export type MeasureScoring = z.infer<typeof MeasureScoringSchema>;
export type HealthMeasure = z.infer<typeof HealthMeasureSchema>;
export type Bands = z.infer<typeof BandsSchema>;
export type Aggregation = z.infer<typeof AggregationSchema>;
export type HealthModel = z.infer<typeof HealthModelSchema>;

export const DEFAULT_BANDS: Bands = { redMax: 50, yellowMax: 75 };
export const DEFAULT_TREND_TOLERANCE = 2;

export interface ModelIssue {
  path: string; // e.g. "measures[1].scoring.steps[0].points"
  message: string;
}

export type ModelParseResult = { ok: true; model: HealthModel } | { ok: false; issues: ModelIssue[] };

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function parseHealthModel(input: unknown): ModelParseResult {
  const r = HealthModelSchema.safeParse(input);
  if (r.success) return { ok: true, model: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message })),
  };
}

/** The file text of an exported model (stable key order from the schema, two-space indent). */
export function exportHealthModel(model: HealthModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

export function importHealthModel(text: string): ModelParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return parseHealthModel(json);
}

/** A deep copy under a new id and name, remembering what it was based on (presets stay untouched). */
export function copyHealthModel(model: HealthModel, id: string, name: string): HealthModel {
  // JSON round trip, not structuredClone: shared/ is typechecked without DOM or Node globals.
  const copy = JSON.parse(JSON.stringify(model)) as HealthModel;
  copy.id = id;
  copy.name = name;
  delete copy.nameKey;
  copy.basedOn = model.id;
  return copy;
}
