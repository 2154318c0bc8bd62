// Reads what the impact measures need from the canonical tables: the indicator data, the repair
// records behind the one-month checks, and the last day the data covers.

import type { ReadableDB } from '../workspace/connection';
import type { IndicatorData, IndicatorRepair } from '../../../shared/impact/indicators';
import type { RepairRecord } from '../../../shared/impact/repairs';
import type { RepairCheckResult } from '../../../shared/health/repair-check';

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

export function loadIndicatorData(sqlite: ReadableDB): IndicatorData {
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
  const orders = (
    sqlite.prepare(`select customer_key, order_date, amount, is_return, category, product, channel from orders`).all() as {
      customer_key: string;
      order_date: string;
      amount: number;
      is_return: number;
      category: string | null;
      product: string | null;
      channel: string | null;
    }[]
  ).map((o) => ({
    customerKey: o.customer_key,
    date: o.order_date.slice(0, 10),
    amount: o.is_return === 1 ? -Math.abs(o.amount) : o.amount,
    category: o.category,
    product: o.product,
    channel: o.channel,
  }));
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
  const surveys = (
    sqlite.prepare(`select customer_key, date, nps from surveys where nps is not null`).all() as { customer_key: string; date: string; nps: number }[]
  ).map((s) => ({ customerKey: s.customer_key, date: s.date.slice(0, 10), nps: s.nps }));
  const repairs: IndicatorRepair[] = repairRecords(sqlite).map((r) => ({
    customerKey: r.customerKey,
    highRisk: r.highRisk,
    closedAt: r.closedAt,
    verdict: r.verdict,
  }));
  return { customers, orders, contracts, surveys, repairs };
}
