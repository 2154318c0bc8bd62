import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

// The health overview's per-customer open-signal lookups (count and worst severity).
const LOOKUP = `select count(*) as n, max(case severity when 'heavy' then 3 when 'medium' then 2 else 1 end) as worst
                  from health_signal where customer_key = ? and status = 'open'`;

// The signal list's "action opened from this signal".
const ACTION_OF_SIGNAL = 'select max(a.id) as id from health_action a where a.source_signal_id = ?';

describe('migration 0008_health_signal_index', () => {
  it("keeps stored signals and actions; per-customer open signals and a signal's action come from the new indexes", async () => {
    const { sqlite, raw, upgrade, downgrade } = await beforeMigration(dir, '0008_health_signal_index');
    const signal = sqlite.prepare(
      `insert into health_signal (customer_key, rule_id, severity, status, evidence, as_of, first_run_id, last_run_id) values (?, ?, ?, ?, '{}', '2026-06-30', 1, 1)`,
    );
    signal.run('KH1', 'silent', 'heavy', 'open');
    signal.run('KH1', 'decline', 'light', 'open');
    signal.run('KH1', 'complaints', 'medium', 'resolved');
    signal.run('KH2', 'silent', 'medium', 'dismissed');
    const action = sqlite.prepare(
      `insert into health_action (customer_key, template_id, owner_role, opened_at, due_at, source_kind, source_signal_id) values ('KH1', 't', 'owner', 'a', 'b', 'signal', ?)`,
    );
    action.run(1);
    action.run(1);
    action.run(2);
    const planBefore = JSON.stringify(sqlite.prepare(`explain query plan ${LOOKUP}`).all('KH1'));
    expect(planBefore).not.toContain('health_signal_customer');

    await upgrade();
    const index = sqlite.prepare(`select sql from sqlite_master where type = 'index' and name = 'health_signal_customer'`).get() as { sql: string } | undefined;
    expect(index?.sql).toMatch(/\(customer_key, status, severity\)/);
    const plan = JSON.stringify(sqlite.prepare(`explain query plan ${LOOKUP}`).all('KH1'));
    expect(plan).toContain('COVERING INDEX health_signal_customer');
    // Same answers as before the index: two open for KH1, the worst heavy; KH2's only signal is dismissed.
    expect(sqlite.prepare(LOOKUP).get('KH1')).toEqual({ n: 2, worst: 3 });
    expect(sqlite.prepare(LOOKUP).get('KH2')).toEqual({ n: 0, worst: null });
    expect((sqlite.prepare('select count(*) as n from health_signal').get() as { n: number }).n).toBe(4);
    expect(JSON.stringify(sqlite.prepare(`explain query plan ${ACTION_OF_SIGNAL}`).all(1))).toContain('health_action_signal');
    expect(sqlite.prepare(ACTION_OF_SIGNAL).get(1)).toEqual({ id: 2 });
    expect(sqlite.prepare(ACTION_OF_SIGNAL).get(4)).toEqual({ id: null });

    await downgrade();
    expect(sqlite.prepare(`select name from sqlite_master where name in ('health_signal_customer', 'health_action_signal')`).get()).toBeUndefined();
    await raw.destroy();
  });
});
