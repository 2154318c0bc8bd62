// `npm run bench -- import [rows]`: a generated 1,000,000-row orders CSV (cached in bench-data/)
// imported through the pipeline into a fresh workspace (timed, peak RSS sampled), next to the sqlite3
// shell's `.import --csv` of the same file into a plain in-memory table, which does no typing,
// validation, keys or indexes. The issue's target: within 2x of sqlite3's time, under 400 MB peak.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../../electron/backend/import/import-file';
import { createWorkspace } from '../../electron/backend/workspace/workspace';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const root = join(import.meta.dirname, '../..');
const dataDir = join(root, 'bench-data');
const csv = join(dataDir, `orders-${ROWS}.csv`);

/** Deterministic order lines: 1-4 lines per order, 20k customers, dates over three years. */
async function generate(path: string, rows: number): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const out = createWriteStream(path + '.partial');
  let seed = 42;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const products = [['边缘计算网关', '硬件', 6800], ['振动传感器', '硬件', 980], ['安装磁座', '备件耗材', 85], ['传感器电池包', '备件耗材', 168], ['实施服务', '服务', 12000], ['培训服务', '服务', 3000]] as const;
  const channels = ['直销', '代理商', '电商'];
  out.write('订单编号,下单日期,客户编号,客户名称,产品名称,产品类别,数量,单价,订单金额,渠道\n');
  let buf = '';
  let order = 0;
  let linesLeft = 0;
  let orderHead = '';
  for (let i = 0; i < rows; i++) {
    if (linesLeft === 0) {
      order++;
      linesLeft = 1 + Math.floor(rand() * 4);
      const day = new Date(Date.UTC(2023, 10, 1) + Math.floor(rand() * 1096) * 86_400_000).toISOString().slice(0, 10);
      const c = 1 + Math.floor(rand() * 20_000);
      orderHead = `XS${String(order).padStart(8, '0')},${day},KH${String(c).padStart(6, '0')},客户${c}有限公司`;
    }
    linesLeft--;
    const [name, cat, price] = products[Math.floor(rand() * products.length)]!;
    const qty = 1 + Math.floor(rand() * 20);
    buf += `${orderHead},${name},${cat},${qty},${price.toFixed(2)},${(qty * price).toFixed(2)},${channels[Math.floor(rand() * 3)]}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'close');
  const { renameSync } = await import('node:fs');
  renameSync(path + '.partial', path);
}

function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

async function main(): Promise<void> {
  if (!existsSync(csv)) {
    process.stdout.write(`generating ${csv} ...\n`);
    await generate(csv, ROWS);
  }
  const mb = statSync(csv).size / 1024 / 1024;
  process.stdout.write(`file: ${csv} (${ROWS.toLocaleString('en')} rows, ${mb.toFixed(1)} MB)\n`);

  // sqlite3 first, so the pipeline's run does not warm the page cache for it alone.
  const s0 = performance.now();
  const shell = spawnSync('/usr/bin/sqlite3', [':memory:', `.import --csv ${csv} t`, 'select count(*) from t;'], { encoding: 'utf8' });
  const sqliteMs = performance.now() - s0;
  if (shell.status !== 0) throw new Error(`sqlite3 failed: ${shell.stderr}`);

  const dir = mkdtempSync(join(tmpdir(), 'rwb-bench-import-'));
  try {
    const ws = await createWorkspace(join(dir, 'bench.rwb'), {
      clientName: 'bench', industry: null, currency: 'CNY', locale: 'zh-CN', consultant: null, startDate: '2026-01-01', endDate: null, notes: null,
    });
    globalThis.gc?.();
    const rss = rssSampler();
    const t0 = performance.now();
    const { batch } = await importFile(ws, { path: csv, entity: 'orders', options: { unknownCustomers: 'create' } });
    const ms = performance.now() - t0;
    const peak = rss.stop();
    await ws.close();
    const ok = batch.rowsRead === ROWS && batch.rowsAccepted + batch.rowsRejected + batch.rowsDuplicate === batch.rowsRead;
    const line = (name: string, t: number, extra: string) => `${name.padEnd(34)} ${(t / 1000).toFixed(2).padStart(7)} s   ${extra}`;
    process.stdout.write(
      [
        '',
        line('sqlite3 .import --csv (:memory:)', sqliteMs, `rows ${shell.stdout.trim()}`),
        line('rwb import pipeline (orders)', ms, `read ${batch.rowsRead}, accepted ${batch.rowsAccepted}, rejected ${batch.rowsRejected}, duplicate ${batch.rowsDuplicate}, customers created ${batch.customersCreated}`),
        '',
        `ratio pipeline / sqlite3: ${(ms / sqliteMs).toFixed(2)}x (target <= 2x)`,
        `peak RSS during import: ${(peak / 1024 / 1024).toFixed(0)} MB (target < 400 MB)`,
        `counts add up: ${ok ? 'yes' : 'NO'}`,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
