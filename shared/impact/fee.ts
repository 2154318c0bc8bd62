// The outcome-based fee (按客户留存率提升幅度收费，风险共担，利益共享): the contract's terms as data and the
// fee they give for a measured improvement. The improvement is in points: percentage points for a
// rate (0.82 → 0.86 is 4 points), NPS points for NPS. Schedules:
// - perPoint: rate × points;
// - tiers: marginal bands, like a tax table: each band's rate applies to the points inside it;
// then a fixed fee is added and the total is held between floor and cap. No improvement (or a fall)
// earns the fixed fee held at the floor: that is the shared risk.

import { z } from 'zod';
import { INDICATOR_IDS, type IndicatorUnit } from './indicators';

const money = z.number().finite().min(0);

export const FeeTierSchema = z.object({
  /** Points from which this band's rate applies (inclusive). */
  fromPoints: z.number().finite().min(0),
  /** Points up to which it applies; null = no upper end. */
  toPoints: z.number().finite().positive().nullable().default(null),
  ratePerPoint: money,
});

export const FeeScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('perPoint'), ratePerPoint: money }),
  z.object({ kind: z.literal('tiers'), tiers: z.array(FeeTierSchema).min(1) }),
]);

export const FeeTermsSchema = z.object({
  indicator: z.enum(INDICATOR_IDS),
  /** The baseline value: a number in the indicator's unit (0.82 or 82% both read as a rate), or 'frozen' for the stored baseline. */
  baseline: z.union([z.number().finite(), z.literal('frozen')]).default('frozen'),
  measurementDate: z.iso.date(),
  grain: z.enum(['month', 'quarter', 'year']).default('quarter'),
  currency: z.string().trim().min(1).max(8).default('CNY'),
  fixedFee: money.default(0),
  schedule: FeeScheduleSchema,
  cap: money.nullable().default(null),
  floor: money.default(0),
});
export type FeeTerms = z.output<typeof FeeTermsSchema>;
export type FeeTermsInput = z.input<typeof FeeTermsSchema>;

/** A problem with the terms: the field and its reason (catalogue key under impact:fee.issues). */
export interface FeeTermsIssue {
  field: string;
  reason: string;
  params?: Record<string, string | number>;
}

/** Schema problems first, then the rules zod cannot say: bands in order without gaps, floor ≤ cap. */
export function validateFeeTerms(input: unknown): { ok: true; terms: FeeTerms } | { ok: false; issues: FeeTermsIssue[] } {
  const parsed = FeeTermsSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(terms)', reason: 'schema', params: { detail: i.message } })),
    };
  }
  const t = parsed.data;
  const issues: FeeTermsIssue[] = [];
  if (t.cap !== null && t.cap < t.floor) issues.push({ field: 'cap', reason: 'capBelowFloor', params: { cap: t.cap, floor: t.floor } });
  if (t.schedule.kind === 'tiers') {
    const tiers = t.schedule.tiers;
    tiers.forEach((b, i) => {
      if (b.toPoints !== null && b.toPoints <= b.fromPoints)
        issues.push({ field: `schedule.tiers.${i}`, reason: 'emptyBand', params: { from: b.fromPoints, to: b.toPoints } });
      const prev = tiers[i - 1];
      if (i === 0 && b.fromPoints !== 0) issues.push({ field: 'schedule.tiers.0.fromPoints', reason: 'firstBandNotZero', params: { from: b.fromPoints } });
      if (prev && prev.toPoints !== b.fromPoints)
        issues.push({ field: `schedule.tiers.${i}.fromPoints`, reason: 'bandGap', params: { prev: prev.toPoints ?? '∞', from: b.fromPoints } });
    });
  }
  return issues.length ? { ok: false, issues } : { ok: true, terms: t };
}

/** Improvement in points: rates ×100 (percentage points), NPS as is. */
export function improvementPoints(baseline: number, current: number, unit: IndicatorUnit): number {
  return unit === 'percent' ? (current - baseline) * 100 : current - baseline;
}

export interface FeeBandLine {
  fromPoints: number;
  toPoints: number | null;
  ratePerPoint: number;
  points: number;
  amount: number;
}

export interface FeeBreakdown {
  points: number;
  /** Points that earn (0 when the indicator fell). */
  earningPoints: number;
  bands: FeeBandLine[];
  variable: number;
  fixedFee: number;
  beforeLimits: number;
  /** 'cap' or 'floor' when a limit decided the fee. */
  limitedBy: 'cap' | 'floor' | null;
  fee: number;
}

export function feeFor(points: number, t: FeeTerms): FeeBreakdown {
  const earning = Math.max(0, points);
  const bands: FeeBandLine[] =
    t.schedule.kind === 'perPoint'
      ? [{ fromPoints: 0, toPoints: null, ratePerPoint: t.schedule.ratePerPoint, points: earning, amount: earning * t.schedule.ratePerPoint }]
      : t.schedule.tiers.map((b) => {
          const inBand = Math.max(0, Math.min(earning, b.toPoints ?? Number.POSITIVE_INFINITY) - b.fromPoints);
          return { fromPoints: b.fromPoints, toPoints: b.toPoints, ratePerPoint: b.ratePerPoint, points: inBand, amount: inBand * b.ratePerPoint };
        });
  const variable = bands.reduce((s, b) => s + b.amount, 0);
  const beforeLimits = variable + t.fixedFee;
  let fee = beforeLimits;
  let limitedBy: FeeBreakdown['limitedBy'] = null;
  if (t.cap !== null && fee > t.cap) {
    fee = t.cap;
    limitedBy = 'cap';
  }
  if (fee < t.floor) {
    fee = t.floor;
    limitedBy = 'floor';
  }
  return { points, earningPoints: earning, bands, variable, fixedFee: t.fixedFee, beforeLimits, limitedBy, fee };
}

export interface SensitivityRow {
  points: number;
  /** The indicator value this improvement means. */
  value: number;
  fee: number;
  limitedBy: 'cap' | 'floor' | null;
  actual: boolean;
}

/** The fee at improvements around the measured one (whole steps, ±k), the actual, no change and a one-step fall included. */
export function feeSensitivity(baseline: number, actualPoints: number, unit: IndicatorUnit, t: FeeTerms, step = 1, k = 4): SensitivityRow[] {
  const centre = Math.round(actualPoints / step) * step;
  const pts = new Set<number>([actualPoints, 0, -step]);
  for (let i = -k; i <= k; i += 1) pts.add(Number((centre + i * step).toFixed(6)));
  return [...pts]
    .sort((a, b) => a - b)
    .map((p) => {
      const f = feeFor(p, t);
      return { points: p, value: unit === 'percent' ? baseline + p / 100 : baseline + p, fee: f.fee, limitedBy: f.limitedBy, actual: p === actualPoints };
    });
}
