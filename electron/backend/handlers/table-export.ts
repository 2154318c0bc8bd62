import type { HandlersFor } from '../../../shared/contract/define';
import type { tableExportChannels } from '../../../shared/contract/table-export';
import type { Backend } from '../backend';
import { rememberExport } from '../reports/exported-files';
import { exportTable } from '../table-export/export';

export function tableExportHandlers(b: Backend): HandlersFor<typeof tableExportChannels> {
  return {
    'table.export': async (args, ctx) => {
      const out = await exportTable({
        ws: b.requireWorkspace(),
        table: args.table,
        filters: args.filters,
        columns: args.columns,
        format: args.format,
        path: args.path,
        documentsDir: () => b.ensureDocumentsDir(),
        language: args.language,
        ctx,
      });
      // Browser mode fetches the file through the web host's download route, which serves only these.
      rememberExport(b, out.path);
      return { ...out, downloadable: b.options.host === 'web' };
    },
  };
}
