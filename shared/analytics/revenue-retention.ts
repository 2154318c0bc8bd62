// Revenue retention from contracts, following ChartMogul's definitions (help.chartmogul.com, "Data
// Table and MRR Movements", "Metric: MRR Churn Rate"):
//   new          the MRR when a customer first starts paying;
//   expansion    any increase of an existing paying customer's MRR (more seats, a second contract);
//   contraction  any decrease that leaves MRR above zero; so cancelling one contract while another
//                is still live is contraction, not churn;
//   churn        the MRR lost when the customer's MRR falls to zero (no other live contract remains);
//   reactivation the MRR when a customer who had churned starts paying again.
//   GRR = (start MRR − contraction − churn) / start MRR          = 1 − ChartMogul's gross MRR churn rate
//   NRR = (start MRR + expansion + reactivation − contraction − churn) / start MRR
//                                                                = 1 − ChartMogul's net MRR churn rate
// Movements are summed over the whole book within the period, as ChartMogul does; start MRR is the
// MRR at the close of the day before the period, end MRR at its (measured) last day, and
// start + new + expansion + reactivation − contraction − churn = end holds exactly.
// ChartMogul's sums include movements of customers acquired during the period (a customer won and
// lost within a quarter adds churn against a start MRR that never held them), which over a quarter or
// a year can mislead. So each period also carries the starting-base view investors use:
//   base NRR = end MRR of the customers who had MRR at the start / start MRR
//   base GRR = Σ min(start MRR, end MRR) over those customers / start MRR
// And the trailing-twelve-month view boards quote, measured at each period's (measured) end E against
// the same calendar day a year before, B:
//   T12M NRR = Σ MRR at E of the customers with MRR at B / Σ MRR at B
//   T12M GRR = Σ min(MRR at B, MRR at E) over those customers / Σ MRR at B
// New and reactivated revenue of customers without MRR at B never enters; absent when B lies before
// the first contract start of the data (the base would be incomplete).
// Movements are taken per customer per day: a renewal that ends one contract and starts the next on
// the following day nets out to expansion, contraction or nothing, never a churn and a new.

import { fromDay, lastAtOrBefore, type DayNumber } from './days';
import { ratio, type Figure } from './figures';
import { customerIndexer, type ContractSpan } from './inputs';
import type { Period } from './periods';

export const MRR_MOVEMENTS = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;
export type MrrMovement = (typeof MRR_MOVEMENTS)[number];
export type MrrMovementTotals = Record<MrrMovement, number>;

/** Each customer's MRR as a step function: from days[k] on, MRR is values[k]; before the first day, 0. */
export interface MrrTimeline {
  customerKeys: readonly string[];
  offsets: Int32Array;
  days: Float64Array;
  values: Float64Array;
}

// Sums of +mrr/−mrr leave 1e-13 instead of 0; anything under a millionth of a currency unit is zero.
const EPS = 1e-6;

export function mrrTimeline(contracts: readonly ContractSpan[], customerKeys?: readonly string[]): MrrTimeline {
  const { keys, indexOf } = customerIndexer(customerKeys);
  const ev: { c: number; d: number; v: number }[] = [];
  for (const k of contracts) {
    if (!(k.mrr > 0) || !(k.endDay >= k.startDay)) continue;
    const c = indexOf(k.customerKey);
    ev.push({ c, d: k.startDay, v: k.mrr });
    if (Number.isFinite(k.endDay)) ev.push({ c, d: k.endDay + 1, v: -k.mrr });
  }
  ev.sort((a, b) => a.c - b.c || a.d - b.d);
  const offsets = new Int32Array(keys.length + 1);
  const days: number[] = [];
  const values: number[] = [];
  let j = 0;
  for (let i = 0; i < keys.length; i += 1) {
    let v = 0;
    while (j < ev.length && (ev[j] as { c: number }).c === i) {
      const d = (ev[j] as { d: number }).d;
      let next = v;
      while (j < ev.length && (ev[j] as { c: number }).c === i && (ev[j] as { d: number }).d === d) {
        next += (ev[j] as { v: number }).v;
        j += 1;
      }
      if (Math.abs(next) < EPS) next = 0;
      if (Math.abs(next - v) >= EPS) {
        days.push(d);
        values.push(next);
      }
      v = next;
    }
    offsets[i + 1] = days.length;
  }
  return { customerKeys: keys, offsets, days: Float64Array.from(days), values: Float64Array.from(values) };
}

/** Customer i's MRR at the close of `day`. */
export function mrrAt(t: MrrTimeline, i: number, day: DayNumber): number {
  const from = t.offsets[i] as number;
  const k = lastAtOrBefore(t.days, from, t.offsets[i + 1] as number, day);
  return k >= from ? (t.values[k] as number) : 0;
}

function classify(before: number, after: number, everPaid: boolean): { kind: MrrMovement; amount: number } | null {
  if (before <= 0 && after > 0) return { kind: everPaid ? 'reactivation' : 'new', amount: after };
  if (before > 0 && after <= 0) return { kind: 'churn', amount: before };
  if (after > before) return { kind: 'expansion', amount: after - before };
  if (after < before) return { kind: 'contraction', amount: before - after };
  return null;
}

export interface MrrEvent {
  customerKey: string;
  date: string;
  kind: MrrMovement;
  amount: number;
  mrrBefore: number;
  mrrAfter: number;
}

/** Walks customer i's timeline, calling `visit` for every movement in day order. */
function eachMovement(t: MrrTimeline, i: number, visit: (day: number, kind: MrrMovement, amount: number, before: number, after: number) => void): void {
  let before = 0;
  let everPaid = false;
  for (let k = t.offsets[i] as number, e = t.offsets[i + 1] as number; k < e; k += 1) {
    const after = t.values[k] as number;
    const m = classify(before, after, everPaid);
    if (m) visit(t.days[k] as number, m.kind, m.amount, before, after);
    if (after > 0) everPaid = true;
    before = after;
  }
}

function periodPosition(periods: readonly Period[], day: number): number {
  let lo = 0;
  let hi = periods.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((periods[mid] as Period).startDay <= day) lo = mid + 1;
    else hi = mid;
  }
  const p = lo - 1;
  return p >= 0 && day <= (periods[p] as Period).measureEndDay ? p : -1;
}

export interface RevenueRetentionPeriod {
  period: Period;
  startMrr: number;
  endMrr: number;
  /** Amounts, each >= 0. */
  movements: MrrMovementTotals;
  /** Number of movement events of each kind (ChartMogul's "activities"). */
  counts: MrrMovementTotals;
  /** Customers with MRR > 0 at the start and at the end. */
  startCustomers: number;
  endCustomers: number;
  /** Absent with 'no-mrr-at-start' when start MRR is 0. */
  grr: Figure;
  nrr: Figure;
  /** End MRR of the customers who had MRR at the start, and the part of it capped at their start MRR. */
  baseEndMrr: number;
  baseRetainedMrr: number;
  baseGrr: Figure;
  baseNrr: Figure;
  /** B: the same calendar day twelve months before the period's measured end ('YYYY-MM-DD'). */
  t12mBaseDate: string;
  /** MRR at B of the customers paying then, their MRR at the period's end, and the part capped at B. */
  t12mStartMrr: number;
  t12mEndMrr: number;
  t12mRetainedMrr: number;
  t12mGrr: Figure;
  t12mNrr: Figure;
}

/** The same calendar day twelve months earlier (29 February falls back to the 28th). */
export function yearBefore(day: DayNumber): DayNumber {
  const [y, m, d] = fromDay(day).split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return Math.floor(Date.UTC(y - 1, m - 1, Math.min(d, lastOfMonth)) / 86_400_000);
}

const zeroTotals = (): MrrMovementTotals => ({ new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0 });

/**
 * Periods must be ascending and non-overlapping (periodsEndingAt / periodsBetween). `firstDataDay`,
 * the first contract start of the data, makes a trailing-twelve-month figure whose base date precedes
 * it absent instead of resting on a partial base.
 */
export function revenueRetentionByPeriod(
  t: MrrTimeline,
  periods: readonly Period[],
  subset?: ArrayLike<number>,
  firstDataDay: DayNumber | null = null,
): RevenueRetentionPeriod[] {
  const rows = periods.map((period) => ({
    t12mBaseDay: yearBefore(period.measureEndDay),
    t12mStartMrr: 0,
    t12mEndMrr: 0,
    t12mRetainedMrr: 0,
    period,
    startMrr: 0,
    endMrr: 0,
    movements: zeroTotals(),
    counts: zeroTotals(),
    startCustomers: 0,
    endCustomers: 0,
    baseEndMrr: 0,
    baseRetainedMrr: 0,
  }));
  const n = subset ? subset.length : t.customerKeys.length;
  for (let x = 0; x < n; x += 1) {
    const i = subset ? (subset[x] as number) : x;
    if ((t.offsets[i] as number) === (t.offsets[i + 1] as number)) continue;
    for (const r of rows) {
      const s = mrrAt(t, i, r.period.startDay - 1);
      const e = mrrAt(t, i, r.period.measureEndDay);
      r.startMrr += s;
      r.endMrr += e;
      if (s > 0) {
        r.startCustomers += 1;
        r.baseEndMrr += e;
        r.baseRetainedMrr += Math.min(s, e);
      }
      if (e > 0) r.endCustomers += 1;
      const b = mrrAt(t, i, r.t12mBaseDay);
      if (b > 0) {
        r.t12mStartMrr += b;
        r.t12mEndMrr += e;
        r.t12mRetainedMrr += Math.min(b, e);
      }
    }
    eachMovement(t, i, (day, kind, amount) => {
      const p = periodPosition(periods, day);
      if (p < 0) return;
      const r = rows[p] as (typeof rows)[number];
      r.movements[kind] += amount;
      r.counts[kind] += 1;
    });
  }
  return rows.map(({ t12mBaseDay, ...r }) => {
    const m = r.movements;
    const early = firstDataDay !== null && t12mBaseDay < firstDataDay;
    const t12m = (num: number): Figure => (early ? { value: null, reason: 'history-shorter-than-12-months' } : ratio(num, r.t12mStartMrr, 'no-mrr-at-start'));
    return {
      ...r,
      t12mBaseDate: fromDay(t12mBaseDay),
      t12mGrr: t12m(r.t12mRetainedMrr),
      t12mNrr: t12m(r.t12mEndMrr),
      grr: ratio(r.startMrr - m.contraction - m.churn, r.startMrr, 'no-mrr-at-start'),
      nrr: ratio(r.startMrr + m.expansion + m.reactivation - m.contraction - m.churn, r.startMrr, 'no-mrr-at-start'),
      baseGrr: ratio(r.baseRetainedMrr, r.startMrr, 'no-mrr-at-start'),
      baseNrr: ratio(r.baseEndMrr, r.startMrr, 'no-mrr-at-start'),
    };
  });
}

/** Drill-down: the movements inside `period` (optionally of one kind), in customer then day order. */
export function mrrEventsIn(t: MrrTimeline, period: Period, kind?: MrrMovement, subset?: ArrayLike<number>): MrrEvent[] {
  const out: MrrEvent[] = [];
  const n = subset ? subset.length : t.customerKeys.length;
  for (let x = 0; x < n; x += 1) {
    const i = subset ? (subset[x] as number) : x;
    eachMovement(t, i, (day, k, amount, mrrBefore, mrrAfter) => {
      if (day < period.startDay || day > period.measureEndDay || (kind && k !== kind)) return;
      out.push({ customerKey: t.customerKeys[i] as string, date: fromDay(day), kind: k, amount, mrrBefore, mrrAfter });
    });
  }
  return out;
}
