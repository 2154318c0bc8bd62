// One import as the handlers, the CLI and the demo ask for it. The preview reads the file's head and
// makes the plan (shared/import/plan.ts): how to read the file, the entity, the mapping (the saved one
// for this client system that fits, else the suggestion). The run takes the plan back and uses it as
// it is while the file still looks as it did, so nothing is sniffed, sampled or guessed twice; a file
// changed since is planned again, and the result says so. The user's edited mapping overrides the
// plan's. The run then streams the batch (pipeline.ts) and, if asked, saves the mapping for the next
// export from the same system.
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { EntityKind } from '../../../shared/domain/entities';
import type { AttributeType } from '../../../shared/import/attributes';
import type { Locale } from '../../../shared/errors';
import { DEFAULT_IMPORT_OPTIONS, type ImportBatchDetail, type ImportOptions, type MappingEntry } from '../../../shared/import/batch';
import { sameFile, type ImportPlan, type ReadOverrides } from '../../../shared/import/plan';
import type { ImportPreview } from '../../../shared/import/preview-types';
import { applySavedMapping, toSavedMapping } from '../../../shared/import/saved-mapping';
import { WorkbenchError } from '../errors';
import type { Workspace } from '../workspace/workspace';
import { getEngagement } from '../workspace/repositories/engagement';
import { batchDetail } from './batches';
import { ImportFileError } from './errors';
import { readFileStamp } from './file-stamp';
import { takeImportSlot } from './import-slot';
import { findSavedMapping, markMappingUsed, saveMapping, type SavedMappingEntry } from './mappings';
import { runImport, type PipelineContext } from './pipeline';
import { mappingEntries, previewImport } from './preview';

export type { ReadOverrides } from '../../../shared/import/plan';

/** ImportFileError (a file the readers refuse) as the contract's error, keeping its own code for the UI's wording. */
export function asWorkbenchError(err: unknown): unknown {
  if (err instanceof ImportFileError)
    return new WorkbenchError('UNSUPPORTED_FILE', { ...err.params, detail: err.message, 'detail@zh-CN': err.messageZh, importCode: err.code }, { cause: err });
  return err;
}

function checkPath(path: string): string {
  const abs = resolve(path);
  if (!existsSync(abs)) throw new WorkbenchError('FILE_NOT_FOUND', { path: abs });
  return abs;
}

export async function previewFile(
  ws: Workspace | null,
  path: string,
  entity: EntityKind | undefined,
  o: ReadOverrides,
  signal?: AbortSignal,
): Promise<ImportPreview> {
  const abs = checkPath(path);
  try {
    const preview = await previewImport(abs, {
      entity,
      sheet: o.sheet,
      headerRow: o.headerRow,
      encoding: o.encoding,
      delimiter: o.delimiter,
      signal,
      sampleRows: 50,
    });
    if (ws) applySaved(ws, preview);
    return preview;
  } catch (err) {
    throw asWorkbenchError(err);
  }
}

/** The saved mapping of this client system that fits the headers, in place of the suggestion. */
function applySaved(ws: Workspace, p: ImportPreview): void {
  const saved = findSavedMapping(ws.sqlite, p.entity, p.headers);
  if (!saved) return;
  const { assignments, missingRequired } = saved.applied;
  p.savedMapping = { id: saved.entry.id, system: saved.entry.system };
  p.mapping = {
    ...p.mapping,
    assignments,
    missingRequired,
    unmappedColumns: p.headers.map((_, i) => i).filter((i) => !assignments.some((a) => a.column === i)),
  };
  p.plan.mapping = mappingEntries(p.mapping);
  p.plan.savedMappingId = saved.entry.id;
}

export interface ImportFileArgs extends ReadOverrides {
  /** The plan of the file's preview; or `path` and `entity`, and the run plans first. */
  plan?: ImportPlan | undefined;
  path?: string | undefined;
  entity?: EntityKind | undefined;
  /** Column assignments as confirmed in the preview (over the plan's). */
  mapping?: MappingEntry[] | undefined;
  /** Or assignments by header text (a mapping file from the CLI), resolved against this file's headers. */
  headerMapping?: { field: string; header: string; scale?: number | undefined; attributeType?: AttributeType | undefined }[] | undefined;
  options?: Partial<ImportOptions> | undefined;
  /** Save the mapping used under this client-system name. */
  saveMappingAs?: string | undefined;
}

export interface ImportFileResult {
  batch: ImportBatchDetail;
  savedMapping: SavedMappingEntry | null;
  /** The plan given was made before the file changed: the run planned again. */
  replanned: boolean;
}

function invalid(detail: string, importCode: string, params: Record<string, string> = {}): WorkbenchError {
  return new WorkbenchError('VALIDATION_FAILED', { detail, importCode, ...params });
}

/** The plan the run follows: the one given while the file still looks as it did, else a fresh one. */
export async function settlePlan(ws: Workspace | null, args: ImportFileArgs, signal?: AbortSignal): Promise<{ plan: ImportPlan; replanned: boolean }> {
  const given = args.plan;
  if (given === undefined) {
    if (args.path === undefined || args.entity === undefined) throw invalid('give the plan of a preview, or a path and an entity', 'plan_missing');
    return { plan: (await previewFile(ws, args.path, args.entity, args, signal)).plan, replanned: false };
  }
  if (args.entity !== undefined && args.entity !== given.entity) throw invalid(`the plan is for ${given.entity}, not ${args.entity}`, 'plan_mismatch');
  if (args.path !== undefined && resolve(args.path) !== given.path) throw invalid(`the plan is for ${given.path}, not ${resolve(args.path)}`, 'plan_mismatch');
  if (args.sheet !== undefined || args.headerRow !== undefined || args.encoding !== undefined || args.delimiter !== undefined) {
    throw invalid('read settings go to the preview; the plan already holds them', 'plan_mismatch');
  }
  const now = await readFileStamp(checkPath(given.path));
  if (sameFile(given.file, now)) return { plan: given, replanned: false };
  const fresh = await previewFile(ws, given.path, given.entity, given.overrides, signal);
  return { plan: fresh.plan, replanned: true };
}

const entry = ({ field, column, header, scale, attributeType }: MappingEntry): MappingEntry => ({
  field,
  column,
  header,
  ...(scale === undefined ? {} : { scale }),
  ...(attributeType === undefined ? {} : { attributeType }),
});

/** The mapping the run uses: the user's edit, else one by header text, else the plan's. */
export function chooseMapping(plan: ImportPlan, args: Pick<ImportFileArgs, 'mapping' | 'headerMapping'>, replanned: boolean): MappingEntry[] {
  if (args.mapping) {
    // Columns count from the left: after a change to the file, the user's choices hold only where the headers stayed.
    const moved = replanned ? args.mapping.filter((m) => (plan.headers[m.column] ?? '') !== m.header) : [];
    if (moved.length > 0) {
      const headers = moved.map((m) => m.header).join(', ');
      throw invalid(`the file changed after its preview; columns moved: ${headers}`, 'file_changed', { file: basename(plan.path), headers });
    }
    return args.mapping.map(entry);
  }
  if (args.headerMapping) {
    const applied = applySavedMapping(
      {
        entity: plan.entity,
        fields: args.headerMapping.map((m) => ({
          field: m.field,
          header: m.header,
          ...(m.scale === undefined ? {} : { scale: m.scale }),
          ...(m.attributeType === undefined ? {} : { attributeType: m.attributeType }),
        })),
      },
      plan.headers,
    );
    if (applied.missingHeaders.length > 0) {
      throw invalid(`the file has no column ${applied.missingHeaders.join(', ')}`, 'mapping_headers_missing', { headers: applied.missingHeaders.join(', ') });
    }
    return applied.assignments.map(entry);
  }
  return plan.mapping.map(entry);
}

export async function importFile(ws: Workspace, args: ImportFileArgs, ctx: PipelineContext & { locale?: Locale } = {}): Promise<ImportFileResult> {
  // Taken before the first await: of two runs started together, the second is refused with a code.
  const release = takeImportSlot(ws.path);
  try {
    const { plan, replanned } = await settlePlan(ws, args, ctx.signal);
    const mapping = chooseMapping(plan, args, replanned);
    const meta = await getEngagement(ws.db);
    const options: ImportOptions = { ...DEFAULT_IMPORT_OPTIONS, ...stripUndefined(args.options ?? {}) };
    let outcome;
    try {
      outcome = await runImport(
        ws.sqlite,
        {
          path: plan.path,
          entity: plan.entity,
          read: plan.read,
          headers: plan.headers,
          mapping,
          options,
          currency: meta.currency,
          locale: ctx.locale ?? meta.locale,
        },
        ctx,
      );
    } catch (err) {
      throw asWorkbenchError(err);
    }
    let saved: SavedMappingEntry | null = null;
    if (args.saveMappingAs && args.saveMappingAs.trim()) {
      saved = saveMapping(
        ws.sqlite,
        args.saveMappingAs.trim(),
        toSavedMapping(
          plan.entity,
          mapping.map((m) => ({ ...m, confidence: 1, reason: 'saved' as const, synonym: null })),
        ),
        { unknownCustomers: options.unknownCustomers },
      );
    } else if (plan.savedMappingId !== null && !args.mapping && !args.headerMapping) {
      markMappingUsed(ws.sqlite, plan.savedMappingId);
    }
    return { batch: batchDetail(ws.sqlite, outcome.batchId), savedMapping: saved, replanned };
  } finally {
    release();
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
