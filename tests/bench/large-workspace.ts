// The large benchmark workspace, shared by benchmarks: `ensureLargeWorkspace()` builds once (cached
// under bench-data/, gitignored) a workspace of 500,000 customers and 10,000,000 order lines, with
// contracts and one stored diagnostic run, and returns its path. The rows come from the diagnostics
// benchmark's generator (same mulberry32 seed and sequence as tests/bench/diagnose.bench.ts):
// customers spread over industries, regions and owners, a third churning within two years and a
// tenth of those coming back, skewed order counts and sizes, contracts for two in five.
//
// Built with direct prepared inserts into the canonical tables in one transaction, the order
// indexes dropped while loading and rebuilt at the end, the rollback journal in memory, under a
// temporary name renamed into place only when complete (a half-built file is never the cache).
// Measured at the defaults on 2 shared cores (load average 8 to 13 from other work): rows 233 s,
// the stored diagnostic run 92 s, 1.8 GB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkspace } from '../../electron/backend/workspace/workspace';
import { openDatabase } from '../../electron/backend/workspace/db';
import { runAndStore } from '../../electron/backend/diagnostics/run';
import { defaultAnalyticsParams, fromDay, toDay } from '../../shared/analytics';
// mulberry32, not a float LCG: seed * 1103515245 passes 2^53, loses its low bits and cycles after ~16,000 values.
import { mulberry32 } from '../../electron/backend/demo/generator/prng';

export const BENCH_AS_OF = '2026-06-30';
const root = join(fileURLToPath(import.meta.url), '../../..');
const self = fileURLToPath(import.meta.url);

const INDUSTRIES = ['装备制造', '汽车零部件', '新能源', '食品饮料', '医药', '化工', '电子', '纺织', '物流', '建材', '家电', '金属加工'];
const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const SIZES = ['大型', '中型', '小型'];

export interface GeneratedCounts {
  customers: number;
  orderLines: number;
  orders: number;
  contracts: number;
}

/**
 * Writes the canonical rows into `path` (a new workspace built under a temporary name). Rows only,
 * no diagnostic run: the diagnostics benchmark times its own runs.
 */
export async function generateWorkspace(path: string, customers: number, orderLines: number): Promise<GeneratedCounts> {
  const N = customers;
  const LINES = orderLines;
  const rnd = mulberry32(20_260_630);
  const partial = path.replace(/\.rwb$/, '.partial.rwb');
  rmSync(partial, { force: true });
  rmSync(`${partial}-wal`, { force: true });
  rmSync(`${partial}-shm`, { force: true });
  const ws = await createWorkspace(partial, {
    clientName: 'bench',
    industry: null,
    currency: 'CNY',
    locale: 'zh-CN',
    consultant: null,
    startDate: null,
    endDate: null,
    notes: null,
  });
  // A throwaway file until renamed: the rollback journal in memory (SQLite leaves WAL only for a
  // rollback mode, and better-sqlite3's defensive mode refuses OFF), no syncs. The workspace's own
  // connection: its close() leaves the better-sqlite3 handle open, and a second connection could not
  // leave WAL while it is.
  const db = ws.sqlite;
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  // Same end state as an import, built faster: drop the order indexes, insert, recreate.
  const idx = db.prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = 'orders' and sql is not null`).all() as {
    name: string;
    sql: string;
  }[];
  for (const r of idx) db.exec(`drop index ${r.name}`);
  const ins = {
    c: db.prepare('insert into customers (row_key, customer_key, name, industry, segment, region, owner, is_benchmark) values (?, ?, ?, ?, ?, ?, ?, ?)'),
    o: db.prepare('insert into orders (row_key, order_key, customer_key, order_date, amount, quantity, is_return) values (?, ?, ?, ?, ?, ?, ?)'),
    k: db.prepare(
      'insert into contracts (row_key, contract_key, customer_key, start_date, end_date, recurring_value, mrr, cancelled_date) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  };
  const first = toDay('2021-07-01');
  const asOf = toDay(BENCH_AS_OF);
  const span = asOf - first;
  const dates = new Map<number, string>();
  const date = (d: number) => {
    let s = dates.get(d);
    if (!s) dates.set(d, (s = fromDay(d)));
    return s;
  };
  let lines = 0;
  let orderNo = 0;
  let contractNo = 0;
  db.exec('begin');
  for (let c = 0; c < N; c++) {
    const key = `C${String(c).padStart(6, '0')}`;
    ins.c.run(
      key,
      key,
      `客户${c}`,
      INDUSTRIES[Math.floor(rnd() * INDUSTRIES.length)],
      SIZES[Math.floor(rnd() * 3)],
      REGIONS[Math.floor(rnd() * REGIONS.length)],
      `经理${String(Math.floor(rnd() * 150)).padStart(3, '0')}`,
      rnd() < 0.004 ? 1 : 0,
    );
    const start = first + Math.floor(rnd() * span);
    // A third churn within two years; a tenth of those come back after a gap (reactivation).
    const churn = rnd() < 0.33 ? start + 60 + Math.floor(rnd() * 700) : Number.POSITIVE_INFINITY;
    const back = Number.isFinite(churn) && rnd() < 0.1 ? churn + 400 + Math.floor(rnd() * 200) : Number.POSITIVE_INFINITY;
    const budget = LINES - lines;
    const remainingCustomers = N - c;
    const meanLines = budget / remainingCustomers;
    const orders = Math.max(1, Math.round((0.2 + rnd() * rnd() * 3.2) * (meanLines / 2.5)));
    const size = 500 + rnd() * rnd() * 20_000;
    for (let k = 0; k < orders && lines < LINES; k++) {
      let d = start + Math.floor(rnd() * (asOf - start + 1));
      if (d > churn && d < back) d = start + Math.floor(rnd() * Math.max(1, Math.min(churn, asOf) - start));
      if (d > asOf) continue;
      orderNo += 1;
      const ok = `SO${orderNo}`;
      const nLines = 1 + Math.floor(rnd() * rnd() * 5);
      for (let l = 0; l < nLines && lines < LINES; l++) {
        lines += 1;
        ins.o.run(`o${lines}`, ok, key, date(d), Math.round(size * (0.2 + rnd())), 1 + Math.floor(rnd() * 10), 0);
      }
      if (rnd() < 0.03 && lines < LINES) {
        lines += 1;
        orderNo += 1;
        ins.o.run(`o${lines}`, `RT${orderNo}`, key, date(Math.min(asOf, d + 7)), -Math.round(size * 0.3), -1, 1);
      }
    }
    if (rnd() < 0.4) {
      const mrr = Math.round(300 + rnd() * rnd() * 8_000);
      let s = start;
      let m = mrr;
      while (s <= asOf) {
        contractNo += 1;
        const e = s + 364;
        const cancelled = e > churn && s <= churn ? date(Math.max(s, churn)) : null;
        ins.k.run(`k${contractNo}`, `HT${contractNo}`, key, date(s), date(e), m, m, cancelled);
        if (cancelled) break;
        s = e + 1;
        m = Math.round(m * (0.85 + rnd() * 0.35));
      }
    }
  }
  db.exec('commit');
  for (const r of idx) db.exec(r.sql);
  db.exec('analyze');
  db.pragma('journal_mode = DELETE');
  db.close();
  renameSync(partial, path);
  return { customers: N, orderLines: lines, orders: orderNo, contracts: contractNo };
}

/** Rows, then one stored diagnostic run (as of BENCH_AS_OF, default parameters) to page and drill. */
async function buildLarge(path: string, customers: number, orderLines: number): Promise<void> {
  const t0 = performance.now();
  const building = path.replace(/\.rwb$/, '.rows.rwb');
  const counts = await generateWorkspace(building, customers, orderLines);
  const t1 = performance.now();
  const { sqlite } = openDatabase(building, {});
  const run = await runAndStore(sqlite, { params: defaultAnalyticsParams(BENCH_AS_OF), now: '2026-07-01T09:00:00', label: 'bench' });
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  renameSync(building, path);
  const t2 = performance.now();
  console.log(
    `generated ${path}: ${counts.customers.toLocaleString('en')} customers, ${counts.orderLines.toLocaleString('en')} order lines ` +
      `(${counts.orders.toLocaleString('en')} orders), ${counts.contracts.toLocaleString('en')} contracts in ${((t1 - t0) / 1000).toFixed(1)} s; ` +
      `diagnostic run ${run.runId} stored in ${((t2 - t1) / 1000).toFixed(1)} s`,
  );
}

/**
 * The path of the large benchmark workspace, built on first use (in a child process, so the build's
 * memory does not count against the caller's peak RSS). Defaults: 500,000 customers, 10,000,000
 * order lines.
 */
export async function ensureLargeWorkspace(opts: { customers?: number; orderLines?: number } = {}): Promise<string> {
  const customers = opts.customers ?? 500_000;
  const orderLines = opts.orderLines ?? 10_000_000;
  const dir = join(root, 'bench-data');
  // Bump the suffix when the generator or the stored run changes: an old cached file is not reused.
  const path = join(dir, `large-${customers}-${orderLines}-v1.rwb`);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  console.log(`generating ${path} (once; cached) ...`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--build', path, String(customers), String(orderLines)], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(path)) throw new Error(`building ${path} failed (exit ${r.status})`);
  console.log(`  in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${(statSync(path).size / 1e6).toFixed(0)} MB`);
  return path;
}

if (process.argv[1] === self && process.argv[2] === '--build') {
  const [path, n, lines] = process.argv.slice(3);
  await buildLarge(path as string, Number(n), Number(lines));
}
