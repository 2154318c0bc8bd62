import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/backend/import/import-file';
import { tempDir } from '../../helpers/temp';
import { fixture, importHarness } from './harness';

// Cancel after the first chunk of a larger file: the transaction is rolled back and the workspace is
// exactly as it was (rows, batches, rejects, audit, indexes), also when the load had dropped the
// secondary indexes for a bulk rebuild.

const dir = tempDir('rwb-import-cancel-');
const big = join(dir, 'big.csv');
const ROWS = 30_000;
let h: ReturnType<typeof importHarness>;

beforeAll(async () => {
  const lines = ['订单编号,客户编号,下单日期,数量,单价'];
  for (let i = 0; i < ROWS; i++) lines.push(`XS${i >> 1},C${i % 700},2024-0${1 + (i % 9)}-1${i % 10},${1 + (i % 5)},${i % 17 === 0 ? 'bad' : '12.5'}`);
  writeFileSync(big, lines.join('\n') + '\n');
  h = importHarness(dir);
  await h.newEngagement();
  await h.call('import.run', { path: fixture('customers-utf8-bom.csv'), entity: 'customers' });
  await h.call('import.run', { path: fixture('orders-lines.csv'), entity: 'orders' });
});
afterAll(async () => {
  await h.close();
});

describe('cancel', () => {
  it('through job.cancel after the first progress event: CANCELLED, and nothing changed', async () => {
    const before = h.snapshot();
    const jobId = 'cancel-me';
    let progressEvents = 0;
    const off = h.backend.events.subscribe((name, payload) => {
      if (name === 'job.progress' && (payload as { jobId: string; done: number }).jobId === jobId && (payload as { done: number }).done > 0) {
        progressEvents++;
        void h.call('job.cancel', { jobId });
      }
    });
    const err = await h.fail('import.run', { path: big, entity: 'orders', jobId });
    off();
    expect(progressEvents).toBeGreaterThan(0);
    expect(err.code).toBe('CANCELLED');
    expect(h.snapshot()).toEqual(before);
    // And the workspace still imports afterwards (the connection is not left inside a transaction).
    const { batch } = await h.call('import.run', { path: big, entity: 'orders' });
    expect(batch.rowsRead).toBe(ROWS);
    expect(batch.rowsAccepted + batch.rowsRejected + batch.rowsDuplicate).toBe(ROWS);
    expect(batch.rowsRejected).toBe(Math.ceil(ROWS / 17));
    await h.call('import.undo', { batchId: batch.id });
  });

  it('restores dropped indexes on rollback (bulk load path)', async () => {
    const before = h.snapshot();
    const ws = h.backend.requireWorkspace();
    const controller = new AbortController();
    let chunks = 0;
    const run = importFile(
      ws,
      { path: big, entity: 'orders' },
      {
        signal: controller.signal,
        chunkRows: 1000,
        bulkBytes: 0,
        progress: () => {
          chunks++;
          // Mid-load the secondary indexes of orders are gone (rebuilt at the end)...
          if (chunks === 1) {
            const n = (
              ws.sqlite.prepare(`select count(*) as n from sqlite_master where type = 'index' and tbl_name = 'orders' and sql is not null`).get() as {
                n: number;
              }
            ).n;
            expect(n).toBe(0);
            controller.abort();
          }
        },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(chunks).toBe(1);
    // ...and the rollback brings them back with everything else.
    expect(h.snapshot()).toEqual(before);
    expect(ws.sqlite.inTransaction).toBe(false);
  });
});
