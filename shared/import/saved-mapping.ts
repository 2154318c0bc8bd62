// A confirmed mapping, saved by header text so it can be reused on the next export from the same client
// system even when its columns come in another order.
import type { EntityKind } from '../domain/entities';
import { missingRequiredFields } from './fields';
import type { MappingAssignment } from './suggest-mapping';
import { normaliseHeader } from './text';

export interface SavedMapping {
  entity: EntityKind;
  fields: { field: string; header: string; scale?: number }[];
}

export function toSavedMapping(entity: EntityKind, assignments: readonly MappingAssignment[]): SavedMapping {
  return { entity, fields: assignments.map((a) => (a.scale === undefined ? { field: a.field, header: a.header } : { field: a.field, header: a.header, scale: a.scale })) };
}

export interface AppliedMapping {
  assignments: MappingAssignment[];
  /** Saved headers this file does not have: the user must map those fields again. */
  missingHeaders: string[];
  missingRequired: string[];
}

/** Find each saved header in this file's headers (exact text first, then width/case/space-folded). */
export function applySavedMapping(saved: SavedMapping, headers: readonly string[]): AppliedMapping {
  const used = new Set<number>();
  const assignments: MappingAssignment[] = [];
  const missingHeaders: string[] = [];
  const folded = headers.map((h) => normaliseHeader(h).full);
  for (const f of saved.fields) {
    let col = headers.findIndex((h, i) => !used.has(i) && h === f.header);
    if (col < 0) {
      const want = normaliseHeader(f.header).full;
      col = folded.findIndex((h, i) => !used.has(i) && h === want);
    }
    if (col < 0) {
      missingHeaders.push(f.header);
      continue;
    }
    used.add(col);
    const a: MappingAssignment = { field: f.field, column: col, header: headers[col] ?? '', confidence: 1, reason: 'saved', synonym: null };
    if (f.scale !== undefined) a.scale = f.scale;
    assignments.push(a);
  }
  assignments.sort((a, b) => a.column - b.column);
  return { assignments, missingHeaders, missingRequired: missingRequiredFields(saved.entity, assignments.map((a) => a.field)) };
}
