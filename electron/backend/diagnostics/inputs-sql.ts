// The diagnostic run's inputs, aggregated in SQL over the canonical tables (customers, orders,
// contracts), read with .raw() so no row object is built. Dates become day numbers through a small
// cache (a few thousand distinct dates), never a Date object per row.

import type Database from 'better-sqlite3';
import type { ContractSpan, CustomerAttributeColumns, DiagnosticDataStamp, DiagnosticInputs, PurchaseLedger } from '../../../shared/analytics';
import { fromDay, OPEN_END, toDay } from '../../../shared/analytics';

export interface InputsOptions {
  /** Benchmarks: told how long each bulk query (and its folding) took. */
  onQuery?: (label: string, ms: number) => void;
}

function dayCache(): (iso: string) => number {
  const cache = new Map<string, number>();
  return (iso) => {
    let d = cache.get(iso);
    if (d === undefined) {
      d = toDay(iso);
      cache.set(iso, d);
    }
    return d;
  };
}

/** Customers of the customer table, then contract customers missing from it, in key order. */
function loadCustomers(sqlite: Database.Database): { keys: string[]; attributes: CustomerAttributeColumns } {
  const rows = sqlite
    .prepare(`select customer_key, name, industry, segment, region, owner, is_benchmark from customers order by customer_key`)
    .raw(true)
    .all() as [string, string | null, string | null, string | null, string | null, string | null, number][];
  const known = new Set(rows.map((r) => r[0]));
  const extra = (sqlite.prepare(`select distinct customer_key from contracts`).raw(true).all() as [string][])
    .map((r) => r[0])
    .filter((k) => !known.has(k))
    .sort();
  const n = rows.length + extra.length;
  const keys = new Array<string>(n);
  const name = new Array<string | null>(n).fill(null);
  const industry = new Array<string | null>(n).fill(null);
  const segment = new Array<string | null>(n).fill(null);
  const region = new Array<string | null>(n).fill(null);
  const owner = new Array<string | null>(n).fill(null);
  const isBenchmark = new Uint8Array(n);
  rows.forEach((r, i) => {
    keys[i] = r[0];
    name[i] = r[1];
    industry[i] = r[2];
    segment[i] = r[3];
    region[i] = r[4];
    owner[i] = r[5];
    isBenchmark[i] = r[6] ? 1 : 0;
  });
  extra.forEach((k, j) => (keys[rows.length + j] = k));
  return { keys, attributes: { name, industry, segment, region, owner, isBenchmark } };
}

const RS = String.fromCharCode(30);
const US = String.fromCharCode(31);

/**
 * The purchase ledger (inputs.ts) from the orders table. Customers met only in orders are appended
 * after `keys`, so every structure of the run shares one index.
 *
 * Why one row per customer: better-sqlite3 costs about a microsecond per row returned, so 2,000,000
 * line rows (or 1,100,000 order rows) would take seconds on their own. SQLite streams the lines in
 * customer order from the orders_customer_date index and packs each customer's lines into one string
 * (date, amount, order key; ASCII record/unit separators), and JS folds lines into orders (keyed by
 * order key within the customer, dated by the earliest line) and orders into customer-days.
 */
export function loadLedger(sqlite: Database.Database, keys: readonly string[]): PurchaseLedger & { orders: number; lines: number } {
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  const allKeys = [...keys];
  const dayOf = new Map<number, number>();
  const rows = sqlite
    .prepare(
      `select customer_key, group_concat(substr(order_date, 1, 10) || char(31) || amount || char(31) || order_key, char(30))
       from orders indexed by orders_customer_date group by customer_key`,
    )
    .raw(true);
  const perCustomer: { i: number; days: Int32Array; amounts: Float64Array; purchases: Int32Array; maxOrder: Float64Array }[] = [];
  let orders = 0;
  let lines = 0;
  let total = 0;
  const oDay: number[] = [];
  const oAmt: number[] = [];
  const byKey = new Map<string, number>();
  // Iterated, not .all(): one customer's packed string is alive at a time (peak memory, GC).
  for (const [key, packed] of rows.iterate() as IterableIterator<[string, string]>) {
    let i = index.get(key);
    if (i === undefined) {
      i = allKeys.length;
      allKeys.push(key);
      index.set(key, i);
    }
    oDay.length = 0;
    oAmt.length = 0;
    byKey.clear();
    let pos = 0;
    const len = packed.length;
    let prevKey = '';
    let prevOrder = -1;
    while (pos < len) {
      let end = packed.indexOf(RS, pos);
      if (end < 0) end = len;
      // 'YYYY-MM-DD' read as digits: no substring, no Date.
      const ymd =
        ((packed.charCodeAt(pos) - 48) * 1000 + (packed.charCodeAt(pos + 1) - 48) * 100 + (packed.charCodeAt(pos + 2) - 48) * 10 + (packed.charCodeAt(pos + 3) - 48)) * 10_000 +
        ((packed.charCodeAt(pos + 5) - 48) * 10 + (packed.charCodeAt(pos + 6) - 48)) * 100 +
        (packed.charCodeAt(pos + 8) - 48) * 10 + (packed.charCodeAt(pos + 9) - 48);
      let d = dayOf.get(ymd);
      if (d === undefined) {
        d = toDay(packed.slice(pos, pos + 10));
        dayOf.set(ymd, d);
      }
      const a1 = packed.indexOf(US, pos + 10) + 1;
      const a2 = packed.indexOf(US, a1);
      const amount = Number(packed.slice(a1, a2));
      const k0 = a2 + 1;
      pos = end + 1;
      lines += 1;
      if (Number.isNaN(d) || Number.isNaN(amount)) continue;
      // Lines of one order usually sit side by side: compare in place before allocating the key.
      let o: number | undefined;
      if (prevOrder >= 0 && end - k0 === prevKey.length && packed.startsWith(prevKey, k0)) o = prevOrder;
      else {
        prevKey = packed.slice(k0, end);
        o = byKey.get(prevKey);
        if (o === undefined) {
          o = oDay.length;
          byKey.set(prevKey, o);
          oDay.push(d);
          oAmt.push(0);
        }
        prevOrder = o;
      }
      oAmt[o] = (oAmt[o] as number) + amount;
      if (d < (oDay[o] as number)) oDay[o] = d;
    }
    const m = oDay.length;
    if (m === 0) continue;
    orders += m;
    const order = oDay.map((_, x) => x);
    order.sort((a, b) => (oDay[a] as number) - (oDay[b] as number));
    let distinct = 0;
    for (let k = 0; k < m; k += 1) if (k === 0 || oDay[order[k] as number] !== oDay[order[k - 1] as number]) distinct += 1;
    const cd = { i, days: new Int32Array(distinct), amounts: new Float64Array(distinct), purchases: new Int32Array(distinct), maxOrder: new Float64Array(distinct) };
    let w = -1;
    let last = Number.NaN;
    for (let k = 0; k < m; k += 1) {
      const d = oDay[order[k] as number] as number;
      const a = oAmt[order[k] as number] as number;
      if (d !== last) {
        w += 1;
        cd.days[w] = d;
        last = d;
      }
      cd.amounts[w] = (cd.amounts[w] as number) + a;
      if (a > 0) {
        cd.purchases[w] = (cd.purchases[w] as number) + 1;
        if (a > (cd.maxOrder[w] as number)) cd.maxOrder[w] = a;
      }
    }
    total += distinct;
    perCustomer.push(cd);
  }
  const n = allKeys.length;
  const sizes = new Int32Array(n);
  for (const c of perCustomer) sizes[c.i] = c.days.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) offsets[i + 1] = (offsets[i] as number) + (sizes[i] as number);
  const out = { days: new Int32Array(total), amounts: new Float64Array(total), purchases: new Int32Array(total), maxOrder: new Float64Array(total) };
  for (const c of perCustomer) {
    const at = offsets[c.i] as number;
    out.days.set(c.days, at);
    out.amounts.set(c.amounts, at);
    out.purchases.set(c.purchases, at);
    out.maxOrder.set(c.maxOrder, at);
  }
  return { customerKeys: allKeys, offsets, ...out, orders, lines };
}

/** Contracts reduced to live spans; the cancellation day is the last live day (inputs.ts). */
export function loadContracts(sqlite: Database.Database): ContractSpan[] {
  const day = dayCache();
  const rows = sqlite
    .prepare(`select customer_key, start_date, end_date, cancelled_date, mrr from contracts`)
    .raw(true)
    .all() as [string, string, string | null, string | null, number][];
  const out: ContractSpan[] = [];
  for (const r of rows) {
    const start = day(r[1]);
    if (Number.isNaN(start)) continue;
    let end = r[2] ? day(r[2]) : OPEN_END;
    if (r[3]) end = Math.min(end, day(r[3]));
    if (Number.isNaN(end)) end = OPEN_END;
    out.push({ customerKey: r[0], startDay: start, endDay: end, mrr: r[4] });
  }
  return out;
}

/** Counts and date range; the order figures come from the ledger pass, not another scan of orders. */
export function loadDataStamp(sqlite: Database.Database, ledger: PurchaseLedger, orders: number, orderLines: number): DiagnosticDataStamp {
  const k = sqlite.prepare(`select count(*), min(start_date) from contracts`).raw(true).get() as [number, string | null];
  const c = sqlite.prepare(`select count(*) from customers`).raw(true).get() as [number];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < ledger.customerKeys.length; i += 1) {
    const from = ledger.offsets[i] as number;
    const to = ledger.offsets[i + 1] as number;
    if (from === to) continue;
    min = Math.min(min, ledger.days[from] as number);
    max = Math.max(max, ledger.days[to - 1] as number);
  }
  return {
    customers: c[0],
    orderLines,
    orders,
    contracts: k[0],
    firstOrderDate: Number.isFinite(min) ? fromDay(min) : null,
    lastOrderDate: Number.isFinite(max) ? fromDay(max) : null,
    firstContractDate: k[1] ? k[1].slice(0, 10) : null,
  };
}

export function loadDiagnosticInputs(sqlite: Database.Database, opts: InputsOptions = {}): DiagnosticInputs {
  const timed = <T>(label: string, f: () => T): T => {
    const t0 = opts.onQuery ? performance.now() : 0;
    const r = f();
    opts.onQuery?.(label, performance.now() - t0);
    return r;
  };
  const { keys, attributes } = timed('customers', () => loadCustomers(sqlite));
  const { orders, lines, ...ledger } = timed('orders', () => loadLedger(sqlite, keys));
  const contracts = timed('contracts', () => loadContracts(sqlite));
  const data = timed('stamp', () => loadDataStamp(sqlite, ledger, orders, lines));
  return { ledger, contracts, attributes, data };
}
