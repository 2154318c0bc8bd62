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
  // Purchase-based activity: the period starts less than one activity window after the first data day,
  // so customers whose last purchase predates the export are missing from S and no one can lapse yet.
  'history-shorter-than-window',
  // Period-to-period retention: the previous period lies before the data.
  'no-period-before-data',
  'no-customers-in-previous-period',
  // Trailing twelve months: the base date a year before lies before the data.
  'history-shorter-than-12-months',
  // A run stored before the figure existed.
  'not-in-stored-run',
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
