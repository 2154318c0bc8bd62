// Period-to-period retention, the simpler definition consultants also quote beside seed 003's R:
//   repeat rate of period p = customers on in p−1 AND in p / customers on in p−1
// "On" is the cohort matrix's: a purchase in the period, or a paying contract on some day of it. It
// needs no activity window, so it exists from the second period of the data on; it reads lower than
// R on purchase data because a customer who skips one period counts as not retained.

import type { CohortActivity } from './cohorts';
import { ratio, type Figure } from './figures';
import { periodKey, type Period } from './periods';

export interface RepeatPeriod {
  periodKey: string;
  previousPeriodKey: string;
  /** Customers on in the previous period (the denominator). */
  previous: number;
  /** Of those, customers on again in this period. */
  repeat: number;
  /** repeat / previous; absent when the previous period lies before the data or had no one on. */
  rate: Figure;
  partial: boolean;
}

/** One row per period, aligned with `periods`. `firstDataDay` null means no data at all. */
export function repeatByPeriod(a: CohortActivity, periods: readonly Period[], firstDataDay: number | null, subset?: ArrayLike<number>): RepeatPeriod[] {
  const first = periods[0];
  if (!first) return [];
  const base = first.index - 1; // the previous period of the first row is counted too
  const width = periods.length + 1;
  const on = new Int32Array(width);
  const both = new Int32Array(width);
  const n = subset ? subset.length : a.customerKeys.length;
  for (let x = 0; x < n; x += 1) {
    const i = subset ? (subset[x] as number) : x;
    let prev = Number.NaN;
    for (let j = a.offsets[i] as number, e = a.offsets[i + 1] as number; j < e; j += 1) {
      if (!a.on[j]) continue;
      const p = a.periods[j] as number;
      const k = p - base;
      if (k >= 0 && k < width) {
        on[k] = (on[k] as number) + 1;
        if (p - 1 === prev) both[k] = (both[k] as number) + 1;
      }
      prev = p;
    }
  }
  return periods.map((period, x) => {
    const k = x + 1;
    const previous = on[k - 1] as number;
    const previousEndDay = period.startDay - 1;
    const before = firstDataDay === null || previousEndDay < firstDataDay;
    return {
      periodKey: period.key,
      previousPeriodKey: periodKey(period.index - 1, a.grain),
      previous,
      repeat: both[k] as number,
      rate: before ? { value: null, reason: 'no-period-before-data' } : ratio(both[k] as number, previous, 'no-customers-in-previous-period'),
      partial: period.partial,
    };
  });
}
