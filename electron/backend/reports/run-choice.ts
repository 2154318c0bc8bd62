// Which stored runs a report quotes: the ones the consultant picked, else the run with the latest
// as-of date (the last executed among equals). A picked run deleted since falls back the same way;
// the cover names the run actually used, so the report never quotes one run while naming another.

import type { ReadableDB } from '../workspace/connection';
import type { ReportDefinition } from '../../../shared/reports/definition';

export interface ReportRun {
  id: number;
  label: string | null;
  asOf: string;
  paramSet: string | null;
}

export interface ReportRuns {
  diagnostic: ReportRun | null;
  health: ReportRun | null;
}

export function reportRuns(sqlite: ReadableDB, def: Pick<ReportDefinition, 'diagnosticRunId' | 'healthRunId'>): ReportRuns {
  const diag = (id: number | null | undefined): ReportRun | undefined =>
    (id
      ? sqlite.prepare(`select id, label, as_of as asOf, param_set as paramSet from diagnostic_run where id = ?`).get(id)
      : sqlite.prepare(`select id, label, as_of as asOf, param_set as paramSet from diagnostic_run order by as_of desc, id desc limit 1`).get()) as
      ReportRun | undefined;
  const health = (id: number | null | undefined): ReportRun | undefined =>
    (id
      ? sqlite.prepare(`select id, null as label, as_of as asOf, param_set as paramSet from health_run where id = ? and finished_at is not null`).get(id)
      : sqlite
          .prepare(
            `select id, null as label, as_of as asOf, param_set as paramSet from health_run where finished_at is not null order by as_of desc, id desc limit 1`,
          )
          .get()) as ReportRun | undefined;
  return {
    diagnostic: diag(def.diagnosticRunId) ?? diag(null) ?? null,
    health: health(def.healthRunId) ?? health(null) ?? null,
  };
}
