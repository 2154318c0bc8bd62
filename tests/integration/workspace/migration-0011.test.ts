import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0011_churn', () => {
  it('adds churn runs and their per-customer scores, paged through an index per sort; deleting a run deletes its scores', async () => {
    const { sqlite, raw, upgrade, downgrade } = await beforeMigration(dir, '0011_churn');
    // Data of the time stays as it was.
    sqlite.prepare(`insert into customers (customer_key, name, row_key) values ('A', '甲', 'r1')`).run();
    await upgrade();
    sqlite
      .prepare(
        `insert into churn_run (id, created_at, params, scored_as_of, status, roc_auc, customers, results) values (1, '2026-12-04T10:00:00', '{}', '2026-10-31', 'ok', 0.8, 2, '{}')`,
      )
      .run();
    const score = sqlite.prepare(
      `insert into churn_score (run_id, customer_key, name, probability, rank, revenue_12m, revenue_at_stake) values (1, ?, ?, ?, ?, ?, ?)`,
    );
    score.run('A', '甲', 0.7, 1, 100, 70);
    score.run('B', '乙', 0.2, 2, 1000, 200);
    for (const [col, index] of [
      ['probability', 'churn_score_by_probability'],
      ['revenue_at_stake', 'churn_score_by_revenue_at_stake'],
    ] as const) {
      const q = `select customer_key from churn_score where run_id = ? order by ${col} desc, customer_key desc limit 10`;
      expect(JSON.stringify(sqlite.prepare(`explain query plan ${q}`).all(1))).toContain(index);
    }
    expect(sqlite.prepare(`select customer_key from churn_score where run_id = 1 order by revenue_at_stake desc`).pluck().all()).toEqual(['B', 'A']);
    expect(sqlite.prepare(`select reasons from churn_score where customer_key = 'A'`).pluck().get()).toBe('[]');
    sqlite.pragma('foreign_keys = on');
    sqlite.prepare(`delete from churn_run where id = 1`).run();
    expect(sqlite.prepare(`select count(*) from churn_score`).pluck().get()).toBe(0);
    expect(sqlite.prepare(`select name from customers`).pluck().all()).toEqual(['甲']);
    await downgrade();
    expect(sqlite.prepare(`select name from sqlite_master where name like 'churn_%'`).all()).toEqual([]);
    await raw.destroy();
  });
});
