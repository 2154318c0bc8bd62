import type { TFunction } from 'i18next';
import type { CancelSignal } from '../../../shared/contract/define';
import type { Locale } from '../../../shared/errors';
import type { ValueFormat } from '../../../shared/reports/format';
import type { ParsedTableFilters, TableId } from '../../../shared/table-export/tables';
import type { Workspace } from '../workspace/workspace';
import type { PlainCellInput } from '../reports/safe-cell';

/** One column of an exported table: the id the screen names it by, its header as shown, its format. */
export interface ExportColumn {
  id: string;
  header: string;
  format: ValueFormat;
  decimals?: number;
}

export interface SourceContext {
  ws: Workspace;
  locale: Locale;
  /** Translator in the export's language; keys 'namespace:path'. */
  t: TFunction;
  currency: string;
  signal: CancelSignal;
  /** Rows read so far, for the job's progress. */
  progress(done: number, total: number | null): void;
}

/** What the title lines say about the table: its name, the run it comes from, the filters in force. */
export interface TableDescription {
  title: string;
  /** "诊断运行 #3 · 截至 2026-10-31 · 按月 · 默认参数", or null for a table that comes from no run. */
  run: string | null;
  /** One phrase per filter in force ("搜索：华东"); empty = every row. */
  filters: string[];
  /** Rows the export will hold, when known before reading them (said in the title lines). */
  total: number | null;
}

/**
 * A registered on-screen table. `rows` yields each row as an array aligned with `columns` (every
 * column of the table, in screen order); the export picks and orders the columns the screen shows.
 * Rows are read a page at a time with a checkpoint per page, so a 500,000-row table streams.
 */
export interface TableSource<T extends TableId> {
  id: T;
  describe(ctx: SourceContext, filters: ParsedTableFilters<T>): TableDescription | Promise<TableDescription>;
  columns(ctx: SourceContext, filters: ParsedTableFilters<T>): ExportColumn[] | Promise<ExportColumn[]>;
  rows(ctx: SourceContext, filters: ParsedTableFilters<T>): AsyncIterable<readonly PlainCellInput[]>;
}

/** Every table id with its source: the typecheck fails while a table of shared/table-export has none. */
export type TableSources = { [T in TableId]: TableSource<T> };
