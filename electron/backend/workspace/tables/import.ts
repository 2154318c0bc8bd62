import type { ColumnType, Generated } from 'kysely';

// Row types of migration 0003's import_mapping; the columns 0003 adds to import_batch and
// import_reject are in their table types (data.ts).

export interface ImportMappingTable {
  id: Generated<number>;
  system: string;
  entity: string;
  mapping: string; // JSON SavedMapping
  options: ColumnType<string, string | undefined, string>; // JSON
  created_at: string;
  updated_at: string;
  used_at: string | null;
}

export interface ImportTables {
  import_mapping: ImportMappingTable;
}
