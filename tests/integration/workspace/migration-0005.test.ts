import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

// Migrate to the step before 0005, insert rows of that time, migrate through 0005, assert.
const dir = tempDir();

describe('migration 0005_health', () => {
  it('keeps the canonical data and adds the health tables with their rules', async () => {
    const { sqlite, upgrade, downgrade, close } = await beforeMigration(dir, '0005_health');
    sqlite.prepare(`insert into customers (row_key, customer_key, name) values ('r1', 'KH1', '甲公司')`).run();
    await upgrade();

    expect(sqlite.prepare(`select name from customers where customer_key = 'KH1'`).get()).toEqual({ name: '甲公司' });
    const tables = (
      sqlite.prepare(`select name from sqlite_master where type = 'table' and name like 'health_%' order by name`).all() as { name: string }[]
    ).map((r) => r.name);
    expect(tables).toEqual(['health_action', 'health_model', 'health_run', 'health_score', 'health_signal']);

    const run = sqlite
      .prepare(`insert into health_run (model_id, model, rules, as_of, started_at) values ('seed001', '{}', '[]', '2026-06-30', '2026-07-01T09:00:00')`)
      .run().lastInsertRowid;
    sqlite.prepare(`insert into health_score (run_id, customer_key, score, band, measures) values (?, 'KH1', 42.5, 'red', '[]')`).run(run);
    expect(() => sqlite.prepare(`insert into health_score (run_id, customer_key, score, band, measures) values (?, 'KH1', 1, 'red', '[]')`).run(run)).toThrow();
    expect(() =>
      sqlite.prepare(`insert into health_score (run_id, customer_key, score, band, measures) values (?, 'KH2', 1, 'purple', '[]')`).run(run),
    ).toThrow(/CHECK/);

    const signal = sqlite.prepare(
      `insert into health_signal (customer_key, rule_id, severity, status, evidence, as_of, first_run_id, last_run_id) values ('KH1', 'silent', 'heavy', ?, '{}', '2026-06-30', 1, 1)`,
    );
    signal.run('open');
    // One live (open or dismissed) signal per customer and rule, enforced by the schema…
    expect(() => signal.run('open')).toThrow(/UNIQUE/);
    expect(() => signal.run('dismissed')).toThrow(/UNIQUE/);
    // …while resolved history may pile up.
    signal.run('resolved');
    signal.run('resolved');
    expect(() => signal.run('snoozed')).toThrow(/CHECK/);

    sqlite
      .prepare(
        `insert into health_action (customer_key, template_id, owner_role, opened_at, due_at, source_kind, source_signal_id) values ('KH1', 'winBack', 'accountManager', 'a', 'b', 'signal', 1)`,
      )
      .run();
    expect(sqlite.prepare('select status, source from health_action').get()).toEqual({ status: 'open', source: '{}' });
    // Deleting a run removes its scores.
    sqlite.prepare('delete from health_run where id = ?').run(run);
    expect(sqlite.prepare('select count(*) as n from health_score').get()).toEqual({ n: 0 });

    await downgrade();
    expect((sqlite.prepare(`select count(*) as n from sqlite_master where name like 'health_%'`).get() as { n: number }).n).toBe(0);
    await close();
  });
});
