import type { Writable } from 'node:stream';
import type * as ExcelJS from 'exceljs';
import { TONE_FILLS } from '../../../shared/reports/colour-rules';
import { CHART_THEME, type Tone } from '../../../shared/charts/theme';
import type { Locale } from '../../../shared/errors';
import type { ValueFormat } from '../../../shared/reports/format';
import { reportText } from '../../../shared/reports/messages';
import { cellIsPartial, cellValue, type ColourRule, type KeyFigure, type ReportCover, type TableCell } from '../../../shared/reports/model';
import { safeXlsxValue, type PlainCellInput } from './safe-cell';
import { StreamingDrawings, type SheetImage } from './xlsx-drawing';
import { columnLetters, excelNumFmt, isoToExcelDate, textWidth } from './xlsx-formats';
import { SheetRowXmlWriter, type RowValue } from './xlsx-row-xml';
import { streamSharedStrings } from './xlsx-shared-strings';
import { lazyModule } from '../lazy-module';

const exceljs = lazyModule<typeof ExcelJS>('exceljs');

// Helpers over exceljs's STREAMING WorkbookWriter: every sheet is written once, top to bottom, and
// flushed, so a 100k-customer data sheet never sits in memory. Section sheets are small, so each is
// laid out in full first (to know where its table header is before the sheet view, which freezes
// it, has to be written), then streamed.

export interface XlsxColumn {
  header: string;
  format: ValueFormat;
  decimals?: number;
  /** Excel character units; default from the header and the first rows' text. */
  width?: number;
  colour?: ColourRule;
}

export interface XlsxTable {
  title?: string;
  columns: XlsxColumn[];
  rows: TableCell[][];
  note?: string | null;
}

export type XlsxBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'keyFigures'; figures: KeyFigure[] }
  | { kind: 'table'; table: XlsxTable }
  | { kind: 'image'; png: Buffer; widthPx: number; heightPx: number; title?: string };

export interface XlsxSectionSheet {
  /** Tab name; made Excel-safe and unique. */
  name: string;
  title: string;
  consultantText?: string | null;
  blocks: XlsxBlock[];
}

export interface XlsxWriterOptions {
  locale: Locale;
  currency: string;
  creator?: string;
  /**
   * Data rows through exceljs's Row objects and the shared strings through its own part writer,
   * instead of the direct XML writers (xlsx-row-xml.ts, xlsx-shared-strings.ts): tests compare the two.
   */
  exceljsOnly?: boolean;
}

export type XlsxTarget = { filename: string } | { stream: Writable };

const NAVY = argb(CHART_THEME.palette[0]);
const MUTED = argb(CHART_THEME.mutedText);
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' }, name: 'Microsoft YaHei', size: 10 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: NAVY } };
const BODY_FONT: Partial<ExcelJS.Font> = { name: 'Microsoft YaHei', size: 10 };
const NUMERIC: ReadonlySet<ValueFormat> = new Set(['integer', 'number', 'currency', 'percent']);
const PX_PER_ROW = 20; // default row height 15pt at 96 dpi

function argb(hex: string | undefined): string {
  return `FF${(hex ?? '#000000').replace('#', '').toUpperCase()}`;
}

/** Excel tab names: at most 31 characters, none of []:*?/\, unique case-insensitively. */
export function safeSheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

interface CellOp {
  col: number; // 1-based
  value: PlainCellInput;
  style?: Partial<ExcelJS.Style>;
}

interface RowOp {
  cells: CellOp[];
  height?: number;
  mergeTo?: number; // merge the first cell across to this column
}

/** Converts a model value for a column: ISO dates to Date cells, everything else as is. */
function columnValue(value: PlainCellInput, format: ValueFormat): PlainCellInput {
  if ((format === 'date' || format === 'datetime') && typeof value === 'string') return isoToExcelDate(value) ?? value;
  return value;
}

function toneRuleStyle(tone: Tone): Partial<ExcelJS.Style> {
  return { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(TONE_FILLS[tone]) } } };
}

/** Conditional formatting for one column range; blanks stay white (ISNUMBER guard: a blank is 0 to Excel). */
function conditionalRules(rule: ColourRule, topLeft: string): ExcelJS.ConditionalFormattingRule[] {
  switch (rule.kind) {
    case 'scale': {
      const ramp = CHART_THEME.heatRamp;
      return [
        {
          type: 'colorScale',
          priority: 1,
          cfvo: [
            { type: 'num', value: rule.min },
            { type: 'num', value: (rule.min + rule.max) / 2 },
            { type: 'num', value: rule.max },
          ],
          // The light half of the heat ramp: Excel cannot switch the font to white on dark cells.
          color: [{ argb: 'FFFFFFFF' }, { argb: argb(ramp[1]) }, { argb: argb(ramp[2]) }],
        },
      ];
    }
    case 'bands':
      return [
        { type: 'expression', priority: 1, formulae: [`AND(ISNUMBER(${topLeft}),${topLeft}<${rule.yellowFrom})`], style: toneRuleStyle('red') },
        {
          type: 'expression',
          priority: 2,
          formulae: [`AND(ISNUMBER(${topLeft}),${topLeft}>=${rule.yellowFrom},${topLeft}<${rule.greenFrom})`],
          style: toneRuleStyle('yellow'),
        },
        { type: 'expression', priority: 3, formulae: [`AND(ISNUMBER(${topLeft}),${topLeft}>=${rule.greenFrom})`], style: toneRuleStyle('green') },
      ];
    case 'tones':
      return Object.entries(rule.tones).map(([text, tone], i) => ({
        type: 'expression' as const,
        priority: i + 1,
        formulae: [`${topLeft}="${text.replace(/"/g, '""')}"`],
        style: toneRuleStyle(tone),
      }));
  }
}

function defaultWidth(col: XlsxColumn, rows: readonly TableCell[][], index: number): number {
  let w = textWidth(col.header) + 2;
  for (const row of rows.slice(0, 200)) {
    const v = cellValue(row[index] ?? null);
    const len = typeof v === 'string' ? textWidth(v) : NUMERIC.has(col.format) ? 12 : col.format === 'date' ? 11 : 6;
    w = Math.max(w, len + 2);
  }
  return Math.min(Math.max(w, 8), 48);
}

export class XlsxReportWriter {
  readonly book: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly drawings: StreamingDrawings;
  private readonly usedNames = new Set<string>();
  private open: DataSheetWriter | null = null;

  private readonly ownsFile: boolean;

  constructor(
    target: XlsxTarget,
    private readonly options: XlsxWriterOptions,
  ) {
    this.ownsFile = 'filename' in target;
    // Shared strings: the most widely read string form (t="s"); the table costs little next to the rows.
    this.book = new (exceljs().stream.xlsx.WorkbookWriter)({ ...target, useStyles: true, useSharedStrings: true });
    this.book.creator = options.creator ?? 'Retention Workbench';
    this.drawings = new StreamingDrawings(this.book);
    if (!options.exceljsOnly) streamSharedStrings(this.book);
  }

  private t(key: Parameters<typeof reportText>[1]): string {
    return reportText(this.options.locale, key);
  }

  private numFmt(format: ValueFormat, decimals?: number): string {
    return excelNumFmt(format, this.options.currency, decimals);
  }

  private closeOpenDataSheet(): void {
    if (this.open && !this.open.committed) this.open.commit();
    this.open = null;
  }

  private writeOps(ws: ExcelJS.Worksheet, ops: readonly RowOp[]): void {
    ops.forEach((op, i) => {
      const row = ws.getRow(i + 1);
      if (op.height) row.height = op.height;
      for (const c of op.cells) {
        const cell = row.getCell(c.col);
        const safe = safeXlsxValue(c.value);
        cell.value = safe.value;
        cell.style = { font: BODY_FONT, ...c.style, ...(safe.forceText ? { numFmt: '@' } : {}) };
      }
      if (op.mergeTo && op.cells[0] && op.mergeTo > op.cells[0].col) ws.mergeCells(i + 1, op.cells[0].col, i + 1, op.mergeTo);
      row.commit();
    });
  }

  /** The cover: title, client, industry, consultant, date, notices and the list of sheets. */
  addCoverSheet(cover: ReportCover, extra: { pseudonymised: boolean; sheetTitles: readonly string[] }): void {
    this.closeOpenDataSheet();
    const name = safeSheetName(this.t('xlsx.coverSheet'), this.usedNames);
    const ws = this.book.addWorksheet(name, { views: [{ showGridLines: false }], properties: { tabColor: { argb: NAVY } } });
    ws.columns = [{ width: 3 }, { width: 18 }, { width: 70 }];
    const label: Partial<ExcelJS.Style> = { font: { ...BODY_FONT, color: { argb: MUTED } } };
    const ops: RowOp[] = [
      { cells: [] },
      { cells: [{ col: 2, value: cover.client, style: { font: { ...BODY_FONT, size: 11, color: { argb: argb(CHART_THEME.palette[1]) } } } }] },
      { cells: [{ col: 2, value: cover.title, style: { font: { ...BODY_FONT, size: 20, bold: true, color: { argb: NAVY } } } }], height: 32, mergeTo: 3 },
      ...(cover.subtitle
        ? [{ cells: [{ col: 2, value: cover.subtitle, style: { font: { ...BODY_FONT, size: 12, color: { argb: MUTED } } } }], mergeTo: 3 }]
        : []),
      { cells: [] },
      ...(
        [
          ['document.coverClient', cover.client],
          ['document.coverIndustry', cover.industry],
          ['document.coverConsultant', cover.consultant],
          ['document.coverDate', isoToExcelDate(cover.date) ?? cover.date],
        ] as const
      )
        .filter(([, v]) => v !== null && v !== '')
        .map(([k, v]) => ({
          cells: [
            { col: 2, value: this.t(k), style: label },
            { col: 3, value: v, style: { font: BODY_FONT, numFmt: 'yyyy-mm-dd', alignment: { horizontal: 'left' as const } } },
          ],
        })),
      // The stored runs the figures come from (id, label, as-of date, parameter set), one row each.
      ...(cover.runs ?? []).map((line, i) => ({
        cells: [...(i === 0 ? [{ col: 2, value: this.t('document.coverRuns'), style: label }] : []), { col: 3, value: line, style: { font: BODY_FONT } }],
      })),
      { cells: [] },
      ...(extra.pseudonymised
        ? [
            {
              cells: [
                { col: 2, value: this.t('document.pseudonymisedNotice'), style: { font: { ...BODY_FONT, color: { argb: argb(CHART_THEME.tones.red) } } } },
              ],
              mergeTo: 3,
            },
          ]
        : []),
      { cells: [{ col: 2, value: this.t('document.coverConfidential'), style: label }], mergeTo: 3 },
      { cells: [] },
      { cells: [{ col: 2, value: this.t('xlsx.contents'), style: { font: { ...BODY_FONT, bold: true, color: { argb: NAVY } } } }] },
      ...extra.sheetTitles.map((title, i) => ({
        cells: [
          { col: 2, value: i + 1, style: { ...label, alignment: { horizontal: 'right' as const } } },
          { col: 3, value: title },
        ],
      })),
      { cells: [] },
      { cells: [{ col: 2, value: this.t('document.generatedBy'), style: label }], mergeTo: 3 },
    ];
    this.writeOps(ws, ops);
    ws.commit();
  }

  /** One section: title, the consultant's text, then paragraphs, key figures, tables and images. */
  addSectionSheet(section: XlsxSectionSheet): void {
    this.closeOpenDataSheet();
    const tables = section.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
    const span = Math.max(6, ...tables.map((t) => t.columns.length));
    const widths: number[] = Array.from({ length: span }, () => 12);
    const widen = (col1: number, w: number) => {
      widths[col1 - 1] = Math.max(widths[col1 - 1] ?? 0, w);
    };
    const ops: RowOp[] = [];
    const images: SheetImage[] = [];
    const cfs: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[] = [];
    let firstTable: { headerRow: number; columns: number; lastRow: number } | null = null;
    const wrap = (text: string, style: Partial<ExcelJS.Style> = {}): RowOp => {
      // Excel does not grow merged rows to fit; estimate lines from the display width.
      const perLine = widths.slice(0, span).reduce((a, b) => a + b, 0) * 1.1;
      const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / perLine)), 0);
      return {
        cells: [{ col: 1, value: text, style: { ...style, alignment: { wrapText: true, vertical: 'top' } } }],
        mergeTo: span,
        height: Math.max(15, lines * 15),
      };
    };

    for (const t of tables) t.columns.forEach((c, i) => widen(i + 1, c.width ?? defaultWidth(c, t.rows, i)));
    if (section.blocks.some((b) => b.kind === 'keyFigures')) {
      widen(1, 22);
      widen(2, 16);
    }

    ops.push({
      cells: [{ col: 1, value: section.title, style: { font: { ...BODY_FONT, size: 16, bold: true, color: { argb: NAVY } } } }],
      height: 26,
      mergeTo: span,
    });
    if (section.consultantText && section.consultantText.trim() !== '') {
      ops.push({
        cells: [
          { col: 1, value: this.t('document.consultantText'), style: { font: { ...BODY_FONT, bold: true, color: { argb: argb(CHART_THEME.palette[1]) } } } },
        ],
      });
      ops.push(wrap(section.consultantText.trim()));
    }

    // Charts go below the figures and tables: analysts open the sheet for the numbers, and the first
    // table then sits near the top where its header can be frozen.
    const ordered = [...section.blocks.filter((b) => b.kind !== 'image'), ...section.blocks.filter((b) => b.kind === 'image')];
    for (const block of ordered) {
      ops.push({ cells: [] });
      switch (block.kind) {
        case 'paragraph':
          ops.push(wrap(block.text));
          break;
        case 'bullets':
          for (const item of block.items) ops.push(wrap(`• ${item}`));
          break;
        case 'keyFigures': {
          const header: Partial<ExcelJS.Style> = { font: HEADER_FONT, fill: HEADER_FILL };
          const titles = [this.t('xlsx.figure'), this.t('xlsx.value'), this.t('xlsx.note')];
          // The note column's header band runs across the sheet, like the merged notes below it.
          ops.push({ cells: Array.from({ length: span }, (_, i) => ({ col: i + 1, value: titles[i] ?? null, style: header })) });
          for (const f of block.figures) {
            const numeric = typeof f.value === 'number';
            ops.push({
              cells: [
                { col: 1, value: f.label },
                {
                  col: 2,
                  value: columnValue(f.value, f.format),
                  style: {
                    font: { ...BODY_FONT, bold: true },
                    ...(numeric || f.format === 'date' ? { numFmt: this.numFmt(f.format, f.decimals) } : {}),
                    ...(f.tone ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(TONE_FILLS[f.tone]) } } } : {}),
                  },
                },
                {
                  col: 3,
                  value: f.note ?? null,
                  style: { font: { ...BODY_FONT, size: 9, color: { argb: MUTED } }, alignment: { wrapText: true, vertical: 'top' } },
                },
              ],
            });
          }
          break;
        }
        case 'table': {
          const t = block.table;
          if (t.title) ops.push({ cells: [{ col: 1, value: t.title, style: { font: { ...BODY_FONT, size: 12, bold: true } } }], mergeTo: span });
          const headerRow = ops.length + 1;
          ops.push({
            cells: t.columns.map((c, i) => ({
              col: i + 1,
              value: c.header,
              style: {
                font: HEADER_FONT,
                fill: HEADER_FILL,
                alignment: { wrapText: true, vertical: 'middle', horizontal: NUMERIC.has(c.format) ? 'right' : 'left' },
              },
            })),
            height: 20,
          });
          let partial = false;
          for (const row of t.rows) {
            ops.push({
              cells: t.columns.map((c, i) => {
                const cell = row[i] ?? null;
                const isPartial = cellIsPartial(cell);
                partial ||= isPartial;
                return {
                  col: i + 1,
                  value: columnValue(cellValue(cell), c.format),
                  style: {
                    numFmt: this.numFmt(c.format, c.decimals),
                    ...(isPartial ? { font: { ...BODY_FONT, italic: true, color: { argb: MUTED } } } : {}),
                  },
                };
              }),
            });
          }
          const lastRow = ops.length;
          if (t.rows.length > 0) {
            t.columns.forEach((c, i) => {
              if (!c.colour) return;
              const L = columnLetters(i + 1);
              cfs.push({ ref: `${L}${headerRow + 1}:${L}${lastRow}`, rules: conditionalRules(c.colour, `${L}${headerRow + 1}`) });
            });
          }
          firstTable ??= { headerRow, columns: t.columns.length, lastRow };
          if (t.note) ops.push(wrap(t.note, { font: { ...BODY_FONT, size: 9, color: { argb: MUTED } } }));
          if (partial) ops.push(wrap(this.t('document.partialNote'), { font: { ...BODY_FONT, size: 9, italic: true, color: { argb: MUTED } } }));
          break;
        }
        case 'image': {
          if (block.title) ops.push({ cells: [{ col: 1, value: block.title, style: { font: { ...BODY_FONT, size: 12, bold: true } } }], mergeTo: span });
          images.push({ png: block.png, col: 0, row: ops.length, widthPx: block.widthPx, heightPx: block.heightPx, description: block.title ?? '' });
          for (let i = 0; i < Math.ceil(block.heightPx / PX_PER_ROW) + 1; i++) ops.push({ cells: [] });
          break;
        }
      }
    }

    // Freezing is worth it only when the table starts near the top: rows frozen above it taller than
    // about a third of a laptop screen (~180pt) would leave little room to scroll.
    const heightAbove = firstTable ? ops.slice(0, firstTable.headerRow).reduce((h, op) => h + (op.height ?? 15), 0) : 0;
    const freeze = firstTable && heightAbove <= 180 ? firstTable.headerRow : 0;
    const ws = this.book.addWorksheet(safeSheetName(section.name, this.usedNames), {
      views: [freeze ? { state: 'frozen', ySplit: freeze, showGridLines: false } : { showGridLines: false }],
    });
    ws.columns = widths.map((w) => ({ width: w }));
    if (firstTable) {
      ws.autoFilter = { from: { row: firstTable.headerRow, column: 1 }, to: { row: firstTable.lastRow, column: firstTable.columns } };
    }
    this.writeOps(ws, ops);
    for (const cf of cfs) ws.addConditionalFormatting(cf);
    this.drawings.attach(ws, images);
    ws.commit();
  }

  /**
   * A flat sheet for pivoting, written row by row: frozen header, autofilter, formats per column.
   * `preamble`: title lines above the header (an on-screen table's export names the engagement, the
   * run and the filters there), then a blank row.
   */
  addDataSheet(name: string, columns: readonly XlsxColumn[], preamble: readonly string[] = []): DataSheetWriter {
    this.closeOpenDataSheet();
    const headerRow = preamble.length > 0 ? preamble.length + 2 : 1;
    const ws = this.book.addWorksheet(safeSheetName(name, this.usedNames), { views: [{ state: 'frozen', ySplit: headerRow }] });
    // Column styles hold only the number format: a font in every cell's style doubles the write time
    // of a 100k-row sheet (exceljs hashes each cell's style), and Excel's default font shows CJK anyway.
    const numFmts = columns.map((c) => this.numFmt(c.format, c.decimals));
    ws.columns = columns.map((c, i) => ({
      width: c.width ?? Math.min(Math.max(textWidth(c.header) + 4, NUMERIC.has(c.format) ? 12 : 14), 40),
      style: { numFmt: numFmts[i] },
    }));
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };
    preamble.forEach((line, i) => {
      const row = ws.getRow(i + 1);
      const cell = row.getCell(1);
      const safe = safeXlsxValue(line);
      cell.value = safe.value;
      cell.style = { font: i === 0 ? { ...BODY_FONT, size: 12, bold: true, color: { argb: NAVY } } : { ...BODY_FONT, color: { argb: MUTED } }, numFmt: '@' };
      row.commit();
    });
    const header = ws.getRow(headerRow);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = safeXlsxValue(c.header).value;
      cell.style = { font: HEADER_FONT, fill: HEADER_FILL, alignment: { vertical: 'middle', horizontal: NUMERIC.has(c.format) ? 'right' : 'left' } };
    });
    header.commit();
    this.open = new DataSheetWriter(ws, columns, this.options.exceljsOnly ? null : new SheetRowXmlWriter(this.book, ws, numFmts), headerRow + 1);
    return this.open;
  }

  /** Finishes every sheet and the file. */
  async commit(): Promise<void> {
    this.closeOpenDataSheet();
    await this.book.commit();
  }

  /**
   * Stops a workbook that will not be committed (a cancelled or failed export) and closes the file
   * it writes to: exceljs opens it when the writer is made and closes it only on commit, so without
   * this every cancelled export held a descriptor on its deleted part file until the process ended.
   * A stream handed in by the caller is the caller's to close.
   */
  async abort(): Promise<void> {
    if (!this.ownsFile) return;
    // Not in exceljs's type declarations: the archiver it zips through and the file stream it opened.
    const inner = this.book as unknown as { zip: { abort(): void; unpipe(): void }; stream: NodeJS.WritableStream & { destroy(): void; closed?: boolean } };
    inner.zip.unpipe();
    inner.zip.abort();
    if (inner.stream.closed) return;
    await new Promise<void>((resolve) => {
      // Writes still queued fail with ERR_STREAM_DESTROYED: expected, the file is being thrown away.
      inner.stream.on('error', () => undefined);
      inner.stream.once('close', () => resolve());
      inner.stream.destroy();
    });
  }
}

export class DataSheetWriter {
  private next: number;
  committed = false;

  /** `rows` null: through exceljs's own Row objects (the reference the fast path is tested against). */
  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly columns: readonly XlsxColumn[],
    private readonly rows: SheetRowXmlWriter | null,
    /** The sheet row of the first data row (below the header). */
    private readonly firstRow = 2,
  ) {
    this.next = firstRow;
  }

  get rowCount(): number {
    return this.next - this.firstRow;
  }

  /** One row in column order; written out in small batches so memory stays flat however many rows follow. */
  addRow(values: readonly PlainCellInput[]): void {
    if (this.committed) throw new Error('data sheet already committed');
    // Column styles carry the number formats; only a formula-like text needs its own '@' format.
    const out: RowValue[] = new Array<RowValue>(this.columns.length);
    let forceText: number[] | null = null;
    for (let i = 0; i < this.columns.length; i++) {
      const c = this.columns[i];
      const safe = safeXlsxValue(c ? columnValue(values[i], c.format) : values[i]);
      out[i] = safe.value;
      if (safe.forceText) (forceText ??= []).push(i + 1);
    }
    const n = this.next++;
    if (this.rows) {
      this.rows.write(n, out, forceText);
      return;
    }
    const row = this.ws.getRow(n);
    row.values = out;
    if (forceText) for (const col of forceText) row.getCell(col).numFmt = '@';
    row.commit();
  }

  /** Sheet XML written but not yet taken by the zip (0 on the exceljs Row path, which is not measured). */
  get backlogBytes(): number {
    return this.rows ? this.rows.backlog() : 0;
  }

  /** Hands the rows gathered so far to the sheet's stream. */
  flush(): void {
    this.rows?.flush();
  }

  /** Waits while the zip is far behind the rows written (bounded memory); immediate otherwise. */
  async drained(): Promise<void> {
    if (!this.rows) return;
    this.rows.flush();
    await this.rows.drained();
  }

  commit(): void {
    if (this.committed) return;
    this.committed = true;
    this.rows?.flush();
    // Band colours as conditional formatting over the whole column, so a re-sorted sheet keeps them right.
    this.columns.forEach((c, i) => {
      if (!c.colour || this.rowCount === 0) return;
      const L = columnLetters(i + 1);
      this.ws.addConditionalFormatting({ ref: `${L}${this.firstRow}:${L}${this.next - 1}`, rules: conditionalRules(c.colour, `${L}${this.firstRow}`) });
    });
    this.ws.commit();
  }
}
