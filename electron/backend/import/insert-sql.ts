// The statement every accepted row is written with. Kept apart from the pipeline so the import
// benchmark's storage floor (tests/bench/import-floor.ts) writes with exactly the same statement.

/** Rows per multi-row INSERT: a third of the per-row cost of binding and stepping one statement per row. */
export const GROUP = 16;

// The batch id is the same for every row: written into the statement, it is one value fewer to bind.
export function insertSql(table: string, columns: readonly string[], batchId: number, upgradeStubs: boolean, rows = 1): string {
  const all = ['row_key', 'batch_id', ...columns];
  const tuple = `(?, ${batchId}, ${columns.map(() => '?').join(', ')})`;
  const head = `insert into ${table} (${all.join(', ')}) values ${Array.from({ length: rows }, () => tuple).join(', ')} on conflict(row_key) do`;
  if (!upgradeStubs) return `${head} nothing`;
  // A customer an earlier order import created (flagged) gets its real record when the customer list arrives.
  const set = ['batch_id', ...columns].map((c) => `${c} = excluded.${c}`).join(', ');
  return `${head} update set ${set}, created_from_order = 0 where customers.created_from_order = 1`;
}
