import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0022_signal_backtest', () => {
  it('adds the table signal backtests are kept in, numbered in the order they ran; runs stored before it are untouched', async () => {
    const { sqlite, upgrade, downgrade, close } = await beforeMigration(dir, '0022_signal_backtest');
    sqlite.prepare(`insert into health_run (id, model_id, model, rules, as_of, started_at) values (1, 'm', '{}', '[]', '2026-06-30', 'x')`).run();

    await upgrade();
    const insert = sqlite.prepare(`insert into signal_backtest (created_at, horizon_days, rules, result) values (?, 180, '[]', '{}')`);
    expect(Number(insert.run('2026-07-01T09:00:00').lastInsertRowid)).toBe(1);
    expect(Number(insert.run('2026-07-02T09:00:00').lastInsertRowid)).toBe(2);
    expect(() => sqlite.prepare(`insert into signal_backtest (created_at, horizon_days, rules) values ('x', 180, '[]')`).run()).toThrow(/NOT NULL/);
    expect(sqlite.prepare(`select count(*) as n from health_run`).get()).toEqual({ n: 1 });

    await downgrade();
    expect(sqlite.prepare(`select name from sqlite_master where name = 'signal_backtest'`).all()).toEqual([]);
    expect(sqlite.prepare(`select count(*) as n from health_run`).get()).toEqual({ n: 1 });
    await close();
  });
});
