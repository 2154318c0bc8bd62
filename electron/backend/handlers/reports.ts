import { existsSync, mkdirSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import type { CallContext, HandlersFor } from '../../../shared/contract/define';
import type { reportsChannels } from '../../../shared/contract/reports';
import type { ReportDefinition, ReportExportEntry, ReportExportKind, ReportExportResult } from '../../../shared/reports/definition';
import { normaliseReportDefinition } from '../../../shared/reports/definition';
import { reportText } from '../../../shared/reports/messages';
import type { Backend } from '../backend';
import { WorkbenchError } from '../errors';
import { localNow } from '../health/clock';
import { assembleReport } from '../reports/assemble';
import { exportReport } from '../reports/export';
import { rememberExport } from '../reports/exported-files';
import { renderReportHtml } from '../reports/html';
import { getDefinition, listExports, recordExport, saveDefinition } from '../reports/store';
import { recordAuditSync } from '../workspace/repositories/audit';
import { getEngagement } from '../workspace/repositories/engagement';
import { pseudonymiseReport } from '../../../shared/reports/pseudonymise';
import { loadPseudonymMap } from '../reports/store';

/** "<client>-<title>-<date>.<ext>" in the documents folder, numbered when the name is taken. */
function defaultExportPath(dir: string, client: string, title: string, date: string, kind: ReportExportKind): string {
  const clean = (s: string) =>
    s
      // eslint-disable-next-line no-control-regex -- control characters are replaced on purpose (Windows refuses them in names)
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .trim()
      .slice(0, 80);
  const base = `${clean(client)}-${clean(title)}-${date}`;
  let path = join(dir, `${base}.${kind}`);
  for (let i = 2; existsSync(path); i++) path = join(dir, `${base} (${i}).${kind}`);
  return path;
}

export function reportsHandlers(b: Backend): HandlersFor<typeof reportsChannels> {
  const definitionFor = async (given: ReportDefinition | undefined): Promise<ReportDefinition> => {
    const ws = b.requireWorkspace();
    if (given) return normaliseReportDefinition(given);
    return getDefinition(ws.sqlite, (await getEngagement(ws.db)).locale);
  };

  const run = async (
    kind: ReportExportKind,
    args: { path?: string | undefined; definition?: ReportDefinition | undefined; templatePath?: string | undefined },
    ctx: CallContext,
  ): Promise<ReportExportResult> => {
    const ws = b.requireWorkspace();
    const def = await definitionFor(args.definition);
    const meta = await getEngagement(ws.db);
    const now = localNow();
    let path: string;
    if (args.path) {
      path = resolve(args.path);
      if (extname(path).toLowerCase() !== `.${kind}`) path += `.${kind}`;
      mkdirSync(dirname(path), { recursive: true });
    } else {
      path = defaultExportPath(b.ensureDocumentsDir(), meta.clientName, def.title ?? reportText(def.language, 'document.defaultTitle'), now.slice(0, 10), kind);
    }
    let entry: ReportExportEntry | null = null;
    const out = await exportReport({
      ws,
      kind,
      path,
      definition: def,
      ctx,
      now,
      ...(b.options.createPdfPrinter ? { createPrinter: b.options.createPdfPrinter } : {}),
      ...(args.templatePath ? { templatePath: resolve(args.templatePath) } : {}),
      onStored: (done) => {
        const sections = done.sources.map((s) => s.id);
        entry = recordExport(ws.sqlite, {
          at: now,
          kind,
          path: done.path,
          language: def.language,
          sections,
          pseudonymised: done.pseudonymised,
          bytes: done.bytes,
        });
        recordAuditSync(ws.sqlite, 'report.export', {
          kind,
          path: done.path,
          bytes: done.bytes,
          language: def.language,
          sections,
          pseudonymised: done.pseudonymised,
          missing: done.sources.filter((s) => s.status === 'missing').map((s) => s.id),
        });
      },
    });
    const recorded = entry as ReportExportEntry | null;
    if (!recorded) throw new WorkbenchError('INTERNAL', { detail: 'export not recorded' });
    rememberExport(b, out.path);
    return { ...recorded, sources: out.sources, dataRows: out.dataRows, pages: out.pages, downloadable: b.options.host === 'web' };
  };

  return {
    'report.definition': async () => definitionFor(undefined),
    'report.saveDefinition': async ({ definition }) => saveDefinition(b.requireWorkspace().sqlite, definition, localNow()),
    'report.preview': async ({ definition }) => {
      const ws = b.requireWorkspace();
      const def = await definitionFor(definition);
      const { model, sources } = await assembleReport(ws, def);
      // The preview shows what the export will contain, tokens included; the map is not stored
      // until something is exported.
      const shown = def.pseudonymise ? pseudonymiseReport(model, loadPseudonymMap(ws.sqlite)).model : model;
      return { html: renderReportHtml(shown), sources };
    },
    'report.exportXlsx': async (args, ctx) => run('xlsx', args, ctx),
    'report.exportPdf': async (args, ctx) => run('pdf', args, ctx),
    'report.exportPptx': async (args, ctx) => run('pptx', args, ctx),
    'report.exports': async ({ limit }) => listExports(b.requireWorkspace().sqlite, limit),
  };
}
