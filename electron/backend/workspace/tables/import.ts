import type { ColumnType, Generated } from 'kysely';

// Row types of migration 0003 (import_mapping), and the columns it adds to 0002's import tables.

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

/** Columns 0003 adds to import_batch (the pipeline reads and writes these tables through ws.sqlite). */
export interface ImportBatchColumns0003 {
  plan: ColumnType<string, string | undefined, string>; // JSON ReadPlan
  date_min: string | null;
  date_max: string | null;
  customers_created: ColumnType<number, number | undefined, number>;
  unknown_customers: ColumnType<number, number | undefined, number>;
  duration_ms: number | null;
  undone_at: string | null;
}

export interface ImportRejectColumns0003 {
  reason_params: ColumnType<string, string | undefined, string>; // JSON
}

export interface ImportTables {
  import_mapping: ImportMappingTable;
}
