// The diagnostics domain's channels. Spread into the contract in ./index.ts. A run is
// stored whole (shared/analytics/run-result.ts) and everything after it reads the stored run.
import { z } from 'zod';
import { channel } from './define';
import {
  AnalyticsParamsSchema,
  DrillTargetSchema,
  GRAINS,
  type AnalyticsParams,
  type DiagnosticComparison,
  type DiagnosticCustomerRow,
  type DiagnosticRun,
  type DiagnosticRunSummary,
} from '../analytics';

const runId = z.int().positive();

/**
 * Run parameters as a caller sends them: asOf may be left out (the latest purchase date is used: diagnostics/defaults.ts defaultAsOf), and so
 * may the grain (chosen from the data's span and kind: diagnostics/defaults.ts defaultGrain).
 */
export const RunParamsSchema = AnalyticsParamsSchema.extend({ asOf: z.iso.date().optional(), grain: z.enum(GRAINS).optional() });

/** What the workspace holds for a diagnostic run: counts and the order date range. */
export interface DataOverview {
  customers: number;
  orderLines: number;
  contracts: number;
  firstOrderDate: string | null;
  lastOrderDate: string | null;
  hasContracts: boolean;
}

export interface DiagnosticsDefaults {
  /** The as-of date a run takes when none is given: the latest purchase (positive amount), else the latest order date, else today. */
  asOf: string;
  params: AnalyticsParams;
  data: DataOverview;
}

export interface DrillResult {
  total: number;
  /** Every matching customer key, in key order (the table filters to these). */
  keys: string[];
  /** The first `limit` rows in full. */
  rows: DiagnosticCustomerRow[];
}

/**
 * The columns the engine sorts the customer table by, each paged through its own index. Ascending or
 * descending, customers without a figure come last; ties follow the customer key in the same direction.
 */
export const CUSTOMER_SORTS = ['customerKey', 'name', 'revenue12m', 'monetary', 'recencyDays', 'frequency', 'tenureDays', 'mrr'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export const diagnosticsChannels = {
  'diagnostics.defaults': channel(z.object({})).returns<DiagnosticsDefaults>(),
  /** Runs and stores a diagnostic; progress phases are diagnostics.<RUN_PHASES>. */
  'diagnostics.run': channel(
    z.object({
      params: RunParamsSchema.prefault({}),
      label: z.string().trim().max(200).nullable().optional(),
      /** A named parameter set: its RFM, tier and lifecycle parameters replace those in params, and the run records its name. */
      paramSet: z.string().trim().min(1).max(80).optional(),
      jobId: z.string().optional(),
    }),
    { job: true },
  ).returns<DiagnosticRun>(),
  'diagnostics.runs': channel(z.object({})).returns<DiagnosticRunSummary[]>(),
  /** A stored run (the latest when runId is left out); null when none exists. */
  'diagnostics.get': channel(z.object({ runId: runId.optional() })).returns<DiagnosticRun | null>(),
  'diagnostics.compare': channel(z.object({ baseRunId: runId, runId })).returns<DiagnosticComparison>(),
  /**
   * A page of customer rows, optionally narrowed by a drill target and a search text (customer key or
   * name containing it, ASCII letters in either case). The table reads pages as it scrolls: a run's
   * rows are never sent whole (500,000 customers were 41.6 MB of JSON).
   */
  'diagnostics.customers': channel(
    z.object({
      runId,
      target: DrillTargetSchema.optional(),
      search: z.string().trim().max(200).optional(),
      sort: z.enum(CUSTOMER_SORTS).default('customerKey'),
      descending: z.boolean().default(false),
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(5000).default(100),
    }),
  ).returns<{ total: number; rows: DiagnosticCustomerRow[] }>(),
  /** The customers behind one figure (a cohort cell, a period status, a segment, a tier, ...). */
  'diagnostics.drill': channel(z.object({ runId, target: DrillTargetSchema, limit: z.int().min(0).max(5000).default(50) })).returns<DrillResult>(),
  'diagnostics.label': channel(z.object({ runId, label: z.string().trim().max(200).nullable() })).returns<DiagnosticRunSummary>(),
  'diagnostics.delete': channel(z.object({ runId })).returns<{ deleted: boolean }>(),
};
