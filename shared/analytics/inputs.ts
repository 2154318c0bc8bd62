// The compact inputs every analytics function reads. SQL does the heavy grouping (2,000,000 order
// lines become one row per customer-day); these structures keep the result in flat typed arrays
// (CSR layout: customer i owns entries offsets[i] .. offsets[i+1]-1) so 100,000 customers cost a few
// megabytes and every pass is a linear scan.

import type { Contract, OrderLine } from '../domain/entities';
import { OPEN_END, toDay, type DayNumber } from './days';

export interface PurchaseLedger {
  /** Customer i's key; the same order is used by every per-customer result built from this ledger. */
  customerKeys: readonly string[];
  /** Length customerKeys.length + 1. */
  offsets: Int32Array;
  /** Ascending within a customer: the days on which the customer has at least one order. */
  days: Int32Array;
  /** Net value of the customer's orders dated that day (order = sum of its lines; returns are negative). */
  amounts: Float64Array;
  /**
   * Distinct orders dated that day whose total is positive. Only these count as purchases (activity,
   * recency, frequency), because the issue says returns and free lines are not activity.
   */
  purchases: Int32Array;
  /** Largest single order total that day (0 when none is positive); feeds the tier upgrade trigger. */
  maxOrder: Float64Array;
}

/**
 * One customer-day, as SQL produces it:
 *   WITH o AS (SELECT customer_key, order_key, MIN(day) AS day, SUM(amount) AS amount
 *              FROM orders GROUP BY customer_key, order_key)
 *   SELECT customer_key, day, SUM(amount) AS amount, SUM(amount > 0) AS purchases,
 *          MAX(MAX(amount, 0)) AS max_order FROM o GROUP BY customer_key, day ORDER BY customer_key, day
 */
export interface LedgerDayRow {
  customerKey: string;
  day: DayNumber;
  amount: number;
  purchases: number;
  maxOrder: number;
}

/**
 * Builds the ledger from customer-day rows. `customerKeys`, when given, fixes the customer order and
 * includes customers without orders (so ledger, contracts and attributes share one index); customers
 * met only in rows are appended. Rows may arrive in any order (sorted input skips the sort); rows for
 * the same customer-day are merged.
 */
export function ledgerFromDayRows(rows: Iterable<LedgerDayRow>, customerKeys?: readonly string[]): PurchaseLedger {
  const keys: string[] = customerKeys ? [...customerKeys] : [];
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  const cust: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  const purchases: number[] = [];
  const maxOrder: number[] = [];
  let sorted = true;
  for (const r of rows) {
    let ci = index.get(r.customerKey);
    if (ci === undefined) {
      ci = keys.length;
      keys.push(r.customerKey);
      index.set(r.customerKey, ci);
    }
    const n = cust.length;
    if (n > 0) {
      const pc = cust[n - 1] as number;
      const pd = day[n - 1] as number;
      if (pc === ci && pd === r.day) {
        amount[n - 1] = (amount[n - 1] as number) + r.amount;
        purchases[n - 1] = (purchases[n - 1] as number) + r.purchases;
        maxOrder[n - 1] = Math.max(maxOrder[n - 1] as number, r.maxOrder);
        continue;
      }
      if (ci < pc || (ci === pc && r.day < pd)) sorted = false;
    }
    cust.push(ci);
    day.push(r.day);
    amount.push(r.amount);
    purchases.push(r.purchases);
    maxOrder.push(Math.max(0, r.maxOrder));
  }
  let order: number[] | null = null;
  if (!sorted) {
    order = cust.map((_, i) => i);
    order.sort((a, b) => (cust[a] as number) - (cust[b] as number) || (day[a] as number) - (day[b] as number));
  }
  const n = keys.length;
  const offsets = new Int32Array(n + 1);
  const m = cust.length;
  const out = {
    days: new Int32Array(m),
    amounts: new Float64Array(m),
    purchases: new Int32Array(m),
    maxOrder: new Float64Array(m),
  };
  // After sorting, equal customer-days from unsorted input may sit side by side: merge them.
  let w = -1;
  let lastC = -1;
  let lastD = Number.NaN;
  const counts = new Int32Array(n);
  for (let k = 0; k < m; k += 1) {
    const src = order ? (order[k] as number) : k;
    const c = cust[src] as number;
    const d = day[src] as number;
    if (c === lastC && d === lastD) {
      out.amounts[w] = (out.amounts[w] as number) + (amount[src] as number);
      out.purchases[w] = (out.purchases[w] as number) + (purchases[src] as number);
      out.maxOrder[w] = Math.max(out.maxOrder[w] as number, maxOrder[src] as number);
      continue;
    }
    w += 1;
    lastC = c;
    lastD = d;
    counts[c] = (counts[c] as number) + 1;
    out.days[w] = d;
    out.amounts[w] = amount[src] as number;
    out.purchases[w] = purchases[src] as number;
    out.maxOrder[w] = maxOrder[src] as number;
  }
  const size = w + 1;
  for (let i = 0; i < n; i += 1) offsets[i + 1] = (offsets[i] as number) + (counts[i] as number);
  return {
    customerKeys: keys,
    offsets,
    days: out.days.slice(0, size),
    amounts: out.amounts.slice(0, size),
    purchases: out.purchases.slice(0, size),
    maxOrder: out.maxOrder.slice(0, size),
  };
}

export type LedgerOrderLine = Pick<OrderLine, 'customerKey' | 'orderKey' | 'orderDate' | 'amount'>;

/**
 * The same ledger from raw order lines, for tests and small data (the backend lets SQL do this).
 * An order is keyed by customer and order id, dated by its earliest line, valued at the sum of its lines.
 */
export function ledgerFromOrderLines(lines: readonly LedgerOrderLine[], customerKeys?: readonly string[]): PurchaseLedger {
  const orders = new Map<string, { customerKey: string; day: number; amount: number }>();
  for (const l of lines) {
    const id = `${l.customerKey}\u0000${l.orderKey}`;
    const d = toDay(l.orderDate);
    const o = orders.get(id);
    if (o) {
      o.amount += l.amount;
      o.day = Math.min(o.day, d);
    } else orders.set(id, { customerKey: l.customerKey, day: d, amount: l.amount });
  }
  const rows: LedgerDayRow[] = [...orders.values()].map((o) => ({
    customerKey: o.customerKey,
    day: o.day,
    amount: o.amount,
    purchases: o.amount > 0 ? 1 : 0,
    maxOrder: Math.max(0, o.amount),
  }));
  return ledgerFromDayRows(rows, customerKeys);
}

/** A contract reduced to what retention needs: who, the days it is live (inclusive), and its MRR. */
export interface ContractSpan {
  customerKey: string;
  startDay: DayNumber;
  /** Last live day, inclusive: the earlier of end date and cancellation date; OPEN_END when neither. */
  endDay: DayNumber;
  mrr: number;
}

export type SpanContract = Pick<Contract, 'customerKey' | 'startDate' | 'endDate' | 'cancelledDate' | 'mrr'>;

/**
 * "Live at d" = start <= d and (no end or end >= d) and not cancelled before d; so the cancellation
 * day itself is still live, and the live days are [start, min(end, cancelled)].
 */
export function contractSpanOf(c: SpanContract): ContractSpan {
  let end = c.endDate ? toDay(c.endDate) : OPEN_END;
  if (c.cancelledDate) end = Math.min(end, toDay(c.cancelledDate));
  return { customerKey: c.customerKey, startDay: toDay(c.startDate), endDay: end, mrr: c.mrr };
}

/** Customer key -> index for any structure carrying customerKeys. */
export function indexOfKeys(customerKeys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  customerKeys.forEach((k, i) => m.set(k, i));
  return m;
}

/**
 * Customer indices that start from a given order (to share one index with the ledger) and append
 * customers met only later (in contracts), so every structure of a run agrees on index i.
 */
export function customerIndexer(customerKeys?: readonly string[]): { keys: string[]; indexOf(key: string): number } {
  const keys: string[] = customerKeys ? [...customerKeys] : [];
  const index = indexOfKeys(keys);
  return {
    keys,
    indexOf(key: string): number {
      let c = index.get(key);
      if (c === undefined) {
        c = keys.length;
        keys.push(key);
        index.set(key, c);
      }
      return c;
    },
  };
}
