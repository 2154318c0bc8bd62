import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { CallContext } from '../../../shared/contract/define';
import { createTranslator } from '../../../shared/i18n/translate';
import type { ReportDefinition, ReportExportKind, ReportSectionSource } from '../../../shared/reports/definition';
import { reportText } from '../../../shared/reports/messages';
import type { ReportModel } from '../../../shared/reports/model';
import { assignPseudonyms, createPseudonymiser, pseudonymiseReport, type PseudonymKind, type PseudonymMap } from '../../../shared/reports/pseudonymise';
import { checkpoint } from '../jobs';
import type { Workspace } from '../workspace/workspace';
import { localNow } from '../health/clock';
import { assembleReport } from './assemble';
import { createPngRasteriser, type PngRasteriser } from './chart-png';
import { actionsSheet, customersSheet, signalsSheet, type DataSheetContext } from './data-sheets';
import { createChromiumPdfPrinter, renderReportPdf, type PdfPrinter } from './pdf';
import { loadPseudonymMap, storePseudonymMap } from './store';
import { writeReportXlsx } from './xlsx-report';
import { writeDeck } from './deck/deck';
import { applyTemplate, loadTemplate } from './deck/template';

export interface ExportRequest {
  ws: Workspace;
  kind: ReportExportKind;
  path: string;
  definition: ReportDefinition;
  ctx: Pick<CallContext, 'signal' | 'progress'>;
  /** The Electron app prints with webContents.printToPDF; elsewhere headless Chromium. */
  createPrinter?: () => Promise<PdfPrinter>;
  now?: string;
  /** PPTX only: the client's template (.pptx) whose master, layouts, theme, logo and {tokens} the deck uses. */
  templatePath?: string;
  /**
   * Records the export (history row, audit entry) in the transaction that stores the pseudonym map,
   * once the file is in place: the workspace gets all of it or, on cancel or failure, none of it.
   */
  onStored?: (out: ExportOutcome) => void;
}

export interface ExportOutcome {
  path: string;
  bytes: number;
  sources: ReportSectionSource[];
  dataRows: number;
  pages: number | null;
  pseudonymised: boolean;
}

/**
 * Every customer's name, contact, phone and email gets its token up front, so free text is covered
 * too. Also returns the map as stored, so only new tokens are written back.
 */
function pseudonymMapFor(ws: Workspace): { stored: PseudonymMap; map: PseudonymMap } {
  const stored = loadPseudonymMap(ws.sqlite);
  let map = stored;
  const rows = ws.sqlite.prepare('select name, contact_name, phone, email from customers').raw(true).all() as [
    string,
    string | null,
    string | null,
    string | null,
  ][];
  const kinds: PseudonymKind[] = ['customer', 'contact', 'phone', 'email'];
  kinds.forEach((kind, i) => {
    map = assignPseudonyms(
      map,
      kind,
      rows.map((r) => r[i] ?? null),
    );
  });
  return { stored, map };
}

/** Counts page objects in the PDF (not /Pages, the tree node). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

/**
 * Builds the report from stored results and writes it to `path` (through a temporary file, so a
 * cancelled or failed export never leaves a half-written file under the chosen name). Checkpoints
 * between sections, pages of data rows and phases; the workspace is written only after the last one
 * (the pseudonym map and whatever onStored records, in one transaction), so a cancelled export
 * leaves no file and no trace in the workspace.
 */
export async function exportReport(req: ExportRequest): Promise<ExportOutcome> {
  const { ws, ctx } = req;
  const locale = req.definition.language;
  ctx.progress('reports.phase.collect', 0, null);
  const assembled = await assembleReport(ws, req.definition, { ...(req.now ? { now: req.now } : {}), signal: ctx.signal });
  await checkpoint(ctx.signal);

  let model: ReportModel = assembled.model;
  let map: PseudonymMap | null = null;
  let stored: PseudonymMap | undefined;
  if (req.definition.pseudonymise) {
    const start = pseudonymMapFor(ws);
    stored = start.stored;
    const done = pseudonymiseReport(model, start.map);
    model = done.model;
    map = done.map;
    await checkpoint(ctx.signal);
  }
  const tmp = `${req.path}.part`;
  let dataRows = 0;
  let pages: number | null = null;
  try {
    if (req.kind === 'xlsx') {
      const p = map ? createPseudonymiser(map, locale) : null;
      const dc: DataSheetContext = {
        sqlite: ws.sqlite,
        t: createTranslator(locale),
        r: (key, params) => reportText(locale, key, params),
        signal: ctx.signal,
        progress: ctx.progress,
        token: p ? p.token : null,
        text: p ? p.text : null,
      };
      let rasteriser: PngRasteriser | null = null;
      try {
        rasteriser = await createPngRasteriser();
      } catch {
        rasteriser = null; // no resvg and no Chromium: the workbook goes without chart images
      }
      try {
        await checkpoint(ctx.signal);
        ctx.progress('reports.phase.sections', 0, model.sections.length);
        const result = await writeReportXlsx(
          model,
          { filename: tmp },
          {
            rasteriser,
            signal: ctx.signal,
            onSection: (done, total) => ctx.progress('reports.phase.sections', done, total),
            dataSheets: [customersSheet(dc), signalsSheet(dc), actionsSheet(dc, req.now ?? localNow())],
          },
        );
        dataRows = result.dataRows;
      } finally {
        await rasteriser?.close();
      }
      if (p) map = p.map();
    } else if (req.kind === 'pptx') {
      // The template is read (and refused when unusable) before any slide is drawn.
      const template = req.templatePath ? await loadTemplate(req.templatePath) : null;
      let rasteriser: PngRasteriser | null = null;
      try {
        rasteriser = await createPngRasteriser({ scale: 2.5 });
      } catch {
        rasteriser = null; // no resvg and no Chromium: the deck goes without chart images
      }
      try {
        await checkpoint(ctx.signal);
        ctx.progress('reports.phase.slides', 0, null);
        const deck = await writeDeck(model, {
          rasteriser,
          signal: ctx.signal,
          onSlide: (done, total) => ctx.progress('reports.phase.slides', done, total),
          ...(template ? { theme: template.theme } : {}),
        });
        await checkpoint(ctx.signal);
        if (template) {
          const done = await applyTemplate(deck.buffer, template, model);
          // The template's own title slide (with tokens) replaces the drawn one.
          pages = deck.slides + done.keptSlides - (done.keptSlides > 0 ? 1 : 0);
          writeFileSync(tmp, done.buffer);
        } else {
          pages = deck.slides;
          writeFileSync(tmp, deck.buffer);
        }
      } finally {
        await rasteriser?.close();
      }
    } else {
      ctx.progress('reports.phase.print', 0, null);
      const printer = await (req.createPrinter ?? (() => createChromiumPdfPrinter()))();
      let pdf: Buffer;
      try {
        await checkpoint(ctx.signal);
        pdf = await renderReportPdf(model, printer);
      } finally {
        await printer.close();
      }
      await checkpoint(ctx.signal);
      pages = pdfPageCount(pdf);
      writeFileSync(tmp, pdf);
    }
    ctx.progress('reports.phase.write', 1, 1);
    // The last checkpoint: past it the export is committed, file and records together.
    await checkpoint(ctx.signal);
    renameSync(tmp, req.path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  const out: ExportOutcome = {
    path: req.path,
    bytes: statSync(req.path).size,
    sources: assembled.sources,
    dataRows,
    pages,
    pseudonymised: req.definition.pseudonymise,
  };
  const record = map;
  try {
    ws.sqlite.transaction(() => {
      if (record) storePseudonymMap(ws.sqlite, record, stored);
      req.onStored?.(out);
    })();
  } catch (err) {
    // Unrecorded, the file would carry tokens the workspace cannot map back: it goes too.
    rmSync(req.path, { force: true });
    throw err;
  }
  return out;
}
