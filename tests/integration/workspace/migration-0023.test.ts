import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0023_health_run_sources', () => {
  it('adds the model runs a health run read; runs stored before it keep their rows with none recorded', async () => {
    const { sqlite, upgrade, downgrade, close } = await beforeMigration(dir, '0023_health_run_sources');
    sqlite.prepare(`insert into health_run (id, model_id, model, rules, as_of, started_at) values (1, 'm', '{}', '[]', '2026-06-30', 'x')`).run();

    await upgrade();
    expect(sqlite.prepare(`select id, sources from health_run`).all()).toEqual([{ id: 1, sources: null }]);
    const sources = JSON.stringify({ churn: { status: 'absent', reason: 'noRun', params: {} }, clv: { status: 'absent', reason: 'noRun', params: {} } });
    sqlite
      .prepare(`insert into health_run (id, model_id, model, rules, as_of, started_at, sources) values (2, 'm', '{}', '[]', '2026-07-31', 'y', ?)`)
      .run(sources);
    expect(sqlite.prepare(`select sources from health_run where id = 2`).pluck().get()).toBe(sources);

    await downgrade();
    expect((sqlite.prepare(`pragma table_info(health_run)`).all() as { name: string }[]).map((c) => c.name)).not.toContain('sources');
    expect(sqlite.prepare(`select count(*) as n from health_run`).get()).toEqual({ n: 2 });
    await close();
  });
});
