// XLSX through exceljs's streaming WorkbookReader: a sheet is read row by row from the zip, never as a
// whole workbook in memory. styles: 'cache' is what makes date-formatted cells come back as dates
// (without it they are bare serial numbers); formulas give their cached result. The list of sheets
// comes from the zip directory (xlsx-directory.ts), which also shields exceljs from its lost-workbook race.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type * as ExcelJS from 'exceljs';
import type { RowChunk } from '../../../shared/import/rows';
import { isBlankRow, type RawCell } from '../../../shared/import/text';
import { excelSerialToParts } from '../../../shared/import/values';
import { ImportFileError } from './errors';
import { checkRow } from './read-limits';
import { readWorkbookDirectory, type WorkbookDirectory } from './xlsx-directory';
import { lazyModule } from '../lazy-module';
import { ReaderStalled, STALL_MS, stallGuarded, type ReadProgress } from './stall-guard';

import type { XlsxSheetInfo } from '../../../shared/import/preview-types';

export type { XlsxSheetInfo };

const exceljs = lazyModule<typeof ExcelJS>('exceljs');

export interface XlsxReadOptions {
  /** Sheet name or 0-based tab index; default the first sheet. */
  sheet?: string | number;
  chunkRows?: number;
  fromRow?: number;
  maxRows?: number;
  signal?: AbortSignal;
  /** How long the reader may yield nothing once the whole file is read (see stall-guard.ts); tests shorten it. */
  stallMs?: number;
}

// What the streaming reader exposes at run time beyond its typings: each worksheet's name and the raw XML
// byte source, and the workbook model it resolves names from. Used only here.
interface WorksheetReaderRuntime extends AsyncIterable<ExcelJS.Row> {
  id?: string | number;
  name?: string;
  iterator?: AsyncIterable<Buffer | string>;
}
export type WorkbookModel = { sheets: { name: string; id: string; rId: string; state: string }[] };
export interface WorkbookReaderRuntime extends AsyncIterable<WorksheetReaderRuntime> {
  model?: WorkbookModel;
}

export async function listXlsxSheets(path: string): Promise<XlsxSheetInfo[]> {
  const dir = await readWorkbookDirectory(path);
  return dir.sheets.map((s, index) => ({ name: s.name, index, hidden: s.state !== 'visible', rowCountEstimate: s.lastRow }));
}

/** Exported for the test of the fallback model; the readers below are the API. */
export function openWorkbook(
  path: string,
  dir: WorkbookDirectory,
  onBytes: (n: number) => void,
): { reader: WorkbookReaderRuntime; input: ReturnType<typeof createReadStream> } {
  const input = createReadStream(path, { highWaterMark: 1024 * 1024 });
  input.on('data', (b) => onBytes(b.length));
  const reader = new (exceljs().stream.xlsx.WorkbookReader)(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookReaderRuntime;
  // exceljs resolves sheet names from the model it parses out of xl/workbook.xml; when its single pass
  // loses that entry the model stays undefined and it crashes. Give it the directory's model as a fallback.
  const preset: WorkbookModel = { sheets: dir.sheets.map((s) => ({ name: s.name, id: s.sheetId, rId: s.rId, state: s.state })) };
  let parsed: WorkbookModel | undefined;
  Object.defineProperty(reader, 'model', {
    configurable: true,
    get: () => parsed ?? preset,
    set: (m: WorkbookModel | undefined) => {
      if (m?.sheets !== undefined) parsed = m;
    },
  });
  // Its worksheets read the date system from the same lost entry (properties.model.date1904).
  const presetProperties = { model: { date1904: dir.date1904 } };
  let parsedProperties: unknown;
  Object.defineProperty(reader, 'properties', {
    configurable: true,
    get: () => parsedProperties ?? presetProperties,
    set: (p: unknown) => {
      if (p !== undefined) parsedProperties = p;
    },
  });
  return { reader, input };
}

/** Excel number formats that display a date or time: y, m, d, h, s outside quoted text and [..] codes. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined || numFmt === '' || /^general$/i.test(numFmt)) return false;
  const bare = numFmt
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhs]/i.test(bare);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** exceljs builds dates as UTC instants from serials; print them back as written, without a time at midnight. */
export function dateCellToIso(d: Date): string | null {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return null;
  const t = new Date(Math.round(ms / 1000) * 1000);
  const day = `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
  const h = t.getUTCHours();
  const mi = t.getUTCMinutes();
  const s = t.getUTCSeconds();
  return h === 0 && mi === 0 && s === 0 ? day : `${day}T${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
}

function serialToIso(serial: number, date1904: boolean): RawCell {
  const p = excelSerialToParts(serial, date1904);
  if (!p.ok) return serial;
  const { y, m, d, time } = p.value;
  const day = `${y}-${pad2(m)}-${pad2(d)}`;
  return time === null || (time.h === 0 && time.mi === 0 && time.s === 0) ? day : `${day}T${pad2(time.h)}:${pad2(time.mi)}:${pad2(time.s)}`;
}

/** One exceljs cell value as a plain cell: dates as ISO text, formulas as their result, errors as their text (#N/A). */
function toRawCell(v: unknown, numFmt: string | undefined, date1904: boolean): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return dateCellToIso(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) {
      const r = o.result;
      // The streaming reader leaves formula results as numbers even in date-formatted cells.
      if (typeof r === 'number' && isDateFormat(numFmt)) return serialToIso(r, date1904);
      // A formula never calculated has no cached result: an error for its row, not a silent blank.
      if (r === undefined) return '#N/A';
      return toRawCell(r, numFmt, date1904);
    }
    if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((p) => String(p.text ?? '')).join('');
    if (typeof o.error === 'string') return o.error;
    if (typeof o.text === 'string') return o.text;
    // A shared-string index left unresolved means the strings table was not read: never pass it on as text.
    if (typeof o.sharedString === 'number') throw new Error('the shared strings table could not be read');
  }
  return String(v);
}

function rowCells(row: ExcelJS.Row, date1904: boolean): RawCell[] {
  const values = row.values as unknown[];
  const cells: RawCell[] = [];
  // row.values is 1-based (index 0 is always empty), sparse where cells are missing.
  for (let c = 1; c < values.length; c++) {
    const v = values[c];
    const numFmt = v !== null && typeof v === 'object' && !(v instanceof Date) ? row.getCell(c).numFmt : undefined;
    cells.push(toRawCell(v, numFmt, date1904));
  }
  while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
  return cells;
}

/**
 * Skip a sheet without parsing it: drain its raw XML (decompression only). Wraps the worksheet's byte
 * source so exceljs, which parses lazily, never sees it.
 */
async function skipSheet(ws: WorksheetReaderRuntime, signal: AbortSignal | undefined, guard: <T>(s: AsyncIterable<T>) => AsyncIterable<T>): Promise<void> {
  if (ws.iterator === undefined) {
    for await (const _row of guard(ws)) signal?.throwIfAborted();
    return;
  }
  for await (const _chunk of guard(ws.iterator)) signal?.throwIfAborted();
}

function sheetNameOf(ws: WorksheetReaderRuntime, dir: WorkbookDirectory): string | undefined {
  if (ws.name !== undefined) return ws.name;
  // Unmatched readers keep the number of their part, xl/worksheets/sheetN.xml.
  return dir.sheets.find((s) => s.part === `xl/worksheets/sheet${String(ws.id)}.xml`)?.name;
}

function unreadable(path: string, err: unknown): unknown {
  if (err instanceof ImportFileError) return err;
  if (err instanceof Error && err.name === 'AbortError') return err;
  return new ImportFileError('workbook_unreadable', { file: basename(path), cause: err instanceof Error ? err.message : String(err) }, { cause: err });
}

const ATTEMPTS = 3;

/**
 * Stream one sheet's rows in chunks. Throws sheet_not_found (naming the sheets there are) for a wrong name.
 * exceljs's single pass sometimes loses a small entry such as the shared strings (issue #3064, a timing
 * race); that shows before the first chunk, so a read that failed before yielding anything is retried.
 */
export async function* readXlsxRows(path: string, opts: XlsxReadOptions = {}): AsyncGenerator<RowChunk, void, undefined> {
  for (let attempt = 1; ; attempt++) {
    let yieldedAny = false;
    try {
      for await (const chunk of readXlsxRowsOnce(path, opts)) {
        yieldedAny = true;
        yield chunk;
      }
      return;
    } catch (err) {
      // A stalled reader would stall again: only the lost-entry race is worth another pass.
      const retriable = err instanceof ImportFileError && err.code === 'workbook_unreadable' && !(err.cause instanceof ReaderStalled);
      if (yieldedAny || !retriable || attempt >= ATTEMPTS) throw err;
    }
  }
}

async function* readXlsxRowsOnce(path: string, opts: XlsxReadOptions): AsyncGenerator<RowChunk, void, undefined> {
  const { signal } = opts;
  signal?.throwIfAborted();
  const chunkRows = opts.chunkRows ?? 5000;
  const fromRow = opts.fromRow ?? 1;
  const maxRows = opts.maxRows ?? Number.POSITIVE_INFINITY;
  const totalBytes = (await stat(path)).size;
  const dir = await readWorkbookDirectory(path);
  const names = dir.sheets.map((s) => s.name);
  const wanted = typeof opts.sheet === 'number' ? names[opts.sheet] : (opts.sheet ?? names[0]);
  if (wanted === undefined || !names.includes(wanted)) {
    throw new ImportFileError('sheet_not_found', { sheet: String(opts.sheet ?? 0), sheets: names.join(', ') });
  }
  let bytesRead = 0;
  const progress: ReadProgress = { inputDone: false, lastAt: Date.now() };
  const { reader, input } = openWorkbook(path, dir, (n) => {
    bytesRead += n;
    progress.lastAt = Date.now();
  });
  input.on('end', () => {
    progress.inputDone = true;
    progress.lastAt = Date.now();
  });
  const stallMs = opts.stallMs ?? STALL_MS;
  const guard = <T>(source: AsyncIterable<T>): AsyncIterable<T> => stallGuarded(source, progress, stallMs);
  let yielded = 0;
  let chunk: RowChunk = { rows: [], rowNumbers: [], issues: [], bytesRead: 0, totalBytes };
  try {
    for await (const ws of guard(reader)) {
      signal?.throwIfAborted();
      if (sheetNameOf(ws, dir) !== wanted) {
        await skipSheet(ws, signal, guard);
        continue;
      }
      for await (const row of guard(ws)) {
        if (row.number < fromRow) continue;
        const cells = rowCells(row, dir.date1904);
        if (isBlankRow(cells)) continue;
        const issue = checkRow(cells, row.number);
        if (issue !== null) chunk.issues.push(issue);
        chunk.rows.push(cells);
        chunk.rowNumbers.push(row.number);
        yielded++;
        if (chunk.rows.length >= chunkRows || yielded >= maxRows) {
          signal?.throwIfAborted();
          yield { ...chunk, bytesRead };
          chunk = { rows: [], rowNumbers: [], issues: [], bytesRead, totalBytes };
          if (yielded >= maxRows) return;
        }
      }
      if (chunk.rows.length > 0) yield { ...chunk, bytesRead: totalBytes };
      return;
    }
  } catch (err) {
    throw unreadable(path, err);
  } finally {
    input.destroy();
  }
}
