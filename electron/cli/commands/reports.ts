import type { Command } from 'commander';
import { action } from '../program';
import { CliFailure, printResult, type CliGlobals } from '../output';
import { pickSections, type ReportDefinition, type ReportExportResult } from '../../../shared/reports/definition';
import { reportText } from '../../../shared/reports/messages';
import { toLocale } from '../../../shared/errors';

interface ReportOptions {
  xlsx?: string;
  pdf?: string;
  pptx?: string;
  template?: string;
  sections?: string;
  lang?: string;
  pseudonymise?: boolean;
  run?: string;
  healthRun?: string;
}

function exportLine(r: ReportExportResult, g: CliGlobals): string {
  const t = (key: Parameters<typeof reportText>[1], p?: Record<string, string | number>) => reportText(g.lang, key, p);
  const extra = [
    `${(r.bytes / 1024).toFixed(0)} KB`,
    r.pages !== null ? (r.kind === 'pptx' ? t('ui.slides', { n: r.pages }) : t('ui.pages', { n: r.pages })) : null,
    r.kind === 'xlsx' ? t('ui.dataRows', { n: r.dataRows }) : null,
  ].filter(Boolean);
  return `${t('ui.exported', { kind: r.kind.toUpperCase(), path: r.path })}  (${extra.join(', ')})`;
}

function sourcesText(r: ReportExportResult, g: CliGlobals): string {
  return r.sources
    .map(
      (s) =>
        `  ${s.status === 'stored' ? '✓' : '·'} ${s.title}${s.source ? `  — ${s.source}` : s.status === 'missing' ? `  — ${reportText(g.lang, 'ui.status.missing')}` : ''}`,
    )
    .join('\n');
}

function runIdOption(flag: string, value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1)
    throw new CliFailure({
      code: 'INVALID_ARGUMENTS',
      message: `${flag} ${value}`,
      params: { detail: `${flag} must be a run id (a whole number), not ${value}` },
    });
  return id;
}

export function registerReportsCommands(program: Command): void {
  program
    .command('report')
    .description('export the report (Excel workbook, PDF and/or the executive deck) built from the stored runs, assessments and reviewed findings')
    .argument('<file>', 'workspace file')
    .option('--xlsx <out>', 'write the Excel workbook here')
    .option('--pdf <out>', 'write the PDF here')
    .option('--pptx <out>', 'write the executive deck (16:9 PowerPoint) here')
    .option('--template <pptx>', "the client's PowerPoint template for --pptx: its master, theme colours, logo and {client} {title} {date} {consultant} tokens")
    .option('--sections <ids>', 'comma-separated section ids, in order: summary,retention,revenueRetention,cohorts,rfm,tiers,health,actions,checklists,methods')
    .option('--pseudonymise', 'replace customer names, contacts, phones and emails with stable tokens')
    .option('--run <id>', 'the diagnostic run to quote (default: the one with the latest as-of date)')
    .option('--health-run <id>', 'the health run to quote (default: the one with the latest as-of date)')
    .addHelpText('after', "\nThe global --lang zh-CN|en also sets the report language (default: the builder's saved language).")
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as ReportOptions;
        if (!o.xlsx && !o.pdf && !o.pptx) {
          throw new CliFailure({
            code: 'INVALID_ARGUMENTS',
            message: 'give --xlsx, --pdf and/or --pptx',
            params: { detail: 'give --xlsx OUT.xlsx, --pdf OUT.pdf and/or --pptx OUT.pptx' },
          });
        }
        if (o.template && !o.pptx) {
          throw new CliFailure({
            code: 'INVALID_ARGUMENTS',
            message: '--template needs --pptx',
            params: { detail: '--template T.pptx is used with --pptx OUT.pptx' },
          });
        }
        await s.call('engagement.open', { path: String(file) });
        let def: ReportDefinition = await s.call('report.definition', {});
        if (o.sections) {
          const picked = pickSections(
            def,
            o.sections
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
          );
          if (picked.unknown.length > 0) {
            throw new CliFailure({
              code: 'INVALID_ARGUMENTS',
              message: `unknown sections: ${picked.unknown.join(', ')}`,
              params: { detail: `unknown sections: ${picked.unknown.join(', ')}` },
            });
          }
          def = picked.definition;
        }
        // The global --lang (an explicit flag, not LANG) chooses the report's language too.
        const explicitLang = (opts as { lang?: string }).lang ?? program.opts<{ lang?: string }>().lang;
        if (explicitLang) def = { ...def, language: toLocale(explicitLang) };
        if (o.pseudonymise) def = { ...def, pseudonymise: true };
        if (o.run !== undefined) {
          // Refused with NOT_FOUND here rather than quietly replaced by the default run.
          const id = runIdOption('--run', o.run);
          await s.call('diagnostics.get', { runId: id });
          def = { ...def, diagnosticRunId: id };
        }
        if (o.healthRun !== undefined) {
          const id = runIdOption('--health-run', o.healthRun);
          await s.call('health.overview', { runId: id });
          def = { ...def, healthRunId: id };
        }
        const results: ReportExportResult[] = [];
        if (o.xlsx) results.push(await s.call('report.exportXlsx', { path: o.xlsx, definition: def }));
        if (o.pdf) results.push(await s.call('report.exportPdf', { path: o.pdf, definition: def }));
        if (o.pptx) results.push(await s.call('report.exportPptx', { path: o.pptx, definition: def, ...(o.template ? { templatePath: o.template } : {}) }));
        printResult(g, { exports: results }, () => [...results.map((r) => exportLine(r, g)), sourcesText(results[0]!, g)].join('\n'));
      }),
    );
}
