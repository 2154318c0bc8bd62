import { createWriteStream, type WriteStream } from 'node:fs';
import type { Locale } from '../../../shared/errors';
import { csvRow, type PlainCellInput } from '../reports/safe-cell';
import { XlsxReportWriter } from '../reports/xlsx-writer';
import type { ExportColumn } from './source';

/** Rows between checks that the zip keeps up with the sheet being written (bounded memory). */
const DRAIN_EVERY = 1000;

export interface TableFileSpec {
  path: string;
  sheetName: string;
  /** Title lines above the header: engagement and table, run, filters, when. */
  preamble: readonly string[];
  columns: readonly ExportColumn[];
  rows: AsyncIterable<readonly PlainCellInput[]>;
  locale: Locale;
  currency: string;
}

/**
 * XLSX through the report's streaming writer: the title lines, then a frozen, filterable header and
 * one row per table row, numbers as numbers with grouped-thousands formats, dates as dates, any text
 * a spreadsheet could read as a formula stored as text (reports/safe-cell.ts). Returns the rows written.
 */
export async function writeTableXlsx(spec: TableFileSpec): Promise<number> {
  const writer = new XlsxReportWriter({ filename: spec.path }, { locale: spec.locale, currency: spec.currency });
  try {
    const sheet = writer.addDataSheet(
      spec.sheetName,
      spec.columns.map((c) => ({ header: c.header, format: c.format, ...(c.decimals === undefined ? {} : { decimals: c.decimals }) })),
      spec.preamble,
    );
    for await (const row of spec.rows) {
      sheet.addRow(row);
      if (sheet.rowCount % DRAIN_EVERY === 0) await sheet.drained();
    }
    const rows = sheet.rowCount;
    sheet.commit();
    await writer.commit();
    return rows;
  } catch (err) {
    await writer.abort();
    throw err;
  }
}

function write(out: WriteStream, text: string): Promise<void> | null {
  return out.write(text) ? null : new Promise((resolve) => out.once('drain', () => resolve()));
}

/**
 * CSV as Excel opens it: UTF-8 with a byte-order mark (so Chinese is not read as the ANSI code
 * page), CRLF, the title lines first, then the header and the rows. Numbers are written plain (no
 * grouping: a grouped "12,345" would be text to Excel); formula-like text gets a leading quote.
 */
export async function writeTableCsv(spec: TableFileSpec): Promise<number> {
  const out = createWriteStream(spec.path);
  const closed = new Promise<void>((resolve, reject) => {
    out.once('close', resolve);
    out.once('error', reject);
  });
  let rows = 0;
  try {
    await write(out, '\uFEFF');
    for (const line of spec.preamble) await write(out, `${csvRow([line])}\r\n`);
    if (spec.preamble.length > 0) await write(out, '\r\n');
    await write(out, `${csvRow(spec.columns.map((c) => c.header))}\r\n`);
    for await (const row of spec.rows) {
      const pending = write(out, `${csvRow(row)}\r\n`);
      if (pending) await pending;
      rows++;
    }
    out.end();
    await closed;
    return rows;
  } catch (err) {
    out.destroy();
    await closed.catch(() => undefined);
    throw err;
  }
}
