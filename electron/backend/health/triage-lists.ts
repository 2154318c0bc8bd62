// The signal inbox and the action board as the triage channels read them: a filtered, sorted page
// (of signals, of customers with their signals, or of actions), the totals and the counts per filter.

import type { ReadableDB } from '../workspace/connection';
import type { CustomerSignalGroup, TriageActionRow, TriageContext, TriageSignalRow } from '../../../shared/contract/triage';
import type { ActionFilter, ActionSort, FacetCounts, SignalFilter, SignalSort } from '../../../shared/health/triage';
import { toSignal, SIGNAL_COLUMNS } from './queries';
import { listActionsWhere } from './actions-store';
import {
  actionClauses,
  customerColumns,
  customerFields,
  customerJoins,
  facetCounts,
  signalClauses,
  stakeSql,
  whereOf,
  type CustomerDbFields,
} from './triage-query';

const SEVERITY_RANK = `(case g.severity when 'heavy' then 0 when 'medium' then 1 else 2 end)`;

const SIGNAL_ORDER: Record<SignalSort, (stake: string) => string> = {
  severity: () => `${SEVERITY_RANK}, g.triggered_on desc, g.id`,
  // Customers with no figure go last, whatever the direction.
  revenue: (stake) => `${stake} is null, ${stake} desc, ${SEVERITY_RANK}, g.id`,
  recent: () => `coalesce(g.triggered_on, g.as_of) desc, ${SEVERITY_RANK}, g.id`,
  customer: () => `c.name, g.customer_key, ${SEVERITY_RANK}, g.id`,
};

const GROUP_ORDER: Record<SignalSort, string> = {
  severity: 'worst, n desc, name, key',
  revenue: 'stake is null, stake desc, worst, key',
  recent: 'latest desc, worst, key',
  customer: 'name, key',
};

type SignalTriageDb = Parameters<typeof toSignal>[0] & CustomerDbFields;

export function signalsFrom(ctx: TriageContext): string {
  return `from health_signal g ${customerJoins(ctx, 'g.customer_key')}`;
}

export function listTriageSignals(
  sqlite: ReadableDB,
  ctx: TriageContext,
  f: SignalFilter & { sort: SignalSort; groupBy: 'signal' | 'customer'; limit: number; offset: number; facets: boolean },
): { items: TriageSignalRow[]; groups: CustomerSignalGroup[]; total: number; signals: number; facets: FacetCounts | null } {
  const from = signalsFrom(ctx);
  const clauses = signalClauses(ctx, f);
  const w = whereOf(clauses);
  const stake = stakeSql(ctx);
  const select = `select ${SIGNAL_COLUMNS}, ${customerColumns(ctx)} ${from}`;
  const signals = sqlite
    .prepare(`select count(*) ${from} ${w.sql}`)
    .pluck()
    .get(...w.params) as number;
  const facets = f.facets ? facetCounts(sqlite, 'signal', ctx, from, clauses) : null;
  const row = (r: SignalTriageDb): TriageSignalRow => ({ ...toSignal(r), ...customerFields(r) });
  if (f.groupBy === 'signal') {
    const rows = sqlite
      .prepare(`${select} ${w.sql} order by ${SIGNAL_ORDER[f.sort](stake)} limit ? offset ?`)
      .all(...w.params, f.limit, f.offset) as SignalTriageDb[];
    return { items: rows.map(row), groups: [], total: signals, signals, facets };
  }
  const total = sqlite
    .prepare(`select count(distinct g.customer_key) ${from} ${w.sql}`)
    .pluck()
    .get(...w.params) as number;
  const keys = sqlite
    .prepare(
      `select g.customer_key as key, min(${SEVERITY_RANK}) as worst, count(*) as n, max(${stake}) as stake,
              max(coalesce(g.triggered_on, g.as_of)) as latest, coalesce(c.name, g.customer_key) as name
         ${from} ${w.sql} group by g.customer_key order by ${GROUP_ORDER[f.sort]} limit ? offset ?`,
    )
    .pluck()
    .all(...w.params, f.limit, f.offset) as string[];
  if (keys.length === 0) return { items: [], groups: [], total, signals, facets };
  const inPage = { facet: null, sql: 'g.customer_key in (select value from json_each(?))', params: [JSON.stringify(keys)] };
  const pw = whereOf([...clauses, inPage]);
  const rows = (sqlite.prepare(`${select} ${pw.sql} order by ${SIGNAL_ORDER.severity(stake)}`).all(...pw.params) as SignalTriageDb[]).map(row);
  const byKey = new Map<string, TriageSignalRow[]>();
  for (const r of rows) {
    const list = byKey.get(r.customerKey);
    if (list) list.push(r);
    else byKey.set(r.customerKey, [r]);
  }
  const groups = keys.map((key): CustomerSignalGroup => {
    const list = byKey.get(key) ?? [];
    const first = list[0]!;
    return {
      customerKey: key,
      customerName: first.customerName,
      owner: first.customerOwner,
      customerOwner: first.customerOwner,
      tier: first.tier,
      segment: first.segment,
      band: first.band,
      churnRisk: first.churnRisk,
      churnProbability: first.churnProbability,
      revenue12m: first.revenue12m,
      revenueAtStake: first.revenueAtStake,
      signals: list,
    };
  });
  return { items: [], groups, total, signals, facets };
}

/** The ids a signal filter matches (a bulk step on "all N matching"). */
export function signalIdsMatching(sqlite: ReadableDB, ctx: TriageContext, f: SignalFilter): number[] {
  const w = whereOf(signalClauses(ctx, f));
  return sqlite
    .prepare(`select g.id ${signalsFrom(ctx)} ${w.sql} order by g.id`)
    .pluck()
    .all(...w.params) as number[];
}

const ACTION_ORDER: Record<ActionSort, (stake: string) => string> = {
  due: () => 'a.due_at, a.id',
  revenue: (stake) => `${stake} is null, ${stake} desc, a.due_at, a.id`,
  customer: () => 'c.name, a.customer_key, a.due_at, a.id',
};

export function actionsFrom(ctx: TriageContext): string {
  return `from health_action a ${customerJoins(ctx, 'a.customer_key')}`;
}

export function listTriageActions(
  sqlite: ReadableDB,
  ctx: TriageContext,
  f: ActionFilter & { sort: ActionSort; limit: number; offset: number; facets: boolean },
  now: string,
): { items: TriageActionRow[]; total: number; overdue: number; facets: FacetCounts | null } {
  const from = actionsFrom(ctx);
  const clauses = actionClauses(ctx, f, now);
  const w = whereOf(clauses);
  const total = sqlite
    .prepare(`select count(*) ${from} ${w.sql}`)
    .pluck()
    .get(...w.params) as number;
  // Overdue under the same filters but any column: the board's warning.
  const o = whereOf(actionClauses(ctx, { ...f, status: undefined, overdueOnly: true }, now));
  const overdue = sqlite
    .prepare(`select count(*) ${from} ${o.sql}`)
    .pluck()
    .get(...o.params) as number;
  const items = listActionsWhere(
    sqlite,
    {
      columns: customerColumns(ctx),
      joins: customerJoins(ctx, 'a.customer_key'),
      where: w,
      order: ACTION_ORDER[f.sort](stakeSql(ctx)),
      limit: f.limit,
      offset: f.offset,
    },
    now,
  ).map(({ row, extra }) => ({
    ...row,
    ...customerFields(extra as unknown as CustomerDbFields),
    ruleId: row.source?.kind === 'signal' ? row.source.ruleId : null,
    severity: row.source?.kind === 'signal' ? row.source.severity : null,
  }));
  return { items, total, overdue, facets: f.facets ? facetCounts(sqlite, 'action', ctx, from, clauses) : null };
}

export function actionIdsMatching(sqlite: ReadableDB, ctx: TriageContext, f: ActionFilter, now: string): number[] {
  const w = whereOf(actionClauses(ctx, f, now));
  return sqlite
    .prepare(`select a.id ${actionsFrom(ctx)} ${w.sql} order by a.id`)
    .pluck()
    .all(...w.params) as number[];
}
