// Reading import batches back: summaries, rejects by reason, the reject list, undo, and the
// data-quality figures per entity. Raw SQL on the better-sqlite3 connection: the columns migration
// 0003 added to import_batch are not in the kysely row types (tables/import.ts says why).
import type { ReadableDB, WritableDB } from '../workspace/connection';
import { ENTITY_KINDS, type EntityKind } from '../../../shared/domain/entities';
import {
  DEFAULT_IMPORT_OPTIONS,
  type BatchStatus,
  type EntityQuality,
  type ImportBatchDetail,
  type ImportBatchSummary,
  type ImportOptions,
  type MappingEntry,
  type RejectPage,
  type RejectReasonCount,
  type RejectRow,
} from '../../../shared/import/batch';
import { WorkbenchError } from '../errors';
import { undoAttributes } from './attribute-defs';
import { DATE_COLUMN } from './entity-rows';

interface BatchRow {
  id: number;
  entity: string;
  file_name: string;
  file_hash: string;
  file_size: number;
  sheet: string | null;
  status: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  rows_duplicate: number;
  customers_created: number;
  unknown_customers: number;
  date_min: string | null;
  date_max: string | null;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  undone_at: string | null;
  mapping: string;
  options: string;
  ids_unfloated: number;
  names_from_ids: number;
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function toSummary(r: BatchRow): ImportBatchSummary {
  const mapping = parseJson<unknown>(r.mapping, []);
  return {
    id: r.id,
    entity: r.entity as EntityKind,
    fileName: r.file_name,
    fileHash: r.file_hash,
    fileSize: r.file_size,
    sheet: r.sheet,
    status: r.status as BatchStatus,
    rowsRead: r.rows_read,
    rowsAccepted: r.rows_accepted,
    rowsRejected: r.rows_rejected,
    rowsDuplicate: r.rows_duplicate,
    customersCreated: r.customers_created,
    unknownCustomers: r.unknown_customers,
    idsUnfloated: r.ids_unfloated,
    namesFromIds: r.names_from_ids,
    dateMin: r.date_min,
    dateMax: r.date_max,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    durationMs: r.duration_ms,
    undoneAt: r.undone_at,
    // Batches written before the pipeline (header → column maps) have no entry list.
    mapping: Array.isArray(mapping) ? (mapping as MappingEntry[]) : [],
    options: { ...DEFAULT_IMPORT_OPTIONS, ...parseJson<Partial<ImportOptions>>(r.options, {}) },
  };
}

export function listBatches(sqlite: ReadableDB, opts: { entity?: EntityKind; limit?: number } = {}): ImportBatchSummary[] {
  const rows = (
    opts.entity
      ? sqlite.prepare('select * from import_batch where entity = ? order by id desc limit ?').all(opts.entity, opts.limit ?? 200)
      : sqlite.prepare('select * from import_batch order by id desc limit ?').all(opts.limit ?? 200)
  ) as BatchRow[];
  return rows.map(toSummary);
}

export function getBatch(sqlite: ReadableDB, id: number): ImportBatchSummary {
  const row = sqlite.prepare('select * from import_batch where id = ?').get(id) as BatchRow | undefined;
  if (!row) throw new WorkbenchError('NOT_FOUND', { what: 'import batch', id });
  return toSummary(row);
}

export function rejectsByReason(sqlite: ReadableDB, batchId: number): RejectReasonCount[] {
  const rows = sqlite
    .prepare(
      `select reason_code as code, column_name as col, count(*) as n from import_reject where batch_id = ?
       group by reason_code, column_name order by reason_code, n desc`,
    )
    .all(batchId) as { code: string; col: string | null; n: number }[];
  // One line per reason: its total, and the column most of them were in.
  const out = new Map<string, RejectReasonCount>();
  for (const r of rows) {
    const cur = out.get(r.code);
    if (cur) cur.count += r.n;
    else out.set(r.code, { code: r.code, column: r.col, count: r.n });
  }
  return [...out.values()].sort((a, b) => b.count - a.count);
}

export function batchDetail(sqlite: ReadableDB, id: number): ImportBatchDetail {
  const b = getBatch(sqlite, id);
  return { ...b, rejectsByReason: rejectsByReason(sqlite, id), quality: entityQuality(sqlite, b.entity) };
}

interface RejectDbRow {
  id: number;
  row_number: number;
  column_name: string | null;
  raw_value: string | null;
  reason_code: string;
  reason: string;
  reason_params: string;
  raw_row: string;
}

function toReject(r: RejectDbRow): RejectRow {
  return {
    id: r.id,
    rowNumber: r.row_number,
    column: r.column_name,
    rawValue: r.raw_value,
    code: r.reason_code,
    params: parseJson(r.reason_params, {}),
    reason: r.reason,
    rawRow: parseJson(r.raw_row, {}),
  };
}

export function listRejects(sqlite: ReadableDB, batchId: number, offset: number, limit: number, code?: string): RejectPage {
  getBatch(sqlite, batchId);
  const where = code ? 'batch_id = ? and reason_code = ?' : 'batch_id = ?';
  const args: unknown[] = code ? [batchId, code] : [batchId];
  const total = (sqlite.prepare(`select count(*) as n from import_reject where ${where}`).get(...args) as { n: number }).n;
  const rows = sqlite
    .prepare(`select * from import_reject where ${where} order by row_number, id limit ? offset ?`)
    .all(...args, limit, offset) as RejectDbRow[];
  return { total, offset, rows: rows.map(toReject) };
}

/** Every reject of a batch in file order, a page at a time (exports of large reject lists stay flat in memory). */
export function* iterateRejects(sqlite: ReadableDB, batchId: number): Generator<RejectRow> {
  for (const r of sqlite.prepare('select * from import_reject where batch_id = ? order by row_number, id').iterate(batchId) as IterableIterator<RejectDbRow>) {
    yield toReject(r);
  }
}

export interface UndoOutcome {
  rowsDeleted: number;
  customersDeleted: number;
}

/** Delete the batch's rows (and the customers it created) and mark it undone; its rejects stay as history. */
export function undoBatch(sqlite: WritableDB, id: number): UndoOutcome {
  const b = getBatch(sqlite, id);
  if (b.status === 'undone') throw new WorkbenchError('VALIDATION_FAILED', { detail: `import batch ${id} is already undone`, importCode: 'already_undone' });
  return sqlite.transaction(() => {
    const rowsDeleted = sqlite.prepare(`delete from ${b.entity} where batch_id = ?`).run(id).changes;
    const customersDeleted =
      b.entity === 'customers' ? 0 : sqlite.prepare('delete from customers where batch_id = ? and created_from_order = 1').run(id).changes;
    undoAttributes(sqlite, id);
    sqlite.prepare(`update import_batch set status = 'undone', undone_at = ? where id = ?`).run(new Date().toISOString(), id);
    return { rowsDeleted, customersDeleted };
  })();
}

// Shaped to be answered from indexes, not by probing every row: min/max of the raw date read from
// the date index (ISO text sorts as dates do, so the first ten characters of the min are the min of
// the first ten), and the order lines of unknown customers counted per customer on the
// (customer_key, order_date) index, one probe per customer rather than one per line.
export function entityQuality(sqlite: ReadableDB, entity: EntityKind): EntityQuality {
  const date = DATE_COLUMN[entity];
  const base = sqlite.prepare(`select count(*) as n, substr(min(${date}), 1, 10) as lo, substr(max(${date}), 1, 10) as hi from ${entity}`).get() as {
    n: number;
    lo: string | null;
    hi: string | null;
  };
  const batches = sqlite
    .prepare(`select count(*) as n, coalesce(sum(rows_rejected), 0) as rejected from import_batch where entity = ? and status = 'committed'`)
    .get(entity) as { n: number; rejected: number };
  const count = (q: string): number => (sqlite.prepare(q).get() as { n: number }).n;
  const q: EntityQuality = {
    entity,
    rows: base.n,
    batches: batches.n,
    rejects: batches.rejected,
    dateMin: base.lo,
    dateMax: base.hi,
    unknownCustomers: null,
    customersWithoutOrders: null,
    createdFromOrders: null,
    distinctOrders: null,
    returns: null,
  };
  if (entity === 'customers' || entity === 'orders') {
    // Seen from the order side, customers without orders is the customers' figure; show it there too.
    q.customersWithoutOrders = count('select count(*) as n from customers c where not exists (select 1 from orders o where o.customer_key = c.customer_key)');
  }
  if (entity === 'customers') {
    q.createdFromOrders = count('select count(*) as n from customers where created_from_order = 1');
  } else {
    q.unknownCustomers = count(
      `select coalesce(sum(k.n), 0) as n from (select customer_key, count(*) as n from ${entity} group by customer_key) k
       where not exists (select 1 from customers c where c.customer_key = k.customer_key)`,
    );
  }
  if (entity === 'orders') {
    q.distinctOrders = count('select count(distinct order_key) as n from orders');
    q.returns = count('select count(*) as n from orders where is_return = 1');
  }
  return q;
}

export function qualitySummary(sqlite: ReadableDB): EntityQuality[] {
  return ENTITY_KINDS.map((e) => entityQuality(sqlite, e));
}
