import type { WritableDB } from '../workspace/connection';

// Loading a large file into a table with secondary indexes updates every index at random places for
// every row; dropping them for the load and building them once at the end (a sort) is several times
// faster. Both happen inside the batch's transaction, so a rollback brings the indexes back as they
// were. The unique row_key index stays: ON CONFLICT needs it. Small loads keep their indexes: building
// an index over a large table for a few rows would cost more than it saves.

// A CSV row of a canonical table is rarely under 40 bytes: an upper bound on the rows a file brings.
const MIN_ROW_BYTES = 40;

export interface BulkIndexes {
  restore(): void;
}

export function bulkIndexes(sqlite: WritableDB, table: string, fileBytes: number, existingRows: number, bulkBytes: number): BulkIndexes {
  if (fileBytes < bulkBytes || existingRows > (fileBytes / MIN_ROW_BYTES) * 2) return { restore() {} };
  const indexes = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null and sql not like 'create unique%' collate nocase`)
    .all(table) as { name: string; sql: string }[];
  for (const i of indexes) sqlite.exec(`drop index "${i.name.replace(/"/g, '""')}"`);
  return {
    restore() {
      for (const i of indexes) sqlite.exec(i.sql);
    },
  };
}
