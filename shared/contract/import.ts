// The import domain's channels. Spread into the contract in ./index.ts.
import { z } from 'zod';
import { channel } from './define';
import { ENTITY_KINDS, type EntityKind } from '../domain/entities';
import { ATTRIBUTE_TYPES } from '../import/attributes';
import type { EntityQuality, ImportBatchDetail, ImportBatchSummary, RejectPage } from '../import/batch';
import { importPlanSchema, mappingEntrySchema, readOverridesSchema } from '../import/plan';
import type { ImportPreview } from '../import/preview-types';
import type { SavedMapping } from '../import/saved-mapping';

export type { ImportPreview } from '../import/preview-types';
export type { ImportPlan } from '../import/plan';

const entity = z.enum(ENTITY_KINDS);

/** How to read the file, where the detection got it wrong. */
const readOverrides = readOverridesSchema.shape;

const options = z.object({
  unknownCustomers: z.enum(['create', 'reject']).default('create'),
  slashOrder: z.enum(['mdy', 'dmy']).optional(),
});

export interface ImportRunResult {
  batch: ImportBatchDetail;
  savedMapping: SavedMappingInfo | null;
  /**
   * True when the run was given a plan but the file had changed since its preview, so it was read
   * afresh (catalogue: import:ui.replanned, import:cli.replanned); false when the plan was used as it was, or none was given.
   */
  replanned: boolean;
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
  'import.preview': channel(z.object({ path: z.string().min(1), entity: entity.optional(), ...readOverrides })).returns<ImportPreview>(),
  /**
   * Import a file as one batch (one transaction): progress by bytes read, cancellable, all or nothing.
   * Given the `plan` of its preview, the run reads the file as planned without sniffing or sampling it
   * again (unless the file changed since); given a path and an entity instead, it plans first.
   */
  'import.run': channel(
    z
      .object({
        plan: importPlanSchema.optional(),
        path: z.string().min(1).optional(),
        entity: entity.optional(),
        ...readOverrides,
        /** Default: the plan's mapping (the saved mapping that fits, else the suggestion). */
        mapping: z.array(mappingEntrySchema).optional(),
        /** Or by header text (a mapping file), resolved against this file's headers. */
        headerMapping: z
          .array(
            z.object({
              field: z.string().min(1),
              header: z.string(),
              scale: z.number().positive().optional(),
              attributeType: z.enum(ATTRIBUTE_TYPES).optional(),
            }),
          )
          .optional(),
        options: options.default({ unknownCustomers: 'create' }),
        /** Save the mapping used under this client-system name (e.g. "金蝶K3 销售出库"). */
        saveMappingAs: z.string().trim().max(100).optional(),
        jobId: z.string().optional(),
      })
      .refine((a) => a.plan !== undefined || (a.path !== undefined && a.entity !== undefined), {
        message: 'give the plan of a preview, or a path and an entity',
      }),
    { job: true },
  ).returns<ImportRunResult>(),
  'import.batches': channel(z.object({ entity: entity.optional(), limit: z.number().int().min(1).max(1000).default(200) })).returns<ImportBatchSummary[]>(),
  'import.batch': channel(z.object({ id: z.number().int() })).returns<ImportBatchDetail>(),
  'import.rejects': channel(
    z.object({
      batchId: z.number().int(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(50),
      code: z.string().optional(),
    }),
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
      fields: z
        .array(
          z.object({
            field: z.string().min(1),
            header: z.string(),
            scale: z.number().positive().optional(),
            attributeType: z.enum(ATTRIBUTE_TYPES).optional(),
          }),
        )
        .min(1),
    }),
  ).returns<SavedMappingInfo>(),
  'import.deleteMapping': channel(z.object({ id: z.number().int() })).returns<null>(),
  /** Data-quality figures per entity over the whole workspace. */
  'import.quality': channel(z.object({})).returns<EntityQuality[]>(),
};
