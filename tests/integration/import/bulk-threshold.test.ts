import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkIndexes } from '../../../electron/backend/import/bulk-indexes';
import { importFile } from '../../../electron/backend/import/import-file';
import { tempDir } from '../../helpers/temp';
import { fixture, importHarness } from './harness';

// Which batches load in bulk (secondary indexes rebuilt at the end, rollback journal) with the
// default thresholds: a client file of a megabyte or more into a table it outgrows does (a 10 MB file
// imports in about 60% of the time), a small file or a small batch into a large table does not.

const dir = tempDir('rwb-import-bulk-');
const mid = join(dir, 'mid.csv');
let h: ReturnType<typeof importHarness>;

const secondaryIndexes = (): number =>
  Number(
    h.backend
      .requireWorkspace()
      .sqlite.prepare(`select count(*) from sqlite_master where type = 'index' and tbl_name = 'orders' and sql is not null`)
      .pluck()
      .get(),
  );

/** Imports with default thresholds, noting the journal mode and index count at each progress event. */
async function importWatching(path: string): Promise<{ seen: { journal: string; indexes: number }[]; accepted: number }> {
  const ws = h.backend.requireWorkspace();
  const seen: { journal: string; indexes: number }[] = [];
  const { batch } = await importFile(
    ws,
    { path, entity: 'orders', options: { unknownCustomers: 'create' } },
    {
      workerBytes: Number.MAX_SAFE_INTEGER,
      chunkRows: 2000,
      progress: () => seen.push({ journal: String(ws.sqlite.pragma('journal_mode', { simple: true })), indexes: secondaryIndexes() }),
    },
  );
  return { seen, accepted: batch.rowsAccepted };
}

beforeAll(async () => {
  const lines = ['订单编号,客户编号,下单日期,产品名称,数量,单价'];
  for (let i = 0; i < 30_000; i++)
    lines.push(`XS${String(i >> 1).padStart(8, '0')},C${i % 900},2024-0${1 + (i % 9)}-1${i % 10},振动传感器,${1 + (i % 5)},980.00`);
  writeFileSync(mid, lines.join('\n') + '\n');
  h = importHarness(dir);
  await h.newEngagement();
});
afterAll(async () => {
  await h.close();
});

describe('bulk load thresholds', () => {
  it('a small file keeps the indexes and WAL', async () => {
    const indexes = secondaryIndexes();
    expect(indexes).toBe(3);
    const { seen, accepted } = await importWatching(fixture('orders-lines.csv'));
    expect(accepted).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(0);
    for (const s of seen) expect(s).toEqual({ journal: 'wal', indexes });
  });

  it('a file over a megabyte into a smaller table loads in bulk, and gives indexes and WAL back', async () => {
    expect(statSync(mid).size).toBeGreaterThan(1024 * 1024);
    const { seen, accepted } = await importWatching(mid);
    expect(accepted).toBe(30_000);
    expect(seen.length).toBeGreaterThan(1);
    for (const s of seen) expect(s).toEqual({ journal: 'delete', indexes: 0 });
    expect(secondaryIndexes()).toBe(3);
    expect(h.backend.requireWorkspace().sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('a batch small beside the rows already stored keeps the indexes', () => {
    const { sqlite } = h.backend.requireWorkspace();
    sqlite.exec('begin');
    try {
      // 1.2 MB holds at most ~30,000 rows: over twice that already stored, updating in place is cheaper.
      bulkIndexes(sqlite, 'orders', 1_200_000, 70_000, 1024 * 1024);
      expect(secondaryIndexes()).toBe(3);
      bulkIndexes(sqlite, 'orders', 1_200_000, 50_000, 1024 * 1024);
      expect(secondaryIndexes()).toBe(0);
    } finally {
      sqlite.exec('rollback');
    }
    expect(secondaryIndexes()).toBe(3);
  });
});
