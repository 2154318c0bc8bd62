// Which cohorts a run's matrix holds: every cohort of the data by default (the first cohort of a
// 13-month history is the largest and the one consultants quote, and a last-12 default hid it), the
// last N when cohortCount is set, or a from/to range. A bound is a period key or a date ('2024',
// '2024-Q2', '2024-03', '2024-03-15') read at the run's grain: `from` takes the period holding its first
// day, `to` the period holding its last day, so "to 2024" at month grain runs through 2024-12.

import { toDay, type DayNumber } from './days';
import { periodIndexOf, type Grain } from './periods';

export const COHORT_BOUND_PATTERN = /^(\d{4})(?:-Q([1-4])|-(\d{2})(?:-(\d{2}))?)?$/;

/** First and last day of a bound, or null when it is not a key or a date. */
export function cohortBoundDays(bound: string): { first: DayNumber; last: DayNumber } | null {
  const m = COHORT_BOUND_PATTERN.exec(bound.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const day = (yy: number, mm: number, dd: number) => Math.floor(Date.UTC(yy, mm - 1, dd) / 86_400_000);
  if (m[2]) {
    const q = Number(m[2]);
    return { first: day(y, 3 * q - 2, 1), last: day(y, 3 * q + 1, 1) - 1 };
  }
  if (m[4]) {
    const d = toDay(bound.trim());
    return Number.isNaN(d) ? null : { first: d, last: d };
  }
  if (m[3]) {
    const mo = Number(m[3]);
    if (mo < 1 || mo > 12) return null;
    return { first: day(y, mo, 1), last: day(y, mo + 1, 1) - 1 };
  }
  return { first: day(y, 1, 1), last: day(y + 1, 1, 1) - 1 };
}

export interface CohortSelection {
  cohortCount: number | null;
  cohortFrom: string | null;
  cohortTo: string | null;
}

/** Period indices [first, last] of the cohorts to show; first is -Infinity for "all". */
export function cohortIndexRange(sel: CohortSelection, grain: Grain, asOfDay: DayNumber): { first: number; last: number } {
  const asOfPeriod = periodIndexOf(asOfDay, grain);
  const from = sel.cohortFrom ? cohortBoundDays(sel.cohortFrom) : null;
  const to = sel.cohortTo ? cohortBoundDays(sel.cohortTo) : null;
  if (from || to) {
    return {
      first: from ? periodIndexOf(from.first, grain) : Number.NEGATIVE_INFINITY,
      last: to ? Math.min(asOfPeriod, periodIndexOf(to.last, grain)) : asOfPeriod,
    };
  }
  if (sel.cohortCount !== null) return { first: asOfPeriod - sel.cohortCount + 1, last: asOfPeriod };
  return { first: Number.NEGATIVE_INFINITY, last: asOfPeriod };
}
