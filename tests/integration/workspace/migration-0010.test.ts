import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

const SORTED = ['name', 'revenue_12m', 'monetary', 'recency_days', 'frequency', 'tenure_days', 'mrr'];

// A page of the customer table as the engine asks for it (electron/backend/diagnostics/drill-sql.ts).
const page = (column: string, direction: 'asc' | 'desc') =>
  `select customer_key from diagnostic_customer d where d.run_id = ? order by d.${column} ${direction}, d.customer_key ${direction} limit 2 offset 1`;

describe('migration 0010_customer_page_index', () => {
  it('keeps stored customer rows; every sort of the customer table walks its own index, the search reads the name index alone', async () => {
    const { sqlite, raw, upgrade, downgrade } = await beforeMigration(dir, '0010_customer_page_index');
    sqlite
      .prepare(
        `insert into diagnostic_run (id, created_at, as_of, grain, basis, window_days, params, results, customers) values (1, 'x', '2026-06-30', 'month', 'non-contractual', 365, '{}', '{}', 4)`,
      )
      .run();
    const row = sqlite.prepare(
      `insert into diagnostic_customer (run_id, idx, customer_key, name, recency_days, frequency, monetary, tenure_days, revenue_12m, mrr) values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    row.run(0, 'A', '甲', 10, 3, 300, 400, 300, 0);
    row.run(1, 'B', '乙', 200, 1, 50, 900, 0, 20);
    row.run(2, 'C', '丙', null, null, null, null, 0, 0);
    row.run(3, 'D', '丁', 40, 7, 900, 100, 900, 50);
    for (const c of SORTED) expect(JSON.stringify(sqlite.prepare(`explain query plan ${page(c, 'desc')}`).all(1))).toContain('TEMP B-TREE');

    await upgrade();
    for (const c of SORTED) {
      const index = sqlite.prepare(`select sql from sqlite_master where type = 'index' and name = ?`).get(`diagnostic_customer_by_${c}`) as
        { sql: string } | undefined;
      expect(index?.sql).toContain(`(run_id, "${c}", customer_key)`);
      for (const dir of ['asc', 'desc'] as const) {
        const plan = JSON.stringify(sqlite.prepare(`explain query plan ${page(c, dir)}`).all(1));
        expect(plan, `${c} ${dir}`).toContain(`INDEX diagnostic_customer_by_${c}`);
        expect(plan, `${c} ${dir}`).not.toContain('TEMP B-TREE');
      }
    }
    const search = `select count(*) as n from diagnostic_customer d indexed by diagnostic_customer_by_name where d.run_id = ? and (d.customer_key like ? or d.name like ?)`;
    expect(JSON.stringify(sqlite.prepare(`explain query plan ${search}`).all(1, '%a%', '%a%'))).toContain('COVERING INDEX diagnostic_customer_by_name');
    expect(sqlite.prepare(search).get(1, '%b%', '%b%')).toEqual({ n: 1 });
    // The same rows in the same order as before the indexes; nulls (C) last when descending.
    expect(sqlite.prepare(page('revenue_12m', 'desc').replace(' offset 1', '')).pluck().all(1)).toEqual(['D', 'A']);
    expect(sqlite.prepare(`select customer_key from diagnostic_customer where run_id = 1 order by recency_days desc, customer_key desc`).pluck().all()).toEqual(
      ['B', 'D', 'A', 'C'],
    );
    expect((sqlite.prepare('select count(*) as n from diagnostic_customer').get() as { n: number }).n).toBe(4);

    await downgrade();
    expect(sqlite.prepare(`select name from sqlite_master where type = 'index' and name like 'diagnostic_customer_by_%'`).all()).toEqual([]);
    await raw.destroy();
  });
});
