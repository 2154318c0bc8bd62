// A confirmed mapping, saved by header text so it can be reused on the next export from the same client
// system even when its columns come in another order.
import type { EntityKind } from '../domain/entities';
import type { AttributeType } from './attributes';
import { missingRequiredFields } from './fields';
import type { MappingAssignment } from './suggest-mapping';
import { normaliseHeader } from './text';

export interface SavedMapping {
  entity: EntityKind;
  fields: { field: string; header: string; scale?: number; attributeType?: AttributeType }[];
}

export function toSavedMapping(entity: EntityKind, assignments: readonly MappingAssignment[]): SavedMapping {
  return {
    entity,
    fields: assignments.map((a) => ({
      field: a.field,
      header: a.header,
      ...(a.scale === undefined ? {} : { scale: a.scale }),
      ...(a.attributeType === undefined ? {} : { attributeType: a.attributeType }),
    })),
  };
}

export interface AppliedMapping {
  assignments: MappingAssignment[];
  /** Saved headers this file does not have: the user must map those fields again. */
  missingHeaders: string[];
  missingRequired: string[];
}

/**
 * Find each saved header in this file's headers (exact text first, then width/case/space-folded). One
 * header may fill two fields (客户编号 as the id and, with no name column, as the name too); a header
 * the file holds twice goes to its next copy when the first is taken by the same field.
 */
export function applySavedMapping(saved: SavedMapping, headers: readonly string[]): AppliedMapping {
  const used = new Map<number, Set<string>>();
  const free = (i: number, field: string): boolean => !(used.get(i)?.has(field) ?? false);
  const assignments: MappingAssignment[] = [];
  const missingHeaders: string[] = [];
  const folded = headers.map((h) => normaliseHeader(h).full);
  for (const f of saved.fields) {
    let col = headers.findIndex((h, i) => free(i, f.field) && h === f.header);
    if (col < 0) {
      const want = normaliseHeader(f.header).full;
      col = folded.findIndex((h, i) => free(i, f.field) && h === want);
    }
    if (col < 0) {
      missingHeaders.push(f.header);
      continue;
    }
    used.set(col, (used.get(col) ?? new Set()).add(f.field));
    const a: MappingAssignment = { field: f.field, column: col, header: headers[col] ?? '', confidence: 1, reason: 'saved', synonym: null };
    if (f.scale !== undefined) a.scale = f.scale;
    if (f.attributeType !== undefined) a.attributeType = f.attributeType;
    assignments.push(a);
  }
  assignments.sort((a, b) => a.column - b.column);
  return {
    assignments,
    missingHeaders,
    missingRequired: missingRequiredFields(
      saved.entity,
      assignments.map((a) => a.field),
    ),
  };
}
