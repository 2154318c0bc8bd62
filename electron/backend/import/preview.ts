// What the mapping screen shows before anything is imported: the sheets, the detected encoding,
// delimiter and header row, the headers, the first rows, and the suggested mapping. It also returns the
// read plan, which the pipeline passes back to readRows() to stream the same table in full.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { EntityKind } from '../../../shared/domain/entities';
import { detectHeaderRow } from '../../../shared/import/header-row';
import type { NumberedRow, RowChunk } from '../../../shared/import/rows';
import type { ImportPreview, ReadPlan } from '../../../shared/import/preview-types';
import { suggestMapping } from '../../../shared/import/suggest-mapping';
import { cellText, cleanText, type RawCell } from '../../../shared/import/text';
import { ImportFileError } from './errors';
import { readCsvHead, readCsvRows } from './read-csv';
import { listXlsxSheets, readXlsxRows, type XlsxSheetInfo } from './read-xlsx';

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

export async function previewImport(path: string, opts: PreviewOptions = {}): Promise<ImportPreview> {
  const fileName = basename(path);
  const sampleRows = opts.sampleRows ?? 50;
  const { head, size } = await readHead(path);
  const format = detectFormat(path, head);

  if (format === 'xlsx') {
    const sheets = await listXlsxSheets(path);
    const sheet = pickSheet(sheets, opts.sheet, fileName);
    const sample: NumberedRow[] = [];
    for await (const c of readXlsxRows(path, { sheet, maxRows: HEADER_SCAN + sampleRows, signal: opts.signal })) {
      c.rows.forEach((cells, i) => sample.push({ rowNumber: c.rowNumbers[i]!, cells }));
    }
    const table = splitTable(sample, sampleRows, opts.headerRow);
    return {
      fileName,
      fileSize: (await stat(path)).size,
      format,
      text: null,
      sheets,
      sheet,
      ...table,
      issues: [],
      mapping: opts.entity === undefined ? null : suggestMapping(opts.entity, table.headers, table.rows.map((r) => r.cells)),
      plan: { format: 'xlsx', sheet, headerRow: table.headerRow },
    };
  }

  const sniff = sniffText(head, path);
  const encoding = opts.encoding ?? sniff.encoding;
  const delimiter = opts.delimiter ?? sniff.delimiter;
  const head2 = await readCsvHead(path, { encoding, delimiter, newline: sniff.newline, signal: opts.signal }, HEADER_SCAN + sampleRows);
  const numbered = head2.rows.map((cells: RawCell[], i) => ({ rowNumber: head2.rowNumbers[i]!, cells }));
  const table = splitTable(numbered, sampleRows, opts.headerRow);
  const shown = new Set(table.rows.map((r) => r.rowNumber));
  return {
    fileName,
    fileSize: size,
    format,
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
    ...table,
    issues: head2.issues.filter((i) => shown.has(i.rowNumber) || i.rowNumber === table.headerRow),
    mapping: opts.entity === undefined ? null : suggestMapping(opts.entity, table.headers, table.rows.map((r) => r.cells)),
    plan: { format: 'csv', encoding, delimiter, newline: sniff.newline, headerRow: table.headerRow },
  };
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
