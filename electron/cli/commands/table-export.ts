import { extname } from 'node:path';
import type { Command } from 'commander';
import type { z } from 'zod';
import { createTranslator } from '../../../shared/i18n/translate';
import { isTableId, TABLE_FILTERS, TABLE_IDS, type TableExportFormat, type TableExportResult } from '../../../shared/table-export/tables';
import { action } from '../program';
import { CliFailure, printResult } from '../output';

interface ExportTableOptions {
  table: string;
  out: string;
  format?: string;
  columns?: string;
  run?: string;
  search?: string;
  sort?: string;
  desc?: boolean;
  asc?: boolean;
  drill?: string;
  attribute?: string;
  keptAttribute?: string;
  scheme?: string;
  batch?: string;
  code?: string;
  assessment?: string;
  band?: string;
  filters?: string;
}

function invalid(detail: string): CliFailure {
  return new CliFailure({ code: 'INVALID_ARGUMENTS', message: detail, params: { detail } });
}

function json(flag: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw invalid(`${flag}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

function int(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw invalid(`${flag} takes a positive whole number, not "${text}"`);
  return n;
}

/** The table's filters from the flags given; a flag the table has no filter for is refused, not ignored. */
function filtersFrom(table: keyof typeof TABLE_FILTERS, o: ExportTableOptions): Record<string, unknown> {
  const keys = new Set(Object.keys((TABLE_FILTERS[table] as z.ZodObject).shape));
  const given: [flag: string, key: string, value: unknown][] = [];
  if (o.run !== undefined) given.push(['--run', 'runId', int('--run', o.run)]);
  if (o.search !== undefined) given.push(['--search', 'search', o.search]);
  if (o.sort !== undefined) given.push(['--sort', 'sort', o.sort]);
  if (o.desc) given.push(['--desc', 'descending', true]);
  if (o.asc) given.push(['--asc', 'descending', false]);
  if (o.drill !== undefined) given.push(['--drill', 'target', json('--drill', o.drill)]);
  if (o.attribute !== undefined) given.push(['--attribute', 'attribute', o.attribute]);
  if (o.keptAttribute !== undefined) given.push(['--kept-attribute', 'keptAttribute', o.keptAttribute]);
  if (o.scheme !== undefined) given.push(['--scheme', 'scheme', o.scheme]);
  if (o.batch !== undefined) given.push(['--batch', 'batchId', int('--batch', o.batch)]);
  if (o.code !== undefined) given.push(['--code', 'code', o.code]);
  if (o.assessment !== undefined) given.push(['--assessment', 'assessmentId', int('--assessment', o.assessment)]);
  if (o.band !== undefined) given.push(['--band', 'band', o.band]);
  const out: Record<string, unknown> = {};
  if (o.filters !== undefined) {
    const extra = json('--filters', o.filters);
    if (!extra || typeof extra !== 'object' || Array.isArray(extra)) throw invalid('--filters takes a JSON object');
    Object.assign(out, extra);
  }
  for (const [flag, key, value] of given) {
    if (!keys.has(key)) throw invalid(`${flag} is not a filter of the table ${table} (its filters: ${[...keys].join(', ')})`);
    out[key] = value;
  }
  return out;
}

export function registerTableExportCommands(program: Command): void {
  program
    .command('export-table')
    .description('export one on-screen table to XLSX or CSV with the same filters as its screen (title lines name the engagement, the run and the filters)')
    .argument('<file>', 'workspace file')
    .requiredOption('--table <id>', `the table: ${TABLE_IDS.join(', ')}`)
    .requiredOption('--out <path>', 'where to write: .xlsx or .csv (UTF-8 with BOM)')
    .option('--format <xlsx|csv>', 'default: from the --out extension')
    .option('--columns <ids>', 'comma-separated column ids in the order wanted (default: every column, in screen order)')
    .option('--run <id>', 'diagnostic or health run (diagnostics tables default to the run with the latest as-of date)')
    .option('--search <text>', 'customer key or name containing this')
    .option('--sort <column>', 'customer table sort: customerKey, name, revenue12m, monetary, recencyDays, frequency, tenureDays, mrr')
    .option('--desc', 'sort descending')
    .option('--asc', 'sort ascending')
    .option('--drill <json>', 'customer table narrowed to one figure, e.g. \'{"kind":"cohort","cohort":"2025-01","offset":1,"measure":"active"}\'')
    .option('--attribute <name>', 'breakdown by industry, segment, region, owner or tier')
    .option('--kept-attribute <name>', 'breakdown by a customer attribute the imports kept')
    .option('--scheme <classic|valueGroups>', 'segments: classic RFM segments or value groups')
    .option('--batch <id>', 'import batch (import.rejects)')
    .option('--code <reason>', 'rejects of one reason code')
    .option('--assessment <id>', 'checklist assessment (checklists.results)')
    .option('--band <red|yellow|green|none>', 'health scores of one band')
    .option('--filters <json>', 'the filters as the screen sends them, as a JSON object')
    .addHelpText('after', '\nThe global --lang zh-CN|en sets the headers and title lines (default: the engagement language).')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as ExportTableOptions;
        if (!isTableId(o.table)) throw invalid(`unknown table "${o.table}"; the tables: ${TABLE_IDS.join(', ')}`);
        const table = o.table;
        const ext = extname(o.out).toLowerCase().slice(1);
        const format = (o.format ?? (ext === 'csv' ? 'csv' : 'xlsx')) as TableExportFormat;
        if (format !== 'xlsx' && format !== 'csv') throw invalid(`--format takes xlsx or csv, not "${String(o.format)}"`);
        await s.call('engagement.open', { path: String(file) });
        const filters = filtersFrom(table, o);
        if (table.startsWith('diagnostics.') && filters.runId === undefined) {
          const runs = await s.call('diagnostics.runs', {});
          const latest = runs.reduce<(typeof runs)[number] | null>(
            (best, r) => (!best || r.asOf > best.asOf || (r.asOf === best.asOf && r.id > best.id) ? r : best),
            null,
          );
          if (!latest)
            throw new CliFailure({
              code: 'NOT_FOUND',
              message: 'no diagnostic run',
              params: { what: g.lang === 'en' ? 'diagnostic run' : '诊断运行', id: '—' },
            });
          filters.runId = latest.id;
        }
        const explicitLang = (opts as { lang?: string }).lang ?? program.opts<{ lang?: string }>().lang;
        const out: TableExportResult = await s.call('table.export', {
          table,
          filters,
          format,
          path: o.out,
          ...(o.columns
            ? {
                columns: o.columns
                  .split(',')
                  .map((c) => c.trim())
                  .filter(Boolean),
              }
            : {}),
          ...(explicitLang ? { language: g.lang } : {}),
        });
        const t = createTranslator(g.lang);
        printResult(g, out, () => `${t('tableExport:ui.done', { rows: out.rows.toLocaleString(g.lang), path: out.path })}\n${out.columns.join(' | ')}`);
      }),
    );
}
