// `npm run bench -- encryption [rows] [rounds]`: what encryption costs. The same generated orders CSV
// (cached in bench-data/) is imported into a new plain workspace and a new encrypted one (SQLCipher 4),
// then a diagnostic run is stored in each and each is opened again, all in one process through the
// engine's dispatch as the UI calls it, plain and encrypted interleaved `rounds` times (default 3);
// medians are compared. The import is the pipeline's bulk path (rollback journal, indexes rebuilt);
// the run is the cohort/RFM pass over every order line. Opening an encrypted file pays for the key
// derivation (PBKDF2-HMAC-SHA512, 256,000 iterations) twice: the read-only inspection and the
// read-write connection each derive it.
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Backend } from '../../electron/backend/backend';
import { dispatch } from '../../electron/backend/dispatch';
import { createHandlers } from '../../electron/backend/handlers';
import type { ArgsOf, ChannelName, ResultOf } from '../../shared/contract';
import { mulberry32 } from '../../electron/backend/demo/generator/prng';

const ROWS = Number(process.argv[2] ?? 300_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const root = join(import.meta.dirname, '../..');
const dataDir = join(root, 'bench-data');
const csv = join(dataDir, `orders-enc-${ROWS}-v1.csv`);
const PASS = 'benchmark passphrase';

/** Deterministic order lines: 1-4 lines per order, 20k customers, three years (import.bench's shape). */
async function generate(path: string, rows: number): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const out = createWriteStream(path + '.partial');
  const rand = mulberry32(42);
  const products = [
    ['边缘计算网关', 6800],
    ['振动传感器', 980],
    ['安装磁座', 85],
    ['实施服务', 12000],
  ] as const;
  out.write('订单编号,下单日期,客户编号,客户名称,产品名称,数量,单价,订单金额\n');
  let buf = '';
  let order = 0;
  let left = 0;
  let head = '';
  for (let i = 0; i < rows; i++) {
    if (left === 0) {
      order++;
      left = 1 + Math.floor(rand() * 4);
      const day = new Date(Date.UTC(2023, 10, 1) + Math.floor(rand() * 1096) * 86_400_000).toISOString().slice(0, 10);
      const c = 1 + Math.floor(rand() * 20_000);
      head = `XS${String(order).padStart(8, '0')},${day},KH${String(c).padStart(6, '0')},客户${c}有限公司`;
    }
    left--;
    const [name, price] = products[Math.floor(rand() * products.length)]!;
    const qty = 1 + Math.floor(rand() * 20);
    buf += `${head},${name},${qty},${price.toFixed(2)},${(qty * price).toFixed(2)}\n`;
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

const work = mkdtempSync(join(tmpdir(), 'rwb-bench-enc-'));
const backend = new Backend({ host: 'cli', version: 'bench', settingsDir: join(work, 'home'), documentsDir: join(work, 'docs') });
const handlers = createHandlers(backend);
async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const env = await dispatch(backend, handlers, name, args);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as ResultOf<K>;
}
async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await f();
  return [performance.now() - t0, v];
}

interface Round {
  importMs: number;
  diagnoseMs: number;
  openMs: number;
  bytes: number;
}

async function round(kind: 'plain' | 'encrypted', n: number): Promise<Round> {
  const path = join(work, `${kind}-${n}.rwb`);
  const passphrase = kind === 'encrypted' ? { passphrase: PASS } : {};
  await call('engagement.create', { path, meta: { clientName: 'Bench Co' }, ...passphrase });
  const [importMs, run] = await timed(() => call('import.run', { path: csv, entity: 'orders', options: { unknownCustomers: 'create' } }));
  if (run.batch.rowsAccepted !== ROWS) throw new Error(`imported ${run.batch.rowsAccepted} of ${ROWS}`);
  const [diagnoseMs] = await timed(() => call('diagnostics.run', { params: {} }));
  await call('engagement.close', {});
  const [openMs] = await timed(() => call('engagement.open', { path, ...passphrase }));
  await call('engagement.close', {});
  const bytes = statSync(path).size;
  rmSync(path, { force: true });
  return { importMs, diagnoseMs, openMs, bytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!existsSync(csv)) await generate(csv, ROWS);
console.log(`encryption: ${ROWS.toLocaleString('en')} order lines (${(statSync(csv).size / 1e6).toFixed(1)} MB CSV), ${ROUNDS} interleaved rounds`);
const results: Record<'plain' | 'encrypted', Round[]> = { plain: [], encrypted: [] };
for (let n = 0; n < ROUNDS; n++) {
  // Alternate which goes first, so a machine that slows down over the run does not favour one.
  const order = n % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const);
  for (const kind of order) {
    const r = await round(kind, n);
    results[kind].push(r);
    console.log(
      `  round ${n + 1} ${kind.padEnd(9)} import ${(r.importMs / 1000).toFixed(2)} s  diagnose ${(r.diagnoseMs / 1000).toFixed(2)} s  open ${r.openMs.toFixed(0)} ms  file ${(r.bytes / 1e6).toFixed(1)} MB`,
    );
  }
}
const m = (kind: 'plain' | 'encrypted', k: keyof Round) => median(results[kind].map((r) => r[k]));
for (const k of ['importMs', 'diagnoseMs', 'openMs'] as const) {
  const p = m('plain', k);
  const e = m('encrypted', k);
  console.log(
    `median ${k.replace('Ms', '').padEnd(8)} plain ${p.toFixed(0).padStart(7)} ms  encrypted ${e.toFixed(0).padStart(7)} ms  cost ${(e - p).toFixed(0)} ms (${(((e - p) / p) * 100).toFixed(0)}%)`,
  );
}
console.log(`file size: plain ${(m('plain', 'bytes') / 1e6).toFixed(1)} MB, encrypted ${(m('encrypted', 'bytes') / 1e6).toFixed(1)} MB`);
await backend.shutdown();
rmSync(work, { recursive: true, force: true });
