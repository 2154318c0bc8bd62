// Cohorts by the period of first purchase (or first paying contract), as Amplitude, Mixpanel and
// ChartMogul draw them: one row per cohort, one column per period offset k since the cohort period.
//   "on"          customers of the cohort who were on in period c + k (made a purchase in it, or held a
//                 paying contract at some day of it);
//   "on or after" customers who were on in period c + k or in any later period up to the as-of date
//                 (Amplitude's "unbounded" retention: a customer who skips a period is not lost yet).
// Both rates divide by the cohort size. The column holding the as-of date is flagged partial.
// The cohort grain is the run's grain (monthly cohorts for a monthly run).

import type { ActivityBasis } from './activity';
import type { DayNumber } from './days';
import { ratio, type Figure } from './figures';
import type { PurchaseLedger } from './inputs';
import { periodAt, periodEndDay, periodIndexOf, periodKey, periodStartDay, type Grain } from './periods';
import type { MrrTimeline } from './revenue-retention';

/** Per customer, the periods (ascending, up to the as-of date) in which they had any activity. */
export interface CohortActivity {
  basis: ActivityBasis;
  grain: Grain;
  asOfDay: DayNumber;
  customerKeys: readonly string[];
  offsets: Int32Array;
  periods: Int32Array;
  /** 1 when the customer was "on" in that period. */
  on: Uint8Array;
  /** Net order value in the period (purchases), or MRR at the period's measured end (contracts). */
  revenue: Float64Array;
}

/**
 * From purchases: a period is "on" when it holds a positive order; its revenue is the net value of the
 * orders dated in it up to the as-of date (returns included, so a refund lowers the cell).
 */
export function cohortActivityFromLedger(ledger: PurchaseLedger, grain: Grain, asOfDay: DayNumber): CohortActivity {
  const n = ledger.customerKeys.length;
  const offsets = new Int32Array(n + 1);
  const periods: number[] = [];
  const on: number[] = [];
  const revenue: number[] = [];
  for (let i = 0; i < n; i += 1) {
    let last = Number.NaN;
    for (let j = ledger.offsets[i] as number, e = ledger.offsets[i + 1] as number; j < e; j += 1) {
      const d = ledger.days[j] as number;
      if (d > asOfDay) break;
      const p = periodIndexOf(d, grain);
      if (p !== last) {
        periods.push(p);
        on.push(0);
        revenue.push(0);
        last = p;
      }
      const w = periods.length - 1;
      revenue[w] = (revenue[w] as number) + (ledger.amounts[j] as number);
      if ((ledger.purchases[j] as number) > 0) on[w] = 1;
    }
    offsets[i + 1] = periods.length;
  }
  return {
    basis: 'non-contractual',
    grain,
    asOfDay,
    customerKeys: ledger.customerKeys,
    offsets,
    periods: Int32Array.from(periods),
    on: Uint8Array.from(on),
    revenue: Float64Array.from(revenue),
  };
}

/**
 * From contracts: a period is "on" when MRR was above zero on at least one of its days (up to the as-of
 * date); its revenue is the MRR held at the period's measured end (ChartMogul's cohort MRR: what the
 * cohort still pays), which is 0 for a customer who churned during the period.
 */
export function cohortActivityFromContracts(t: MrrTimeline, grain: Grain, asOfDay: DayNumber): CohortActivity {
  const n = t.customerKeys.length;
  const offsets = new Int32Array(n + 1);
  const periods: number[] = [];
  const revenue: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const from = t.offsets[i] as number;
    const to = t.offsets[i + 1] as number;
    let last = Number.NaN;
    let k2 = from; // walks the timeline for end-of-period MRR
    for (let k = from; k < to; k += 1) {
      if (!((t.values[k] as number) > 0)) continue;
      const segStart = t.days[k] as number;
      if (segStart > asOfDay) break;
      const segEnd = Math.min(k + 1 < to ? (t.days[k + 1] as number) - 1 : Number.POSITIVE_INFINITY, asOfDay);
      for (let p = periodIndexOf(segStart, grain), pe = periodIndexOf(segEnd, grain); p <= pe; p += 1) {
        if (p === last) continue;
        last = p;
        const end = Math.min(periodEndDay(p, grain), asOfDay);
        while (k2 + 1 < to && (t.days[k2 + 1] as number) <= end) k2 += 1;
        periods.push(p);
        revenue.push((t.days[k2] as number) <= end ? (t.values[k2] as number) : 0);
      }
    }
    offsets[i + 1] = periods.length;
  }
  return {
    basis: 'contractual',
    grain,
    asOfDay,
    customerKeys: t.customerKeys,
    offsets,
    periods: Int32Array.from(periods),
    on: new Uint8Array(periods.length).fill(1),
    revenue: Float64Array.from(revenue),
  };
}

export interface CohortCell {
  /** k: periods since the cohort period (0 = the cohort period itself). */
  offset: number;
  periodKey: string;
  /** The as-of date falls inside this column's period before its end. */
  partial: boolean;
  on: number;
  onOrAfter: number;
  revenue: number;
  /** on / cohort size */
  onRate: number;
  /** onOrAfter / cohort size */
  onOrAfterRate: number;
  /** revenue / revenue at offset 0; absent when the cohort's first-period revenue is not positive. */
  revenueRate: Figure;
}

export interface CohortRow {
  cohort: number;
  key: string;
  size: number;
  cells: CohortCell[];
  /** The cohort period starts too close to the first data day: some of its customers may be older ones first seen here (edges.ts). */
  leftCensored: boolean;
}

export interface CohortMatrix {
  basis: ActivityBasis;
  grain: Grain;
  asOfDay: DayNumber;
  rows: CohortRow[];
}

/** First "on" period of customer i, or null. */
function cohortOf(a: CohortActivity, i: number): number | null {
  for (let j = a.offsets[i] as number, e = a.offsets[i + 1] as number; j < e; j += 1) {
    if (a.on[j]) return a.periods[j] as number;
  }
  return null;
}

export interface CohortOptions {
  /** Oldest cohort period index to show (older cohorts are left out, their customers too). */
  firstCohort?: number;
  /** Newest cohort period index to show (default: the as-of period). */
  lastCohort?: number;
  /** Marks left-censored cohorts by their period's first day. */
  isLeftCensored?: (cohortStartDay: DayNumber) => boolean;
  /** Restrict to these customer indices (a breakdown group). */
  subset?: ArrayLike<number>;
}

export function cohortMatrix(a: CohortActivity, options: CohortOptions = {}): CohortMatrix {
  const last = periodIndexOf(a.asOfDay, a.grain);
  const lastPartial = periodAt(last, a.grain, a.asOfDay).partial;
  const first = options.firstCohort ?? Number.NEGATIVE_INFINITY;
  const lastCohort = Math.min(options.lastCohort ?? last, last);
  const censored = options.isLeftCensored ?? (() => false);
  const acc = new Map<number, { size: number; on: Int32Array; lastOn: Int32Array; revenue: Float64Array }>();
  const subset = options.subset;
  const n = subset ? subset.length : a.customerKeys.length;
  for (let x = 0; x < n; x += 1) {
    const i = subset ? (subset[x] as number) : x;
    const c = cohortOf(a, i);
    if (c === null || c < first || c > lastCohort) continue;
    let row = acc.get(c);
    if (!row) {
      const width = last - c + 1;
      row = { size: 0, on: new Int32Array(width), lastOn: new Int32Array(width), revenue: new Float64Array(width) };
      acc.set(c, row);
    }
    row.size += 1;
    let lastOn = 0;
    for (let j = a.offsets[i] as number, e = a.offsets[i + 1] as number; j < e; j += 1) {
      const k = (a.periods[j] as number) - c;
      if (k < 0 || k > last - c) continue;
      row.revenue[k] = (row.revenue[k] as number) + (a.revenue[j] as number);
      if (a.on[j]) {
        row.on[k] = (row.on[k] as number) + 1;
        lastOn = k;
      }
    }
    row.lastOn[lastOn] = (row.lastOn[lastOn] as number) + 1;
  }
  const rows: CohortRow[] = [...acc.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([c, r]) => {
      const cells: CohortCell[] = [];
      let after = 0;
      const onOrAfter = new Int32Array(r.on.length);
      for (let k = r.on.length - 1; k >= 0; k -= 1) {
        after += r.lastOn[k] as number;
        onOrAfter[k] = after;
      }
      for (let k = 0; k < r.on.length; k += 1) {
        const on = r.on[k] as number;
        cells.push({
          offset: k,
          periodKey: periodKey(c + k, a.grain),
          partial: lastPartial && c + k === last,
          on,
          onOrAfter: onOrAfter[k] as number,
          revenue: r.revenue[k] as number,
          onRate: on / r.size,
          onOrAfterRate: (onOrAfter[k] as number) / r.size,
          revenueRate: ratio(r.revenue[k] as number, r.revenue[0] as number, 'no-revenue-at-cohort-start'),
        });
      }
      return { cohort: c, key: periodKey(c, a.grain), size: r.size, cells, leftCensored: censored(periodStartDay(c, a.grain)) };
    });
  return { basis: a.basis, grain: a.grain, asOfDay: a.asOfDay, rows };
}

export const COHORT_MEASURES = ['size', 'on', 'onOrAfter'] as const;
export type CohortMeasure = (typeof COHORT_MEASURES)[number];

/**
 * Drill-down, computed on demand so the matrix holds no member lists: the keys of cohort `cohort`'s
 * customers counted in the cell at `offset` for `measure` ('size' ignores the offset).
 */
export function cohortMembers(a: CohortActivity, cohort: number, offset: number, measure: CohortMeasure, subset?: ArrayLike<number>): string[] {
  const out: string[] = [];
  const target = cohort + offset;
  const n = subset ? subset.length : a.customerKeys.length;
  for (let x = 0; x < n; x += 1) {
    const i = subset ? (subset[x] as number) : x;
    if (cohortOf(a, i) !== cohort) continue;
    let hit = measure === 'size';
    for (let j = a.offsets[i] as number, e = a.offsets[i + 1] as number; j < e && !hit; j += 1) {
      if (!a.on[j]) continue;
      const p = a.periods[j] as number;
      hit = measure === 'on' ? p === target : p >= target;
    }
    if (hit) out.push(a.customerKeys[i] as string);
  }
  return out;
}
