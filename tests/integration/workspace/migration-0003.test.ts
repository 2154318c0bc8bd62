import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

// Migrate to the step before 0003, insert a batch, a reject and rows of that time, migrate through
// 0003, assert the old rows are intact with the new columns' defaults and the new table's rules hold.
const dir = tempDir();

describe('migration 0003_import', () => {
  it('adds batch summary columns, reject parameters and saved mappings, keeping existing batches', async () => {
    const { sqlite, previous, upgrade, downgrade, close } = await beforeMigration(dir, '0003_import');
    expect(previous).toBe('0002_canonical_data');
    const batch = sqlite
      .prepare(
        `insert into import_batch (entity, file_name, file_hash, file_size, mapping, rows_read, rows_accepted, rows_rejected, started_at) values ('orders', 'a.csv', 'h', 10, '{"订单编号":"order_key"}', 3, 2, 1, '2026-01-01T00:00:00Z')`,
      )
      .run().lastInsertRowid;
    sqlite.prepare(`insert into import_reject (batch_id, row_number, reason_code, reason) values (?, 3, 'date_impossible', '日期不存在')`).run(batch);
    sqlite
      .prepare(`insert into orders (row_key, batch_id, order_key, customer_key, order_date, amount) values ('k1', ?, 'A1', 'C1', '2024-01-01', 5)`)
      .run(batch);
    await upgrade();

    expect(sqlite.prepare('select rows_read, plan, customers_created, unknown_customers, date_min, undone_at from import_batch').get()).toEqual({
      rows_read: 3,
      plan: '{}',
      customers_created: 0,
      unknown_customers: 0,
      date_min: null,
      undone_at: null,
    });
    expect(sqlite.prepare('select reason_code, reason_params from import_reject').get()).toEqual({ reason_code: 'date_impossible', reason_params: '{}' });
    expect(sqlite.prepare('select order_key from orders').get()).toEqual({ order_key: 'A1' });

    const save = sqlite.prepare(`insert into import_mapping (system, entity, mapping, created_at, updated_at) values (?, ?, '{}', 'a', 'a')`);
    save.run('金蝶K3', 'orders');
    save.run('金蝶K3', 'customers');
    expect(() => save.run('金蝶K3', 'orders')).toThrow(/UNIQUE/);
    const indexes = (
      sqlite.prepare(`select name from sqlite_master where type = 'index' and name in ('import_batch_entity', 'import_reject_reason') order by 1`).all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(['import_batch_entity', 'import_reject_reason']);

    // And back down: the columns and the table go, the old rows stay.
    await downgrade();
    expect(sqlite.prepare(`select count(*) as n from sqlite_master where name = 'import_mapping'`).get()).toEqual({ n: 0 });
    expect(sqlite.prepare('select rows_read from import_batch').get()).toEqual({ rows_read: 3 });
    await close();
  });
});
