// Drill-down and the customer table over a stored run: a DrillTarget becomes a WHERE clause on
// diagnostic_customer's stored columns (cohort_on and statuses hold the cell memberships, see
// migration 0004), so the members are exactly the customers counted in the stored figure.

import type { ReadableDB } from '../workspace/connection';
import { STATUS_CODES, UNSCORED, type DiagnosticCustomerRow, type DrillTarget } from '../../../shared/analytics';
import type { CustomerSort } from '../../../shared/contract/diagnostics';
import { assertNever } from '../../../shared/analytics/periods';
import { CUSTOMER_SELECT, customerFromRaw, loadRun } from './runs-repo';

interface Where {
  sql: string;
  params: (string | number)[];
}

const ATTRIBUTE_COLUMN = { industry: 'industry', region: 'region', owner: 'owner', segment: 'customer_segment', tier: 'tier' } as const;

function statusWhere(period: number, status: DrillTarget & { kind: 'status' }): Where {
  const code = `substr(d.statuses, ${period + 1}, 1)`;
  const codes =
    status.status === 'start'
      ? [STATUS_CODES.retained, STATUS_CODES.lost]
      : status.status === 'end'
        ? [STATUS_CODES.retained, STATUS_CODES.new, STATUS_CODES.reactivated]
        : [STATUS_CODES[status.status]];
  return { sql: `${code} in (${codes.map(() => '?').join(', ')})`, params: codes };
}

function segmentColumn(scheme: 'classic' | 'valueGroups', previous: boolean): string {
  return `d.${previous ? 'prev_' : ''}${scheme === 'classic' ? 'segment' : 'value_group'}`;
}

/** The WHERE clause (without the run filter) for a drill target. */
export function drillWhere(t: DrillTarget): Where {
  switch (t.kind) {
    case 'cohort':
      if (t.measure === 'size') return { sql: `d.cohort = ? and d.cohort_on is not null`, params: [t.cohort] };
      if (t.measure === 'on') return { sql: `d.cohort = ? and substr(d.cohort_on, ?, 1) = '1'`, params: [t.cohort, t.offset + 1] };
      return { sql: `d.cohort = ? and instr(substr(d.cohort_on, ?), '1') > 0`, params: [t.cohort, t.offset + 1] };
    case 'status':
      return statusWhere(t.period, t);
    case 'segment':
      return t.segment === UNSCORED
        ? { sql: `${segmentColumn(t.scheme, false)} is null`, params: [] }
        : { sql: `${segmentColumn(t.scheme, false)} = ?`, params: [t.segment] };
    case 'movement': {
      // segmentMovement counts only customers scored at one of the two dates.
      if (t.from === UNSCORED && t.to === UNSCORED) return { sql: '0', params: [] };
      const side = (col: string, v: string): Where => (v === UNSCORED ? { sql: `${col} is null`, params: [] } : { sql: `${col} = ?`, params: [v] });
      const a = side(segmentColumn(t.scheme, true), t.from);
      const b = side(segmentColumn(t.scheme, false), t.to);
      return { sql: `${a.sql} and ${b.sql}`, params: [...a.params, ...b.params] };
    }
    case 'tier':
      return { sql: `d.tier = ?`, params: [t.tier] };
    case 'stage':
      return { sql: `d.stage = ?`, params: [t.stage] };
    case 'attribute': {
      const col = `d.${ATTRIBUTE_COLUMN[t.attribute]}`;
      return t.value === null ? { sql: `${col} is null`, params: [] } : { sql: `${col} = ?`, params: [t.value] };
    }
    case 'customerAttribute': {
      const having = (cond: string, params: (string | number)[]): Where => ({
        sql: `d.customer_key in (select a.customer_key from customer_attribute a where a.name = ? and ${cond})`,
        params: [t.name, ...params],
      });
      if (t.value === null)
        return { sql: `d.customer_key not in (select a.customer_key from customer_attribute a where a.name = ? and a.value is not null)`, params: [t.name] };
      if (t.range) return having(`a.value between ? and ?`, t.range);
      if (t.year) return having(`substr(a.value, 1, 4) = ?`, [t.value]);
      return having(`a.value = ?`, [t.value]);
    }
    default:
      return assertNever(t);
  }
}

export function drill(sqlite: ReadableDB, runId: number, target: DrillTarget, limit: number): { total: number; keys: string[]; rows: DiagnosticCustomerRow[] } {
  loadRunExists(sqlite, runId);
  const w = drillWhere(target);
  const keys = (
    sqlite
      .prepare(`select d.customer_key from diagnostic_customer d where d.run_id = ? and (${w.sql}) order by d.customer_key`)
      .raw(true)
      .all(runId, ...w.params) as [string][]
  ).map((r) => r[0]);
  const rows =
    limit > 0
      ? (
          sqlite
            .prepare(`select ${CUSTOMER_SELECT} from diagnostic_customer d where d.run_id = ? and (${w.sql}) order by d.customer_key limit ?`)
            .raw(true)
            .all(runId, ...w.params, limit) as unknown[][]
        ).map(customerFromRaw)
      : [];
  return { total: keys.length, keys, rows };
}

function loadRunExists(sqlite: ReadableDB, runId: number): void {
  if (!sqlite.prepare(`select 1 from diagnostic_run where id = ?`).get(runId)) loadRun(sqlite, runId); // throws NOT_FOUND
}

// The engine's sorts of the customer table, each walked through an index (run_id, column,
// customer_key) from migration 0010 (customer_key: the primary key). Nullable columns need care:
// SQLite sorts nulls first, and the table shows customers without a figure last either way.
const SORT_COLUMN: Record<CustomerSort, { column: string; nullable: boolean }> = {
  customerKey: { column: 'customer_key', nullable: false },
  name: { column: 'name', nullable: true },
  revenue12m: { column: 'revenue_12m', nullable: false },
  monetary: { column: 'monetary', nullable: true },
  recencyDays: { column: 'recency_days', nullable: true },
  frequency: { column: 'frequency', nullable: true },
  tenureDays: { column: 'tenure_days', nullable: true },
  mrr: { column: 'mrr', nullable: false },
};

export interface CustomerPageArgs {
  runId: number;
  target?: DrillTarget | undefined;
  search?: string | undefined;
  sort: CustomerSort;
  descending: boolean;
  offset: number;
  limit: number;
}

/**
 * Per connection, query results worth keeping: a stored run never changes (a new run is a new id),
 * and the table asks for page after page of the same query as it scrolls.
 * - counts: how many customers lack a figure (the ascending sort's second part);
 * - orders: a searched or drilled query's matching rows in display order, as rowids. Such a query
 *   cannot walk a sort index (a search for one customer would read the whole index and a table row
 *   per entry: 2 to 7 s on 500,000), so it finds its rows once, sorts them once, and every page is
 *   then a slice of the list: 500,000 rowids are 4 MB.
 */
const counts = new WeakMap<ReadableDB, Map<string, number>>();
const orders = new WeakMap<ReadableDB, Map<string, Float64Array>>();
const COUNTS_KEPT = 64;
const ORDERS_KEPT = 8;

function remember<T>(store: WeakMap<ReadableDB, Map<string, T>>, sqlite: ReadableDB, key: string, kept: number, compute: () => T): T {
  let cache = store.get(sqlite);
  if (!cache) store.set(sqlite, (cache = new Map()));
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return hit;
  }
  const value = compute();
  if (cache.size >= kept) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

const keyOf = (w: Where, extra = ''): string => `${w.sql}\u0000${JSON.stringify(w.params)}\u0000${extra}`;

function countOf(sqlite: ReadableDB, w: Where): number {
  return remember(
    counts,
    sqlite,
    keyOf(w),
    COUNTS_KEPT,
    () =>
      (
        sqlite
          .prepare(`select count(*) from diagnostic_customer d where ${w.sql}`)
          .raw(true)
          .get(...w.params) as [number]
      )[0],
  );
}

const and = (w: Where, sql: string): Where => ({ sql: `${w.sql} and ${sql}`, params: w.params });

/** The search: customer key or name containing the text (LIKE: ASCII letters in either case). */
function searchWhere(search: string): Where {
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return { sql: `(d.customer_key like ? escape '\\' or d.name like ? escape '\\')`, params: [like, like] };
}

function rowsByRowid(sqlite: ReadableDB, ids: Float64Array): DiagnosticCustomerRow[] {
  if (ids.length === 0) return [];
  const raw = sqlite
    .prepare(`select d.rowid, ${CUSTOMER_SELECT} from diagnostic_customer d where d.rowid in (select value from json_each(?))`)
    .raw(true)
    .all(JSON.stringify([...ids])) as unknown[][];
  const at = new Map(raw.map((r) => [r[0] as number, r.slice(1)]));
  return [...ids].map((id) => customerFromRaw(at.get(id) as unknown[]));
}

/**
 * One page of a run's customers, sorted, searched and narrowed to a drill target by the engine.
 * The whole run: offset paging through the sort's index (the table jumps to any scroll position;
 * skipping index entries is cheap, see tests/bench/customer-page.bench.ts). A search or a drill: a
 * slice of the query's ordered rowids, found once (see `orders`).
 */
export function customerPage(sqlite: ReadableDB, a: CustomerPageArgs): { total: number; rows: DiagnosticCustomerRow[] } {
  const run = sqlite.prepare(`select customers from diagnostic_run where id = ?`).raw(true).get(a.runId) as [number] | undefined;
  if (!run) loadRun(sqlite, a.runId); // throws NOT_FOUND
  const { column, nullable } = SORT_COLUMN[a.sort];
  const col = `d.${column}`;
  let where: Where = { sql: 'd.run_id = ?', params: [a.runId] };
  if (a.target || a.search) {
    if (a.target) {
      const w = drillWhere(a.target);
      where = { sql: `${where.sql} and (${w.sql})`, params: [...where.params, ...w.params] };
    }
    if (a.search) {
      const w = searchWhere(a.search);
      where = { sql: `${where.sql} and ${w.sql}`, params: [...where.params, ...w.params] };
    }
    // Descending: nulls are the smallest, so they come last; ascending puts them last explicitly.
    const order = a.descending ? `${col} desc, d.customer_key desc` : `${nullable ? `${col} is null, ` : ''}${col}, d.customer_key`;
    // A search reads key and name from the name index alone and a table row only for a match; a
    // drill reads the run's rows in key order, which is their storage order (a sort index would
    // visit them in random order: 0.5 s of CPU instead of 0.15 s on 500,000). The primary key's
    // index is the first automatic index of diagnostic_customer (migration 0004).
    const from = `diagnostic_customer d indexed by ${a.search ? 'diagnostic_customer_by_name' : 'sqlite_autoindex_diagnostic_customer_1'}`;
    const ids = remember(orders, sqlite, keyOf(where, order), ORDERS_KEPT, () =>
      Float64Array.from(
        sqlite
          .prepare(`select d.rowid from ${from} where ${where.sql} order by ${order}`)
          .pluck()
          .all(...where.params) as number[],
      ),
    );
    return { total: ids.length, rows: rowsByRowid(sqlite, ids.subarray(a.offset, a.offset + a.limit)) };
  }
  const total = (run as [number])[0];
  const select = (w: Where, order: string, limit: number, offset: number) =>
    sqlite
      .prepare(`select ${CUSTOMER_SELECT} from diagnostic_customer d where ${w.sql} order by ${order} limit ? offset ?`)
      .raw(true)
      .all(...w.params, limit, offset) as unknown[][];
  // Rows [offset, offset + limit) of n ordered rows, walking the index from the nearer end: skipping
  // 490,000 entries cost 26 ms of CPU, the last page from the far end skips none.
  const slice = (w: Where, forward: string, backward: string, n: number, offset: number, limit: number): unknown[][] => {
    const take = Math.min(limit, n - offset);
    if (take <= 0) return [];
    return offset <= n / 2 ? select(w, forward, take, offset) : select(w, backward, take, n - offset - take).reverse();
  };
  const up = `${col}, d.customer_key`;
  const down = `${col} desc, d.customer_key desc`;
  let raw: unknown[][];
  if (a.descending) {
    // Walking the index backwards gives nulls last; ties by key descending, the exact reverse order.
    raw = slice(where, down, up, total, a.offset, a.limit);
  } else if (!nullable) {
    raw = slice(where, up, down, total, a.offset, a.limit);
  } else {
    // Ascending, the customers with a figure, then (past their end) those without, by key.
    const nulls = and(where, `${col} is null`);
    const withoutFigure = countOf(sqlite, nulls);
    const withFigure = total - withoutFigure;
    raw = slice(and(where, `${col} is not null`), up, down, withFigure, a.offset, a.limit);
    if (raw.length < a.limit) {
      raw = raw.concat(slice(nulls, 'd.customer_key', 'd.customer_key desc', withoutFigure, Math.max(0, a.offset - withFigure), a.limit - raw.length));
    }
  }
  return { total, rows: raw.map(customerFromRaw) };
}

/** Transitions of a categorical column between two runs, joined on customer key. */
export function transitions(
  sqlite: ReadableDB,
  baseRunId: number,
  runId: number,
  column: 'value_group' | 'tier',
  categories: readonly string[],
): { categories: string[]; counts: number[][] } {
  const cats = [...categories, 'none'];
  const pos = new Map(cats.map((c, i) => [c, i]));
  const counts = cats.map(() => cats.map(() => 0));
  const rows = sqlite
    .prepare(
      `select coalesce(b.${column}, 'none'), coalesce(n.${column}, 'none'), count(*)
         from diagnostic_customer n left join diagnostic_customer b on b.run_id = ? and b.customer_key = n.customer_key
        where n.run_id = ? group by 1, 2
       union all
       select coalesce(b.${column}, 'none'), 'none', count(*)
         from diagnostic_customer b
        where b.run_id = ? and not exists (select 1 from diagnostic_customer n where n.run_id = ? and n.customer_key = b.customer_key)
        group by 1`,
    )
    .raw(true)
    .all(baseRunId, runId, baseRunId, runId) as [string, string, number][];
  for (const [from, to, c] of rows) {
    let f = pos.get(from);
    if (f === undefined) {
      f = cats.length;
      cats.push(from);
      pos.set(from, f);
    }
    let g = pos.get(to);
    if (g === undefined) {
      g = cats.length;
      cats.push(to);
      pos.set(to, g);
    }
    while (counts.length < cats.length) counts.push([]);
    for (const row of counts) while (row.length < cats.length) row.push(0);
    (counts[f] as number[])[g] = ((counts[f] as number[])[g] as number) + c;
  }
  // Customers outside both runs' categories in both runs are not a transition.
  const none = pos.get('none') as number;
  (counts[none] as number[])[none] = 0;
  return { categories: cats, counts };
}
