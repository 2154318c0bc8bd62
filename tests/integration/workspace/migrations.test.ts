import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../../../electron/backend/workspace/db';
import { migrateTo } from '../../../electron/backend/workspace/migrate';
import { migrationNames } from '../../../electron/backend/workspace/migrations';
import { tempDir } from '../../helpers/temp';

// Each migration: migrate to N-1, insert rows of that time, migrate to N, assert.
const dir = tempDir();
let i = 0;
function fresh() {
  const opened = openDatabase(join(dir, `m-${++i}.sqlite`), { create: true });
  return { ...opened, raw: opened.db as unknown as Kysely<unknown> };
}
async function tables(db: Kysely<unknown>): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
  return r.rows.map((x) => x.name);
}

describe('migrations', () => {
  it('are numbered and apply in order', () => {
    expect(migrationNames).toEqual([...migrationNames].sort());
    const numbers = migrationNames.map((n) => Number(n.slice(0, 4)));
    migrationNames.forEach((n) => expect(n).toMatch(/^\d{4}_[a-z0-9_]+$/));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('0001_engagement creates the engagement, audit log and settings tables', async () => {
    const { raw, sqlite } = fresh();
    await migrateTo(raw, '0001_engagement');
    expect(await tables(raw)).toEqual(expect.arrayContaining(['engagement', 'audit_log', 'workspace_setting']));
    sqlite.prepare(`insert into engagement (id, client_name, created_at, updated_at) values (1, '甲', 'x', 'x')`).run();
    // exactly one engagement per workspace
    expect(() => sqlite.prepare(`insert into engagement (id, client_name, created_at, updated_at) values (2, '乙', 'x', 'x')`).run()).toThrow();
    await raw.destroy();
  });

  it('0002_canonical_data keeps the engagement and adds the canonical tables', async () => {
    const { raw, sqlite } = fresh();
    await migrateTo(raw, '0001_engagement');
    sqlite.prepare(`insert into engagement (id, client_name, created_at, updated_at) values (1, '华东制造', 'a', 'b')`).run();
    sqlite.prepare(`insert into audit_log (at, action) values ('a', 'workspace.create')`).run();
    await migrateTo(raw, '0002_canonical_data');
    expect(sqlite.prepare('select client_name from engagement').get()).toEqual({ client_name: '华东制造' });
    expect(await tables(raw)).toEqual(
      expect.arrayContaining(['import_batch', 'import_reject', 'customers', 'orders', 'contracts', 'interactions', 'tickets', 'surveys', 'usage', 'projects']),
    );
    // order lines: the same order id on many rows is allowed; the row key is unique
    sqlite.prepare(`insert into orders (row_key, order_key, customer_key, order_date, amount) values ('l1', 'SO-1', 'C1', '2024-01-01', 10)`).run();
    sqlite.prepare(`insert into orders (row_key, order_key, customer_key, order_date, amount) values ('l2', 'SO-1', 'C1', '2024-01-01', 5)`).run();
    expect(() =>
      sqlite.prepare(`insert into orders (row_key, order_key, customer_key, order_date, amount) values ('l2', 'SO-1', 'C1', '2024-01-01', 5)`).run(),
    ).toThrow(/UNIQUE/);
    expect(() => sqlite.prepare(`insert into surveys (row_key, customer_key, date, nps) values ('s', 'C1', '2024-01-01', 11)`).run()).toThrow(/CHECK/);
    await raw.destroy();
  });
});
