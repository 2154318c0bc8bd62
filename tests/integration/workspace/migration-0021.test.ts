import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0021_clv_intervals', () => {
  it('adds the 95% interval columns to clv_customer: null on rows stored before, written by new runs; down removes them', async () => {
    const { sqlite, raw, upgrade, downgrade } = await beforeMigration(dir, '0021_clv_intervals');
    sqlite
      .prepare(
        `insert into clv_run (id, created_at, params, as_of, model, status, verdict, log_likelihood, customers, total_clv, results) values (1, '2026-12-04T10:00:00', '{}', '2026-10-31', 'bgnbd', 'converged', 'suits', -9582.4, 1, 100, '{}')`,
      )
      .run();
    sqlite
      .prepare(
        `insert into clv_customer (run_id, customer_key, frequency, recency, age, monetary, p_alive, p_alive_horizon, expected_purchases, expected_spend, clv) values (1, 'A', 2, 30, 40, 20, 0.7, 0.5, 1.2, 22, 100)`,
      )
      .run();
    await upgrade();
    expect(sqlite.prepare(`select clv, clv_low, clv_high, p_alive_low, expected_purchases_high, expected_spend_low from clv_customer`).get()).toEqual({
      clv: 100,
      clv_low: null,
      clv_high: null,
      p_alive_low: null,
      expected_purchases_high: null,
      expected_spend_low: null,
    });
    sqlite
      .prepare(
        `insert into clv_customer (run_id, customer_key, frequency, recency, age, monetary, p_alive, p_alive_horizon, expected_purchases, expected_spend, clv,
           p_alive_low, p_alive_high, expected_purchases_low, expected_purchases_high, expected_spend_low, expected_spend_high, clv_low, clv_high)
         values (1, 'B', 3, 30, 40, 20, 0.7, 0.5, 1.2, 22, 100, 0.6, 0.8, 1.0, 1.4, 20, 24, 80, 125)`,
      )
      .run();
    expect(sqlite.prepare(`select clv_low, clv_high from clv_customer where customer_key = 'B'`).get()).toEqual({ clv_low: 80, clv_high: 125 });
    await downgrade();
    const columns = sqlite.prepare(`select name from pragma_table_info('clv_customer')`).pluck().all();
    expect(columns).not.toContain('clv_low');
    expect(columns).toContain('clv');
    expect(sqlite.prepare(`select count(*) from clv_customer`).pluck().get()).toBe(2);
    await raw.destroy();
  });
});
