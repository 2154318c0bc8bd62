// The engagement overview: headline figures of the latest runs beside the run before, what the
// imported data enables and what is missing (each with the step that fixes it), and the last
// imports, runs and exports. Built by the engine (electron/backend/overview), shown by the overview
// section and `rwb overview`.

import type { EntityKind } from '../domain/entities';
import type { KpiId } from '../analytics/run-result';
import type { MetricId } from '../analytics/formulas';

/** One headline figure of the latest run beside the same figure of the run before it. */
export interface HeadlineFigure {
  id: KpiId;
  /** The formula's id (shared/analytics/formulas.ts), for the figure's definition. */
  metric: MetricId;
  value: number | null;
  /** Why there is no value (an AbsentReason code), e.g. no contracts for GRR/NRR. */
  reason: string | null;
  /** The figure in the previous run (by as-of date); null without one or without a value there. */
  previous: number | null;
  /** value − previous; rates as fractions (0.012 = 1.2 percentage points). */
  change: number | null;
  periodKey: string;
  partial: boolean;
}

export interface RunRef {
  id: number;
  asOf: string;
  at: string;
}

export interface HealthHeadline {
  run: RunRef;
  previous: RunRef | null;
  customers: number;
  bands: { red: number; yellow: number; green: number; none: number };
  previousBands: { red: number; yellow: number; green: number; none: number } | null;
  average: number | null;
  previousAverage: number | null;
}

/** What one kind of data makes possible, whether it is there, and the step that adds it. */
export interface Enablement {
  id:
    | 'customers'
    | 'retention'
    | 'revenueRetention'
    | 'healthSignals'
    | 'diagnosticRun'
    | 'healthRun'
    | 'churnModel'
    | 'clvRun'
    | 'vocRun'
    | 'churnReview'
    | 'assessment';
  enabled: boolean;
  /** The rows (or runs) behind it. */
  count: number;
  /** Where the fixing step is: a section id, and for imports the entity to import. */
  step: { section: string; entity?: EntityKind };
}

export type RecentKind = 'import' | 'diagnosticRun' | 'healthRun' | 'churnRun' | 'clvRun' | 'vocRun' | 'churnReview' | 'reportExport' | 'tableExport';

export interface RecentEvent {
  kind: RecentKind;
  at: string;
  /** Batch or run id, when it has one. */
  id: number | null;
  /** File name, entity, as-of date, table: what the line names. */
  label: string;
  rows: number | null;
}

export interface OverviewSummary {
  diagnostics: { run: RunRef; previous: RunRef | null; figures: HeadlineFigure[] } | null;
  health: HealthHeadline | null;
  openSignals: { heavy: number; medium: number; light: number };
  enablement: Enablement[];
  recent: { imports: RecentEvent[]; runs: RecentEvent[]; exports: RecentEvent[] };
}

/** The headline figures, in the order the overview shows them. */
export const HEADLINE_IDS = ['retentionRate', 'churnRate', 'grr', 'nrr', 'activeCustomers', 'revenue'] as const satisfies readonly KpiId[];
