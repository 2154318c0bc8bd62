// The on-screen tables that export "what you see" (issue: export what you see). Each table is named
// here with the filter arguments its screen sends; the engine registers a row source per id
// (electron/backend/table-export/sources), and the typecheck fails while one of the two is missing.
// A table's export takes the same filters as the screen, so the file holds the rows on screen.
import { z } from 'zod';
import { BREAKDOWN_ATTRIBUTES, DrillTargetSchema } from '../analytics';
import { CUSTOMER_SORTS } from '../contract/diagnostics';
import { ACTION_SORTS, ActionFilterSchema, SIGNAL_SORTS, SignalFilterSchema } from '../health/triage';

const runId = z.int().positive();

export const TABLE_FILTERS = {
  /** The diagnostics customer table: search, drill (a cohort cell's customers are a drill) and sort. */
  'diagnostics.customers': z.object({
    runId,
    target: DrillTargetSchema.optional(),
    search: z.string().trim().max(200).optional(),
    sort: z.enum(CUSTOMER_SORTS).default('revenue12m'),
    descending: z.boolean().default(true),
  }),
  /** A breakdown by a built-in attribute, or by an attribute the imports kept (keptAttribute). */
  'diagnostics.breakdown': z.object({
    runId,
    attribute: z.enum(BREAKDOWN_ATTRIBUTES).default('industry'),
    keptAttribute: z.string().trim().min(1).max(200).optional(),
  }),
  'diagnostics.segments': z.object({ runId, scheme: z.enum(['classic', 'valueGroups']).default('valueGroups') }),
  'diagnostics.tiers': z.object({ runId }),
  'diagnostics.lifecycle': z.object({ runId }),
  /** One import batch's rejected rows, optionally of one reason. */
  'import.rejects': z.object({ batchId: z.int().positive(), code: z.string().trim().min(1).max(100).optional() }),
  /** An assessment's scores by section and respondent, with the overall row. */
  'checklists.results': z.object({ assessmentId: z.int().positive() }),
  /** The health scores of a run (latest when left out), lowest first, optionally of one band or a search. */
  'health.scores': z.object({
    runId: runId.optional(),
    band: z.enum(['red', 'yellow', 'green', 'none']).optional(),
    search: z.string().trim().max(100).optional(),
  }),
  /** The signal inbox under its triage filters (view, severity, rule, owner, tier, segment, band, churn risk, search), in its sort. */
  'health.signals': SignalFilterSchema.extend({ sort: z.enum(SIGNAL_SORTS).default('severity') }),
  /** The action board under the same filters; status = one column (none = every action). */
  'health.actions': ActionFilterSchema.extend({ sort: z.enum(ACTION_SORTS).default('due') }),
} as const satisfies Record<string, z.ZodType>;

export type TableId = keyof typeof TABLE_FILTERS;
export const TABLE_IDS = Object.keys(TABLE_FILTERS) as [TableId, ...TableId[]];
/** What a screen passes for its table (defaults may be left out). */
export type TableFilters<T extends TableId> = z.input<(typeof TABLE_FILTERS)[T]>;
/** What a row source receives, after validation and defaults. */
export type ParsedTableFilters<T extends TableId> = z.output<(typeof TABLE_FILTERS)[T]>;

export const TABLE_EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type TableExportFormat = (typeof TABLE_EXPORT_FORMATS)[number];

export function isTableId(id: string): id is TableId {
  return Object.hasOwn(TABLE_FILTERS, id);
}

export interface TableExportResult {
  table: TableId;
  format: TableExportFormat;
  path: string;
  /** Data rows written (the title lines and the header not counted). */
  rows: number;
  bytes: number;
  /** The column headers written, in order. */
  columns: string[];
  /** Browser mode: the file can be fetched from the web host's download route. */
  downloadable: boolean;
}
