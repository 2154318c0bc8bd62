// Stored CLV runs: the run (parameters, fits, evaluation as JSON) and one row per customer with the
// figures the customer table pages and sorts by.
import type { ReadableDB, WritableDB } from '../workspace/connection';
import { WorkbenchError } from '../errors';
import type { Row } from '../workspace/schema';
import { ClvParamsSchema, type ClvCustomerRow, type ClvCustomerSort, type ClvResult, type ClvRun, type ClvRunSummary } from '../../../shared/clv/types';

const SUMMARY = `id, created_at, label, params, as_of, model, status, verdict, log_likelihood, customers, total_clv, duration_ms`;
type SummaryRow = Omit<Row<'clv_run'>, 'results'>;

function toSummary(r: SummaryRow): ClvRunSummary {
  return {
    id: r.id,
    createdAt: r.created_at,
    label: r.label,
    params: ClvParamsSchema.parse(JSON.parse(r.params)),
    asOf: r.as_of,
    model: r.model as ClvRunSummary['model'],
    status: r.status as ClvRunSummary['status'],
    verdict: r.verdict as ClvRunSummary['verdict'],
    logLikelihood: r.log_likelihood,
    customers: r.customers,
    totalClv: r.total_clv,
    durationMs: r.duration_ms,
  };
}

export function listClvRuns(sqlite: ReadableDB): ClvRunSummary[] {
  return (sqlite.prepare(`select ${SUMMARY} from clv_run order by id desc`).all() as SummaryRow[]).map(toSummary);
}

export function latestClvRunId(sqlite: ReadableDB): number | null {
  return (sqlite.prepare(`select max(id) as id from clv_run`).get() as { id: number | null }).id;
}

export function loadClvRun(sqlite: ReadableDB, id: number): ClvRun {
  const r = sqlite.prepare(`select ${SUMMARY}, results from clv_run where id = ?`).get(id) as Row<'clv_run'> | undefined;
  if (!r) throw new WorkbenchError('NOT_FOUND', { what: 'clv run', id });
  return { ...toSummary(r), result: JSON.parse(r.results) as ClvRun['result'] };
}

/** Writes a run and its customer rows in one transaction (synchronous: no async work inside). */
export function storeClvRun(
  sqlite: WritableDB,
  input: { createdAt: string; label: string | null; params: ClvRunSummary['params']; result: ClvResult; durationMs: number },
): number {
  const { scores, ...rest } = input.result;
  const insRun = sqlite.prepare(
    `insert into clv_run (created_at, label, params, as_of, model, status, verdict, log_likelihood, customers, total_clv, duration_ms, results)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insCustomer = sqlite.prepare(
    `insert into clv_customer (run_id, customer_key, frequency, recency, age, monetary, p_alive, p_alive_horizon, expected_purchases, expected_spend, clv,
       p_alive_low, p_alive_high, expected_purchases_low, expected_purchases_high, expected_spend_low, expected_spend_high, clv_low, clv_high)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const r = input.result;
  return sqlite.transaction((): number => {
    const id = Number(
      insRun.run(
        input.createdAt,
        input.label,
        JSON.stringify(input.params),
        r.asOf,
        r.model,
        r.countFit.status,
        r.evaluation.verdict,
        r.countFit.logLikelihood,
        scores.length,
        r.totals.clv,
        Math.round(input.durationMs),
        JSON.stringify(rest),
      ).lastInsertRowid,
    );
    for (const c of scores) {
      insCustomer.run(
        id,
        c.customerId,
        c.x,
        c.tx,
        c.T,
        c.monetary,
        c.pAlive,
        c.pAliveAtHorizon,
        c.expectedPurchases,
        c.expectedSpend,
        c.clv,
        c.pAliveLow,
        c.pAliveHigh,
        c.expectedPurchasesLow,
        c.expectedPurchasesHigh,
        c.expectedSpendLow,
        c.expectedSpendHigh,
        c.clvLow,
        c.clvHigh,
      );
    }
    return id;
  })();
}

type CustomerRow = Omit<Row<'clv_customer'>, 'run_id'> & { name: string | null };
const CUSTOMER_COLUMNS = `c.customer_key, k.name, c.frequency, c.recency, c.age, c.monetary, c.p_alive, c.p_alive_horizon, c.expected_purchases, c.expected_spend, c.clv,
  c.p_alive_low, c.p_alive_high, c.expected_purchases_low, c.expected_purchases_high, c.expected_spend_low, c.expected_spend_high, c.clv_low, c.clv_high`;
const FROM = `clv_customer c left join customers k on k.customer_key = c.customer_key`;

function toCustomer(r: CustomerRow): ClvCustomerRow {
  return {
    customerId: r.customer_key,
    name: r.name,
    x: r.frequency,
    tx: r.recency,
    T: r.age,
    monetary: r.monetary,
    pAlive: r.p_alive,
    pAliveAtHorizon: r.p_alive_horizon,
    expectedPurchases: r.expected_purchases,
    expectedSpend: r.expected_spend,
    clv: r.clv,
    pAliveLow: r.p_alive_low,
    pAliveHigh: r.p_alive_high,
    expectedPurchasesLow: r.expected_purchases_low,
    expectedPurchasesHigh: r.expected_purchases_high,
    expectedSpendLow: r.expected_spend_low,
    expectedSpendHigh: r.expected_spend_high,
    clvLow: r.clv_low,
    clvHigh: r.clv_high,
  };
}

const SORT_COLUMN: Record<ClvCustomerSort, string> = {
  clv: 'c.clv',
  pAlive: 'c.p_alive',
  expectedPurchases: 'c.expected_purchases',
  customerKey: 'c.customer_key',
  pastValue: 'c.frequency * c.monetary',
};

export function customersPage(
  sqlite: ReadableDB,
  q: {
    runId: number;
    sort: ClvCustomerSort;
    descending: boolean;
    search?: string | undefined;
    pAliveBelow?: number | undefined;
    offset: number;
    limit: number;
  },
): { total: number; rows: ClvCustomerRow[] } {
  const dir = q.descending ? 'desc' : 'asc';
  let where = q.search ? `c.run_id = :runId and (c.customer_key like :like escape '\\' or k.name like :like escape '\\')` : `c.run_id = :runId`;
  const params: Record<string, string | number> = { runId: q.runId };
  if (q.pAliveBelow !== undefined) {
    where += ` and c.p_alive < :below`;
    params.below = q.pAliveBelow;
  }
  if (q.search) params.like = `%${q.search.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
  const total = Number(sqlite.prepare(`select count(*) from ${FROM} where ${where}`).pluck().get(params));
  const sortSql = q.sort === 'customerKey' ? `c.customer_key ${dir}` : `${SORT_COLUMN[q.sort]} ${dir}, c.customer_key ${dir}`;
  const rows = sqlite
    .prepare(`select ${CUSTOMER_COLUMNS} from ${FROM} where ${where} order by ${sortSql} limit :limit offset :offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as CustomerRow[];
  return { total, rows: rows.map(toCustomer) };
}

export function deleteClvRun(sqlite: WritableDB, id: number): boolean {
  return sqlite.transaction(() => {
    sqlite.prepare(`delete from clv_customer where run_id = ?`).run(id);
    return sqlite.prepare(`delete from clv_run where id = ?`).run(id).changes > 0;
  })();
}

/** The figures of the given customers in a run (those not in it are absent), in one statement per 500 keys. */
export function customersByKey(sqlite: ReadableDB, runId: number, keys: readonly string[]): ClvCustomerRow[] {
  if (keys.length === 0) return [];
  const marks = keys.map(() => '?').join(', ');
  const rows = sqlite
    .prepare(`select ${CUSTOMER_COLUMNS} from ${FROM} where c.run_id = ? and c.customer_key in (${marks})`)
    .all(runId, ...keys) as CustomerRow[];
  return rows.map(toCustomer);
}

export function clvRunSummary(sqlite: ReadableDB, id: number): ClvRunSummary | null {
  const r = sqlite.prepare(`select ${SUMMARY} from clv_run where id = ?`).get(id) as SummaryRow | undefined;
  return r ? toSummary(r) : null;
}
