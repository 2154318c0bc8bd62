// One import as the handlers, the CLI and the demo ask for it: preview the file (with any overrides),
// settle the mapping (given, saved for this client system, or suggested), run the pipeline, record the
// audit entry and, if asked, save the mapping for the next export from the same system.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EntityKind } from '../../../shared/domain/entities';
import type { Locale } from '../../../shared/errors';
import { DEFAULT_IMPORT_OPTIONS, type ImportBatchDetail, type ImportOptions, type MappingEntry } from '../../../shared/import/batch';
import { guessEntity, type EntityGuess } from '../../../shared/import/guess-entity';
import type { ImportPreview } from '../../../shared/import/preview-types';
import { applySavedMapping, toSavedMapping } from '../../../shared/import/saved-mapping';
import { suggestMapping } from '../../../shared/import/suggest-mapping';
import type { Delimiter } from '../../../shared/import/preview-types';
import { WorkbenchError } from '../errors';
import type { Workspace } from '../workspace/workspace';
import { recordAudit } from '../workspace/repositories/audit';
import { getEngagement } from '../workspace/repositories/engagement';
import { batchDetail } from './batches';
import { ImportFileError } from './errors';
import { findSavedMapping, markMappingUsed, saveMapping, type SavedMappingEntry } from './mappings';
import { runImport, type PipelineContext } from './pipeline';
import { previewImport } from './preview';

export interface ReadOverrides {
  sheet?: string | undefined;
  headerRow?: number | undefined;
  encoding?: string | undefined;
  delimiter?: Delimiter | undefined;
}

export interface PreviewResult extends ImportPreview {
  entity: EntityKind;
  /** The entity the headers suggest, with how sure (the UI pre-selects it when the user has not chosen). */
  guess: EntityGuess;
  /** The saved mapping for this client system that fits these headers, if any (already in `mapping`). */
  savedMapping: { id: number; system: string } | null;
  /** Rough number of data rows (CSV: from the file size and the sample's bytes per row). */
  rowEstimate: number | null;
}

/** ImportFileError (a file the readers refuse) as the contract's error, keeping its own code for the UI's wording. */
export function asWorkbenchError(err: unknown): unknown {
  if (err instanceof ImportFileError) return new WorkbenchError('UNSUPPORTED_FILE', { detail: err.message, importCode: err.code, ...err.params }, { cause: err });
  return err;
}

function checkPath(path: string): string {
  const abs = resolve(path);
  if (!existsSync(abs)) throw new WorkbenchError('FILE_NOT_FOUND', { path: abs });
  return abs;
}

export async function previewFile(ws: Workspace | null, path: string, entity: EntityKind | undefined, o: ReadOverrides, signal?: AbortSignal): Promise<PreviewResult> {
  const abs = checkPath(path);
  try {
    const withMapping = await previewImport(abs, { entity, sheet: o.sheet, headerRow: o.headerRow, encoding: o.encoding, delimiter: o.delimiter, signal, sampleRows: 50 });
    const sample = withMapping.rows.map((r) => r.cells);
    const guess = guessEntity(withMapping.headers, sample);
    const chosen = entity ?? guess.entity;
    withMapping.mapping ??= suggestMapping(chosen, withMapping.headers, sample);
    let savedMapping: PreviewResult['savedMapping'] = null;
    if (ws) {
      const saved = findSavedMapping(ws.sqlite, chosen, withMapping.headers);
      if (saved && withMapping.mapping) {
        savedMapping = { id: saved.entry.id, system: saved.entry.system };
        withMapping.mapping = { ...withMapping.mapping, assignments: saved.applied.assignments, missingRequired: saved.applied.missingRequired, unmappedColumns: withMapping.headers.map((_, i) => i).filter((i) => !saved.applied.assignments.some((a) => a.column === i)) };
      }
    }
    return { ...withMapping, entity: chosen, guess, savedMapping, rowEstimate: estimateRows(withMapping) };
  } catch (err) {
    throw asWorkbenchError(err);
  }
}

function estimateRows(p: ImportPreview): number | null {
  if (p.format === 'xlsx') {
    const s = p.sheets.find((x) => x.name === p.sheet);
    return s?.rowCountEstimate != null ? Math.max(0, s.rowCountEstimate - p.headerRow) : null;
  }
  if (p.rows.length < 50) return p.rows.length;
  let bytes = 0;
  for (const r of p.rows) for (const c of r.cells) bytes += (typeof c === 'string' ? c.length * 1.5 : 4) + 1;
  return Math.round(p.fileSize / (bytes / p.rows.length));
}

export interface ImportFileArgs extends ReadOverrides {
  path: string;
  entity: EntityKind;
  /** Column assignments as confirmed in the preview. */
  mapping?: MappingEntry[] | undefined;
  /** Or assignments by header text (a mapping file from the CLI), resolved against this file's headers. */
  headerMapping?: { field: string; header: string; scale?: number | undefined }[] | undefined;
  options?: Partial<ImportOptions> | undefined;
  /** Save the mapping used under this client-system name. */
  saveMappingAs?: string | undefined;
}

export interface ImportFileResult {
  batch: ImportBatchDetail;
  savedMapping: SavedMappingEntry | null;
}

export async function importFile(ws: Workspace, args: ImportFileArgs, ctx: PipelineContext & { locale?: Locale } = {}): Promise<ImportFileResult> {
  const preview = await previewFile(ws, args.path, args.entity, args, ctx.signal);
  let mapping: MappingEntry[];
  if (args.mapping) mapping = args.mapping;
  else if (args.headerMapping) {
    const applied = applySavedMapping({ entity: args.entity, fields: args.headerMapping.map((m) => (m.scale === undefined ? { field: m.field, header: m.header } : { field: m.field, header: m.header, scale: m.scale })) }, preview.headers);
    if (applied.missingHeaders.length > 0) {
      throw new WorkbenchError('VALIDATION_FAILED', { detail: `the file has no column ${applied.missingHeaders.join(', ')}`, importCode: 'mapping_headers_missing', headers: applied.missingHeaders.join(', ') });
    }
    mapping = applied.assignments.map(({ field, column, header, scale }) => (scale === undefined ? { field, column, header } : { field, column, header, scale }));
  } else mapping = (preview.mapping?.assignments ?? []).map(({ field, column, header, scale }) => (scale === undefined ? { field, column, header } : { field, column, header, scale }));

  const meta = await getEngagement(ws.db);
  const options: ImportOptions = { ...DEFAULT_IMPORT_OPTIONS, ...stripUndefined(args.options ?? {}) };
  let outcome;
  try {
    outcome = await runImport(
      ws.sqlite,
      { path: resolve(args.path), entity: args.entity, plan: preview.plan, headers: preview.headers, mapping, options, currency: meta.currency, locale: ctx.locale ?? meta.locale },
      ctx,
    );
  } catch (err) {
    throw asWorkbenchError(err);
  }
  let saved: SavedMappingEntry | null = null;
  if (args.saveMappingAs && args.saveMappingAs.trim()) {
    saved = saveMapping(ws.sqlite, args.saveMappingAs.trim(), toSavedMapping(args.entity, mapping.map((m) => ({ ...m, confidence: 1, reason: 'saved' as const, synonym: null }))), { unknownCustomers: options.unknownCustomers });
  } else if (preview.savedMapping && !args.mapping && !args.headerMapping) {
    markMappingUsed(ws.sqlite, preview.savedMapping.id);
  }
  const batch = batchDetail(ws.sqlite, outcome.batchId);
  await recordAudit(ws.db, 'import.run', {
    batchId: batch.id,
    entity: batch.entity,
    file: batch.fileName,
    sha256: batch.fileHash,
    rowsRead: batch.rowsRead,
    rowsAccepted: batch.rowsAccepted,
    rowsRejected: batch.rowsRejected,
    rowsDuplicate: batch.rowsDuplicate,
    customersCreated: batch.customersCreated,
  });
  return { batch, savedMapping: saved };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
