// The batch's own row in import_batch, opened when the batch starts and completed when it ends, and
// the audit entry of the import, written in the same transaction as the batch: a committed batch
// always has its entry, a rolled-back one never leaves one behind.
import { basename } from 'node:path';
import type { WritableDB } from '../workspace/connection';
import { recordAuditSync } from '../workspace/repositories/audit';
import type { BatchTotals } from './batch-writer';
import type { ImportRequest } from './produce';

/** Insert the batch's row (its figures come at the end) and return its id. Inside the batch's transaction. */
export function openBatch(sqlite: WritableDB, req: ImportRequest, fileSize: number, startedAt: string): number {
  const sheet = req.read.format === 'xlsx' ? req.read.sheet : null;
  return Number(
    sqlite
      .prepare(
        `insert into import_batch (entity, file_name, file_hash, file_size, sheet, mapping, options, plan, status, started_at)
         values (?, ?, '', ?, ?, ?, ?, ?, 'committed', ?)`,
      )
      .run(req.entity, basename(req.path), fileSize, sheet, JSON.stringify(req.mapping), JSON.stringify(req.options), JSON.stringify(req.read), startedAt)
      .lastInsertRowid,
  );
}

export interface BatchEnd {
  /** sha256 of the whole file (hex). */
  fileHash: string;
  finishedAt: string;
  durationMs: number;
}

/** Record the batch's figures and its audit entry. Inside the batch's transaction, before COMMIT. */
export function finishBatch(sqlite: WritableDB, batchId: number, totals: BatchTotals, end: BatchEnd): void {
  sqlite
    .prepare(
      `update import_batch set file_hash = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ?, rows_duplicate = ?,
         customers_created = ?, unknown_customers = ?, date_min = ?, date_max = ?, finished_at = ?, duration_ms = ?,
         ids_unfloated = ?, names_from_ids = ? where id = ?`,
    )
    .run(
      end.fileHash,
      totals.rowsRead,
      totals.rowsAccepted,
      totals.rowsRejected,
      totals.rowsDuplicate,
      totals.customersCreated,
      totals.unknownCustomers,
      totals.dateMin?.slice(0, 10) ?? null,
      totals.dateMax?.slice(0, 10) ?? null,
      end.finishedAt,
      end.durationMs,
      totals.idsUnfloated,
      totals.namesFromIds,
      batchId,
    );
  const b = sqlite.prepare('select entity, file_name as file from import_batch where id = ?').get(batchId) as { entity: string; file: string };
  const detail = {
    batchId,
    entity: b.entity,
    file: b.file,
    sha256: end.fileHash,
    rowsRead: totals.rowsRead,
    rowsAccepted: totals.rowsAccepted,
    rowsRejected: totals.rowsRejected,
    rowsDuplicate: totals.rowsDuplicate,
    customersCreated: totals.customersCreated,
  };
  // Through the batch's connection (a kysely call would be async work inside the open transaction),
  // chained like every other entry: an unchained one breaks the audit log's verification.
  recordAuditSync(sqlite, 'import.run', detail, end.finishedAt);
}
