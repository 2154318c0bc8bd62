// "Active at day d", the one definition retention, cohorts and lifecycle share. Each customer's
// activity is reduced to sorted, disjoint, inclusive day spans, so "active at d" is a binary search,
// "first became a customer" is the first span's start and a reactivation is any later span's start.

import { lastAtOrBefore, type DayNumber } from './days';
import { customerIndexer, type ContractSpan, type PurchaseLedger } from './inputs';

export const ACTIVITY_BASES = ['non-contractual', 'contractual'] as const;
export type ActivityBasis = (typeof ACTIVITY_BASES)[number];

export interface ActivitySpans {
  basis: ActivityBasis;
  customerKeys: readonly string[];
  /** Customer i owns spans offsets[i] .. offsets[i+1]-1. */
  offsets: Int32Array;
  /** Inclusive first and last active day of each span; ends may be Infinity (open-ended contract). */
  starts: Float64Array;
  ends: Float64Array;
}

class SpanBuilder {
  readonly offsets: Int32Array;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** First span of the customer being built: merging never reaches back into the previous customer. */
  private lastOpen = 0;
  constructor(n: number) {
    this.offsets = new Int32Array(n + 1);
  }
  /** Spans must be added per customer in ascending customer order, starts ascending. */
  add(start: number, end: number): void {
    const n = this.ends.length;
    // Touching spans merge: a gap of zero days is no lapse in activity.
    if (n > this.lastOpen && start <= (this.ends[n - 1] as number) + 1) {
      if (end > (this.ends[n - 1] as number)) this.ends[n - 1] = end;
      return;
    }
    this.starts.push(start);
    this.ends.push(end);
  }
  close(customer: number): void {
    this.offsets[customer + 1] = this.ends.length;
    this.lastOpen = this.ends.length;
  }
  build(basis: ActivityBasis, customerKeys: readonly string[]): ActivitySpans {
    return {
      basis,
      customerKeys,
      offsets: this.offsets,
      starts: Float64Array.from(this.starts),
      ends: Float64Array.from(this.ends),
    };
  }
}

/**
 * Non-contractual activity: a customer is active at d when they made a purchase (an order with a
 * positive total) on one of the `windowDays` days ending at d, i.e. on a day p with d - windowDays < p <= d.
 * So purchase day p keeps the customer active on [p, p + windowDays - 1].
 */
export function purchaseActivity(ledger: PurchaseLedger, windowDays: number): ActivitySpans {
  const n = ledger.customerKeys.length;
  const b = new SpanBuilder(n);
  const w = Math.max(1, Math.floor(windowDays));
  for (let i = 0; i < n; i += 1) {
    for (let j = ledger.offsets[i] as number, e = ledger.offsets[i + 1] as number; j < e; j += 1) {
      if ((ledger.purchases[j] as number) <= 0) continue;
      const p = ledger.days[j] as number;
      b.add(p, p + w - 1);
    }
    b.close(i);
  }
  return b.build('non-contractual', ledger.customerKeys);
}

/**
 * Contractual activity: active at d when a contract with a positive MRR is live at d. Zero-value
 * contracts do not make a customer, for the same reason a free order line is not a purchase (and
 * ChartMogul counts a customer only while MRR > 0). `customerKeys` fixes the customer order (use the
 * ledger's to share one index); customers met only in contracts are appended.
 */
export function contractActivity(contracts: readonly ContractSpan[], customerKeys?: readonly string[]): ActivitySpans {
  const { keys, indexOf } = customerIndexer(customerKeys);
  const live: { c: number; s: number; e: number }[] = [];
  for (const k of contracts) {
    if (!(k.mrr > 0) || !(k.endDay >= k.startDay)) continue;
    const c = indexOf(k.customerKey);
    live.push({ c, s: k.startDay, e: k.endDay });
  }
  live.sort((a, b) => a.c - b.c || a.s - b.s);
  const b = new SpanBuilder(keys.length);
  let j = 0;
  for (let i = 0; i < keys.length; i += 1) {
    while (j < live.length && (live[j] as { c: number }).c === i) {
      const x = live[j] as { s: number; e: number };
      b.add(x.s, x.e);
      j += 1;
    }
    b.close(i);
  }
  return b.build('contractual', keys);
}

/** Index of customer i's span covering `day`, or -1. */
export function spanAt(a: ActivitySpans, i: number, day: DayNumber): number {
  const from = a.offsets[i] as number;
  const k = lastAtOrBefore(a.starts, from, a.offsets[i + 1] as number, day);
  return k >= from && (a.ends[k] as number) >= day ? k : -1;
}

export function isActiveAt(a: ActivitySpans, i: number, day: DayNumber): boolean {
  return spanAt(a, i, day) >= 0;
}

/** The day customer i first became a customer (first span start), or null if never. */
export function firstActiveDay(a: ActivitySpans, i: number): DayNumber | null {
  const from = a.offsets[i] as number;
  return from < (a.offsets[i + 1] as number) ? (a.starts[from] as number) : null;
}
