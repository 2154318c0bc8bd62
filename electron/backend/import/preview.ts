// What the mapping screen shows before anything is imported: the sheets, the detected encoding,
// delimiter and header row, the headers, the first rows, the entity the headers suggest and the
// suggested mapping. It also returns the plan (shared/import/plan.ts), which the run takes back to
// stream the same table in full without sniffing or sampling the file again.
import { basename, resolve } from 'node:path';
import type { EntityKind } from '../../../shared/domain/entities';
import { guessEntity } from '../../../shared/import/guess-entity';
import { detectHeaderRow } from '../../../shared/import/header-row';
import type { MappingEntry } from '../../../shared/import/batch';
import type { ReadOverrides } from '../../../shared/import/plan';
import type { NumberedRow, RowChunk } from '../../../shared/import/rows';
import type { FileFormat, ImportPreview, ReadPlan, TextDetection, XlsxSheetInfo } from '../../../shared/import/preview-types';
import { suggestMapping, type MappingSuggestion } from '../../../shared/import/suggest-mapping';
import { cellText, cleanText, type RawCell } from '../../../shared/import/text';
import { ImportFileError } from './errors';
import { READ_LIMITS } from './read-limits';
import { stampOf } from './file-stamp';
import { readCsvHead, readCsvRows } from './read-csv';
import { listXlsxSheets, readXlsxRows } from './read-xlsx';

export type { ImportPreview, ReadPlan, TextDetection } from '../../../shared/import/preview-types';
import { detectFormat, readHead, sniffText, type Delimiter } from './sniff';

export interface PreviewOptions {
  entity?: EntityKind;
  /** XLSX sheet name or 0-based index; default the first visible sheet with rows. */
  sheet?: string | number;
  /** Data rows to return under the header. */
  sampleRows?: number;
  /** Override the detected header row (1-based). */
  headerRow?: number;
  encoding?: string;
  delimiter?: Delimiter;
  signal?: AbortSignal;
}

// Title rows sit in the first few rows; 30 leaves room for a long block of report parameters.
const HEADER_SCAN = 30;

interface Table {
  headerRow: number;
  headerConfidence: number;
  headers: string[];
  rows: NumberedRow[];
}

function splitTable(rows: readonly NumberedRow[], sampleRows: number, headerRowOverride: number | undefined): Table {
  let index: number;
  let confidence: number;
  if (headerRowOverride !== undefined) {
    index = rows.findIndex((r) => r.rowNumber >= headerRowOverride);
    confidence = 1;
    if (index < 0) index = rows.length;
  } else {
    const guess = detectHeaderRow(rows.slice(0, HEADER_SCAN).map((r) => r.cells));
    index = guess.index;
    confidence = guess.confidence;
  }
  const header = rows[index];
  const data = rows.slice(index + 1, index + 1 + sampleRows);
  const width = Math.max(header?.cells.length ?? 0, ...data.map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, c) => cleanText(cellText(header?.cells[c])));
  return { headerRow: header?.rowNumber ?? headerRowOverride ?? 1, headerConfidence: confidence, headers, rows: data };
}

function pickSheet(sheets: readonly XlsxSheetInfo[], wanted: string | number | undefined, file: string): string {
  const names = sheets.map((s) => s.name).join(', ');
  if (typeof wanted === 'string') {
    if (!sheets.some((s) => s.name === wanted)) throw new ImportFileError('sheet_not_found', { sheet: wanted, sheets: names });
    return wanted;
  }
  if (typeof wanted === 'number') {
    const s = sheets[wanted];
    if (s === undefined) throw new ImportFileError('sheet_not_found', { sheet: String(wanted), sheets: names });
    return s.name;
  }
  // A sheet whose dimension is A1 alone (an empty sheet) is passed over; an unknown dimension is not.
  const first = sheets.find((s) => !s.hidden && (s.rowCountEstimate === null || s.rowCountEstimate > 1)) ?? sheets[0];
  if (first === undefined) throw new ImportFileError('file_empty', { file });
  return first.name;
}

/** The table as read from the file's head: what detection found (or the overrides said) and the sample. */
interface HeadRead {
  format: FileFormat;
  text: TextDetection | null;
  sheets: XlsxSheetInfo[];
  sheet: string | null;
  table: Table;
  issues: ImportPreview['issues'];
  read: ReadPlan;
}

async function readXlsxHead(path: string, opts: PreviewOptions, sampleRows: number): Promise<HeadRead> {
  const sheets = await listXlsxSheets(path);
  const sheet = pickSheet(sheets, opts.sheet, basename(path));
  const sample: NumberedRow[] = [];
  const issues: ImportPreview['issues'] = [];
  for await (const c of readXlsxRows(path, { sheet, maxRows: HEADER_SCAN + sampleRows, signal: opts.signal })) {
    c.rows.forEach((cells, i) => sample.push({ rowNumber: c.rowNumbers[i]!, cells }));
    issues.push(...c.issues);
  }
  const table = splitTable(sample, sampleRows, opts.headerRow);
  const shown = new Set(table.rows.map((r) => r.rowNumber));
  const kept = issues.filter((i) => shown.has(i.rowNumber) || i.rowNumber === table.headerRow);
  return { format: 'xlsx', text: null, sheets, sheet, table, issues: kept, read: { format: 'xlsx', sheet, headerRow: table.headerRow } };
}

async function readTextHead(path: string, head: Buffer, opts: PreviewOptions, sampleRows: number): Promise<HeadRead> {
  const sniff = sniffText(head, path);
  const encoding = opts.encoding ?? sniff.encoding;
  const delimiter = opts.delimiter ?? sniff.delimiter;
  const head2 = await readCsvHead(path, { encoding, delimiter, newline: sniff.newline, signal: opts.signal }, HEADER_SCAN + sampleRows);
  const numbered = head2.rows.map((cells: RawCell[], i) => ({ rowNumber: head2.rowNumbers[i]!, cells }));
  const table = splitTable(numbered, sampleRows, opts.headerRow);
  const shown = new Set(table.rows.map((r) => r.rowNumber));
  return {
    format: 'csv',
    text: {
      encoding,
      bom: sniff.bom,
      encodingConfidence: opts.encoding === undefined ? sniff.confidence : 1,
      delimiter,
      delimiterConfidence: opts.delimiter === undefined ? sniff.delimiterConfidence : 1,
      newline: sniff.newline,
    },
    sheets: [],
    sheet: null,
    table,
    issues: head2.issues.filter((i) => shown.has(i.rowNumber) || i.rowNumber === table.headerRow),
    read: { format: 'csv', encoding, delimiter, newline: sniff.newline, headerRow: table.headerRow },
  };
}

/**
 * A table that cannot be imported as it is read: a header wider than the column limit (a wrong
 * delimiter or not a table), or a header with no rows under it, which would otherwise "import" as a
 * success with nothing in it.
 */
function refuseUnusable(file: string, h: HeadRead): void {
  const { headerRow, headers, rows } = h.table;
  const wide = h.issues.find((i) => i.code === 'row_too_wide' && i.rowNumber === headerRow);
  if (wide !== undefined || headers.length > READ_LIMITS.columns) {
    throw new ImportFileError('too_many_columns', { file, row: headerRow, columns: wide?.params?.columns ?? headers.length, limit: READ_LIMITS.columns });
  }
  if (rows.length === 0) throw new ImportFileError('no_data_rows', { file, row: headerRow });
}

/** The mapping's confirmed form: what the run uses when the user does not edit it. */
export function mappingEntries(suggestion: MappingSuggestion): MappingEntry[] {
  return suggestion.assignments.map(({ field, column, header, scale, attributeType }) => ({
    field,
    column,
    header,
    ...(scale === undefined ? {} : { scale }),
    ...(attributeType === undefined ? {} : { attributeType }),
  }));
}

export async function previewImport(rawPath: string, opts: PreviewOptions = {}): Promise<ImportPreview> {
  const path = resolve(rawPath);
  const sampleRows = opts.sampleRows ?? 50;
  const { head, size, mtimeMs } = await readHead(path);
  const format = detectFormat(path, head);
  const h = format === 'xlsx' ? await readXlsxHead(path, opts, sampleRows) : await readTextHead(path, head, opts, sampleRows);
  refuseUnusable(basename(path), h);
  const { headers, rows } = h.table;
  const sample = rows.map((r) => r.cells);
  const guess = guessEntity(headers, sample);
  const entity = opts.entity ?? guess.entity;
  const mapping = suggestMapping(entity, headers, sample);
  const overrides: ReadOverrides = {};
  if (opts.sheet !== undefined) overrides.sheet = typeof opts.sheet === 'string' ? opts.sheet : (h.sheet ?? undefined);
  if (opts.headerRow !== undefined) overrides.headerRow = opts.headerRow;
  if (opts.encoding !== undefined) overrides.encoding = opts.encoding;
  if (opts.delimiter !== undefined) overrides.delimiter = opts.delimiter;
  const preview: ImportPreview = {
    fileName: basename(path),
    fileSize: size,
    format,
    text: h.text,
    sheets: h.sheets,
    sheet: h.sheet,
    ...h.table,
    issues: h.issues,
    entity,
    guess,
    mapping,
    savedMapping: null,
    rowEstimate: null,
    plan: {
      version: 1,
      path,
      file: stampOf(head, size, mtimeMs),
      read: h.read,
      overrides,
      headers,
      entity,
      mapping: mappingEntries(mapping),
      savedMappingId: null,
    },
  };
  preview.rowEstimate = estimateRows(preview, sampleRows);
  return preview;
}

function estimateRows(p: ImportPreview, sampleRows: number): number | null {
  if (p.format === 'xlsx') {
    const s = p.sheets.find((x) => x.name === p.sheet);
    return s?.rowCountEstimate != null ? Math.max(0, s.rowCountEstimate - p.headerRow) : null;
  }
  if (p.rows.length < sampleRows) return p.rows.length;
  let bytes = 0;
  for (const r of p.rows) for (const c of r.cells) bytes += (typeof c === 'string' ? c.length * 1.5 : 4) + 1;
  return Math.round(p.fileSize / (bytes / p.rows.length));
}

export interface ReadRowsOptions {
  chunkRows?: number;
  /** CSV: bytes per read of the file. */
  readBytes?: number;
  signal?: AbortSignal;
  maxRows?: number;
}

/** Stream the data rows under the header of a previewed table, in chunks. */
export function readRows(path: string, plan: ReadPlan, opts: ReadRowsOptions = {}): AsyncGenerator<RowChunk, void, undefined> {
  const common = { fromRow: plan.headerRow + 1, chunkRows: opts.chunkRows, signal: opts.signal, maxRows: opts.maxRows };
  return plan.format === 'csv'
    ? readCsvRows(path, { ...common, encoding: plan.encoding, delimiter: plan.delimiter, newline: plan.newline, readBytes: opts.readBytes })
    : readXlsxRows(path, { ...common, sheet: plan.sheet });
}
