import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import type { CallContext } from '../../../shared/contract/define';
import type { Locale } from '../../../shared/errors';
import { createTranslator } from '../../../shared/i18n/translate';
import { TABLE_FILTERS, type TableExportFormat, type TableExportResult, type TableId } from '../../../shared/table-export/tables';
import { WorkbenchError } from '../errors';
import { checkpoint } from '../jobs';
import { localNow } from '../health/clock';
import type { PlainCellInput } from '../reports/safe-cell';
import { recordAuditSync } from '../workspace/repositories/audit';
import { getEngagement } from '../workspace/repositories/engagement';
import type { Workspace } from '../workspace/workspace';
import type { ExportColumn, SourceContext, TableSource } from './source';
import { TABLE_SOURCES } from './sources';
import { writeTableCsv, writeTableXlsx } from './write';

export interface TableExportRequest {
  ws: Workspace;
  table: TableId;
  filters: Record<string, unknown>;
  columns?: readonly string[] | undefined;
  format: TableExportFormat;
  /** Resolved by the caller; default: a free name in `documentsDir`. */
  path?: string | undefined;
  documentsDir: () => string;
  language?: Locale | undefined;
  ctx: Pick<CallContext, 'signal' | 'progress'>;
}

/** File names keep to what Windows accepts. */
function cleanName(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- control characters are replaced on purpose (Windows refuses them in names)
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .trim()
      .slice(0, 80)
  );
}

function freePath(dir: string, base: string, ext: string): string {
  let path = join(dir, `${base}.${ext}`);
  for (let i = 2; existsSync(path); i++) path = join(dir, `${base} (${i}).${ext}`);
  return path;
}

/** The columns the screen shows, in its order; an id the table does not have is refused by name. */
export function pickColumns(table: TableId, all: readonly ExportColumn[], wanted: readonly string[] | undefined): number[] {
  if (!wanted) return all.map((_, i) => i);
  return wanted.map((id) => {
    const i = all.findIndex((c) => c.id === id);
    if (i < 0) throw new WorkbenchError('TABLE_EXPORT_UNKNOWN_COLUMN', { table, column: id, columns: all.map((c) => c.id).join(', ') });
    return i;
  });
}

async function* project(
  rows: AsyncIterable<readonly PlainCellInput[]>,
  picked: readonly number[],
  signal: Pick<CallContext, 'signal'>['signal'],
): AsyncGenerator<readonly PlainCellInput[]> {
  let n = 0;
  for await (const row of rows) {
    // Sources checkpoint per page; this catches a source that yields from memory (a run's segments).
    if (++n % 5000 === 0) await checkpoint(signal);
    yield picked.map((i) => row[i] ?? null);
  }
}

/**
 * Writes one on-screen table to XLSX or CSV: title lines naming the engagement, the table, the run
 * and the filters, then the columns as shown and the rows the screen's filters give. Written to a
 * part file and renamed, so a cancelled or failed export leaves nothing under the chosen name; the
 * audit entry is written once the file is in place.
 */
export async function exportTable(req: TableExportRequest): Promise<Omit<TableExportResult, 'downloadable'>> {
  const { ws, table } = req;
  const meta = await getEngagement(ws.db);
  const locale: Locale = req.language ?? meta.locale;
  const t = createTranslator(locale);
  const source = TABLE_SOURCES[table] as unknown as TableSource<TableId>;
  // Validated once by the contract too; parsed here for the defaults and the typed filters.
  const parsed = TABLE_FILTERS[table].safeParse(req.filters);
  if (!parsed.success)
    throw new WorkbenchError('INVALID_ARGUMENTS', { detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  const filters = parsed.data as Parameters<TableSource<TableId>['columns']>[1];
  const ctx: SourceContext = {
    ws,
    locale,
    t,
    currency: meta.currency,
    signal: req.ctx.signal,
    progress: (done, total) => req.ctx.progress('tableExport.phase.rows', done, total),
  };
  req.ctx.progress('tableExport.phase.rows', 0, null);
  const description = await source.describe(ctx, filters);
  const all = await source.columns(ctx, filters);
  const picked = pickColumns(table, all, req.columns);
  const columns = picked.map((i) => all[i]!);
  const now = localNow();
  const preamble = [
    t('tableExport:title', { client: meta.clientName, table: description.title }),
    ...(description.run ? [description.run] : []),
    description.filters.length > 0
      ? t('tableExport:filters', { filters: description.filters.join(t('tableExport:filterSeparator')) })
      : t('tableExport:noFilters'),
    description.total === null
      ? t('tableExport:exportedAt', { at: now.slice(0, 16).replace('T', ' ') })
      : t('tableExport:exportedAtRows', { at: now.slice(0, 16).replace('T', ' '), rows: description.total.toLocaleString(locale) }),
  ];

  let path: string;
  if (req.path) {
    path = resolve(req.path);
    if (extname(path).toLowerCase() !== `.${req.format}`) path += `.${req.format}`;
    mkdirSync(dirname(path), { recursive: true });
  } else {
    path = freePath(req.documentsDir(), cleanName(`${meta.clientName}-${description.title}-${now.slice(0, 10)}`), req.format);
  }
  const tmp = `${path}.part`;
  let rows: number;
  try {
    await checkpoint(req.ctx.signal);
    const spec = {
      path: tmp,
      sheetName: description.title,
      preamble,
      columns,
      rows: project(source.rows(ctx, filters), picked, req.ctx.signal),
      locale,
      currency: meta.currency,
    };
    rows = req.format === 'xlsx' ? await writeTableXlsx(spec) : await writeTableCsv(spec);
    // The last checkpoint: past it the export is done, file and audit entry together.
    await checkpoint(req.ctx.signal);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  const bytes = statSync(path).size;
  recordAuditSync(ws.sqlite, 'table.export', { table, format: req.format, path, rows, bytes, filters: description.filters, language: locale });
  return { table, format: req.format, path, rows, bytes, columns: columns.map((c) => c.header) };
}
