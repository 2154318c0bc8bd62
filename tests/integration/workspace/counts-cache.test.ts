import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { describeWorkspace } from '../../../electron/backend/workspace/workspace';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';

const insertCustomer = (db: Database.Database, key: string) =>
  db.prepare('insert into customers (row_key, customer_key, name) values (?, ?, ?)').run(`k:${key}`, key, key);

describe('engagement row counts (cached between changes)', () => {
  it('recounts after its own writes and after another connection commits, and not otherwise', async () => {
    const ws = await newWorkspace(tempDir());
    expect((await describeWorkspace(ws)).counts.customers).toBe(0);
    insertCustomer(ws.sqlite, 'C1');
    expect((await describeWorkspace(ws)).counts.customers).toBe(1);
    // A job thread's connection: its commit moves data_version on ours.
    const other = new Database(ws.path);
    insertCustomer(other, 'C2');
    other.close();
    expect((await describeWorkspace(ws)).counts.customers).toBe(2);
    // Unchanged data: the cached counts are served; no count(*) statement is prepared.
    const spy = ws.sqlite.prepare.bind(ws.sqlite);
    let prepared = 0;
    (ws.sqlite as { prepare: typeof spy }).prepare = ((src: string) => {
      if (/count\(\*\)/.test(src)) prepared += 1;
      return spy(src);
    }) as typeof spy;
    await describeWorkspace(ws);
    await describeWorkspace(ws);
    expect(prepared).toBe(0);
    await ws.close();
  });
});
