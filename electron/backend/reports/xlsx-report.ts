import type { CancelSignal } from '../../../shared/contract/define';
import type { ReportBlock, ReportModel, TableColumn } from '../../../shared/reports/model';
import { checkpoint } from '../jobs';
import { renderChartSvg } from './chart-svg';
import type { PngRasteriser } from './chart-png';
import type { PlainCellInput } from './safe-cell';
import { XlsxReportWriter, type XlsxBlock, type XlsxColumn, type XlsxTarget } from './xlsx-writer';

/** Rows between checks that the zip keeps up with the data sheet being written. */
const DRAIN_EVERY = 1000;

export interface XlsxDataSheetSpec {
  name: string;
  columns: XlsxColumn[];
  /** Rows in column order; an async source (a SQLite cursor) is consumed one row at a time. */
  rows: Iterable<readonly PlainCellInput[]> | AsyncIterable<readonly PlainCellInput[]>;
}

export interface ReportXlsxOptions {
  /** Charts become PNG images when given; without one, chart blocks are left out of the workbook. */
  rasteriser?: PngRasteriser | null;
  /** Flat sheets for pivoting (customers with segment, tier, health, signals), after the sections. */
  dataSheets?: readonly XlsxDataSheetSpec[];
  creator?: string;
  /** An export checkpoints before each section sheet (charts take a browser round trip each). */
  signal?: CancelSignal;
  /** Told after each section sheet, for progress. */
  onSection?: (done: number, total: number) => void;
}

export interface ReportXlsxResult {
  sheetCount: number;
  dataRows: number;
  images: number;
}

export function toXlsxColumn(col: TableColumn): XlsxColumn {
  return {
    header: col.label,
    format: col.format,
    ...(col.decimals === undefined ? {} : { decimals: col.decimals }),
    ...(col.width === undefined ? {} : { width: col.width }),
    ...(col.colour ? { colour: col.colour } : {}),
  };
}

/** The report workbook: a cover, one sheet per section, then the flat data sheets, streamed to target. */
export async function writeReportXlsx(model: ReportModel, target: XlsxTarget, options: ReportXlsxOptions = {}): Promise<ReportXlsxResult> {
  const writer = new XlsxReportWriter(target, {
    locale: model.cover.language,
    currency: model.currency,
    ...(options.creator ? { creator: options.creator } : {}),
  });
  const dataSheets = options.dataSheets ?? [];
  writer.addCoverSheet(model.cover, {
    pseudonymised: model.pseudonymised,
    sheetTitles: [...model.sections.map((s) => s.title), ...dataSheets.map((d) => d.name)],
  });

  try {
    return await writeWorkbook(writer, model, dataSheets, options);
  } catch (err) {
    await writer.abort();
    throw err;
  }
}

async function writeWorkbook(
  writer: XlsxReportWriter,
  model: ReportModel,
  dataSheets: readonly XlsxDataSheetSpec[],
  options: ReportXlsxOptions,
): Promise<ReportXlsxResult> {
  let images = 0;
  const toBlock = async (block: ReportBlock): Promise<XlsxBlock | null> => {
    switch (block.kind) {
      case 'paragraph':
      case 'bullets':
      case 'keyFigures':
        return block;
      case 'table':
        return {
          kind: 'table',
          table: {
            ...(block.title === undefined ? {} : { title: block.title }),
            columns: block.columns.map(toXlsxColumn),
            rows: block.rows,
            note: block.note ?? null,
          },
        };
      case 'chart': {
        if (!options.rasteriser) return null;
        const size = { width: block.width, height: block.height };
        const png = await options.rasteriser.rasterise(renderChartSvg(block.option, size), size);
        images++;
        return { kind: 'image', png, widthPx: block.width, heightPx: block.height, ...(block.title ? { title: block.title } : {}) };
      }
    }
  };

  for (const [i, section] of model.sections.entries()) {
    if (options.signal) await checkpoint(options.signal);
    const blocks: XlsxBlock[] = [];
    for (const b of section.blocks) {
      const x = await toBlock(b);
      if (x) blocks.push(x);
    }
    writer.addSectionSheet({ name: section.title, title: section.title, consultantText: section.consultantText, blocks });
    options.onSection?.(i + 1, model.sections.length);
  }

  let dataRows = 0;
  for (const spec of dataSheets) {
    const sheet = writer.addDataSheet(spec.name, spec.columns);
    for await (const row of spec.rows) {
      sheet.addRow(row);
      if (sheet.rowCount % DRAIN_EVERY === 0) await sheet.drained();
    }
    dataRows += sheet.rowCount;
    sheet.commit();
  }
  await writer.commit();
  return { sheetCount: 1 + model.sections.length + dataSheets.length, dataRows, images };
}
