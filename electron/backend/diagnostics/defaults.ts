// What a run takes when the caller leaves things out, and what the parameter bar shows before any run.

import type { ReadableDB } from '../workspace/connection';
import { fromDay, toDay, type Grain } from '../../../shared/analytics';
import type { DataOverview } from '../../../shared/contract/diagnostics';

const pad = (n: number) => String(n).padStart(2, '0');

/** Local wall clock, 'YYYY-MM-DDTHH:mm:ss': when the consultant ran it, as their clock read. */
export function localNow(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * The latest purchase date (an order line with a positive amount), else the latest order date, else
 * the latest contract start, else today. A client's export is a snapshot: measuring "as of today"
 * months after the export would show everyone as lapsed. Credit notes and returns are left out: an
 * export whose last rows are cancellations would otherwise start a period made only of refunds.
 */
export function defaultAsOf(sqlite: ReadableDB): string {
  const r = sqlite.prepare(`select coalesce(max(case when amount > 0 then order_date end), max(order_date)) from orders`).raw(true).get() as [string | null];
  if (r[0]) return r[0].slice(0, 10);
  const k = sqlite.prepare(`select max(start_date) from contracts`).raw(true).get() as [string | null];
  if (k[0]) return k[0].slice(0, 10);
  const now = new Date();
  return fromDay(Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000));
}

/**
 * The grain that fits the data: contract data (no orders) are judged by quarter, as B2B renewals are;
 * order histories of three years or more by quarter too (a monthly trend of 36+ points and hundreds of
 * monthly cohorts of a few customers each read as noise); shorter histories by month.
 */
export function defaultGrain(d: DataOverview): Grain {
  if (d.orderLines === 0) return d.hasContracts ? 'quarter' : 'month';
  if (d.firstOrderDate && d.lastOrderDate && toDay(d.lastOrderDate) - toDay(d.firstOrderDate) >= 3 * 365) return 'quarter';
  return 'month';
}

/** Cheap counts for the parameter bar (indexed min/max; no pass over the orders' amounts). */
export function dataOverview(sqlite: ReadableDB): DataOverview {
  const o = sqlite.prepare(`select count(*), min(order_date), max(order_date) from orders`).raw(true).get() as [number, string | null, string | null];
  const k = sqlite.prepare(`select count(*), sum(mrr > 0) from contracts`).raw(true).get() as [number, number | null];
  const c = sqlite.prepare(`select count(*) from customers`).raw(true).get() as [number];
  return {
    customers: c[0],
    orderLines: o[0],
    contracts: k[0],
    firstOrderDate: o[1] ? o[1].slice(0, 10) : null,
    lastOrderDate: o[2] ? o[2].slice(0, 10) : null,
    hasContracts: (k[1] ?? 0) > 0,
  };
}
