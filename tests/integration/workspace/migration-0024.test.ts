import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0024_health_preset_ids', () => {
  it('renames the article-numbered preset ids in runs, saved models and red-score actions; a saved model holding a new id moves aside', async () => {
    const { sqlite, upgrade, downgrade, close } = await beforeMigration(dir, '0024_health_preset_ids');
    const run = sqlite.prepare(`insert into health_run (id, model_id, model, rules, as_of, started_at) values (?, ?, ?, '[]', '2026-06-30', 'x')`);
    run.run(1, 'seed001', JSON.stringify({ id: 'seed001', basedOn: null }));
    run.run(2, 'acme', JSON.stringify({ id: 'acme', basedOn: 'seed002' }));
    run.run(3, 'relationship', JSON.stringify({ id: 'relationship', basedOn: 'seed000' }));
    const model = sqlite.prepare(`insert into health_model (id, name, model, created_at, updated_at) values (?, ?, ?, 'a', 'a')`);
    model.run('acme', 'ACME', JSON.stringify({ id: 'acme', basedOn: 'seed002' }));
    model.run('relationship', '我的模型', JSON.stringify({ id: 'relationship', basedOn: 'seed000' }));
    const action = sqlite.prepare(
      `insert into health_action (customer_key, template_id, owner_role, opened_at, due_at, source_kind, source_run_id, source) values ('C1', 't', 'csm', 'a', 'b', 'redScore', ?, ?)`,
    );
    action.run(1, JSON.stringify({ kind: 'redScore', modelId: 'seed001', score: 20, asOf: '2026-06-30' }));
    action.run(3, JSON.stringify({ kind: 'redScore', modelId: 'relationship', score: 30, asOf: '2026-06-30' }));

    await upgrade();
    const runs = sqlite.prepare(`select id, model_id as modelId, model from health_run order by id`).all() as { id: number; modelId: string; model: string }[];
    expect(runs.map((r) => [r.id, r.modelId, JSON.parse(r.model)])).toEqual([
      [1, 'relationship', { id: 'relationship', basedOn: null }],
      [2, 'acme', { id: 'acme', basedOn: 'salesRules' }],
      [3, 'relationship-saved', { id: 'relationship-saved', basedOn: 'collaboration' }],
    ]);
    const models = sqlite.prepare(`select id, model from health_model order by id`).all() as { id: string; model: string }[];
    expect(models.map((m) => [m.id, JSON.parse(m.model)])).toEqual([
      ['acme', { id: 'acme', basedOn: 'salesRules' }],
      ['relationship-saved', { id: 'relationship-saved', basedOn: 'collaboration' }],
    ]);
    const sources = (sqlite.prepare(`select source from health_action order by id`).all() as { source: string }[]).map((a) => JSON.parse(a.source).modelId);
    expect(sources).toEqual(['relationship', 'relationship-saved']);

    await downgrade();
    expect(sqlite.prepare(`select model_id as modelId from health_run where id = 1`).get()).toEqual({ modelId: 'seed001' });
    await close();
  });
});
