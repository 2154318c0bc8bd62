// The plan a preview makes and the run takes back: which file (and how it looked), how to read it,
// which entity it holds and which column fills which field. Plain data validated by a schema, never
// state kept in the engine: the preview and the run may be served by different engine instances (a
// job runs on its own thread with its own backend), and a plan that went through the UI comes back
// as untrusted input.
import { z } from 'zod';
import { ENTITY_KINDS, type EntityKind } from '../domain/entities';
import { ATTRIBUTE_TYPES } from './attributes';
import type { MappingEntry } from './batch';
import type { Delimiter, ReadPlan } from './preview-types';

/** How the file looked when it was planned: a run compares it before reusing the plan. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** sha256 (hex) of the first FILE_STAMP_BYTES bytes: catches a file rewritten within the same second at the same size. */
  headSha256: string;
}

/** Bytes hashed for the stamp: one read, a few hundred microseconds, whatever the file's size. */
export const FILE_STAMP_BYTES = 64 * 1024;

/** Read settings the user chose over what detection found; a re-plan asks for them again. */
export interface ReadOverrides {
  sheet?: string | undefined;
  headerRow?: number | undefined;
  encoding?: string | undefined;
  delimiter?: Delimiter | undefined;
}

export interface ImportPlan {
  version: 1;
  /** Absolute path of the file. */
  path: string;
  file: FileStamp;
  read: ReadPlan;
  overrides: ReadOverrides;
  /** The header row's texts: a mapping by header text (a mapping file) is resolved against them. */
  headers: string[];
  entity: EntityKind;
  /** What the run uses unless the user edits it: the saved mapping that fits, else the suggestion. */
  mapping: MappingEntry[];
  /** The saved mapping already in `mapping` (its last use is recorded when it runs unedited). */
  savedMappingId: number | null;
}

const delimiter = z.enum([',', '\t', ';', '|']);
const headerRow = z.number().int().min(1);

export const mappingEntrySchema = z.object({
  field: z.string().min(1),
  column: z.number().int().min(0),
  header: z.string(),
  scale: z.number().positive().optional(),
  attributeType: z.enum(ATTRIBUTE_TYPES).optional(),
});

export const readOverridesSchema = z.object({
  sheet: z.string().optional(),
  headerRow: headerRow.optional(),
  encoding: z.string().min(1).max(40).optional(),
  delimiter: delimiter.optional(),
});

export const readPlanSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('csv'), encoding: z.string().min(1).max(40), delimiter, newline: z.enum(['\r\n', '\n', '\r']), headerRow }),
  z.object({ format: z.literal('xlsx'), sheet: z.string(), headerRow }),
]);

export const importPlanSchema = z.object({
  version: z.literal(1),
  path: z.string().min(1),
  file: z.object({ size: z.number().int().min(0), mtimeMs: z.number().min(0), headSha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  read: readPlanSchema,
  overrides: readOverridesSchema,
  headers: z.array(z.string()),
  entity: z.enum(ENTITY_KINDS),
  mapping: z.array(mappingEntrySchema),
  savedMappingId: z.number().int().nullable(),
}) satisfies z.ZodType<ImportPlan>;

/** Whether a file still looks as it did when planned. */
export function sameFile(planned: FileStamp, now: FileStamp): boolean {
  return planned.size === now.size && planned.mtimeMs === now.mtimeMs && planned.headSha256 === now.headSha256;
}
