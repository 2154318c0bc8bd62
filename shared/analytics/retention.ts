// Customer retention per period by seed 003's formula: R = (E − N) / S × 100%.
//
//   S = customers active at the START of the period, measured at the close of the day before its
//       first day (so S of one period is exactly E of the one before, and a customer who first buys
//       on the first day is new, never both in S and N);
//   E = customers active at the END of the period (its last day, or the as-of date when partial);
//   N = customers active at the end who were not active at the start: the brand new (first became a
//       customer during the period) PLUS the reactivated (had been a customer before, lapsed, and are
//       active again at the end).
//
// Counting reactivated customers in N is a deliberate choice: with it, E − N is exactly the customers
// of S still active at the end, so R is the share of the starting base kept, never above 100%, and
// churn 1 − R is the share of S lost. Leaving returners out of N would let a win-back campaign
// disguise churn as retention. Returners are reported separately (reactivated), so nothing is hidden.

import type { ActivitySpans } from './activity';
import { spanAt } from './activity';
import { ratio, type Figure } from './figures';
import type { Period } from './periods';

export interface RetentionPeriod {
  period: Period;
  /** S */
  start: number;
  /** E */
  end: number;
  /** In S and in E (= E − N). */
  retained: number;
  /** In S, not in E (= S − retained). */
  lost: number;
  /** Became a customer for the first time during the period and active at its end. */
  new: number;
  /** Active at the end, not at the start, and had been a customer before the period. */
  reactivated: number;
  /** N = new + reactivated. */
  gained: number;
  /** (E − N) / S; absent with 'no-customers-at-start' when S = 0. */
  retentionRate: Figure;
  /** 1 − R = lost / S. */
  churnRate: Figure;
  /**
   * The period starts too close to the first data day to see every customer of S (edges.ts): its
   * "new" customers may be older ones first seen here, and on purchase data its rates are absent.
   */
  leftCensored: boolean;
}

export const RETENTION_STATUSES = ['retained', 'lost', 'new', 'reactivated', 'inactive'] as const;
export type RetentionStatus = (typeof RETENTION_STATUSES)[number];

/** Where customer i stands in `period`. */
export function retentionStatus(a: ActivitySpans, i: number, period: Period): RetentionStatus {
  const from = a.offsets[i] as number;
  if (from === (a.offsets[i + 1] as number)) return 'inactive';
  const atStart = spanAt(a, i, period.startDay - 1) >= 0;
  const atEnd = spanAt(a, i, period.measureEndDay) >= 0;
  if (atStart) return atEnd ? 'retained' : 'lost';
  if (!atEnd) return 'inactive';
  return (a.starts[from] as number) >= period.startDay ? 'new' : 'reactivated';
}

/**
 * One row per period. `subset` restricts the count to those customer indices (a breakdown group);
 * cost is O(customers × periods × log spans).
 */
export function retentionByPeriod(a: ActivitySpans, periods: readonly Period[], subset?: ArrayLike<number>): RetentionPeriod[] {
  const n = subset ? subset.length : a.customerKeys.length;
  const counts = periods.map(() => ({ retained: 0, lost: 0, new: 0, reactivated: 0 }));
  for (let x = 0; x < n; x += 1) {
    const i = subset ? (subset[x] as number) : x;
    if ((a.offsets[i] as number) === (a.offsets[i + 1] as number)) continue;
    for (let p = 0; p < periods.length; p += 1) {
      const s = retentionStatus(a, i, periods[p] as Period);
      if (s !== 'inactive') (counts[p] as Record<Exclude<RetentionStatus, 'inactive'>, number>)[s] += 1;
    }
  }
  return periods.map((period, p) => {
    const c = counts[p] as { retained: number; lost: number; new: number; reactivated: number };
    const start = c.retained + c.lost;
    const gained = c.new + c.reactivated;
    const end = c.retained + gained;
    const retentionRate = ratio(end - gained, start, 'no-customers-at-start');
    return {
      period,
      start,
      end,
      retained: c.retained,
      lost: c.lost,
      new: c.new,
      reactivated: c.reactivated,
      gained,
      retentionRate,
      // lost / S equals 1 − R exactly in arithmetic, and avoids 1 − 0.8 = 0.19999999999999996.
      churnRate: ratio(c.lost, start, 'no-customers-at-start'),
      leftCensored: false,
    };
  });
}

/** Drill-down: the keys of the customers with `status` in `period`, in index order. */
export function retentionMembers(
  a: ActivitySpans,
  period: Period,
  status: Exclude<RetentionStatus, 'inactive'> | 'start' | 'end',
  subset?: ArrayLike<number>,
): string[] {
  const out: string[] = [];
  const n = subset ? subset.length : a.customerKeys.length;
  for (let x = 0; x < n; x += 1) {
    const i = subset ? (subset[x] as number) : x;
    const s = retentionStatus(a, i, period);
    const hit =
      status === 'start' ? s === 'retained' || s === 'lost' : status === 'end' ? s === 'retained' || s === 'new' || s === 'reactivated' : s === status;
    if (hit) out.push(a.customerKeys[i] as string);
  }
  return out;
}
