// Drill-down and the customer table over a stored run: a DrillTarget becomes a WHERE clause on
// diagnostic_customer's stored columns (cohort_on and statuses hold the cell memberships, see
// migration 0004), so the members are exactly the customers counted in the stored figure.

import type { ReadableDB } from '../workspace/connection';
import { STATUS_CODES, UNSCORED, type DiagnosticCustomerRow, type DiagnosticCustomerTable, type DrillTarget } from '../../../shared/analytics';
import type { CUSTOMER_SORTS } from '../../../shared/contract/diagnostics';
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
    default:
      return assertNever(t);
  }
}

export function drill(sqlite: ReadableDB, runId: number, target: DrillTarget, limit: number): { total: number; keys: string[]; rows: DiagnosticCustomerRow[] } {
  loadRunExists(sqlite, runId);
  const w = drillWhere(target);
  const keys = (sqlite.prepare(`select d.customer_key from diagnostic_customer d where d.run_id = ? and (${w.sql}) order by d.customer_key`).raw(true).all(runId, ...w.params) as [string][]).map(
    (r) => r[0],
  );
  const rows = limit > 0
    ? (sqlite
        .prepare(`select ${CUSTOMER_SELECT} from diagnostic_customer d where d.run_id = ? and (${w.sql}) order by d.customer_key limit ?`)
        .raw(true)
        .all(runId, ...w.params, limit) as unknown[][]).map(customerFromRaw)
    : [];
  return { total: keys.length, keys, rows };
}

function loadRunExists(sqlite: ReadableDB, runId: number): void {
  if (!sqlite.prepare(`select 1 from diagnostic_run where id = ?`).get(runId)) loadRun(sqlite, runId); // throws NOT_FOUND
}

const SORT_COLUMN: Record<(typeof CUSTOMER_SORTS)[number], string> = {
  customerKey: 'd.customer_key',
  name: 'd.name',
  revenue12m: 'd.revenue_12m',
  monetary: 'd.monetary',
  recencyDays: 'd.recency_days',
  frequency: 'd.frequency',
  tenureDays: 'd.tenure_days',
  mrr: 'd.mrr',
};

export interface CustomerPageArgs {
  runId: number;
  target?: DrillTarget | undefined;
  search?: string | undefined;
  sort: (typeof CUSTOMER_SORTS)[number];
  descending: boolean;
  offset: number;
  limit: number;
}

export function customerPage(sqlite: ReadableDB, a: CustomerPageArgs): { total: number; rows: DiagnosticCustomerRow[] } {
  loadRunExists(sqlite, a.runId);
  const parts = ['d.run_id = ?'];
  const params: (string | number)[] = [a.runId];
  if (a.target) {
    const w = drillWhere(a.target);
    parts.push(`(${w.sql})`);
    params.push(...w.params);
  }
  if (a.search) {
    parts.push(`(d.customer_key like ? escape '\\' or d.name like ? escape '\\')`);
    const like = `%${a.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like);
  }
  const where = parts.join(' and ');
  const total = (sqlite.prepare(`select count(*) from diagnostic_customer d where ${where}`).raw(true).get(...params) as [number])[0];
  // Nulls last whatever the direction: a customer without a figure is never "the best".
  const col = SORT_COLUMN[a.sort];
  const rows = (sqlite
    .prepare(`select ${CUSTOMER_SELECT} from diagnostic_customer d where ${where} order by ${col} is null, ${col} ${a.descending ? 'desc' : 'asc'}, d.customer_key limit ? offset ?`)
    .raw(true)
    .all(...params, a.limit, a.offset) as unknown[][]).map(customerFromRaw);
  return { total, rows };
}

/** Every row of a run as flat columns (DiagnosticCustomerTable). */
export function customerTable(sqlite: ReadableDB, runId: number): DiagnosticCustomerTable {
  loadRunExists(sqlite, runId);
  const rows = sqlite
    .prepare(
      `select customer_key, name, industry, region, owner, customer_segment, segment, value_group, tier, stage, cohort, active,
              last_purchase, recency_days, frequency, monetary, r, f, m, revenue_12m, mrr, tenure_days
         from diagnostic_customer where run_id = ? order by customer_key`,
    )
    .raw(true)
    .all(runId) as unknown[][];
  const dict: string[] = [];
  const codes = new Map<string, number>();
  const code = (v: unknown): number => {
    if (v === null || v === undefined) return -1;
    const s = String(v);
    let c = codes.get(s);
    if (c === undefined) {
      c = dict.length;
      dict.push(s);
      codes.set(s, c);
    }
    return c;
  };
  const n = rows.length;
  const t: DiagnosticCustomerTable = {
    runId, count: n, dict, customerKey: new Array<string>(n), name: new Array<string | null>(n), industry: new Array<number>(n),
    region: new Array<number>(n), owner: new Array<number>(n), customerSegment: new Array<number>(n), segment: new Array<number>(n),
    valueGroup: new Array<number>(n), tier: new Array<number>(n), stage: new Array<number>(n), cohort: new Array<number>(n),
    active: new Array<number>(n), lastPurchase: new Array<number>(n), recencyDays: new Array<number | null>(n),
    frequency: new Array<number | null>(n), monetary: new Array<number | null>(n), r: new Array<number | null>(n),
    f: new Array<number | null>(n), m: new Array<number | null>(n), revenue12m: new Array<number>(n), mrr: new Array<number>(n),
    tenureDays: new Array<number | null>(n),
  };
  rows.forEach((x, i) => {
    t.customerKey[i] = x[0] as string;
    t.name[i] = x[1] as string | null;
    t.industry[i] = code(x[2]);
    t.region[i] = code(x[3]);
    t.owner[i] = code(x[4]);
    t.customerSegment[i] = code(x[5]);
    t.segment[i] = code(x[6]);
    t.valueGroup[i] = code(x[7]);
    t.tier[i] = code(x[8]);
    t.stage[i] = code(x[9]);
    t.cohort[i] = code(x[10]);
    t.active[i] = x[11] as number;
    t.lastPurchase[i] = code(x[12]);
    t.recencyDays[i] = x[13] as number | null;
    t.frequency[i] = x[14] as number | null;
    t.monetary[i] = x[15] === null ? null : Math.round((x[15] as number) * 100) / 100;
    t.r[i] = x[16] as number | null;
    t.f[i] = x[17] as number | null;
    t.m[i] = x[18] as number | null;
    t.revenue12m[i] = Math.round((x[19] as number) * 100) / 100;
    t.mrr[i] = Math.round((x[20] as number) * 100) / 100;
    t.tenureDays[i] = x[21] as number | null;
  });
  return t;
}

/** Transitions of a categorical column between two runs, joined on customer key. */
export function transitions(sqlite: ReadableDB, baseRunId: number, runId: number, column: 'value_group' | 'tier', categories: readonly string[]): { categories: string[]; counts: number[][] } {
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
