// The signal inbox and the action board as the triage channels read them: a filtered, sorted page
// (of signals, of customers with their signals, or of actions), the totals and the counts per filter.
// A page is read in two steps: the ids of the page, sorted with only the joins the filters and the
// sort read, then the full rows of those ids (evidence, the action, every customer dimension). Sorting
// 15,000 full rows to keep 100 cost seconds; sorting their ids costs a fraction.

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
  fromOf,
  signalClauses,
  stakeSql,
  stakeUses,
  usesOf,
  whereOf,
  type Alias,
  type CustomerDbFields,
} from './triage-query';

const SEVERITY_RANK = `(case g.severity when 'heavy' then 0 when 'medium' then 1 else 2 end)`;

interface Order {
  sql: string;
  uses: Alias[];
}

function signalOrder(sort: SignalSort, ctx: TriageContext): Order {
  const stake = stakeSql(ctx);
  switch (sort) {
    case 'severity':
      return { sql: `${SEVERITY_RANK}, g.triggered_on desc, g.id`, uses: [] };
    case 'revenue':
      // Customers with no figure go last, whatever the direction.
      return { sql: `${stake} is null, ${stake} desc, ${SEVERITY_RANK}, g.id`, uses: stakeUses(ctx) };
    case 'recent':
      return { sql: `coalesce(g.triggered_on, g.as_of) desc, ${SEVERITY_RANK}, g.id`, uses: [] };
    case 'customer':
      return { sql: `c.name, g.customer_key, ${SEVERITY_RANK}, g.id`, uses: ['c'] };
  }
}

const GROUP_ORDER: Record<SignalSort, string> = {
  severity: 'worst, n desc, name, key',
  revenue: 'stake is null, stake desc, worst, key',
  recent: 'latest desc, worst, key',
  customer: 'name, key',
};

type SignalTriageDb = Parameters<typeof toSignal>[0] & CustomerDbFields;

/** Full rows of the given ids, in the order of the ids. */
function signalRows(sqlite: ReadableDB, ctx: TriageContext, ids: readonly number[]): TriageSignalRow[] {
  if (ids.length === 0) return [];
  const rows = sqlite
    .prepare(
      `select ${SIGNAL_COLUMNS}, ${customerColumns(ctx)} ${fromOf('signal', ctx, ['c', 'hs', 'dc', 'cs'])} where g.id in (select value from json_each(?))`,
    )
    .all(JSON.stringify(ids)) as SignalTriageDb[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...toSignal(r), ...customerFields(r) }] : [];
  });
}

export function listTriageSignals(
  sqlite: ReadableDB,
  ctx: TriageContext,
  f: SignalFilter & { sort: SignalSort; groupBy: 'signal' | 'customer'; limit: number; offset: number; facets: boolean },
): { items: TriageSignalRow[]; groups: CustomerSignalGroup[]; total: number; signals: number; facets: FacetCounts | null } {
  const clauses = signalClauses(ctx, f);
  const w = whereOf(clauses);
  const signals = sqlite
    .prepare(`select count(*) ${fromOf('signal', ctx, usesOf(clauses))} ${w.sql}`)
    .pluck()
    .get(...w.params) as number;
  const facets = f.facets ? facetCounts(sqlite, 'signal', ctx, clauses) : null;
  if (f.groupBy === 'signal') {
    const order = signalOrder(f.sort, ctx);
    const ids = sqlite
      .prepare(`select g.id ${fromOf('signal', ctx, usesOf(clauses, order.uses))} ${w.sql} order by ${order.sql} limit ? offset ?`)
      .pluck()
      .all(...w.params, f.limit, f.offset) as number[];
    return { items: signalRows(sqlite, ctx, ids), groups: [], total: signals, signals, facets };
  }
  const total = sqlite
    .prepare(`select count(distinct g.customer_key) ${fromOf('signal', ctx, usesOf(clauses))} ${w.sql}`)
    .pluck()
    .get(...w.params) as number;
  const keys = sqlite
    .prepare(
      `select g.customer_key as key, min(${SEVERITY_RANK}) as worst, count(*) as n, max(${stakeSql(ctx)}) as stake,
              max(coalesce(g.triggered_on, g.as_of)) as latest, coalesce(c.name, g.customer_key) as name
         ${fromOf('signal', ctx, usesOf(clauses, ['c'], stakeUses(ctx)))} ${w.sql} group by g.customer_key order by ${GROUP_ORDER[f.sort]} limit ? offset ?`,
    )
    .pluck()
    .all(...w.params, f.limit, f.offset) as string[];
  if (keys.length === 0) return { items: [], groups: [], total, signals, facets };
  // The page's customers' matching signals, heaviest first.
  const pw = whereOf([...clauses, { facet: null, sql: 'g.customer_key in (select value from json_each(?))', params: [JSON.stringify(keys)], uses: [] }]);
  const ids = sqlite
    .prepare(`select g.id ${fromOf('signal', ctx, usesOf(clauses))} ${pw.sql} order by ${SEVERITY_RANK}, g.triggered_on desc, g.id`)
    .pluck()
    .all(...pw.params) as number[];
  const byKey = new Map<string, TriageSignalRow[]>();
  for (const r of signalRows(sqlite, ctx, ids)) {
    const list = byKey.get(r.customerKey);
    if (list) list.push(r);
    else byKey.set(r.customerKey, [r]);
  }
  const groups = keys.flatMap((key): CustomerSignalGroup[] => {
    const list = byKey.get(key) ?? [];
    const first = list[0];
    if (!first) return [];
    return [
      {
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
      },
    ];
  });
  return { items: [], groups, total, signals, facets };
}

/** The ids a signal filter matches (a bulk step on "all N matching"). */
export function signalIdsMatching(sqlite: ReadableDB, ctx: TriageContext, f: SignalFilter): number[] {
  const clauses = signalClauses(ctx, f);
  const w = whereOf(clauses);
  return sqlite
    .prepare(`select g.id ${fromOf('signal', ctx, usesOf(clauses))} ${w.sql} order by g.id`)
    .pluck()
    .all(...w.params) as number[];
}

function actionOrder(sort: ActionSort, ctx: TriageContext): Order {
  const stake = stakeSql(ctx);
  switch (sort) {
    case 'due':
      return { sql: 'a.due_at, a.id', uses: [] };
    case 'revenue':
      return { sql: `${stake} is null, ${stake} desc, a.due_at, a.id`, uses: stakeUses(ctx) };
    case 'customer':
      return { sql: 'c.name, a.customer_key, a.due_at, a.id', uses: ['c'] };
  }
}

export function listTriageActions(
  sqlite: ReadableDB,
  ctx: TriageContext,
  f: ActionFilter & { sort: ActionSort; limit: number; offset: number; facets: boolean },
  now: string,
): { items: TriageActionRow[]; total: number; overdue: number; facets: FacetCounts | null } {
  const clauses = actionClauses(ctx, f, now);
  const w = whereOf(clauses);
  const total = sqlite
    .prepare(`select count(*) ${fromOf('action', ctx, usesOf(clauses))} ${w.sql}`)
    .pluck()
    .get(...w.params) as number;
  // Overdue under the same filters but any column: the board's warning.
  const overdueClauses = actionClauses(ctx, { ...f, status: undefined, overdueOnly: true }, now);
  const o = whereOf(overdueClauses);
  const overdue = sqlite
    .prepare(`select count(*) ${fromOf('action', ctx, usesOf(overdueClauses))} ${o.sql}`)
    .pluck()
    .get(...o.params) as number;
  const order = actionOrder(f.sort, ctx);
  const ids = sqlite
    .prepare(`select a.id ${fromOf('action', ctx, usesOf(clauses, order.uses))} ${w.sql} order by ${order.sql} limit ? offset ?`)
    .pluck()
    .all(...w.params, f.limit, f.offset) as number[];
  const rows = listActionsWhere(
    sqlite,
    {
      columns: customerColumns(ctx),
      joins: customerJoins(ctx, 'a.customer_key'),
      where: { sql: 'where a.id in (select value from json_each(?))', params: [JSON.stringify(ids)] },
      order: 'a.id',
      limit: ids.length || 1,
      offset: 0,
    },
    now,
  );
  const byId = new Map(rows.map((r) => [r.row.id, r]));
  const items = ids.flatMap((id): TriageActionRow[] => {
    const r = byId.get(id);
    if (!r) return [];
    const { row, extra } = r;
    return [
      {
        ...row,
        ...customerFields(extra as unknown as CustomerDbFields),
        ruleId: row.source?.kind === 'signal' ? row.source.ruleId : null,
        severity: row.source?.kind === 'signal' ? row.source.severity : null,
      },
    ];
  });
  return { items, total, overdue, facets: f.facets ? facetCounts(sqlite, 'action', ctx, clauses) : null };
}

export function actionIdsMatching(sqlite: ReadableDB, ctx: TriageContext, f: ActionFilter, now: string): number[] {
  const clauses = actionClauses(ctx, f, now);
  const w = whereOf(clauses);
  return sqlite
    .prepare(`select a.id ${fromOf('action', ctx, usesOf(clauses))} ${w.sql} order by a.id`)
    .pluck()
    .all(...w.params) as number[];
}
