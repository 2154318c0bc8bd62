import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/import/batch';
import { finishBatch, openBatch } from '../../../electron/backend/import/batch-record';
import { batchWriter, type BatchTotals } from '../../../electron/backend/import/batch-writer';
import { entityRowBuilder } from '../../../electron/backend/import/entity-rows';
import { previewImport } from '../../../electron/backend/import/preview';
import { produceRows, type ImportRequest, type ProducedChunk } from '../../../electron/backend/import/produce';
import type { WritableDB } from '../../../electron/backend/workspace/connection';
import { tempDir } from '../../helpers/temp';
import { fixture, importHarness } from './harness';

// The parts of a batch, each on its own: the batch's row (opened, then finished with its audit entry
// in the same transaction) and the writer that stores produced chunks and keeps the totals.

const dir = tempDir('rwb-parts-');
let h: ReturnType<typeof importHarness>;
let sqlite: WritableDB;
beforeEach(async () => {
  h = importHarness(dir);
  await h.newEngagement();
  sqlite = h.backend.requireWorkspace().sqlite;
});
afterEach(async () => {
  if (sqlite.inTransaction) sqlite.exec('rollback');
  await h.close();
});

async function customersRequest(): Promise<{ req: ImportRequest; chunks: ProducedChunk[] }> {
  const path = fixture('customers-utf8-bom.csv');
  const p = await previewImport(path, { entity: 'customers' });
  const req: ImportRequest = {
    path,
    entity: 'customers',
    read: p.plan.read,
    headers: p.headers,
    mapping: p.plan.mapping,
    options: DEFAULT_IMPORT_OPTIONS,
    currency: 'CNY',
    locale: 'en',
  };
  const chunks: ProducedChunk[] = [];
  for await (const c of produceRows({ ...req, knownCustomers: null, chunkRows: 2, readBytes: 1024 })) chunks.push(c);
  return { req, chunks };
}

const count = (table: string): number => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const totals = (t: Partial<BatchTotals>): BatchTotals => ({
  rowsRead: 0,
  rowsAccepted: 0,
  rowsRejected: 0,
  rowsDuplicate: 0,
  customersCreated: 0,
  unknownCustomers: 0,
  dateMin: null,
  dateMax: null,
  idsUnfloated: 0,
  namesFromIds: 0,
  ...t,
});

describe('openBatch', () => {
  it('writes the batch row with what it will read and how', async () => {
    const { req } = await customersRequest();
    sqlite.exec('begin immediate');
    const id = openBatch(sqlite, req, 1234, '2026-01-02T03:04:05.000Z');
    const row = sqlite
      .prepare('select entity, file_name, file_size, sheet, plan, mapping, status, started_at, finished_at from import_batch where id = ?')
      .get(id);
    expect(row).toEqual({
      entity: 'customers',
      file_name: 'customers-utf8-bom.csv',
      file_size: 1234,
      sheet: null,
      plan: JSON.stringify(req.read),
      mapping: JSON.stringify(req.mapping),
      status: 'committed',
      started_at: '2026-01-02T03:04:05.000Z',
      finished_at: null,
    });
  });
});

describe('batchWriter', () => {
  it('stores produced chunks and keeps the totals; the same rows again are duplicates', async () => {
    const { req, chunks } = await customersRequest();
    expect(chunks.length).toBeGreaterThan(1);
    const builder = entityRowBuilder('customers');
    sqlite.exec('begin immediate');
    const first = batchWriter(sqlite, 'customers', builder, openBatch(sqlite, req, 1, new Date().toISOString()));
    for (const c of chunks) first.write(c);
    expect(first.end()).toEqual(totals({ rowsRead: 3, rowsAccepted: 3, dateMin: '2020-11-30', dateMax: '2022-07-01' }));
    expect(count('customers')).toBe(3);
    const second = batchWriter(sqlite, 'customers', builder, openBatch(sqlite, req, 1, new Date().toISOString()));
    for (const c of chunks) second.write(c);
    expect(second.end()).toEqual(totals({ rowsRead: 3, rowsDuplicate: 3 }));
    expect(count('customers')).toBe(3);
  });

  it('holds rows back for a full group until end()', async () => {
    const { req } = await customersRequest();
    sqlite.exec('begin immediate');
    const w = batchWriter(sqlite, 'orders', entityRowBuilder('orders'), openBatch(sqlite, { ...req, entity: 'orders' }, 1, new Date().toISOString()));
    // Two order rows, keyed by their order id: fewer than a group, so nothing is written before end().
    const row = (key: string) => {
      const b = entityRowBuilder('orders');
      const r: unknown[] = new Array<unknown>(1 + b.columns.length).fill(null);
      r[0] = key;
      for (const [c, v] of Object.entries({ customer_key: 'C1', order_key: key, order_date: '2024-01-01', amount: 10, is_return: 0 }))
        r[1 + b.columns.indexOf(c)] = v;
      return r;
    };
    w.write({
      rows: [...row('K1'), ...row('K2')],
      rejects: [],
      stubs: [],
      attributes: [],
      idsUnfloated: 0,
      namesFromIds: 0,
      rowsRead: 2,
      rowsRejected: 0,
      unknownCustomers: 0,
      bytesRead: 0,
      totalBytes: 0,
    });
    expect(count('orders')).toBe(0);
    expect(w.end()).toMatchObject({ rowsRead: 2, rowsAccepted: 2, dateMin: '2024-01-01' });
    expect(count('orders')).toBe(2);
  });
});

describe('finishBatch', () => {
  it('records the figures and the audit entry in the batch transaction: a rollback takes both away', async () => {
    const { req } = await customersRequest();
    const auditBefore = count('audit_log');
    sqlite.exec('begin immediate');
    const id = openBatch(sqlite, req, 10, new Date().toISOString());
    finishBatch(sqlite, id, totals({ rowsRead: 5, rowsAccepted: 4, rowsRejected: 1, dateMin: '2024-01-01T10:00:00', dateMax: '2024-02-01' }), {
      fileHash: 'ab'.repeat(32),
      finishedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 7,
    });
    const batch = sqlite
      .prepare('select file_hash, rows_read, rows_accepted, rows_rejected, date_min, date_max, duration_ms from import_batch where id = ?')
      .get(id);
    expect(batch).toEqual({
      file_hash: 'ab'.repeat(32),
      rows_read: 5,
      rows_accepted: 4,
      rows_rejected: 1,
      date_min: '2024-01-01',
      date_max: '2024-02-01',
      duration_ms: 7,
    });
    const audit = sqlite.prepare("select at, detail from audit_log where action = 'import.run'").all() as { at: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.at).toBe('2026-01-01T00:00:00.000Z');
    expect(JSON.parse(audit[0]!.detail)).toEqual({
      batchId: id,
      entity: 'customers',
      file: 'customers-utf8-bom.csv',
      sha256: 'ab'.repeat(32),
      rowsRead: 5,
      rowsAccepted: 4,
      rowsRejected: 1,
      rowsDuplicate: 0,
      customersCreated: 0,
    });
    sqlite.exec('rollback');
    expect(count('import_batch')).toBe(0);
    expect(count('audit_log')).toBe(auditBefore);
  });

  it('a run leaves exactly one audit entry, matching its batch', async () => {
    const { batch } = await h.call('import.run', { path: fixture('orders-gbk-title.csv'), entity: 'orders' });
    const audit = sqlite.prepare("select detail from audit_log where action = 'import.run'").pluck().all() as string[];
    expect(audit.map((d) => JSON.parse(d) as Record<string, unknown>)).toEqual([
      {
        batchId: batch.id,
        entity: 'orders',
        file: 'orders-gbk-title.csv',
        sha256: batch.fileHash,
        rowsRead: 5,
        rowsAccepted: 5,
        rowsRejected: 0,
        rowsDuplicate: 0,
        customersCreated: 3,
      },
    ]);
  });
});
