import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/backend/import/import-file';
import { previewImport } from '../../../electron/backend/import/preview';
import { produceRows, type ProducedChunk, type ProducerSetup } from '../../../electron/backend/import/produce';
import { produceInWorker, producerEntry } from '../../../electron/backend/import/produce-thread';
import { DEFAULT_IMPORT_OPTIONS, type MappingEntry } from '../../../shared/import/batch';
import { tempDir } from '../../helpers/temp';
import { fixture, importHarness } from './harness';

// Large files are read, parsed and keyed in a worker thread while the pipeline writes. The worker
// must produce exactly what the pipeline's own thread would, hand back the reader's coded errors,
// stop on cancel with nothing written, and the bulk load's switch to a rollback journal must leave
// the workspace in WAL mode afterwards, however the batch ended.

const dir = tempDir('rwb-import-worker-');
const big = join(dir, 'big.csv');
const ROWS = 12_000;
let h: ReturnType<typeof importHarness>;
let badLines = 0;

beforeAll(async () => {
  // Order lines with a bad price every 17th row, a repeated line within an order every 500th, and
  // customers C0..C299 of which the customer list has none: stubs are created.
  const lines = ['订单编号,客户编号,客户名称,下单日期,数量,单价'];
  for (let i = 0; i < ROWS; i++) {
    const line = `XS${i >> 1},C${i % 300},客户${i % 300},2024-0${1 + (i % 9)}-1${i % 10},${1 + (i % 5)},${i % 17 === 0 ? 'bad' : '12.5'}`;
    lines.push(line);
    if (i % 500 === 1) lines.push(line);
  }
  badLines = lines.filter((l) => l.endsWith(',bad')).length;
  writeFileSync(big, lines.join('\n') + '\n');
  h = importHarness(dir);
});
afterAll(async () => {
  await h.close();
});

async function setupFor(path: string, entity: 'orders'): Promise<ProducerSetup> {
  const p = await previewImport(path, { entity, sampleRows: 20 });
  const mapping: MappingEntry[] = (p.mapping?.assignments ?? []).map(({ field, column, header }) => ({ field, column, header }));
  return {
    path,
    entity,
    read: p.plan.read,
    headers: p.headers,
    mapping,
    options: { ...DEFAULT_IMPORT_OPTIONS, unknownCustomers: 'create' },
    currency: 'CNY',
    locale: 'zh-CN',
    knownCustomers: ['C1', 'C2'],
    chunkRows: 700,
    readBytes: 16 * 1024,
  };
}

async function collect(chunks: AsyncIterable<ProducedChunk>): Promise<ProducedChunk[]> {
  const out: ProducedChunk[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

describe('the producer in a worker thread', () => {
  it('yields the same chunks as on the pipeline thread', async () => {
    const entry = producerEntry();
    expect(entry).not.toBeNull();
    const setup = await setupFor(big, 'orders');
    const [inline, threaded] = await Promise.all([collect(produceRows(setup)), collect(produceInWorker(entry!, setup))]);
    expect(threaded).toEqual(inline);
    const read = inline.reduce((n, c) => n + c.rowsRead, 0);
    expect(read).toBe(ROWS + Math.ceil(ROWS / 500));
    expect(inline.reduce((n, c) => n + c.rowsRejected, 0)).toBeGreaterThan(0);
    // C1 and C2 are known; the other 298 customers are asked for once each.
    expect(inline.flatMap((c) => c.stubs)).toHaveLength(298);
  });

  it("hands back the reader's coded error", async () => {
    const setup = { ...(await setupFor(big, 'orders')), path: fixture('messy.xlsx'), read: { format: 'xlsx' as const, sheet: '没有这个表', headerRow: 1 } };
    await expect(collect(produceInWorker(producerEntry()!, setup))).rejects.toMatchObject({ name: 'ImportFileError', code: 'sheet_not_found' });
  });

  it('imports through the worker with the same outcome as without it', async () => {
    const outcome = async (workerBytes: number) => {
      await h.newEngagement();
      const ws = h.backend.requireWorkspace();
      const { batch } = await importFile(
        ws,
        { path: big, entity: 'orders', options: { unknownCustomers: 'create' } },
        { workerBytes, bulkBytes: 0, chunkRows: 500 },
      );
      const rows = ws.sqlite.prepare('select row_key, order_key, customer_key, order_date, amount, quantity, unit_price from orders order by id').all();
      const rejects = ws.sqlite.prepare('select row_number, column_name, raw_value, reason_code, reason from import_reject order by id').all();
      const { id: _id, startedAt: _s, finishedAt: _f, durationMs: _d, ...counts } = batch;
      return { counts, rows, rejects, journal: ws.sqlite.pragma('journal_mode', { simple: true }) };
    };
    const threaded = await outcome(0);
    const inline = await outcome(Number.MAX_SAFE_INTEGER);
    expect(threaded).toEqual(inline);
    expect(threaded.counts.rowsAccepted + threaded.counts.rowsRejected + threaded.counts.rowsDuplicate).toBe(threaded.counts.rowsRead);
    // The repeated lines are kept as lines of their order, not dropped as duplicates.
    expect(threaded.counts.rowsDuplicate).toBe(0);
    expect(threaded.counts.rowsRejected).toBe(badLines);
    // The bulk load ran in a rollback journal and gave WAL back.
    expect(threaded.journal).toBe('wal');
  });

  it('cancel stops the worker, rolls back, and gives WAL back', async () => {
    await h.newEngagement();
    await h.call('import.run', { path: fixture('orders-lines.csv'), entity: 'orders' });
    const before = h.snapshot();
    const ws = h.backend.requireWorkspace();
    const controller = new AbortController();
    const run = importFile(
      ws,
      { path: big, entity: 'orders' },
      {
        signal: controller.signal,
        workerBytes: 0,
        bulkBytes: 0,
        chunkRows: 500,
        progress: () => {
          // Mid-load, the bulk batch writes through a rollback journal.
          expect(ws.sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
          controller.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(h.snapshot()).toEqual(before);
    expect(ws.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    // The workspace imports again afterwards.
    const { batch } = await h.call('import.run', { path: big, entity: 'orders' });
    expect(batch.rowsAccepted + batch.rowsRejected + batch.rowsDuplicate).toBe(batch.rowsRead);
  });
});
