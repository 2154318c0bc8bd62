// The reports domain's channels. Spread into the contract in ./index.ts.
import { z } from 'zod';
import { channel } from './define';
import { REPORT_SECTION_IDS } from '../reports/model';
import type { ReportDefinition, ReportExportEntry, ReportExportResult, ReportPreview } from '../reports/definition';

export const reportDefinitionSchema = z.object({
  sections: z
    .array(z.object({ id: z.enum(REPORT_SECTION_IDS), included: z.boolean(), text: z.string().max(20_000).default('') }))
    .max(REPORT_SECTION_IDS.length),
  language: z.enum(['zh-CN', 'en']),
  pseudonymise: z.boolean().default(false),
  title: z.string().trim().max(200).nullable().default(null),
  subtitle: z.string().trim().max(300).nullable().default(null),
  diagnosticRunId: z.int().positive().nullable().default(null),
  healthRunId: z.int().positive().nullable().default(null),
});

const exportArgs = z.object({
  /** Where to write; default: the documents folder, named after the client and the date. */
  path: z.string().trim().min(1).optional(),
  /** The builder's current choices; default: the saved definition. */
  definition: reportDefinitionSchema.optional(),
  jobId: z.string().optional(),
});

export const reportsChannels = {
  'report.definition': channel(z.object({})).returns<ReportDefinition>(),
  'report.saveDefinition': channel(z.object({ definition: reportDefinitionSchema })).returns<ReportDefinition>(),
  /** The report as the standalone HTML the PDF prints, for the preview pane (an iframe's srcdoc). */
  'report.preview': channel(z.object({ definition: reportDefinitionSchema.optional() })).returns<ReportPreview>(),
  'report.exportXlsx': channel(exportArgs, { job: true }).returns<ReportExportResult>(),
  'report.exportPdf': channel(exportArgs, { job: true }).returns<ReportExportResult>(),
  /** The executive deck (16:9), optionally on the client's template (.pptx: its master, theme, logo and {tokens}). */
  'report.exportPptx': channel(exportArgs.extend({ templatePath: z.string().trim().min(1).optional() }), { job: true }).returns<ReportExportResult>(),
  'report.exports': channel(z.object({ limit: z.number().int().min(1).max(500).default(50) })).returns<ReportExportEntry[]>(),
};
