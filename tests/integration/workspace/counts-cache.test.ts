import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { describeWorkspace } from '../../../electron/backend/workspace/workspace';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';

const insertCustomer = (db: Database.Database, key: string) =>
  db.prepare('insert into customers (row_key, customer_key, name) values (?, ?, ?)').run(`k:${key}`, key, key);

describe('engagement row counts (cached between changes)', () => {
  it('recounts after its own writes, and not after a job thread commits a run or when nothing changed', async () => {
    const ws = await newWorkspace(tempDir());
    expect((await describeWorkspace(ws)).counts.customers).toBe(0);
    insertCustomer(ws.sqlite, 'C1');
    expect((await describeWorkspace(ws)).counts.customers).toBe(1);
    const spy = ws.sqlite.prepare.bind(ws.sqlite);
    let prepared = 0;
    (ws.sqlite as { prepare: typeof spy }).prepare = ((src: string) => {
      if (/count\(\*\)/.test(src)) prepared += 1;
      return spy(src);
    }) as typeof spy;
    // A job thread's connection commits a run: the client's rows are unchanged, nothing is recounted.
    const other = new Database(ws.path);
    other.prepare(`insert into audit_log (at, action, detail) values ('2026-01-01', 'diagnostics.run', '{}')`).run();
    other.close();
    await describeWorkspace(ws);
    await describeWorkspace(ws);
    expect(prepared).toBe(0);
    // Its own write (an import, an undo, an erasure) recounts.
    insertCustomer(ws.sqlite, 'C2');
    expect((await describeWorkspace(ws)).counts.customers).toBe(2);
    expect(prepared).toBe(1);
    await ws.close();
  });
});
