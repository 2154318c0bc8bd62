import type ExcelJS from 'exceljs';
import { zipBacklog, zipCaughtUp, type ZipEntryStream } from './xlsx-zip-backlog';
import { columnLetters } from './xlsx-formats';

// The flat data sheets' rows, written as sheet XML straight into exceljs's streaming worksheet.
// Through exceljs's own Row/Cell objects every cell got a freshly merged style object, which missed
// the styles' identity cache and re-serialised the style to XML to find its id: at 100k customers
// (~440k rows, ~5M cells) that was most of the export's time. Here each column's style id is looked
// up once, and shared strings and style ids are registered in the same order exceljs would
// (cell by cell, left to right), so the parts written are byte for byte what exceljs wrote.
// It touches exceljs internals (4.4), like xlsx-drawing.ts: the integration tests read the sheets
// back, and a test compares them with rows written through exceljs's own Row objects.

export type RowValue = string | number | boolean | Date | null;

interface StylesInternals {
  addStyleModel(model: Partial<ExcelJS.Style>, cellType?: number): number;
}

interface SharedStringsInternals {
  add(value: string): number;
}

interface WorkbookWriterInternals {
  styles: StylesInternals;
  sharedStrings: SharedStringsInternals;
}

interface WorksheetWriterInternals {
  startedData: boolean;
  useSharedStrings: boolean;
  stream: ZipEntryStream;
  _write(text: string): void;
}

const TEXT_FORMAT = '@';
const MS_PER_DAY = 24 * 3600 * 1000;
/** Bytes of row XML gathered before one write to the worksheet stream. */
const FLUSH_AT = 1 << 16;

export class SheetRowXmlWriter {
  private readonly ws: WorksheetWriterInternals;
  private readonly styles: StylesInternals;
  private readonly strings: SharedStringsInternals;
  private readonly letters: string[];
  private readonly styleIds: number[];
  private readonly spans: string;
  private textStyleId: number | null = null;
  private pending = '';

  /**
   * `numFmts[i]` is column i's number format, as set in the worksheet's column styles; the header row
   * must already be committed (so the column styles are registered and the sheet data is open).
   */
  constructor(book: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet, numFmts: readonly string[]) {
    const b = book as unknown as WorkbookWriterInternals;
    this.ws = sheet as unknown as WorksheetWriterInternals;
    if (!this.ws.startedData) throw new Error('the header row must be committed first');
    // Text goes through the shared strings table (t="s"), as XlsxReportWriter always asks.
    if (!this.ws.useSharedStrings) throw new Error('data sheets are written with shared strings');
    this.styles = b.styles;
    this.strings = b.sharedStrings;
    this.letters = numFmts.map((_, i) => columnLetters(i + 1));
    // A cell's style is its column's (exceljs merges only the number format here: no row style).
    this.styleIds = numFmts.map((numFmt) => this.styles.addStyleModel({ numFmt }));
    this.spans = `1:${numFmts.length}`;
  }

  private textStyle(): number {
    this.textStyleId ??= this.styles.addStyleModel({ numFmt: TEXT_FORMAT });
    return this.textStyleId;
  }

  /**
   * One row; `values` already safe (primitives, finite numbers, valid dates), in column order.
   * `forceText` lists the 1-based columns whose text must carry the '@' format.
   */
  write(rowNumber: number, values: readonly RowValue[], forceText: readonly number[] | null): void {
    // exceljs leaves out a row whose cells are all empty.
    let any = false;
    for (const v of values) {
      if (v !== null) {
        any = true;
        break;
      }
    }
    if (!any) return;
    let xml = `<row r="${rowNumber}" spans="${this.spans}" x14ac:dyDescent="0.25">`;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? null;
      const s = forceText !== null && forceText.includes(i + 1) ? this.textStyle() : (this.styleIds[i] ?? 0);
      const ref = `${this.letters[i]}${rowNumber}`;
      const attrs = s ? `<c r="${ref}" s="${s}"` : `<c r="${ref}"`;
      if (v === null) {
        if (s) xml += `${attrs}/>`;
      } else if (typeof v === 'string') {
        xml += `${attrs} t="s"><v>${this.strings.add(v)}</v></c>`;
      } else if (typeof v === 'number') {
        xml += `${attrs}><v>${v}</v></c>`;
      } else if (typeof v === 'boolean') {
        xml += `${attrs} t="b"><v>${v ? '1' : '0'}</v></c>`;
      } else {
        xml += `${attrs}><v>${25569 + v.getTime() / MS_PER_DAY}</v></c>`;
      }
    }
    this.pending += `${xml}</row>`;
    if (this.pending.length >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.pending === '') return;
    this.ws._write(this.pending);
    this.pending = '';
  }

  /** Bytes written to the sheet that the zip has not compressed yet. */
  backlog(): number {
    return zipBacklog(this.ws.stream);
  }

  /** Resolves once the zip has caught up to within ZIP_BACKLOG_LIMIT of the rows written. */
  drained(): Promise<void> {
    return zipCaughtUp(this.ws.stream);
  }
}
