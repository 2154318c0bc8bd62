import type { WritableDB } from '../workspace/connection';

// A bulk load in WAL mode writes every page twice: into the WAL during the batch, then into the
// database at the checkpoint that follows the commit (over a second for a million order lines). In
// rollback-journal mode the new pages go straight into the file and the journal keeps only the few
// pages that existed before, so a large batch switches to it for its transaction. SQLite refuses the
// switch while another connection has the file open in WAL mode; the batch then simply runs in WAL.
// A crash mid-batch leaves a hot journal that SQLite rolls back on the next open, as it would the WAL.
// The price: while a bulk batch runs, another process reading the same workspace (a second `rwb`)
// waits for it, or is told the file is busy, instead of reading the state before the batch.

export interface BulkJournal {
  restore(): void;
}

export function bulkJournal(sqlite: WritableDB): BulkJournal {
  const before = String(sqlite.pragma('journal_mode', { simple: true }));
  if (before !== 'wal') return { restore() {} };
  const now = String(sqlite.pragma('journal_mode = delete', { simple: true }));
  return {
    restore() {
      // The batch is already committed or rolled back: a failed switch back leaves a valid rollback-mode
      // workspace, and openDatabase() turns WAL on again at the next open.
      try {
        if (now !== 'wal') sqlite.pragma('journal_mode = wal');
      } catch {
        /* see above */
      }
    },
  };
}
