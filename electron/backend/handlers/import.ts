import { existsSync, mkdirSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import type { CallContext, HandlersFor } from '../../../shared/contract/define';
import type { importChannels } from '../../../shared/contract/import';
import type { Backend } from '../backend';
import { batchDetail, getBatch, listBatches, listRejects, qualitySummary, undoBatch } from '../import/batches';
import { importFile, previewFile } from '../import/import-file';
import { deleteMapping, listMappings, saveMapping } from '../import/mappings';
import { writeRejectsCsv } from '../import/reject-csv';
import { rememberExport } from '../reports/exported-files';
import { recordAudit } from '../workspace/repositories/audit';
import { getEngagement } from '../workspace/repositories/engagement';

/** The host's cancel signal as an AbortSignal for the readers. */
function abortSignal(ctx: CallContext): AbortSignal {
  const c = new AbortController();
  if (ctx.signal.aborted) c.abort();
  else ctx.signal.addEventListener('abort', () => c.abort());
  return c.signal;
}

function freePath(dir: string, base: string, ext: string): string {
  const clean = base
    // eslint-disable-next-line no-control-regex -- control characters are replaced on purpose (Windows refuses them in names)
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .trim()
    .slice(0, 80);
  let path = join(dir, `${clean}${ext}`);
  for (let i = 2; existsSync(path); i++) path = join(dir, `${clean} (${i})${ext}`);
  return path;
}

export function importHandlers(b: Backend): HandlersFor<typeof importChannels> {
  return {
    'import.preview': async ({ path, entity, ...o }, ctx) => previewFile(b.workspace, path, entity, o, abortSignal(ctx)),

    'import.run': async (args, ctx) => {
      const ws = b.requireWorkspace();
      ctx.progress('import.phase.reading', 0, null);
      const result = await importFile(ws, args, {
        signal: abortSignal(ctx),
        progress: (done, total) => ctx.progress('import.phase.reading', done, total),
      });
      // Counts on the overview and elsewhere change with the data.
      await b.adopt(ws);
      return result;
    },

    'import.batches': async ({ entity, limit }) => listBatches(b.requireWorkspace().sqlite, { entity, limit }),
    'import.batch': async ({ id }) => batchDetail(b.requireWorkspace().sqlite, id),
    'import.rejects': async ({ batchId, offset, limit, code }) => listRejects(b.requireWorkspace().sqlite, batchId, offset, limit, code),

    'import.exportRejects': async ({ batchId, path }) => {
      const ws = b.requireWorkspace();
      const batch = getBatch(ws.sqlite, batchId);
      const meta = await getEngagement(ws.db);
      let out: string;
      if (path) {
        out = resolve(path);
        if (extname(out).toLowerCase() !== '.csv') out += '.csv';
        mkdirSync(dirname(out), { recursive: true });
      } else {
        const stem = batch.fileName.replace(/\.[^.]+$/, '');
        out = freePath(b.ensureDocumentsDir(), `${stem}-${meta.locale === 'en' ? 'rejects' : '未导入行'}-${batch.id}`, '.csv');
      }
      const rows = await writeRejectsCsv(ws.sqlite, batchId, out, meta.locale);
      await recordAudit(ws.db, 'import.exportRejects', { batchId, path: out, rows });
      rememberExport(b, out);
      return { path: out, rows, downloadable: b.options.host === 'web' };
    },

    'import.undo': async ({ batchId }) => {
      const ws = b.requireWorkspace();
      const outcome = undoBatch(ws.sqlite, batchId);
      const batch = getBatch(ws.sqlite, batchId);
      await recordAudit(ws.db, 'import.undo', { batchId, entity: batch.entity, file: batch.fileName, ...outcome });
      await b.adopt(ws);
      return { batch, ...outcome };
    },

    'import.mappings': async ({ entity }) => listMappings(b.requireWorkspace().sqlite, entity),
    'import.saveMapping': async ({ system, entity, fields }) => {
      const ws = b.requireWorkspace();
      const entry = saveMapping(ws.sqlite, system, {
        entity,
        fields: fields.map((f) => (f.scale === undefined ? { field: f.field, header: f.header } : { field: f.field, header: f.header, scale: f.scale })),
      });
      await recordAudit(ws.db, 'import.saveMapping', { system, entity });
      return entry;
    },
    'import.deleteMapping': async ({ id }) => {
      deleteMapping(b.requireWorkspace().sqlite, id);
      return null;
    },
    'import.quality': async () => qualitySummary(b.requireWorkspace().sqlite),
  };
}
