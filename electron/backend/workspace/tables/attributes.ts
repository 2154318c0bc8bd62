import type { ColumnType } from 'kysely';

// Row types of migration 0013's customer attributes (the two figures it adds to import_batch are in
// ImportBatchTable, data.ts).

export interface CustomerAttributeDefTable {
  name: string;
  type: 'category' | 'number' | 'date';
  batch_id: number | null;
}

export interface CustomerAttributeTable {
  customer_key: string;
  name: string;
  /** text for categories and dates ('YYYY-MM-DD'), a number for numbers. */
  value: string | number | null;
  batch_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface AttributeTables {
  customer_attribute_def: CustomerAttributeDefTable;
  customer_attribute: CustomerAttributeTable;
}
