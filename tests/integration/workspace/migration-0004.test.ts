import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

// Migrate to the step before 0004, insert rows of that time, migrate through 0004, assert.
const dir = tempDir();

describe('migration 0004_diagnostics', () => {
  it('keeps the canonical data and adds the run and per-customer tables with their rules', async () => {
    const { sqlite, upgrade, downgrade, close } = await beforeMigration(dir, '0004_diagnostics');
    sqlite.prepare(`insert into customers (row_key, customer_key, name) values ('r1', 'KH1', '甲公司')`).run();
    sqlite.prepare(`insert into orders (row_key, order_key, customer_key, order_date, amount) values ('o1', 'SO1', 'KH1', '2024-01-02', 100)`).run();
    await upgrade();

    expect(sqlite.prepare(`select name from customers where customer_key = 'KH1'`).get()).toEqual({ name: '甲公司' });
    expect((sqlite.prepare(`select count(*) as n from orders`).get() as { n: number }).n).toBe(1);
    const tables = (
      sqlite.prepare(`select name from sqlite_master where type = 'table' and name like 'diagnostic_%' order by name`).all() as { name: string }[]
    ).map((r) => r.name);
    expect(tables).toEqual(['diagnostic_customer', 'diagnostic_run']);

    const insRun = sqlite.prepare(
      `insert into diagnostic_run (created_at, as_of, grain, basis, window_days, params, results) values ('2024-03-21T09:00:00', '2024-03-20', ?, ?, 365, '{}', '{}')`,
    );
    const run = insRun.run('month', 'non-contractual').lastInsertRowid;
    expect(sqlite.prepare('select label, customers, duration_ms from diagnostic_run where id = ?').get(run)).toEqual({
      label: null,
      customers: 0,
      duration_ms: 0,
    });
    expect(() => insRun.run('week', 'non-contractual')).toThrow(/CHECK/);
    expect(() => insRun.run('month', 'weekly')).toThrow(/CHECK/);

    const insCust = sqlite.prepare(`insert into diagnostic_customer (run_id, idx, customer_key, statuses, tier) values (?, ?, ?, 'RRL', 'core')`);
    insCust.run(run, 0, 'KH1');
    // One row per customer and run.
    expect(() => insCust.run(run, 1, 'KH1')).toThrow(/UNIQUE|PRIMARY/);
    expect(sqlite.prepare('select active, revenue_12m, mrr, statuses from diagnostic_customer').get()).toEqual({
      active: 0,
      revenue_12m: 0,
      mrr: 0,
      statuses: 'RRL',
    });
    // Deleting a run removes its customer rows.
    sqlite.prepare('delete from diagnostic_run where id = ?').run(run);
    expect((sqlite.prepare('select count(*) as n from diagnostic_customer').get() as { n: number }).n).toBe(0);

    await downgrade();
    expect((sqlite.prepare(`select count(*) as n from sqlite_master where name like 'diagnostic_%'`).get() as { n: number }).n).toBe(0);
    await close();
  });
});
