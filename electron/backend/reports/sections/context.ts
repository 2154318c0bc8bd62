import type { TFunction } from 'i18next';
import type { Locale } from '../../../../shared/errors';
import type { KeyFigure, ReportBlock, ReportSectionId } from '../../../../shared/reports/model';
import { reportText, type ReportMessageKey } from '../../../../shared/reports/messages';
import type { ReadableDB, ReadExecutor } from '../../workspace/connection';

// One file per report section reads what the other domains STORED (runs, assessments, imports)
// through their own query functions; nothing here recomputes a figure another way. A section only
// reads: its connections are the read-only types, so a writing query function does not compile here.

export interface SectionContext {
  db: ReadExecutor;
  sqlite: ReadableDB;
  locale: Locale;
  /** Every catalogue (health:, checklists:, analytics:, ...), for labels owned by other domains. */
  t: TFunction;
  /** The reports catalogue. */
  r: (key: ReportMessageKey, params?: Record<string, string | number>) => string;
  currency: string;
  /** Local wall-clock time 'YYYY-MM-DDTHH:mm:ss' (the health domain's clock). */
  now: string;
  /** The stored runs the report is built from (null: none stored); every section quotes these, never another. */
  diagnosticRunId: number | null;
  healthRunId: number | null;
}

export interface SectionContent {
  blocks: ReportBlock[];
  status: 'stored' | 'missing';
  /** The stored result the figures come from, e.g. "health_run #3 · 2025-06-30". */
  source: string | null;
  /** Feeds the summary section: its headline figures and one-line findings. */
  highlights?: KeyFigure[];
  findings?: string[];
}

export type SectionBuilder = (ctx: SectionContext) => Promise<SectionContent>;

export type Missing = 'diagnostics' | 'health' | 'churn' | 'checklists' | 'actions' | 'data';

/** The section a domain has nothing stored for: one paragraph telling the consultant what to run. */
export function missingSection(ctx: SectionContext, what: Missing): SectionContent {
  return { blocks: [{ kind: 'paragraph', text: ctx.r(`missing.${what}`) }], status: 'missing', source: null };
}

export function sectionTitle(locale: Locale, id: ReportSectionId): string {
  return reportText(locale, `sections.${id}`);
}

/** Share as a fraction, or null when the denominator is 0 (never a silent 0%). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
