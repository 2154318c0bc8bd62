// Reads what the impact measures need from the canonical tables: the indicator data, the repair
// records behind the one-month checks, and the last day the data covers.

import type { ReadableDB } from '../workspace/connection';
import type { IndicatorData, IndicatorOrder, IndicatorRepair } from '../../../shared/impact/indicators';
import type { RepairRecord } from '../../../shared/impact/repairs';
import type { RepairCheckResult } from '../../../shared/health/repair-check';
import { runSteps, type Steps } from './steps';

/** The last day with orders or contract starts; null for an empty workspace. */
export function dataEnd(sqlite: ReadableDB): string | null {
  const r = sqlite
    .prepare(
      `select max(d) as d from (select max(order_date) as d from orders union all select max(start_date) from contracts union all select max(date) from surveys)`,
    )
    .get() as { d: string | null };
  return r.d ? r.d.slice(0, 10) : null;
}

const tagsOf = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export function repairRecords(sqlite: ReadableDB): RepairRecord[] {
  const rows = sqlite
    .prepare(
      `select a.id, a.customer_key, a.template_id, a.owner, a.status, a.closed_at, a.source_kind, a.source, a.repair_check from health_action a order by a.id`,
    )
    .all() as {
    id: number;
    customer_key: string;
    template_id: string;
    owner: string | null;
    status: string;
    closed_at: string | null;
    source_kind: string;
    source: string;
    repair_check: string | null;
  }[];
  return rows.map((r) => {
    const src = JSON.parse(r.source || '{}') as { kind?: string; ruleId?: string; severity?: string };
    const severity = r.source_kind === 'redScore' ? 'redScore' : (src.severity ?? 'manual');
    const check = r.repair_check ? (JSON.parse(r.repair_check) as RepairCheckResult) : null;
    return {
      actionId: r.id,
      customerKey: r.customer_key,
      severity,
      ruleId: src.ruleId ?? null,
      owner: r.owner,
      actionType: r.template_id,
      status: r.status,
      closedAt: r.closed_at,
      verdict: check?.verdict ?? null,
      // High risk (重度风险): a heavy signal or a red health score.
      highRisk: severity === 'heavy' || severity === 'redScore',
    };
  });
}

/** Orders are read in pages of this many rows, so a job reports progress and can stop between them. */
const ORDER_PAGE = 100_000;

/**
 * Every order, the day and the net amount (returns subtract) made in SQL, page by page in rowid order
 * with a step after each page: no statement stays open across a step, so the connection is free while
 * a job yields.
 */
export function* orderSteps(sqlite: ReadableDB): Steps<IndicatorOrder[]> {
  const total = sqlite.prepare(`select count(*) from orders`).pluck().get() as number;
  const page = sqlite.prepare(
    `select rowid as id, customer_key as customerKey, substr(order_date, 1, 10) as date,
            case when is_return = 1 then -abs(amount) else amount end as amount, category, product, channel
     from orders where rowid > ? order by rowid limit ${ORDER_PAGE}`,
  );
  const orders: IndicatorOrder[] = [];
  yield { phase: 'orders', done: 0, total };
  for (let after = 0; ;) {
    const rows = page.all(after) as (IndicatorOrder & { id: number })[];
    for (const r of rows)
      orders.push({ customerKey: r.customerKey, date: r.date, amount: r.amount, category: r.category, product: r.product, channel: r.channel });
    if (rows.length < ORDER_PAGE) break;
    after = (rows[rows.length - 1] as { id: number }).id;
    yield { phase: 'orders', done: orders.length, total };
  }
  yield { phase: 'orders', done: orders.length, total };
  return orders;
}

/** Everything the indicators read, with a step after each table and each page of orders. */
export function* indicatorDataSteps(sqlite: ReadableDB): Steps<IndicatorData> {
  const customers = (
    sqlite.prepare(`select customer_key, is_benchmark, industry, segment, tags, first_seen, churn_date from customers`).all() as {
      customer_key: string;
      is_benchmark: number;
      industry: string | null;
      segment: string | null;
      tags: string;
      first_seen: string | null;
      churn_date: string | null;
    }[]
  ).map((c) => ({
    key: c.customer_key,
    isBenchmark: c.is_benchmark === 1,
    industry: c.industry,
    segment: c.segment,
    tags: tagsOf(c.tags),
    firstSeen: c.first_seen,
    churnDate: c.churn_date ? c.churn_date.slice(0, 10) : null,
  }));
  yield { phase: 'customers', done: customers.length, total: customers.length };
  const orders = yield* orderSteps(sqlite);
  const contracts = (
    sqlite.prepare(`select contract_key, customer_key, start_date, end_date, cancelled_date, mrr, status, renewal_of from contracts`).all() as {
      contract_key: string;
      customer_key: string;
      start_date: string;
      end_date: string | null;
      cancelled_date: string | null;
      mrr: number;
      status: string | null;
      renewal_of: string | null;
    }[]
  ).map((k) => ({
    key: k.contract_key,
    customerKey: k.customer_key,
    start: k.start_date.slice(0, 10),
    end: k.end_date ? k.end_date.slice(0, 10) : null,
    cancelled: k.cancelled_date ? k.cancelled_date.slice(0, 10) : null,
    mrr: k.mrr,
    status: k.status,
    renewalOf: k.renewal_of,
  }));
  yield { phase: 'contracts', done: contracts.length, total: contracts.length };
  const surveys = (
    sqlite.prepare(`select customer_key, date, nps from surveys where nps is not null`).all() as { customer_key: string; date: string; nps: number }[]
  ).map((s) => ({ customerKey: s.customer_key, date: s.date.slice(0, 10), nps: s.nps }));
  const repairs: IndicatorRepair[] = repairRecords(sqlite).map((r) => ({
    customerKey: r.customerKey,
    highRisk: r.highRisk,
    closedAt: r.closedAt,
    verdict: r.verdict,
  }));
  yield { phase: 'surveys', done: surveys.length, total: surveys.length };
  return { customers, orders, contracts, surveys, repairs };
}

export function loadIndicatorData(sqlite: ReadableDB): IndicatorData {
  return runSteps(indicatorDataSteps(sqlite));
}
