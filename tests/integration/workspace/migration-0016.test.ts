import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0016_triage', () => {
  it('adds owners, snoozes and reason codes to signals, the action policy (default heavy + red), the policy older runs applied, and bulk steps', async () => {
    const { sqlite, upgrade, downgrade, close } = await beforeMigration(dir, '0016_triage');
    sqlite.prepare(`insert into customers (row_key, customer_key, name, owner) values ('r1', 'K1', '客户一', '王经理')`).run();
    sqlite
      .prepare(`insert into health_run (id, model_id, model, rules, as_of, started_at, finished_at) values (1, 'm', '{}', '[]', '2026-06-30', 'x', 'y')`)
      .run();
    sqlite.prepare(`insert into health_score (run_id, customer_key, score, band, measures) values (1, 'K1', 40, 'red', '[]')`).run();
    sqlite
      .prepare(
        `insert into health_signal (id, customer_key, rule_id, severity, status, evidence, as_of, first_run_id, last_run_id, dismissed_reason, dismissed_at)
         values (1, 'K1', 'silent', 'heavy', 'dismissed', '{}', '2026-06-30', 1, 1, '已电话确认', '2026-07-01T09:00:00')`,
      )
      .run();
    sqlite
      .prepare(
        `insert into health_action (id, customer_key, template_id, owner_role, owner, opened_at, due_at, source_kind) values (1, 'K1', 'winBack', 'accountManager', '王经理', 'a', 'b', 'manual')`,
      )
      .run();

    await upgrade();
    // A run made before the policy opened an action for every signal and red score: it says so.
    expect(JSON.parse((sqlite.prepare(`select action_policy from health_run where id = 1`).get() as { action_policy: string }).action_policy)).toEqual({
      light: true,
      medium: true,
      heavy: true,
      redScore: true,
    });
    expect(sqlite.prepare(`select light, medium, heavy, red_score, updated_at from health_action_policy`).all()).toEqual([
      { light: 0, medium: 0, heavy: 1, red_score: 1, updated_at: null },
    ]);
    // One policy per engagement.
    expect(() => sqlite.prepare(`insert into health_action_policy (id, light, medium, heavy, red_score) values (2, 1, 1, 1, 1)`).run()).toThrow(/CHECK/);
    // The old dismissal keeps its note, with no code; new columns start empty.
    expect(sqlite.prepare(`select dismissed_reason, dismissed_reason_code, owner, snoozed_until from health_signal`).get()).toEqual({
      dismissed_reason: '已电话确认',
      dismissed_reason_code: null,
      owner: null,
      snoozed_until: null,
    });
    expect(sqlite.prepare(`select snoozed_until from health_action`).get()).toEqual({ snoozed_until: null });
    expect(sqlite.prepare(`select revenue_12m from health_score`).get()).toEqual({ revenue_12m: null });
    // A step and its items; deleting the step removes its items.
    sqlite.prepare(`insert into triage_step (id, at, target, op, detail, count) values (1, 'now', 'signal', 'dismiss', '{}', 1)`).run();
    sqlite.prepare(`insert into triage_step_item (step_id, item_id, before, after) values (1, 1, '{}', '{}')`).run();
    expect(() => sqlite.prepare(`insert into triage_step (at, target, op, detail, count) values ('now', 'customer', 'x', '{}', 1)`).run()).toThrow(/CHECK/);
    sqlite.pragma('foreign_keys = on');
    sqlite.prepare(`delete from triage_step where id = 1`).run();
    expect(sqlite.prepare(`select count(*) as n from triage_step_item`).get()).toEqual({ n: 0 });

    await downgrade();
    for (const t of ['health_action_policy', 'triage_step', 'triage_step_item']) {
      expect(sqlite.prepare(`select name from sqlite_master where name = ?`).all(t)).toEqual([]);
    }
    expect((sqlite.prepare(`pragma table_info(health_signal)`).all() as { name: string }[]).map((c) => c.name)).not.toContain('snoozed_until');
    expect(sqlite.prepare(`select dismissed_reason from health_signal`).get()).toEqual({ dismissed_reason: '已电话确认' });
    await close();
  });
});
