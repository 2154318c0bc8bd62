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
import { ENTITY_FIELDS, missingRequiredFields } from '../../../shared/import/fields';
import { WorkbenchError } from '../errors';
import { entityRowBuilder, type EntityRowBuilder } from './entity-rows';
import { hashFile } from './hash-file';
import { GROUP, insertSql } from './insert-sql';
import { bulkIndexes } from './bulk-indexes';
import { bulkJournal, type BulkJournal } from './bulk-journal';
import { produceRows, type ImportRequest, type ProducerSetup } from './produce';
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

// Connections with an import under way: a second one would share (and could commit) the first's transaction.
const busy = new WeakSet<WritableDB>();

/** Refuse mappings the pipeline cannot run: unknown fields, a field or column used twice, required fields missing. */
export function checkMapping(entity: EntityKind, mapping: readonly MappingEntry[]): void {
  const fields = ENTITY_FIELDS[entity].fields;
  const seenFields = new Set<string>();
  const seenColumns = new Set<number>();
  for (const m of mapping) {
    if (!fields.some((f) => f.name === m.field)) throw new WorkbenchError('VALIDATION_FAILED', { detail: `unknown field ${m.field} for ${entity}` });
    if (seenFields.has(m.field)) throw new WorkbenchError('VALIDATION_FAILED', { detail: `field ${m.field} is mapped twice` });
    if (seenColumns.has(m.column)) throw new WorkbenchError('VALIDATION_FAILED', { detail: `column ${m.header || m.column + 1} is mapped twice` });
    seenFields.add(m.field);
    seenColumns.add(m.column);
  }
  const missing = missingRequiredFields(entity, seenFields);
  if (missing.length > 0) throw new WorkbenchError('VALIDATION_FAILED', { detail: `required fields not mapped: ${missing.join(', ')}`, importCode: 'missing_required', fields: missing.join(', ') });
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

export async function runImport(sqlite: WritableDB, req: ImportRequest, ctx: PipelineContext = {}): Promise<ImportOutcome> {
  checkMapping(req.entity, req.mapping);
  if (busy.has(sqlite)) throw new WorkbenchError('VALIDATION_FAILED', { detail: 'another import is running in this workspace', importCode: 'import_running' });
  const { entity } = req;
  const started = Date.now();
  const size = (await stat(req.path)).size;
  const fileHash = hashFile(req.path);
  // A rejected promise must not go unhandled while rows are read; it is awaited before COMMIT.
  fileHash.catch(() => {});

  const builder: EntityRowBuilder = entityRowBuilder(entity);

  busy.add(sqlite);
  const cacheBefore = sqlite.pragma('cache_size', { simple: true }) as number;
  let open = false;
  let journal: BulkJournal | null = null;
  try {
    // A larger page cache (32 MB) for the batch: the pages being appended to stay in memory.
    sqlite.pragma('cache_size = -32768');
    if (size >= (ctx.bulkBytes ?? BULK_BYTES)) journal = bulkJournal(sqlite);
    sqlite.exec('begin immediate');
    open = true;
    const now = new Date().toISOString();
    const batchId = Number(
      sqlite
        .prepare(
          `insert into import_batch (entity, file_name, file_hash, file_size, sheet, mapping, options, plan, status, started_at)
           values (?, ?, '', ?, ?, ?, ?, ?, 'committed', ?)`,
        )
        .run(entity, basename(req.path), size, req.plan.format === 'xlsx' ? req.plan.sheet : null, JSON.stringify(req.mapping), JSON.stringify(req.options), JSON.stringify(req.plan), now).lastInsertRowid,
    );

    const existingRows = (sqlite.prepare(`select count(*) as n from ${entity}`).get() as { n: number }).n;
    const indexes = bulkIndexes(sqlite, entity, size, existingRows, ctx.bulkBytes ?? BULK_BYTES);

    const insert = sqlite.prepare(insertSql(entity, builder.columns, batchId, entity === 'customers'));
    const ownerOf = sqlite.prepare(`select batch_id from ${entity} where row_key = ?`).pluck();
    const insertReject = sqlite.prepare(
      `insert into import_reject (batch_id, row_number, column_name, raw_value, reason_code, reason, reason_params, raw_row) values (${batchId}, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertStub = sqlite.prepare(
      `insert into customers (row_key, batch_id, customer_key, name, created_from_order) values (?, ?, ?, ?, 1) on conflict(row_key) do nothing`,
    );

    const knownCustomers = builder.customerKeyField === null ? null : (sqlite.prepare('select customer_key from customers').pluck().all() as string[]);
    const setup: ProducerSetup = { ...req, knownCustomers, chunkRows: ctx.chunkRows ?? CHUNK_ROWS, readBytes: READ_BYTES };
    const entry = size >= (ctx.workerBytes ?? WORKER_BYTES) ? producerEntry() : null;
    const chunks = entry === null ? produceRows(setup, ctx.signal) : produceInWorker(entry, setup, ctx.signal);

    let rowsRead = 0;
    let rowsAccepted = 0;
    let rowsRejected = 0;
    let rowsDuplicate = 0;
    let customersCreated = 0;
    let unknownCustomers = 0;
    const range: { min: string | null; max: string | null } = { min: null, max: null };
    // Produced rows are the row key, then the builder's columns (batch_id is in the SQL).
    const width = 1 + builder.columns.length;
    const dateAt = builder.dateColumn >= 0 ? 1 + builder.dateColumn : -1;
    const fingerprinted = builder.ownKeyField === null;
    const params: unknown[] = new Array<unknown>(width).fill(null);
    // Fingerprints that met a stored row in this batch: how many identical rows of this file were seen.
    const copies = new Map<string, number>();

    const settle = (inserted: boolean, p: readonly unknown[], at = 0): void => {
      if (!inserted) {
        rowsDuplicate++;
        return;
      }
      rowsAccepted++;
      if (dateAt >= 0) {
        const d = p[at + dateAt];
        if (typeof d === 'string') {
          if (range.min === null || d < range.min) range.min = d;
          if (range.max === null || d > range.max) range.max = d;
        }
      }
    };

    // Rows go in GROUP at a time through one multi-row INSERT (insert-sql.ts). When fewer rows went in
    // than were sent, some met a stored row: the group's own rows are taken out again (by id:
    // AUTOINCREMENT ids only grow) and its rows are settled one by one. (RETURNING would say which
    // rows went in, but costs more than it saves.)
    // Customers go one by one: an upsert that replaces a flagged stub cannot be taken back by id.
    const groupInsert = entity !== 'customers' ? sqlite.prepare(insertSql(entity, builder.columns, batchId, false, GROUP)) : null;
    const dropSince = sqlite.prepare(`delete from ${entity} where id > ?`);
    let lastId = Number((sqlite.prepare(`select coalesce(max(id), 0) from ${entity}`).pluck().get() as number | bigint) ?? 0);
    const group: unknown[] = new Array<unknown>(GROUP * width).fill(null);
    let grouped = 0;
    const insertOne = (): boolean => {
      const r = insert.run(params);
      if (r.changes > 0 && entity !== 'customers') lastId = Number(r.lastInsertRowid);
      return r.changes > 0;
    };
    const tryInsert = (key: string): boolean => {
      params[0] = key;
      return insertOne();
    };
    const resolve = (): void => {
      if (!fingerprinted) return settle(false, params);
      const fp = params[0] as string;
      // An earlier row of the same group met this fingerprint first and settled the count.
      const seen = copies.get(fp);
      if (seen !== undefined) {
        copies.set(fp, seen + 1);
        return settle(tryInsert(`${fp}#${seen + 1}`), params);
      }
      // Stored by this batch: a second identical row of this file (an order line repeated within one
      // order), kept under its occurrence number. Stored by an earlier batch: a duplicate.
      if (ownerOf.get(fp) === batchId) {
        copies.set(fp, 2);
        settle(tryInsert(`${fp}#2`), params);
      } else {
        copies.set(fp, 1);
        settle(false, params);
      }
    };
    const oneByOne = (): void => {
      for (let g = 0; g < grouped; g++) {
        for (let c = 0; c < width; c++) params[c] = group[g * width + c];
        if (insertOne()) settle(true, params);
        else resolve();
      }
    };
    const flush = (): void => {
      if (grouped === 0) return;
      if (grouped === GROUP && groupInsert !== null) {
        const r = groupInsert.run(group);
        if (r.changes === GROUP) {
          lastId = Number(r.lastInsertRowid);
          for (let g = 0; g < GROUP; g++) settle(true, group, g * width);
        } else {
          if (r.changes > 0) dropSince.run(lastId);
          oneByOne();
        }
      } else oneByOne();
      grouped = 0;
    };

    for await (const chunk of chunks) {
      ctx.signal?.throwIfAborted();
      rowsRead += chunk.rowsRead;
      unknownCustomers += chunk.unknownCustomers;
      for (const r of chunk.rejects) insertReject.run(r);
      rowsRejected += chunk.rowsRejected;
      for (const [key, name] of chunk.stubs) if (insertStub.run(key, batchId, key, name).changes > 0) customersCreated++;
      const rows = chunk.rows;
      for (let at = 0; at < rows.length; at += width) {
        const key = rows[at] as string;
        const seen = fingerprinted ? copies.get(key) : undefined;
        if (seen === undefined) {
          const to = grouped * width;
          for (let c = 0; c < width; c++) group[to + c] = rows[at + c];
          if (++grouped === GROUP) flush();
        } else {
          // A further copy of a row this batch has already met: keyed by its occurrence number.
          for (let c = 1; c < width; c++) params[c] = rows[at + c];
          copies.set(key, seen + 1);
          settle(tryInsert(`${key}#${seen + 1}`), params);
        }
      }
      ctx.progress?.(chunk.bytesRead, chunk.totalBytes);
    }
    flush();
    ctx.signal?.throwIfAborted();

    indexes.restore();
    sqlite
      .prepare(
        `update import_batch set file_hash = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ?, rows_duplicate = ?,
           customers_created = ?, unknown_customers = ?, date_min = ?, date_max = ?, finished_at = ?, duration_ms = ? where id = ?`,
      )
      .run(await fileHash, rowsRead, rowsAccepted, rowsRejected, rowsDuplicate, customersCreated, unknownCustomers, range.min?.slice(0, 10) ?? null, range.max?.slice(0, 10) ?? null, new Date().toISOString(), Date.now() - started, batchId);
    ctx.signal?.throwIfAborted();
    sqlite.exec('commit');
    open = false;
    return { batchId, rowsRead, rowsAccepted, rowsRejected, rowsDuplicate, customersCreated, unknownCustomers };
  } catch (err) {
    if (open && sqlite.inTransaction) sqlite.exec('rollback');
    open = false;
    if (ctx.signal?.aborted) throw new WorkbenchError('CANCELLED');
    throw err;
  } finally {
    busy.delete(sqlite);
    journal?.restore();
    sqlite.pragma(`cache_size = ${cacheBefore}`);
  }
}
