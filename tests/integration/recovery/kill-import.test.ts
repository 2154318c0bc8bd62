// A kill during a bulk import: the file is left with a hot rollback journal. The next open through
// the engine (not through another SQLite client) must roll it back, say so, and show exactly the
// state before the import, every index present and the integrity check passing.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { InProcessEngine } from '../../../electron/backend/engine/engine';
import type { WorkspaceInfo } from '../../../shared/domain/engagement';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const root = join(import.meta.dirname, '../../..');

/** Every table's rows, in a stable order, hashed; and the schema's indexes. */
function snapshot(path: string): { digest: string; indexes: string[]; orders: number } {
  const db = new Database(path, { readonly: true });
  try {
    const tables = (
      db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as { name: string }[]
    ).map((t) => t.name);
    const h = createHash('sha256');
    for (const t of tables) {
      if (t === 'audit_log') continue; // the recovery itself is audited
      // Sorted here: WITHOUT ROWID tables have no rowid to order by.
      const rows = (db.prepare(`select * from "${t}"`).raw().all() as unknown[]).map((r) => JSON.stringify(r)).sort();
      for (const row of rows) h.update(row);
    }
    const indexes = (db.prepare(`select name from sqlite_master where type = 'index' order by name`).all() as { name: string }[]).map((i) => i.name);
    const orders = (db.prepare('select count(*) as n from orders').get() as { n: number }).n;
    return { digest: h.digest('hex'), indexes, orders };
  } finally {
    db.close();
  }
}

const MAGIC = 'd9d505f920a163d7';
function journalIsHot(journal: string): boolean {
  if (!existsSync(journal) || statSync(journal).size < 8) return false;
  try {
    return readFileSync(journal).subarray(0, 8).toString('hex') === MAGIC;
  } catch {
    return false;
  }
}

function ordersCsv(path: string, lines: number, customers: number): void {
  const out = ['订单编号,客户编号,下单日期,订单金额'];
  for (let i = 0; i < lines; i += 1) {
    const d = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    out.push(`K${i},C${String(i % customers).padStart(5, '0')},${d},${(100 + (i % 977)).toFixed(2)}`);
  }
  writeFileSync(path, `${out.join('\n')}\n`);
}

describe('a kill during a bulk import', () => {
  it('is rolled back on the next open through the engine, which says so and shows the state before', async () => {
    const dir = tempDir();
    const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
    const ws = join(dir, 'client.rwb');
    expect(rwb(['new', ws, '--client', '测试客户'], env).status).toBe(0);
    const first = join(dir, 'first.csv');
    ordersCsv(first, 2_000, 300);
    expect(rwb(['import', ws, first, '--entity', 'orders', '--unknown-customers', 'create'], env).status).toBe(0);
    const before = snapshot(ws);
    expect(before.orders).toBe(2_000);

    // Large enough for the bulk path (rollback journal, indexes dropped in the transaction).
    const big = join(dir, 'big.csv');
    ordersCsv(big, 400_000, 20_000);
    const child = spawn(process.execPath, [join(root, 'bin/rwb.mjs'), 'import', ws, big, '--entity', 'orders', '--unknown-customers', 'create'], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    const journal = `${ws}-journal`;
    const t0 = Date.now();
    // Wait until the batch has written into the file itself: SQLite fills in the journal's header
    // (its magic number) just before the first page of the database is overwritten. Before that the
    // file is untouched and the journal is not hot.
    while (!journalIsHot(journal)) {
      if (child.exitCode !== null) throw new Error(`import ended before it could be killed (exit ${child.exitCode})`);
      if (Date.now() - t0 > 60_000) throw new Error('no journal appeared');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(journalIsHot(journal)).toBe(true);

    const engine = new InProcessEngine({ host: 'cli', version: 'test', settingsDir: env.RWB_HOME, documentsDir: env.RWB_DOCUMENTS });
    const opened = await engine.call('engagement.open', { path: ws });
    if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.message}`);
    const info = opened.value as WorkspaceInfo;
    expect(info.recovery).toMatchObject({ rolledBack: true });
    expect(existsSync(join(info.recovery!.keptAside, 'client.rwb-journal'))).toBe(true);
    expect(info.counts.orders).toBe(2_000);
    const check = await engine.call('audit.list', { limit: 5 });
    expect(JSON.stringify(check)).toContain('workspace.recovered');
    await engine.close();

    const after = snapshot(ws);
    expect(after.digest).toBe(before.digest);
    expect(after.indexes).toEqual(before.indexes);
    const db = new Database(ws, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // One kept-aside copy, beside the workspace.
    expect(readdirSync(dir).filter((n) => n.startsWith('.recovery-'))).toHaveLength(1);
  }, 180_000);
});
