// Stored churn-model runs: the run (parameters, evaluation, feature report, drivers, notes and the
// riskiest customers as JSON) and one score row per customer, paged by the engine.

import type { ReadableDB, WritableDB } from '../workspace/connection';
import { WorkbenchError } from '../errors';
import { ChurnParamsSchema, type ChurnRun, type ChurnRunSummary, type ChurnScoreRow, type ChurnScoreSort, type ChurnStatus } from '../../../shared/churn/types';
import type { Row } from '../workspace/schema';

type RunResults = Pick<ChurnRun, 'evaluation' | 'features' | 'drivers' | 'notes' | 'topAtStake'>;

const SUMMARY = `id, created_at, label, params, scored_as_of, status, roc_auc, customers, duration_ms`;
type SummaryRow = Omit<Row<'churn_run'>, 'results'>;

function toSummary(r: SummaryRow): ChurnRunSummary {
  return {
    id: r.id,
    createdAt: r.created_at,
    label: r.label,
    params: ChurnParamsSchema.parse(JSON.parse(r.params)),
    scoredAsOf: r.scored_as_of,
    status: r.status as ChurnStatus,
    rocAuc: r.roc_auc,
    customers: r.customers,
    durationMs: r.duration_ms,
  };
}

export function listChurnRuns(sqlite: ReadableDB): ChurnRunSummary[] {
  return (sqlite.prepare(`select ${SUMMARY} from churn_run order by id desc`).all() as SummaryRow[]).map(toSummary);
}

export function latestChurnRunId(sqlite: ReadableDB): number | null {
  return (sqlite.prepare(`select max(id) as id from churn_run`).get() as { id: number | null }).id;
}

export function loadChurnRun(sqlite: ReadableDB, id: number): ChurnRun {
  const r = sqlite.prepare(`select ${SUMMARY}, results from churn_run where id = ?`).get(id) as Row<'churn_run'> | undefined;
  if (!r) throw new WorkbenchError('NOT_FOUND', { what: 'churn run', id });
  return { ...toSummary(r), ...(JSON.parse(r.results) as RunResults) };
}

export interface StoreChurnInput {
  createdAt: string;
  label: string | null;
  summary: Omit<ChurnRunSummary, 'id' | 'createdAt' | 'label' | 'customers'>;
  results: RunResults;
  scores: readonly ChurnScoreRow[];
}

/** Writes a run and its score rows in one transaction (synchronous: no async work inside). */
export function storeChurnRun(sqlite: WritableDB, input: StoreChurnInput): number {
  const insRun = sqlite.prepare(
    `insert into churn_run (created_at, label, params, scored_as_of, status, roc_auc, customers, duration_ms, results) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insScore = sqlite.prepare(
    `insert into churn_score (run_id, customer_key, name, owner, probability, rank, revenue_12m, revenue_at_stake, reasons) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const s = input.summary;
  return sqlite.transaction((): number => {
    const id = Number(
      insRun.run(
        input.createdAt,
        input.label,
        JSON.stringify(s.params),
        s.scoredAsOf,
        s.status,
        s.rocAuc,
        input.scores.length,
        Math.round(s.durationMs),
        JSON.stringify(input.results),
      ).lastInsertRowid,
    );
    for (const c of input.scores)
      insScore.run(id, c.customerKey, c.name, c.owner, c.probability, c.rank, c.revenue12m, c.revenueAtStake, JSON.stringify(c.reasons));
    return id;
  })();
}

type ScoreRow = Omit<Row<'churn_score'>, 'run_id'>;
const SCORE_COLUMNS = `customer_key, name, owner, probability, rank, revenue_12m, revenue_at_stake, reasons`;

function toScore(r: ScoreRow): ChurnScoreRow {
  return {
    customerKey: r.customer_key,
    name: r.name,
    owner: r.owner,
    probability: r.probability,
    rank: r.rank,
    revenue12m: r.revenue_12m,
    revenueAtStake: r.revenue_at_stake,
    reasons: JSON.parse(r.reasons) as ChurnScoreRow['reasons'],
  };
}

const SORT_COLUMN: Record<ChurnScoreSort, string> = { probability: 'probability', revenueAtStake: 'revenue_at_stake', customerKey: 'customer_key' };

export function scoresPage(
  sqlite: ReadableDB,
  q: { runId: number; sort: ChurnScoreSort; descending: boolean; search?: string | undefined; offset: number; limit: number },
): { total: number; rows: ChurnScoreRow[] } {
  const dir = q.descending ? 'desc' : 'asc';
  const where = q.search ? `run_id = :runId and (customer_key like :like escape '\\' or name like :like escape '\\')` : `run_id = :runId`;
  const params: Record<string, string | number> = { runId: q.runId };
  if (q.search) params.like = `%${q.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const total = Number(sqlite.prepare(`select count(*) from churn_score where ${where}`).pluck().get(params));
  const sortSql = q.sort === 'customerKey' ? `customer_key ${dir}` : `${SORT_COLUMN[q.sort]} ${dir}, customer_key ${dir}`;
  const rows = sqlite
    .prepare(`select ${SCORE_COLUMNS} from churn_score where ${where} order by ${sortSql} limit :limit offset :offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as ScoreRow[];
  return { total, rows: rows.map(toScore) };
}

export function customerScore(sqlite: ReadableDB, runId: number, customerKey: string): ChurnScoreRow | null {
  const r = sqlite.prepare(`select ${SCORE_COLUMNS} from churn_score where run_id = ? and customer_key = ?`).get(runId, customerKey) as ScoreRow | undefined;
  return r ? toScore(r) : null;
}

export function deleteChurnRun(sqlite: WritableDB, id: number): boolean {
  return sqlite.transaction(() => {
    sqlite.prepare(`delete from churn_score where run_id = ?`).run(id);
    return sqlite.prepare(`delete from churn_run where id = ?`).run(id).changes > 0;
  })();
}
