import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0015_clv', () => {
  it('adds CLV runs and their per-customer figures, paged through an index per sort; deleting a run deletes its rows', async () => {
    const { sqlite, raw, upgrade, downgrade } = await beforeMigration(dir, '0015_clv');
    sqlite.prepare(`insert into customers (customer_key, name, row_key) values ('A', '甲', 'r1')`).run();
    await upgrade();
    sqlite
      .prepare(
        `insert into clv_run (id, created_at, params, as_of, model, status, verdict, log_likelihood, customers, total_clv, results) values (1, '2026-12-04T10:00:00', '{}', '2026-10-31', 'bgnbd', 'converged', 'suits', -9582.4, 2, 150, '{}')`,
      )
      .run();
    const row = sqlite.prepare(
      `insert into clv_customer (run_id, customer_key, frequency, recency, age, monetary, p_alive, p_alive_horizon, expected_purchases, expected_spend, clv) values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    row.run('A', 2, 30, 40, 20, 0.7, 0.5, 1.2, 22, 100);
    row.run('B', 0, 0, 40, 0, 1, 0.6, 0.2, null, null);
    for (const [col, index] of [
      ['clv', 'clv_customer_by_clv'],
      ['p_alive', 'clv_customer_by_p_alive'],
      ['expected_purchases', 'clv_customer_by_expected_purchases'],
    ] as const) {
      const q = `select customer_key from clv_customer where run_id = ? order by ${col} desc, customer_key desc limit 10`;
      expect(JSON.stringify(sqlite.prepare(`explain query plan ${q}`).all(1))).toContain(index);
    }
    expect(sqlite.prepare(`select customer_key from clv_customer where run_id = 1 order by p_alive desc`).pluck().all()).toEqual(['B', 'A']);
    sqlite.pragma('foreign_keys = on');
    sqlite.prepare(`delete from clv_run where id = 1`).run();
    expect(sqlite.prepare(`select count(*) from clv_customer`).pluck().get()).toBe(0);
    expect(sqlite.prepare(`select name from customers`).pluck().all()).toEqual(['甲']);
    await downgrade();
    expect(sqlite.prepare(`select name from sqlite_master where name like 'clv_%'`).all()).toEqual([]);
    await raw.destroy();
  });
});
