// A rate that may be absent. When its denominator is zero the figure is null and carries a reason
// code (labelled in the analytics catalogue under absentReasons.*), so a chart shows a gap that says
// why instead of a division by zero, a 0% or an Infinity.

export const ABSENT_REASONS = [
  'no-customers-at-start',
  'no-mrr-at-start',
  'no-revenue-at-cohort-start',
  'no-revenue',
  'no-contracts',
  'no-orders',
] as const;
export type AbsentReason = (typeof ABSENT_REASONS)[number];

export interface Figure {
  /** A fraction (0.8 = 80%), or null when absent. */
  value: number | null;
  reason: AbsentReason | null;
}

export function ratio(numerator: number, denominator: number, whenZero: AbsentReason): Figure {
  if (!(denominator > 0)) return { value: null, reason: whenZero };
  return { value: numerator / denominator, reason: null };
}

export function complement(f: Figure): Figure {
  return f.value === null ? f : { value: 1 - f.value, reason: null };
}
