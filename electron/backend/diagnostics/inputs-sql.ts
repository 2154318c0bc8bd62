// The diagnostic run's inputs, aggregated in SQL over the canonical tables (customers, orders,
// contracts), read with .raw() so no row object is built. Dates become day numbers through a small
// cache (a few thousand distinct dates), never a Date object per row.

import type { ReadableDB } from '../workspace/connection';
import type { ContractSpan, CustomerAttributeColumns, DiagnosticDataStamp, DiagnosticInputs, PurchaseLedger } from '../../../shared/analytics';
import { fromDay, OPEN_END, toDay } from '../../../shared/analytics';
import type { CancelSignal } from '../../../shared/contract/define';
import { throwIfCancelled } from '../jobs';

export interface InputsOptions {
  /** Benchmarks: told how long each bulk query (and its folding) took. */
  onQuery?: (label: string, ms: number) => void;
  /** Read between blocks of customers in the orders pass (seconds on 10,000,000 lines). */
  signal?: CancelSignal;
}

/** Customers between cancel checks in the orders pass: ~20 ms of folding on the bench machine. */
const CHECK_EVERY = 4096;

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
function loadCustomers(sqlite: ReadableDB): { keys: string[]; attributes: CustomerAttributeColumns } {
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

// Years 1900-2199 by month and day: (year - 1900) * 372 + (month - 1) * 31 + (day - 1).
const DAY_TABLE_SIZE = 300 * 372;

/** Day number of the date at s[from, to) ('YYYY-MM-DD', maybe with a time after it); NaN if unreadable. */
function dayAt(s: string, from: number, to: number, table: Float64Array): number {
  const y = (s.charCodeAt(from) - 48) * 1000 + (s.charCodeAt(from + 1) - 48) * 100 + (s.charCodeAt(from + 2) - 48) * 10 + (s.charCodeAt(from + 3) - 48);
  const m = (s.charCodeAt(from + 5) - 48) * 10 + (s.charCodeAt(from + 6) - 48);
  const d = (s.charCodeAt(from + 8) - 48) * 10 + (s.charCodeAt(from + 9) - 48);
  const slot = (y - 1900) * 372 + (m - 1) * 31 + (d - 1);
  if (!(slot >= 0 && slot < DAY_TABLE_SIZE) || m < 1 || m > 12 || d < 1 || d > 31 || to - from < 10) return toDay(s.slice(from, to));
  let v = table[slot] as number;
  if (v === -1) {
    v = toDay(s.slice(from, from + 10));
    table[slot] = v;
  }
  return v;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A decimal as SQLite prints a REAL ('1234.5', '-300.0') without building a substring. Digits are
 * read as one integer and divided once by a power of ten: both exact, so the one rounding gives the
 * same double as Number(). Anything else (exponents, 16+ digits) goes through Number().
 */
function parseAmount(s: string, from: number, to: number): number {
  let i = from;
  let neg = false;
  if (s.charCodeAt(i) === 45) {
    neg = true;
    i += 1;
  }
  let mant = 0;
  let digits = 0;
  let frac = -1;
  for (; i < to; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits += 1;
      if (frac >= 0) frac += 1;
    } else if (c === 46 && frac < 0) frac = 0;
    else return Number(s.slice(from, to));
  }
  if (digits === 0 || digits > 15) return Number(s.slice(from, to));
  const v = frac > 0 ? mant / (POW10[frac] as number) : mant;
  return neg ? -v : v;
}

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
export function loadLedger(sqlite: ReadableDB, keys: readonly string[], signal?: CancelSignal): PurchaseLedger & { orders: number; lines: number } {
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  const allKeys = [...keys];
  // Day numbers by (year, month, day) in a flat table: one array read per line instead of a Map lookup.
  const dayOf = new Float64Array(DAY_TABLE_SIZE).fill(-1);
  const rows = sqlite
    .prepare(
      `select customer_key, group_concat(order_date || char(31) || amount || char(31) || order_key, char(30))
       from orders indexed by orders_customer_date group by customer_key`,
    )
    .raw(true);
  // Customer-days, appended per customer into growable typed arrays (no per-customer allocation).
  let cap = 1 << 16;
  let size = 0;
  let cust = new Int32Array(cap);
  let days = new Int32Array(cap);
  let amounts = new Float64Array(cap);
  let purchases = new Int32Array(cap);
  let maxOrder = new Float64Array(cap);
  const grow = () => {
    cap *= 2;
    const widen = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    cust = widen(cust, (k) => new Int32Array(k));
    days = widen(days, (k) => new Int32Array(k));
    amounts = widen(amounts, (k) => new Float64Array(k));
    purchases = widen(purchases, (k) => new Int32Array(k));
    maxOrder = widen(maxOrder, (k) => new Float64Array(k));
  };
  let orders = 0;
  let lines = 0;
  const oDay: number[] = [];
  const oAmt: number[] = [];
  const byKey = new Map<string, number>();
  // Iterated, not .all(): one customer's packed string is alive at a time (peak memory, GC). The
  // open cursor rules out awaiting here, so cancel is a synchronous check: it stops a run in a job
  // thread mid-pass; a run on the caller's thread sees the cancel at the next phase.
  let seen = 0;
  for (const [key, packed] of rows.iterate() as IterableIterator<[string, string]>) {
    if (signal && ++seen % CHECK_EVERY === 0) throwIfCancelled(signal);
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
      const a1 = packed.indexOf(US, pos) + 1;
      const a2 = packed.indexOf(US, a1);
      const d = dayAt(packed, pos, a1 - 1, dayOf);
      const amount = parseAmount(packed, a1, a2);
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
    let order: number[] | null = null;
    for (let x = 1; x < m; x += 1) {
      if ((oDay[x] as number) < (oDay[x - 1] as number)) {
        order = oDay.map((_, y) => y).sort((p, q) => (oDay[p] as number) - (oDay[q] as number));
        break;
      }
    }
    let last = Number.NaN;
    for (let x = 0; x < m; x += 1) {
      const src = order ? (order[x] as number) : x;
      const d = oDay[src] as number;
      const a = oAmt[src] as number;
      if (d !== last) {
        if (size === cap) grow();
        cust[size] = i;
        days[size] = d;
        amounts[size] = 0;
        purchases[size] = 0;
        maxOrder[size] = 0;
        size += 1;
        last = d;
      }
      const w = size - 1;
      amounts[w] = (amounts[w] as number) + a;
      if (a > 0) {
        purchases[w] = (purchases[w] as number) + 1;
        if (a > (maxOrder[w] as number)) maxOrder[w] = a;
      }
    }
  }
  // Customer-days sit in blocks per customer, in SQL's key order; place each block at its customer's
  // index (a counting sort; a straight copy when the orders agree).
  const n = allKeys.length;
  const offsets = new Int32Array(n + 1);
  for (let j = 0; j < size; j += 1) offsets[(cust[j] as number) + 1] = (offsets[(cust[j] as number) + 1] as number) + 1;
  for (let x = 0; x < n; x += 1) offsets[x + 1] = (offsets[x + 1] as number) + (offsets[x] as number);
  const out = { days: new Int32Array(size), amounts: new Float64Array(size), purchases: new Int32Array(size), maxOrder: new Float64Array(size) };
  const next = offsets.slice(0, n);
  for (let j = 0; j < size; j += 1) {
    const c = cust[j] as number;
    const w = next[c] as number;
    next[c] = w + 1;
    out.days[w] = days[j] as number;
    out.amounts[w] = amounts[j] as number;
    out.purchases[w] = purchases[j] as number;
    out.maxOrder[w] = maxOrder[j] as number;
  }
  return { customerKeys: allKeys, offsets, ...out, orders, lines };
}

/** Contracts reduced to live spans; the cancellation day is the last live day (inputs.ts). */
export function loadContracts(sqlite: ReadableDB): ContractSpan[] {
  const day = dayCache();
  const rows = sqlite.prepare(`select customer_key, start_date, end_date, cancelled_date, mrr from contracts`).raw(true).all() as [
    string,
    string,
    string | null,
    string | null,
    number,
  ][];
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
export function loadDataStamp(sqlite: ReadableDB, ledger: PurchaseLedger, orders: number, orderLines: number): DiagnosticDataStamp {
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

export function loadDiagnosticInputs(sqlite: ReadableDB, opts: InputsOptions = {}): DiagnosticInputs {
  const timed = <T>(label: string, f: () => T): T => {
    const t0 = opts.onQuery ? performance.now() : 0;
    const r = f();
    opts.onQuery?.(label, performance.now() - t0);
    return r;
  };
  const { keys, attributes } = timed('customers', () => loadCustomers(sqlite));
  const { orders, lines, ...ledger } = timed('orders', () => loadLedger(sqlite, keys, opts.signal));
  const contracts = timed('contracts', () => loadContracts(sqlite));
  const data = timed('stamp', () => loadDataStamp(sqlite, ledger, orders, lines));
  return { ledger, contracts, attributes, data };
}
