// The import benchmark's storage floor, run by import.bench.ts in a process of its own:
// `node --import tsx tests/bench/import-floor.ts WORKSPACE CSV` prints `{"ms": N}`.
//
// What any import into this workspace pays, whatever its parser: the generated orders file is split
// on commas up front (it has no quotes) and the rows are held in memory, then only the storage is
// timed, exactly as the pipeline stores a bulk batch: the same journal switch, page cache, statement
// (insert-sql.ts), foreign key and unique row-key checks, and secondary indexes rebuilt at the end,
// in one transaction. No reading, decoding, typing, validation, fingerprinting or quality figures.
// If this alone takes more than twice the sqlite3 shell's time, no pipeline on this schema can meet
// a 2x target.
import { readFileSync, statSync } from 'node:fs';
import { bulkIndexes } from '../../electron/backend/import/bulk-indexes';
import { bulkJournal } from '../../electron/backend/import/bulk-journal';
import { entityRowBuilder } from '../../electron/backend/import/entity-rows';
import { GROUP, insertSql } from '../../electron/backend/import/insert-sql';
import { openDatabase } from '../../electron/backend/workspace/db';

const [workspace, csv] = process.argv.slice(2);
if (!workspace || !csv) throw new Error('usage: import-floor.ts WORKSPACE CSV');

// The generated file's header (import.bench.ts), by the column each one is stored in.
const SOURCE: Record<string, string> = {
  order_key: '订单编号',
  order_date: '下单日期',
  customer_key: '客户编号',
  product: '产品名称',
  category: '产品类别',
  quantity: '数量',
  unit_price: '单价',
  amount: '订单金额',
  channel: '渠道',
};
const NUMERIC = new Set(['quantity', 'unit_price', 'amount']);

const { columns } = entityRowBuilder('orders');
const lines = readFileSync(csv, 'utf8').split('\n');
const header = lines[0]!.split(',');
const at = columns.map((c) => (c === 'is_return' ? -1 : header.indexOf(SOURCE[c] ?? '')));
const missing = columns.filter((c, i) => c !== 'is_return' && at[i]! < 0);
if (missing.length > 0) throw new Error(`the file has no column for ${missing.join(', ')}`);
const amountAt = columns.indexOf('amount');
const orderKeyAt = header.indexOf(SOURCE.order_key!);

// Each row as the pipeline binds it: the row key, then the builder's columns. The key has the shape
// of a real order-line key (order id, separator, 16 characters) and grows in file order as they do.
const width = 1 + columns.length;
const rows: unknown[] = [];
for (let n = 1; n < lines.length; n++) {
  const line = lines[n]!;
  if (line === '') continue;
  const cells = line.split(',');
  if (cells.length !== header.length) throw new Error(`line ${n + 1} has ${cells.length} cells, not ${header.length}`);
  rows.push(`${cells[orderKeyAt]}\u001f${n.toString(36).padStart(16, '0')}`);
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    if (c === 'is_return') rows.push(Number(cells[at[amountAt]!]) < 0 ? 1 : 0);
    else rows.push(NUMERIC.has(c) ? Number(cells[at[i]!]) : cells[at[i]!]);
  }
}
lines.length = 0;

const fileBytes = statSync(csv).size;
const { sqlite } = openDatabase(workspace);
const t0 = performance.now();
sqlite.pragma('cache_size = -32768');
const journal = bulkJournal(sqlite);
sqlite.exec('begin immediate');
const batchId = Number(
  sqlite
    .prepare(`insert into import_batch (entity, file_name, file_hash, file_size, status, started_at) values ('orders', 'floor', '', ?, 'committed', ?)`)
    .run(fileBytes, new Date().toISOString()).lastInsertRowid,
);
const indexes = bulkIndexes(sqlite, 'orders', fileBytes, 0, 0);
const insert = sqlite.prepare(insertSql('orders', columns, batchId, false, GROUP));
const one = sqlite.prepare(insertSql('orders', columns, batchId, false));
const stride = GROUP * width;
let from = 0;
for (; from + stride <= rows.length; from += stride) insert.run(rows.slice(from, from + stride));
for (; from < rows.length; from += width) one.run(rows.slice(from, from + width));
indexes.restore();
sqlite.exec('commit');
journal.restore();
const ms = performance.now() - t0;
const stored = Number(sqlite.prepare('select count(*) from orders').pluck().get());
sqlite.close();
if (stored * width !== rows.length) throw new Error(`stored ${stored} rows of ${rows.length / width}`);
process.stdout.write(JSON.stringify({ ms }) + '\n');
