import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0017_saved_views', () => {
  it('adds saved views, one name per section, and drops them on the way down with the rest untouched', async () => {
    const { sqlite, upgrade, downgrade, close } = await beforeMigration(dir, '0017_saved_views');
    sqlite
      .prepare(
        `insert into diagnostic_run (id, created_at, as_of, grain, basis, window_days, params, results, customers) values (1, 'x', '2026-06-30', 'month', 'non-contractual', 365, '{}', '{}', 0)`,
      )
      .run();

    await upgrade();
    const insert = sqlite.prepare(`insert into saved_view (section, name, state, created_at, updated_at) values (?, ?, ?, 'a', 'a')`);
    insert.run('diagnostics', '华东 · 重点客户', JSON.stringify({ runId: 1, table: { search: '华东' } }));
    // The same name in another section is another view; twice in one section is refused.
    insert.run('health', '华东 · 重点客户', '{}');
    expect(() => insert.run('diagnostics', '华东 · 重点客户', '{}')).toThrow(/UNIQUE/);
    expect(sqlite.prepare(`select section, name, json_extract(state, '$.table.search') as search from saved_view order by id`).all()).toEqual([
      { section: 'diagnostics', name: '华东 · 重点客户', search: '华东' },
      { section: 'health', name: '华东 · 重点客户', search: null },
    ]);

    await downgrade();
    expect(sqlite.prepare(`select name from sqlite_master where name like 'saved_view%'`).all()).toEqual([]);
    expect(sqlite.prepare(`select count(*) as n from diagnostic_run`).get()).toEqual({ n: 1 });
    await close();
  });
});
