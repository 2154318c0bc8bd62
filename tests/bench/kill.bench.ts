// Kill harness: `npm run bench -- kill [rounds per job, default 8]`. Each round copies a prepared
// workspace, starts a job as a user would (`rwb` in its own process: an import, an undo, a health
// run, a report export), kills it with SIGKILL at a random moment of its measured duration, then
// opens the workspace through the engine (`rwb info`, which recovers an interrupted job) and checks:
// the open succeeds, `pragma integrity_check` passes, and every table holds the before or the after
// state of the job, never a mix (the row counts of all tables, compared as one vector). Leftover
// temporary folders of the killed process must be gone after the next start.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { mulberry32 } from '../../electron/backend/demo/generator/prng';

const root = join(import.meta.dirname, '../..');
const rounds = Number(process.argv[2] ?? 8);
const dir = mkdtempSync(join(tmpdir(), 'rwb-kill-'));
const tmp = join(dir, 'tmp');
mkdirSync(tmp);
const env = { ...process.env, RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), TMPDIR: tmp };
const rnd = mulberry32(20_261_204);

function rwb(args: string[]): { status: number; stdout: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/rwb.mjs'), ...args], { env, encoding: 'utf8', timeout: 600_000 });
  return { status: r.status ?? -1, stdout: r.stdout };
}

/** Row counts of every table but the audit log (the recovery itself is audited): the state as one vector. */
function state(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = (
      db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'audit_log' order by name`).all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    return tables.map((t) => `${t}=${(db.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n}`).join(' ');
  } finally {
    db.close();
  }
}

function integrity(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

function ordersCsv(path: string, lines: number): void {
  const out = ['订单编号,客户编号,下单日期,订单金额'];
  for (let i = 0; i < lines; i += 1) out.push(`KX${i},KC${i % 9000},2026-0${1 + (i % 9)}-1${i % 10},${100 + (i % 977)}.50`);
  writeFileSync(path, `${out.join('\n')}\n`);
}

interface Job {
  name: string;
  base: string;
  args: (ws: string) => string[];
}

async function timed(args: string[]): Promise<number> {
  const t0 = performance.now();
  const r = rwb(args);
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
  return performance.now() - t0;
}

async function killAt(args: string[], ms: number): Promise<boolean> {
  const child = spawn(process.execPath, [join(root, 'bin/rwb.mjs'), ...args], { env, stdio: 'ignore' });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const done = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
  if (!done) {
    child.kill('SIGKILL');
    await exited;
  }
  return !done;
}

async function main(): Promise<void> {
  process.stdout.write(`kill harness: ${rounds} kills per job, workspaces under ${dir}\n`);
  const demo = join(dir, 'demo.rwb');
  if (rwb(['demo', demo]).status !== 0 || rwb(['diagnose', demo]).status !== 0) throw new Error('demo failed');
  const orders = join(dir, 'orders.csv');
  ordersCsv(orders, 300_000);
  const imported = join(dir, 'imported.rwb');
  copyFileSync(demo, imported);
  if (rwb(['import', imported, orders, '--entity', 'orders', '--unknown-customers', 'create']).status !== 0) throw new Error('import failed');
  const batches = JSON.parse(rwb(['imports', imported, '--json']).stdout) as { id: number }[];
  const lastBatch = Math.max(...batches.map((b) => b.id));
  const jobs: Job[] = [
    { name: 'import', base: demo, args: (ws) => ['import', ws, orders, '--entity', 'orders', '--unknown-customers', 'create'] },
    { name: 'undo', base: imported, args: (ws) => ['undo-import', ws, String(lastBatch)] },
    { name: 'health run', base: demo, args: (ws) => ['health', ws] },
    { name: 'report export', base: demo, args: (ws) => ['report', ws, '--xlsx', join(dir, 'r.xlsx'), '--pdf', join(dir, 'r.pdf')] },
  ];
  const rows: string[] = [];
  let bad = 0;
  for (const job of jobs) {
    const ws = join(dir, 'work.rwb');
    const reset = () => {
      for (const suffix of ['', '-wal', '-shm', '-journal', '-lock']) rmSync(`${ws}${suffix}`, { force: true });
      copyFileSync(job.base, ws);
    };
    reset();
    // Opened once first, so a pending migration is not mistaken for the job's doing.
    if (rwb(['info', ws]).status !== 0) throw new Error('open failed');
    const before = state(ws);
    const duration = await timed(job.args(ws));
    const after = state(ws);
    const tally = { killed: 0, before: 0, after: 0, mixed: 0, openFailed: 0, integrity: 0, leftovers: 0 };
    for (let i = 0; i < rounds; i += 1) {
      reset();
      const killed = await killAt(job.args(ws), duration * (0.05 + 0.9 * rnd()));
      if (killed) tally.killed += 1;
      const open = rwb(['info', ws, '--json']);
      if (open.status !== 0) tally.openFailed += 1;
      if (integrity(ws) !== 'ok') tally.integrity += 1;
      const now = state(ws);
      if (now === before) tally.before += 1;
      else if (now === after) tally.after += 1;
      else {
        tally.mixed += 1;
        process.stdout.write(`  ${job.name}: mixed state\n    before ${before}\n    after  ${after}\n    now    ${now}\n`);
      }
      tally.leftovers += readdirSync(tmp).filter((n) => n.startsWith('rwb-tmp-')).length;
    }
    bad += tally.mixed + tally.openFailed + tally.integrity + tally.leftovers;
    rows.push(
      `${job.name.padEnd(14)} ${(duration / 1000).toFixed(1).padStart(6)} s ${String(tally.killed).padStart(7)} ${String(tally.before).padStart(7)} ${String(tally.after).padStart(6)} ${String(tally.mixed).padStart(6)} ${String(tally.openFailed).padStart(12)} ${String(tally.integrity).padStart(10)} ${String(tally.leftovers).padStart(10)}`,
    );
  }
  process.stdout.write(
    `\n${'job'.padEnd(14)} ${'full'.padStart(8)} ${'killed'.padStart(7)} ${'before'.padStart(7)} ${'after'.padStart(6)} ${'mixed'.padStart(6)} ${'open failed'.padStart(12)} ${'integrity'.padStart(10)} ${'leftovers'.padStart(10)}\n${rows.join('\n')}\n`,
  );
  process.stdout.write(`\n${bad === 0 ? 'every kill left the before or the after state, intact and openable' : `${bad} FAILURES`}\n`);
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  process.exit(bad === 0 ? 0 : 1);
}

await main();
