// The batch pipeline: file → read plan → mapping → streamed rows → field readers → canonical rows,
// all in ONE transaction. Every data row read ends up accepted (in the canonical table), rejected (in
// import_reject, with row number, column, raw value and reason) or counted as a duplicate of a row
// already stored: read = accepted + rejected + duplicate, always. A failure or a cancel rolls the
// whole batch back, leaving the workspace exactly as it was.
//
// Explicit BEGIN/COMMIT on the better-sqlite3 connection: db.transaction() cannot wrap the awaits of a
// streaming read. Between chunks the producer (produce.ts: read, parse, key, reject) is awaited; it
// runs in a worker thread for large files, so this thread only writes. Inside a chunk all is synchronous.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { WritableDB } from '../workspace/connection';
import type { EntityKind } from '../../../shared/domain/entities';
import type { MappingEntry } from '../../../shared/import/batch';
import { ATTRIBUTE_ENTITIES, ATTRIBUTE_FIELD } from '../../../shared/import/attributes';
import { ENTITY_FIELDS, missingRequiredFields } from '../../../shared/import/fields';
import { WorkbenchError } from '../errors';
import { attributeColumns } from './attribute-values';
import { defineAttributes } from './attribute-defs';
import { batchWriter } from './batch-writer';
import { ImportFileError } from './errors';
import { finishBatch, openBatch } from './batch-record';
import { entityRowBuilder, type EntityRowBuilder } from './entity-rows';
import { hashFile } from './hash-file';
import { importRunningError } from './import-slot';
import { bulkIndexes } from './bulk-indexes';
import { bulkJournal, type BulkJournal } from './bulk-journal';
import { produceRows, type ImportRequest, type ProducedChunk, type ProducerSetup } from './produce';
import { produceInWorker, producerEntry } from './produce-thread';

export type { ImportRequest } from './produce';

export interface PipelineContext {
  signal?: AbortSignal;
  /** Bytes of the file consumed so far, of the total. */
  progress?: (done: number, total: number) => void;
  /** Rows per chunk from the reader (tests make it small to cancel after the first chunk). */
  chunkRows?: number;
  /** File size from which a batch loads in bulk (bulk-indexes.ts, bulk-journal.ts); tests lower it. */
  bulkBytes?: number;
  /** File size from which rows are produced in a worker thread (produce-thread.ts); tests lower it. */
  workerBytes?: number;
}

export interface ImportOutcome {
  batchId: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsDuplicate: number;
  customersCreated: number;
  unknownCustomers: number;
}

/** Refuse mappings the pipeline cannot run: unknown fields, a field used twice, attributes where none are kept, required fields missing. */
export function checkMapping(entity: EntityKind, mapping: readonly MappingEntry[]): void {
  const fields = ENTITY_FIELDS[entity].fields;
  const seenFields = new Set<string>();
  const attributeColumns = new Set<number>();
  for (const m of mapping) {
    if (m.field === ATTRIBUTE_FIELD) {
      if (!(ATTRIBUTE_ENTITIES as readonly string[]).includes(entity))
        throw new WorkbenchError('VALIDATION_FAILED', { detail: `${entity} files carry no customer attributes` });
      if (attributeColumns.has(m.column))
        throw new WorkbenchError('VALIDATION_FAILED', { detail: `column ${m.header || m.column + 1} is kept as an attribute twice` });
      attributeColumns.add(m.column);
      continue;
    }
    if (!fields.some((f) => f.name === m.field)) throw new WorkbenchError('VALIDATION_FAILED', { detail: `unknown field ${m.field} for ${entity}` });
    if (seenFields.has(m.field)) throw new WorkbenchError('VALIDATION_FAILED', { detail: `field ${m.field} is mapped twice` });
    // One column may fill two fields (客户编号 as the id and the name): each field reads it on its own.
    seenFields.add(m.field);
  }
  const missing = missingRequiredFields(entity, seenFields);
  if (missing.length > 0)
    throw new WorkbenchError('VALIDATION_FAILED', {
      detail: `required fields not mapped: ${missing.join(', ')}`,
      importCode: 'missing_required',
      fields: missing.join(', '),
    });
}

// Small reads and chunks keep the rows in flight few, so they die young instead of piling up in the
// old generation between major collections: peak memory stays flat over a million rows.
const READ_BYTES = 256 * 1024;
const CHUNK_ROWS = 2000;
// From this size a batch loads in bulk: secondary indexes rebuilt at the end, rollback journal.
// Measured on a 100,000-line (10 MB) order file into an empty workspace: 2.0-2.5 s keeping the
// indexes and WAL, 1.5-1.7 s rebuilding the indexes, 1.2-1.5 s with the rollback journal too. Small
// batches into large tables keep their indexes all the same (bulk-indexes.ts weighs the two).
const BULK_BYTES = 1024 * 1024;
// Below this a worker's start-up (tens of ms, more from the sources) costs more than the overlap gains.
const WORKER_BYTES = 4 * 1024 * 1024;

/** The batch's transaction settings, taken before BEGIN and given back after COMMIT or ROLLBACK. */
function batchSettings(sqlite: WritableDB, bulk: boolean): () => void {
  const cacheBefore = sqlite.pragma('cache_size', { simple: true }) as number;
  // A larger page cache (32 MB) for the batch: the pages being appended to stay in memory.
  sqlite.pragma('cache_size = -32768');
  let journal: BulkJournal | null = null;
  try {
    if (bulk) journal = bulkJournal(sqlite);
  } catch (err) {
    sqlite.pragma(`cache_size = ${cacheBefore}`);
    throw err;
  }
  return () => {
    journal?.restore();
    sqlite.pragma(`cache_size = ${cacheBefore}`);
  };
}

/** BEGIN IMMEDIATE; another connection's import holding the write lock past busy_timeout is reported as such. */
function beginBatch(sqlite: WritableDB): void {
  try {
    sqlite.exec('begin immediate');
  } catch (err) {
    if ((err as { code?: unknown }).code === 'SQLITE_BUSY') throw importRunningError();
    throw err;
  }
}

/** Rows produced for the batch: on this thread, or from a worker for large files. */
function producer(sqlite: WritableDB, req: ImportRequest, builder: EntityRowBuilder, size: number, ctx: PipelineContext): AsyncIterable<ProducedChunk> {
  const knownCustomers = builder.customerKeyField === null ? null : (sqlite.prepare('select customer_key from customers').pluck().all() as string[]);
  const setup: ProducerSetup = { ...req, knownCustomers, chunkRows: ctx.chunkRows ?? CHUNK_ROWS, readBytes: READ_BYTES };
  const entry = size >= (ctx.workerBytes ?? WORKER_BYTES) ? producerEntry() : null;
  return entry === null ? produceRows(setup, ctx.signal) : produceInWorker(entry, setup, ctx.signal);
}

/**
 * Run one batch. The caller holds the workspace's import slot (import-slot.ts). The parts: the batch's
 * row (batch-record.ts), the bulk settings (indexes, journal), the writer (batch-writer.ts), then the
 * figures, the audit entry and the rebuilt indexes, all committed together.
 */
export async function runImport(sqlite: WritableDB, req: ImportRequest, ctx: PipelineContext = {}): Promise<ImportOutcome> {
  checkMapping(req.entity, req.mapping);
  const started = Date.now();
  const size = (await stat(req.path)).size;
  const fileHash = hashFile(req.path);
  // A rejected promise must not go unhandled while rows are read; it is awaited before COMMIT.
  fileHash.catch(() => {});
  const builder = entityRowBuilder(req.entity);
  const bulkBytes = ctx.bulkBytes ?? BULK_BYTES;

  const restoreSettings = batchSettings(sqlite, size >= bulkBytes);
  let open = false;
  try {
    beginBatch(sqlite);
    open = true;
    const batchId = openBatch(sqlite, req, size, new Date(started).toISOString());
    const existingRows = (sqlite.prepare(`select count(*) as n from ${req.entity}`).get() as { n: number }).n;
    const indexes = bulkIndexes(sqlite, req.entity, size, existingRows, bulkBytes);
    const attributes = attributeColumns(req.mapping, { slashOrder: req.options.slashOrder });
    defineAttributes(sqlite, attributes, batchId);
    const writer = batchWriter(
      sqlite,
      req.entity,
      builder,
      batchId,
      attributes.map((a) => a.name),
    );
    for await (const chunk of producer(sqlite, req, builder, size, ctx)) {
      ctx.signal?.throwIfAborted();
      writer.write(chunk);
      ctx.progress?.(chunk.bytesRead, chunk.totalBytes);
    }
    const totals = writer.end();
    ctx.signal?.throwIfAborted();
    // Nothing under the header (the file emptied since its preview, or every row blank): no batch to keep.
    if (totals.rowsRead === 0) throw new ImportFileError('no_data_rows', { file: basename(req.path), row: req.read.headerRow });
    indexes.restore();
    const hash = await fileHash;
    finishBatch(sqlite, batchId, totals, { fileHash: hash, finishedAt: new Date().toISOString(), durationMs: Date.now() - started });
    ctx.signal?.throwIfAborted();
    sqlite.exec('commit');
    open = false;
    const { rowsRead, rowsAccepted, rowsRejected, rowsDuplicate, customersCreated, unknownCustomers } = totals;
    return { batchId, rowsRead, rowsAccepted, rowsRejected, rowsDuplicate, customersCreated, unknownCustomers };
  } catch (err) {
    if (open && sqlite.inTransaction) sqlite.exec('rollback');
    if (ctx.signal?.aborted) throw new WorkbenchError('CANCELLED');
    throw err;
  } finally {
    restoreSettings();
  }
}
