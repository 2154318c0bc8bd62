// Saved mappings, one per client system and entity. On the next export from the same system the
// preview finds the mapping whose headers the file has (applySavedMapping matches by header text, so
// columns may come in another order) and offers it instead of the suggestion.
import type { ReadableDB, WritableDB } from '../workspace/connection';
import type { EntityKind } from '../../../shared/domain/entities';
import type { ImportOptions } from '../../../shared/import/batch';
import { applySavedMapping, type AppliedMapping, type SavedMapping } from '../../../shared/import/saved-mapping';

export interface SavedMappingEntry {
  id: number;
  system: string;
  entity: EntityKind;
  mapping: SavedMapping;
  options: Partial<ImportOptions>;
  createdAt: string;
  updatedAt: string;
  usedAt: string | null;
}

interface Row {
  id: number;
  system: string;
  entity: string;
  mapping: string;
  options: string;
  created_at: string;
  updated_at: string;
  used_at: string | null;
}

function toEntry(r: Row): SavedMappingEntry {
  return {
    id: r.id,
    system: r.system,
    entity: r.entity as EntityKind,
    mapping: JSON.parse(r.mapping) as SavedMapping,
    options: JSON.parse(r.options) as Partial<ImportOptions>,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    usedAt: r.used_at,
  };
}

export function listMappings(sqlite: ReadableDB, entity?: EntityKind): SavedMappingEntry[] {
  const rows = (
    entity
      ? sqlite.prepare('select * from import_mapping where entity = ? order by coalesce(used_at, updated_at) desc').all(entity)
      : sqlite.prepare('select * from import_mapping order by entity, coalesce(used_at, updated_at) desc').all()
  ) as Row[];
  return rows.map(toEntry);
}

/** Create or replace the mapping saved for this system and entity. */
export function saveMapping(sqlite: WritableDB, system: string, mapping: SavedMapping, options: Partial<ImportOptions> = {}): SavedMappingEntry {
  const now = new Date().toISOString();
  sqlite
    .prepare(
      `insert into import_mapping (system, entity, mapping, options, created_at, updated_at) values (?, ?, ?, ?, ?, ?)
       on conflict(system, entity) do update set mapping = excluded.mapping, options = excluded.options, updated_at = excluded.updated_at`,
    )
    .run(system, mapping.entity, JSON.stringify(mapping), JSON.stringify(options), now, now);
  return toEntry(sqlite.prepare('select * from import_mapping where system = ? and entity = ?').get(system, mapping.entity) as Row);
}

export function deleteMapping(sqlite: WritableDB, id: number): void {
  sqlite.prepare('delete from import_mapping where id = ?').run(id);
}

export function markMappingUsed(sqlite: WritableDB, id: number): void {
  sqlite.prepare('update import_mapping set used_at = ? where id = ?').run(new Date().toISOString(), id);
}

export interface MatchedMapping {
  entry: SavedMappingEntry;
  applied: AppliedMapping;
}

/** The saved mapping these headers fit best: every saved header present and nothing required left open. */
export function findSavedMapping(sqlite: ReadableDB, entity: EntityKind, headers: readonly string[]): MatchedMapping | null {
  let best: MatchedMapping | null = null;
  for (const entry of listMappings(sqlite, entity)) {
    const applied = applySavedMapping(entry.mapping, headers);
    if (applied.missingHeaders.length > 0 || applied.missingRequired.length > 0) continue;
    if (best === null || applied.assignments.length > best.applied.assignments.length) best = { entry, applied };
  }
  return best;
}
