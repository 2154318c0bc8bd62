import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0013_customer_attributes', () => {
  it('adds typed customer attributes and the two import figures, keeps batches, and goes back down', async () => {
    const { sqlite, raw, upgrade, downgrade } = await beforeMigration(dir, '0013_customer_attributes');
    sqlite
      .prepare(
        `insert into import_batch (id, entity, file_name, file_hash, file_size, mapping, options, started_at) values (1, 'customers', 'c.csv', 'h', 10, '[]', '{}', 'x')`,
      )
      .run();
    await upgrade();
    expect(sqlite.prepare('select ids_unfloated, names_from_ids from import_batch where id = 1').get()).toEqual({ ids_unfloated: 0, names_from_ids: 0 });

    sqlite.prepare(`insert into customer_attribute_def (name, type, batch_id) values ('tenure', 'number', 1), ('细分', 'category', 1)`).run();
    expect(() => sqlite.prepare(`insert into customer_attribute_def (name, type) values ('x', 'text')`).run()).toThrow(/CHECK/);
    const put = sqlite.prepare('insert into customer_attribute (customer_key, name, value, batch_id) values (?, ?, ?, 1)');
    put.run('C1', 'tenure', 12);
    put.run('C2', 'tenure', 3.5);
    put.run('C1', '细分', '公司');
    put.run('C2', '细分', '消费者');
    expect(() => put.run('C1', 'tenure', 13)).toThrow(/UNIQUE|PRIMARY/);
    // Numbers stay numbers (a breakdown by a number attribute compares them as such).
    expect(sqlite.prepare(`select customer_key, typeof(value) as t from customer_attribute where name = 'tenure' order by value`).all()).toEqual([
      { customer_key: 'C2', t: 'real' },
      { customer_key: 'C1', t: 'integer' },
    ]);
    // A filter on one value reads the value index alone.
    const filter = `select customer_key from customer_attribute where name = ? and value = ?`;
    expect(JSON.stringify(sqlite.prepare(`explain query plan ${filter}`).all('细分', '公司'))).toContain('COVERING INDEX customer_attribute_by_value');
    expect(sqlite.prepare(filter).pluck().all('细分', '公司')).toEqual(['C1']);

    await downgrade();
    expect(sqlite.prepare(`select name from sqlite_master where name like 'customer_attribute%'`).all()).toEqual([]);
    expect(Object.keys(sqlite.prepare('select * from import_batch where id = 1').get() as object)).not.toContain('ids_unfloated');
    await raw.destroy();
  });
});
