// Stored diagnostic runs (migration 0004): the one place that reads and writes diagnostic_run and
// diagnostic_customer. Reports load a run with loadRun / loadRunCustomers and get exactly what the
// dashboard showed (shared/analytics/run-result.ts), never a recomputation.

import type { ReadableDB, WritableDB } from '../workspace/connection';
import type { Row } from '../workspace/schema';
import {
  normaliseRunResult,
  type AnalyticsParams,
  type DiagnosticCustomerRow,
  type DiagnosticRun,
  type DiagnosticRunResult,
  type DiagnosticRunSummary,
  type LifecycleStage,
  type Tier,
} from '../../../shared/analytics';
import { parseStoredParams } from '../../../shared/analytics/stored-params';
import { WorkbenchError } from '../errors';

const SUMMARY_COLUMNS = `id, created_at, as_of, grain, basis, window_days, label, customers, duration_ms, param_set`;

type SummaryRow = Omit<Row<'diagnostic_run'>, 'params' | 'results'>;

function toSummary(r: SummaryRow): DiagnosticRunSummary {
  return {
    id: r.id,
    createdAt: r.created_at,
    asOf: r.as_of,
    grain: r.grain,
    basis: r.basis,
    windowDays: r.window_days,
    label: r.label,
    customers: r.customers,
    durationMs: r.duration_ms,
    paramSet: r.param_set,
  };
}

/** Newest first. */
export function listRuns(sqlite: ReadableDB): DiagnosticRunSummary[] {
  return (sqlite.prepare(`select ${SUMMARY_COLUMNS} from diagnostic_run order by id desc`).all() as SummaryRow[]).map(toSummary);
}

/**
 * The run with the latest as-of date (the last executed among equals): what the dashboard opens on
 * and a report quotes by default. Re-running an older date to look back must not replace it.
 */
export function latestRunId(sqlite: ReadableDB): number | null {
  const r = sqlite.prepare(`select id from diagnostic_run order by as_of desc, id desc limit 1`).get() as { id: number } | undefined;
  return r?.id ?? null;
}

/** A stored run with its parameters and results; throws NOT_FOUND for an unknown id. */
export function loadRun(sqlite: ReadableDB, id: number): DiagnosticRun {
  const r = sqlite.prepare(`select ${SUMMARY_COLUMNS}, params, results from diagnostic_run where id = ?`).get(id) as
    (SummaryRow & { params: string; results: string }) | undefined;
  if (!r) throw new WorkbenchError('NOT_FOUND', { what: 'diagnostic run', id });
  return {
    ...toSummary(r),
    params: parseStoredParams(JSON.parse(r.params)),
    results: normaliseRunResult(JSON.parse(r.results) as DiagnosticRunResult),
  };
}

export interface StoreRunInput {
  createdAt: string;
  params: AnalyticsParams;
  results: DiagnosticRunResult;
  customers: readonly DiagnosticCustomerRow[];
  label: string | null;
  durationMs: number;
  /** The named parameter set the run used; null = the built-in defaults. */
  paramSet?: string | null;
}

const CUSTOMER_COLUMNS = [
  'run_id',
  'idx',
  'customer_key',
  'name',
  'industry',
  'region',
  'owner',
  'customer_segment',
  'active',
  'first_active',
  'cohort',
  'cohort_on',
  'statuses',
  'last_purchase',
  'recency_days',
  'frequency',
  'monetary',
  'r',
  'f',
  'm',
  'segment',
  'value_group',
  'prev_segment',
  'prev_value_group',
  'tier',
  'tier_reasons',
  'stage',
  'stage_reasons',
  'tenure_days',
  'revenue_12m',
  'mrr',
] as const;

/** Writes a run and its customer rows in one transaction (synchronous: no async work inside). */
export function storeRun(sqlite: WritableDB, input: StoreRunInput): number {
  const insRun = sqlite.prepare(
    `insert into diagnostic_run (created_at, as_of, grain, basis, window_days, params, results, label, customers, duration_ms, param_set)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insCustomer = sqlite.prepare(`insert into diagnostic_customer (${CUSTOMER_COLUMNS.join(', ')}) values (${CUSTOMER_COLUMNS.map(() => '?').join(', ')})`);
  const write = sqlite.transaction((): number => {
    const p = input.params;
    const id = Number(
      insRun.run(
        // A derived window (windowDays null in the parameters) is stored as the days the run used.
        input.createdAt,
        p.asOf,
        p.grain,
        p.activity.basis,
        p.activity.windowDays ?? input.results.windowDays,
        JSON.stringify(p),
        JSON.stringify(input.results),
        input.label,
        input.customers.length,
        Math.round(input.durationMs),
        input.paramSet ?? null,
      ).lastInsertRowid,
    );
    input.customers.forEach((c, i) => {
      insCustomer.run(
        id,
        i,
        c.customerKey,
        c.name,
        c.industry,
        c.region,
        c.owner,
        c.customerSegment,
        c.active ? 1 : 0,
        c.firstActive,
        c.cohort,
        c.cohortOn,
        c.statuses,
        c.lastPurchase,
        c.recencyDays,
        c.frequency,
        c.monetary,
        c.r,
        c.f,
        c.m,
        c.segment,
        c.valueGroup,
        c.prevSegment,
        c.prevValueGroup,
        c.tier,
        c.tierReasons.length ? c.tierReasons.join(',') : null,
        c.stage,
        c.stageReasons.length ? c.stageReasons.join(',') : null,
        c.tenureDays,
        c.revenue12m,
        c.mrr,
      );
    });
    return id;
  });
  return write();
}

/** Keeps the duration honest: it is only known once the rows are written. */
export function setRunDuration(sqlite: WritableDB, id: number, durationMs: number): void {
  sqlite.prepare(`update diagnostic_run set duration_ms = ? where id = ?`).run(Math.round(durationMs), id);
}

export function setRunLabel(sqlite: WritableDB, id: number, label: string | null): void {
  const r = sqlite.prepare(`update diagnostic_run set label = ? where id = ?`).run(label, id);
  if (r.changes === 0) throw new WorkbenchError('NOT_FOUND', { what: 'diagnostic run', id });
}

export function deleteRun(sqlite: WritableDB, id: number): boolean {
  return sqlite.prepare(`delete from diagnostic_run where id = ?`).run(id).changes > 0;
}

type CustomerRowRaw = [
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  string | null,
  string | null,
  string | null,
  string,
  string | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number | null,
  number,
  number,
];

/** The SELECT list matching CustomerRowRaw, for any query over diagnostic_customer aliased `d`. */
export const CUSTOMER_SELECT = `d.customer_key, d.name, d.industry, d.region, d.owner, d.customer_segment, d.active, d.first_active,
  d.cohort, d.cohort_on, d.statuses, d.last_purchase, d.recency_days, d.frequency, d.monetary, d.r, d.f, d.m, d.segment,
  d.value_group, d.prev_segment, d.prev_value_group, d.tier, d.tier_reasons, d.stage, d.stage_reasons, d.tenure_days,
  d.revenue_12m, d.mrr`;

const list = (s: string | null): string[] => (s ? s.split(',') : []);

export function customerFromRaw(r: unknown[]): DiagnosticCustomerRow {
  const x = r as CustomerRowRaw;
  return {
    customerKey: x[0],
    name: x[1],
    industry: x[2],
    region: x[3],
    owner: x[4],
    customerSegment: x[5],
    active: x[6] === 1,
    firstActive: x[7],
    cohort: x[8],
    cohortOn: x[9],
    statuses: x[10],
    lastPurchase: x[11],
    recencyDays: x[12],
    frequency: x[13],
    monetary: x[14],
    r: x[15],
    f: x[16],
    m: x[17],
    segment: x[18],
    valueGroup: x[19],
    prevSegment: x[20],
    prevValueGroup: x[21],
    tier: x[22] as Tier | null,
    tierReasons: list(x[23]),
    stage: x[24] as LifecycleStage | null,
    stageReasons: list(x[25]),
    tenureDays: x[26],
    revenue12m: x[27],
    mrr: x[28],
  };
}

/** Every customer row of a run, in customer key order (what a report's data sheet lists). */
export function loadRunCustomers(sqlite: ReadableDB, runId: number): DiagnosticCustomerRow[] {
  return (
    sqlite.prepare(`select ${CUSTOMER_SELECT} from diagnostic_customer d where d.run_id = ? order by d.customer_key`).raw(true).all(runId) as unknown[][]
  ).map(customerFromRaw);
}
