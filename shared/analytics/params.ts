// The parameters of a diagnostic run, stored with the run so a report reproduces it exactly and two
// runs can be compared. Every default is documented where the rule lives (retention.ts, tiers.ts,
// lifecycle.ts, rfm.ts); `AnalyticsParamsSchema.parse({ asOf })` yields a complete set.

import { z } from 'zod';
import { ACTIVITY_BASES } from './activity';
import { COHORT_BOUND_PATTERN } from './cohort-range';
import { toDay, type DayNumber } from './days';
import { GRAINS, periodIndexOf, periodStartDay } from './periods';
import { CLASSIC_SEGMENT_RULES, VALUE_GROUP_RULES, type SegmentRule } from './rfm';

export const ANALYTICS_PARAMS_VERSION = 1;

const isoDate = z.iso.date();
const days = z.int().min(1).max(36_500);

const ascending4 = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .refine((c) => c[0] < c[1] && c[1] < c[2] && c[2] < c[3], { message: 'cut points must be strictly ascending' });

const scoreRange = z
  .tuple([z.int().min(1).max(5), z.int().min(1).max(5)])
  .refine((r) => r[0] <= r[1], { message: 'range minimum must not exceed its maximum' });

export const SegmentRuleSchema = z.object({
  // A built-in segment's id is its catalogue key; a consultant's own segment is named in any script
  // (高价值沉睡). No dots or colons: the name is also looked up as a catalogue key.
  id: z.string().regex(/^[\p{L}\p{N}_-]{1,40}$/u, 'use letters, digits, _ or - (at most 40)'),
  r: scoreRange,
  f: scoreRange,
  m: scoreRange,
});

const copyRules = (rules: readonly SegmentRule[]) =>
  rules.map((r) => ({ id: r.id, r: [r.r[0], r.r[1]] as [number, number], f: [r.f[0], r.f[1]] as [number, number], m: [r.m[0], r.m[1]] as [number, number] }));

export const ActivityParamsSchema = z.object({
  basis: z.enum(ACTIVITY_BASES).default('non-contractual'),
  /**
   * Non-contractual: a purchase keeps a customer active this many days. null = derived from the data
   * (P90 of the gaps between a customer's purchases, rounded up; window.ts), stated with the run.
   * Runs stored before the derivation hold the 365 they were run with.
   */
  windowDays: days.nullable().default(null),
});

export const RfmParamsSchema = z.object({
  scoring: z.enum(['quintiles', 'cuts']).default('quintiles'),
  /**
   * Used when scoring = 'cuts'. Recency in days (lower is better); frequency in orders; monetary in
   * the engagement's currency (the defaults assume yuan and are meant to be edited per client).
   */
  cuts: z
    .object({ recency: ascending4, frequency: ascending4, monetary: ascending4 })
    .default({ recency: [30, 90, 180, 365], frequency: [2, 3, 5, 10], monetary: [1_000, 5_000, 20_000, 100_000] }),
  lookbackDays: days.nullable().default(null),
  classicRules: z
    .array(SegmentRuleSchema)
    .min(1)
    .default(() => copyRules(CLASSIC_SEGMENT_RULES)),
  valueGroupRules: z
    .array(SegmentRuleSchema)
    .min(1)
    .default(() => copyRules(VALUE_GROUP_RULES)),
  /** The earlier as-of date for the segment movement matrix; null = last day of the previous period. */
  compareAsOf: isoDate.nullable().default(null),
});

export const TierParamsSchema = z.object({
  strategicShare: z.number().gt(0).lt(1).default(0.15),
  benchmarkIsStrategic: z.boolean().default(true),
  coreTopShare: z.number().min(0).max(1).default(0.2),
  coreMinTenureDays: z.int().min(0).max(36_500).default(365),
  potentialMaxTenureDays: z.int().min(0).max(36_500).default(365),
  growthIndustries: z.array(z.string().min(1)).default([]),
  upgradeOrderAmount: z.number().positive().nullable().default(null),
  yearDays: days.default(365),
});

export const LifecycleParamsSchema = z.object({
  newDays: days.default(90),
  matureDays: days.default(365),
  matureMinOrders: z.int().min(0).default(3),
  riskInactiveDays: days.default(180),
  riskWindowDays: days.default(180),
  riskSpendDropPct: z.number().gt(0).max(100).default(20),
  riskContractEndDays: z.int().min(0).max(36_500).default(90),
});

export const AnalyticsParamsSchema = z.object({
  version: z.literal(ANALYTICS_PARAMS_VERSION).default(ANALYTICS_PARAMS_VERSION),
  asOf: isoDate,
  grain: z.enum(GRAINS).default('month'),
  /**
   * Periods in the trend (trend-range.ts), ending with the one holding the as-of date: the last N
   * (12 by default), every period of the data (null), or from a period (periodFrom, which wins over the count).
   */
  periodCount: z.int().min(1).max(1200).nullable().default(12),
  periodFrom: z.string().regex(COHORT_BOUND_PATTERN, 'a period (2024, 2024-Q2, 2024-03) or a date').nullable().default(null),
  /**
   * Cohorts in the matrix (cohort-range.ts): all by default (null); the last N ending with the as-of
   * period; or from/to bounds (a period key or a date), which win over the count when set.
   */
  cohortCount: z.int().min(1).max(1200).nullable().default(null),
  cohortFrom: z.string().regex(COHORT_BOUND_PATTERN, 'a period (2024, 2024-Q2, 2024-03) or a date').nullable().default(null),
  cohortTo: z.string().regex(COHORT_BOUND_PATTERN, 'a period (2024, 2024-Q2, 2024-03) or a date').nullable().default(null),
  activity: ActivityParamsSchema.prefault({}),
  rfm: RfmParamsSchema.prefault({}),
  tiers: TierParamsSchema.prefault({}),
  lifecycle: LifecycleParamsSchema.prefault({}),
});

export type AnalyticsParams = z.infer<typeof AnalyticsParamsSchema>;
/** What a caller may send: everything but asOf is optional. */
export type AnalyticsParamsInput = z.input<typeof AnalyticsParamsSchema>;

export function defaultAnalyticsParams(asOf: string): AnalyticsParams {
  return AnalyticsParamsSchema.parse({ asOf });
}

/** The as-of day of the segment movement baseline: compareAsOf, else the day before the as-of period. */
export function rfmCompareDay(p: AnalyticsParams): DayNumber {
  if (p.rfm.compareAsOf !== null) return toDay(p.rfm.compareAsOf);
  return periodStartDay(periodIndexOf(toDay(p.asOf), p.grain), p.grain) - 1;
}
