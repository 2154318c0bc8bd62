// Export what you see: any registered on-screen table to XLSX or CSV with the screen's filters.
// Spread into the contract in ./index.ts; the tables and their filters are in shared/table-export.
import { z } from 'zod';
import { channel } from './define';
import { TABLE_EXPORT_FORMATS, TABLE_FILTERS, TABLE_IDS, type TableExportResult } from '../table-export/tables';

export const tableExportArgs = z
  .object({
    table: z.enum(TABLE_IDS),
    /** The screen's filters for this table (shared/table-export/tables.ts TABLE_FILTERS). */
    filters: z.record(z.string(), z.unknown()).default({}),
    /** Column ids in the order shown; default: every column of the table in its screen order. */
    columns: z.array(z.string().min(1).max(80)).min(1).max(200).optional(),
    format: z.enum(TABLE_EXPORT_FORMATS).default('xlsx'),
    /** Where to write; default: the documents folder, named after the client, the table and the date. */
    path: z.string().trim().min(1).optional(),
    /** Headers, labels and title lines; default: the engagement's language. */
    language: z.enum(['zh-CN', 'en']).optional(),
    jobId: z.string().optional(),
  })
  .superRefine((a, ctx) => {
    const parsed = TABLE_FILTERS[a.table].safeParse(a.filters);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['filters', ...issue.path.map(String)], message: issue.message });
    }
  });

export const tableExportChannels = {
  /** Writes one table as shown (title lines naming the engagement, the run and the filters; then the rows). */
  'table.export': channel(tableExportArgs, { job: true }).returns<TableExportResult>(),
};
