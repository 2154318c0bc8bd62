// The import domain's channels (issue 3). Spread into the contract in ./index.ts.
import { z } from 'zod';
import { channel } from './define';
import { ENTITY_KINDS, type EntityKind } from '../domain/entities';
import type { EntityQuality, ImportBatchDetail, ImportBatchSummary, RejectPage } from '../import/batch';
import type { EntityGuess } from '../import/guess-entity';
import type { ImportPreview } from '../import/preview-types';
import type { SavedMapping } from '../import/saved-mapping';

const entity = z.enum(ENTITY_KINDS);

/** How to read the file, where the detection got it wrong. */
const readOverrides = {
  sheet: z.string().optional(),
  headerRow: z.number().int().min(1).optional(),
  encoding: z.string().min(1).max(40).optional(),
  delimiter: z.enum([',', '\t', ';', '|']).optional(),
};

const mappingEntry = z.object({
  field: z.string().min(1),
  column: z.number().int().min(0),
  header: z.string(),
  scale: z.number().positive().optional(),
});

const options = z.object({
  unknownCustomers: z.enum(['create', 'reject']).default('create'),
  slashOrder: z.enum(['mdy', 'dmy']).optional(),
});

export interface ImportPreviewResult extends ImportPreview {
  entity: EntityKind;
  guess: EntityGuess;
  /** The saved mapping of this client system that fits the headers (already applied to `mapping`). */
  savedMapping: { id: number; system: string } | null;
  rowEstimate: number | null;
}

export interface ImportRunResult {
  batch: ImportBatchDetail;
  savedMapping: SavedMappingInfo | null;
}

export interface SavedMappingInfo {
  id: number;
  system: string;
  entity: EntityKind;
  mapping: SavedMapping;
  createdAt: string;
  updatedAt: string;
  usedAt: string | null;
}

export interface UndoResult {
  batch: ImportBatchSummary;
  rowsDeleted: number;
  customersDeleted: number;
}

export const importChannels = {
  /** Read the head of a file: sheets, detected encoding/delimiter/header row, first rows, suggested mapping. */
  'import.preview': channel(z.object({ path: z.string().min(1), entity: entity.optional(), ...readOverrides })).returns<ImportPreviewResult>(),
  /** Import a file as one batch (one transaction): progress by bytes read, cancellable, all or nothing. */
  'import.run': channel(
    z.object({
      path: z.string().min(1),
      entity,
      ...readOverrides,
      /** Default: the saved mapping that fits, else the suggestion. */
      mapping: z.array(mappingEntry).optional(),
      /** Or by header text (a mapping file), resolved against this file's headers. */
      headerMapping: z.array(z.object({ field: z.string().min(1), header: z.string(), scale: z.number().positive().optional() })).optional(),
      options: options.default({ unknownCustomers: 'create' }),
      /** Save the mapping used under this client-system name (e.g. "金蝶K3 销售出库"). */
      saveMappingAs: z.string().trim().max(100).optional(),
      jobId: z.string().optional(),
    }),
    { job: true },
  ).returns<ImportRunResult>(),
  'import.batches': channel(z.object({ entity: entity.optional(), limit: z.number().int().min(1).max(1000).default(200) })).returns<ImportBatchSummary[]>(),
  'import.batch': channel(z.object({ id: z.number().int() })).returns<ImportBatchDetail>(),
  'import.rejects': channel(
    z.object({ batchId: z.number().int(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(50), code: z.string().optional() }),
  ).returns<RejectPage>(),
  /** The batch's rejects as CSV (UTF-8 with BOM, formula-safe), with every source column, for the client to fix. */
  'import.exportRejects': channel(z.object({ batchId: z.number().int(), path: z.string().trim().min(1).optional() })).returns<{
    path: string;
    rows: number;
    downloadable: boolean;
  }>(),
  'import.undo': channel(z.object({ batchId: z.number().int() })).returns<UndoResult>(),
  'import.mappings': channel(z.object({ entity: entity.optional() })).returns<SavedMappingInfo[]>(),
  'import.saveMapping': channel(
    z.object({
      system: z.string().trim().min(1).max(100),
      entity,
      fields: z.array(z.object({ field: z.string().min(1), header: z.string(), scale: z.number().positive().optional() })).min(1),
    }),
  ).returns<SavedMappingInfo>(),
  'import.deleteMapping': channel(z.object({ id: z.number().int() })).returns<null>(),
  /** Data-quality figures per entity over the whole workspace. */
  'import.quality': channel(z.object({})).returns<EntityQuality[]>(),
};
