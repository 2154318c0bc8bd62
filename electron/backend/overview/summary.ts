import type { DiagnosticRunResult } from '../../../shared/analytics';
import type { EntityKind } from '../../../shared/domain/entities';
import {
  HEADLINE_IDS,
  type Enablement,
  type HeadlineFigure,
  type HealthHeadline,
  type OverviewSummary,
  type RecentEvent,
  type RunRef,
} from '../../../shared/overview/summary';
import { signalCounts } from '../health/queries';
import type { ReadableDB } from '../workspace/connection';

/** How many of each list the overview shows. */
const RECENT = 5;

function count(sqlite: ReadableDB, sql: string): number {
  return (sqlite.prepare(sql).pluck().get() as number | null) ?? 0;
}

/** A table another helper's migration adds may be missing in an older workspace's test copy; count it as empty. */
function tableExists(sqlite: ReadableDB, name: string): boolean {
  return sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).pluck().get(name) !== undefined;
}

type DiagnosticRow = { id: number; as_of: string; created_at: string; results: string };

/**
 * The latest diagnostic run by as-of date (then id), and the latest run of an EARLIER as-of date: a
 * run repeated at the same date (other parameters, a re-run) is not a trend, so it is skipped.
 */
function diagnosticHeadline(sqlite: ReadableDB): OverviewSummary['diagnostics'] {
  const latest = sqlite.prepare(`select id, as_of, created_at, results from diagnostic_run order by as_of desc, id desc limit 1`).get() as
    DiagnosticRow | undefined;
  if (!latest) return null;
  const before = sqlite
    .prepare(`select id, as_of, created_at, results from diagnostic_run where as_of < ? order by as_of desc, id desc limit 1`)
    .get(latest.as_of) as DiagnosticRow | undefined;
  const ref = (r: { id: number; as_of: string; created_at: string }): RunRef => ({ id: r.id, asOf: r.as_of, at: r.created_at });
  const now = JSON.parse(latest.results) as DiagnosticRunResult;
  const prev = before ? (JSON.parse(before.results) as DiagnosticRunResult) : null;
  const figures: HeadlineFigure[] = HEADLINE_IDS.map((id) => {
    const k = now.kpis[id];
    const p = prev?.kpis[id]?.value ?? null;
    const value = k?.value ?? null;
    return {
      id,
      metric: k.metric,
      value,
      reason: k?.reason ?? null,
      previous: p,
      change: value !== null && p !== null ? value - p : null,
      periodKey: k?.periodKey ?? '',
      partial: k?.partial ?? false,
    };
  });
  return { run: ref(latest), previous: before ? ref(before) : null, figures };
}

function healthHeadline(sqlite: ReadableDB): HealthHeadline | null {
  type HealthRow = {
    id: number;
    as_of: string;
    started_at: string;
    customers: number;
    red: number;
    yellow: number;
    green: number;
    none: number;
    avg: number | null;
  };
  const select = `select r.id, r.as_of, r.started_at, r.customers, r.red, r.yellow, r.green, r.none,
                         (select avg(score) from health_score s where s.run_id = r.id) as avg
                    from health_run r where r.finished_at is not null`;
  const latest = sqlite.prepare(`${select} order by r.as_of desc, r.id desc limit 1`).get() as HealthRow | undefined;
  if (!latest) return null;
  // As for diagnostics: the previous run is the latest of an earlier as-of date.
  const before = sqlite.prepare(`${select} and r.as_of < ? order by r.as_of desc, r.id desc limit 1`).get(latest.as_of) as HealthRow | undefined;
  const bands = (r: HealthRow) => ({ red: r.red, yellow: r.yellow, green: r.green, none: r.none });
  return {
    run: { id: latest.id, asOf: latest.as_of, at: latest.started_at },
    previous: before ? { id: before.id, asOf: before.as_of, at: before.started_at } : null,
    customers: latest.customers,
    bands: bands(latest),
    previousBands: before ? bands(before) : null,
    average: latest.avg,
    previousAverage: before?.avg ?? null,
  };
}

/** What the data makes possible, and for what is missing the section (and entity) that fixes it. */
export interface RunCounts {
  diagnostic: number;
  health: number;
  churn: number;
  assessments: number;
  clv?: number;
  voc?: number;
  churnReview?: number;
}

export function enablement(counts: Record<EntityKind, number>, runs: RunCounts): Enablement[] {
  const activity = counts.interactions + counts.tickets + counts.surveys + counts.usage;
  return [
    { id: 'customers', enabled: counts.customers > 0, count: counts.customers, step: { section: 'import', entity: 'customers' } },
    { id: 'retention', enabled: counts.orders > 0 || counts.contracts > 0, count: counts.orders, step: { section: 'import', entity: 'orders' } },
    { id: 'revenueRetention', enabled: counts.contracts > 0, count: counts.contracts, step: { section: 'import', entity: 'contracts' } },
    { id: 'healthSignals', enabled: activity > 0, count: activity, step: { section: 'import', entity: 'interactions' } },
    { id: 'diagnosticRun', enabled: runs.diagnostic > 0, count: runs.diagnostic, step: { section: 'diagnostics' } },
    { id: 'healthRun', enabled: runs.health > 0, count: runs.health, step: { section: 'health' } },
    { id: 'churnModel', enabled: runs.churn > 0, count: runs.churn, step: { section: 'churn' } },
    { id: 'clvRun', enabled: (runs.clv ?? 0) > 0, count: runs.clv ?? 0, step: { section: 'clv' } },
    { id: 'vocRun', enabled: (runs.voc ?? 0) > 0, count: runs.voc ?? 0, step: { section: 'voc' } },
    { id: 'churnReview', enabled: (runs.churnReview ?? 0) > 0, count: runs.churnReview ?? 0, step: { section: 'churnReview' } },
    { id: 'assessment', enabled: runs.assessments > 0, count: runs.assessments, step: { section: 'checklists' } },
  ];
}

function recent(sqlite: ReadableDB): OverviewSummary['recent'] {
  const imports = (
    sqlite
      .prepare(`select id, coalesce(finished_at, started_at) as at, file_name, entity, rows_accepted, status from import_batch order by id desc limit ?`)
      .all(RECENT) as { id: number; at: string; file_name: string; entity: string; rows_accepted: number; status: string }[]
  ).map((r): RecentEvent => ({
    kind: 'import',
    at: r.at,
    id: r.id,
    label: `${r.entity}:${r.file_name}${r.status === 'undone' ? ':undone' : ''}`,
    rows: r.rows_accepted,
  }));
  const runs: RecentEvent[] = [
    ...(
      sqlite.prepare(`select id, created_at as at, as_of from diagnostic_run order by id desc limit ?`).all(RECENT) as {
        id: number;
        at: string;
        as_of: string;
      }[]
    ).map((r): RecentEvent => ({ kind: 'diagnosticRun', at: r.at, id: r.id, label: r.as_of, rows: null })),
    ...(
      sqlite.prepare(`select id, started_at as at, as_of, customers from health_run where finished_at is not null order by id desc limit ?`).all(RECENT) as {
        id: number;
        at: string;
        as_of: string;
        customers: number;
      }[]
    ).map((r): RecentEvent => ({ kind: 'healthRun', at: r.at, id: r.id, label: r.as_of, rows: r.customers })),
    ...(tableExists(sqlite, 'churn_run')
      ? (sqlite.prepare(`select id, created_at as at, scored_as_of, customers from churn_run order by id desc limit ?`).all(RECENT) as {
          id: number;
          at: string;
          scored_as_of: string;
          customers: number;
        }[])
      : []
    ).map((r): RecentEvent => ({ kind: 'churnRun', at: r.at, id: r.id, label: r.scored_as_of, rows: r.customers })),
    ...(tableExists(sqlite, 'clv_run')
      ? (sqlite.prepare(`select id, created_at as at, as_of, customers from clv_run order by id desc limit ?`).all(RECENT) as {
          id: number;
          at: string;
          as_of: string;
          customers: number;
        }[])
      : []
    ).map((r): RecentEvent => ({ kind: 'clvRun', at: r.at, id: r.id, label: r.as_of, rows: r.customers })),
    ...(tableExists(sqlite, 'voc_run')
      ? (sqlite.prepare(`select id, created_at as at, comments from voc_run order by id desc limit ?`).all(RECENT) as {
          id: number;
          at: string;
          comments: number;
        }[])
      : []
    ).map((r): RecentEvent => ({ kind: 'vocRun', at: r.at, id: r.id, label: '', rows: r.comments })),
    ...(tableExists(sqlite, 'churn_review')
      ? (sqlite.prepare(`select id, created_at as at, period, churned from churn_review order by id desc limit ?`).all(RECENT) as {
          id: number;
          at: string;
          period: string;
          churned: number;
        }[])
      : []
    ).map((r): RecentEvent => ({ kind: 'churnReview', at: r.at, id: r.id, label: r.period, rows: r.churned })),
  ]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, RECENT);
  const reports = (
    sqlite.prepare(`select id, at, kind, path from report_export order by id desc limit ?`).all(RECENT) as {
      id: number;
      at: string;
      kind: string;
      path: string;
    }[]
  ).map((r): RecentEvent => ({ kind: 'reportExport', at: r.at, id: r.id, label: `${r.kind}:${r.path}`, rows: null }));
  const tables = (
    sqlite.prepare(`select id, at, detail from audit_log where action = 'table.export' order by id desc limit ?`).all(RECENT) as {
      id: number;
      at: string;
      detail: string;
    }[]
  ).map((r): RecentEvent => {
    const d = JSON.parse(r.detail) as { table?: string; path?: string; rows?: number };
    return { kind: 'tableExport', at: r.at, id: null, label: `${d.table ?? ''}:${d.path ?? ''}`, rows: d.rows ?? null };
  });
  // Audit times are UTC ISO; report and run times are local: compare on the first 16 characters is close enough for a "latest" list.
  const exports = [...reports, ...tables].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, RECENT);
  return { imports, runs, exports };
}

export function overviewSummary(sqlite: ReadableDB, counts: Record<EntityKind, number>): OverviewSummary {
  const runs = {
    diagnostic: count(sqlite, 'select count(*) from diagnostic_run'),
    health: count(sqlite, 'select count(*) from health_run where finished_at is not null'),
    churn: tableExists(sqlite, 'churn_run') ? count(sqlite, 'select count(*) from churn_run') : 0,
    assessments: count(sqlite, 'select count(*) from checklist_assessment'),
    clv: tableExists(sqlite, 'clv_run') ? count(sqlite, 'select count(*) from clv_run') : 0,
    voc: tableExists(sqlite, 'voc_run') ? count(sqlite, 'select count(*) from voc_run') : 0,
    churnReview: tableExists(sqlite, 'churn_review') ? count(sqlite, 'select count(*) from churn_review') : 0,
  };
  return {
    diagnostics: diagnosticHeadline(sqlite),
    health: healthHeadline(sqlite),
    openSignals: signalCounts(sqlite, 'open'),
    enablement: enablement(counts, runs),
    recent: recent(sqlite),
  };
}
