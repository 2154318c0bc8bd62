import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0014_param_sets', () => {
  it('adds named parameter sets and the set each run used; runs stored before it keep their rows with no set named', async () => {
    const { sqlite, upgrade, downgrade, close } = await beforeMigration(dir, '0014_param_sets');
    sqlite
      .prepare(
        `insert into diagnostic_run (id, created_at, as_of, grain, basis, window_days, params, results, customers) values (1, 'x', '2026-06-30', 'month', 'non-contractual', 365, '{}', '{}', 0)`,
      )
      .run();
    sqlite.prepare(`insert into health_run (id, model_id, model, rules, as_of, started_at) values (1, 'm', '{}', '[]', '2026-06-30', 'x')`).run();

    await upgrade();
    expect(sqlite.prepare(`select id, param_set from diagnostic_run`).all()).toEqual([{ id: 1, param_set: null }]);
    expect(sqlite.prepare(`select id, param_set from health_run`).all()).toEqual([{ id: 1, param_set: null }]);
    sqlite.prepare(`insert into param_set (name, params, created_at, updated_at) values ('零售 2026', '{}', 'a', 'a')`).run();
    // One set per name: a second save under the same name must update, not duplicate.
    expect(() => sqlite.prepare(`insert into param_set (name, params, created_at, updated_at) values ('零售 2026', '{}', 'b', 'b')`).run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    sqlite.prepare(`update diagnostic_run set param_set = '零售 2026' where id = 1`).run();

    await downgrade();
    expect(sqlite.prepare(`select name from sqlite_master where name = 'param_set'`).all()).toEqual([]);
    expect((sqlite.prepare(`pragma table_info(diagnostic_run)`).all() as { name: string }[]).map((c) => c.name)).not.toContain('param_set');
    expect(sqlite.prepare(`select count(*) as n from diagnostic_run`).get()).toEqual({ n: 1 });
    await close();
  });
});
