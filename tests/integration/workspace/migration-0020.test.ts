import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0020_impact', () => {
  it('adds experiments with their members, frozen baselines and fee terms; deleting an experiment deletes its members', async () => {
    const { sqlite, raw, upgrade, downgrade } = await beforeMigration(dir, '0020_impact');
    sqlite.prepare(`insert into customers (customer_key, name, row_key) values ('A', '甲', 'r1')`).run();
    await upgrade();
    sqlite
      .prepare(
        `insert into experiment (id, name, action, design, selection, seed, treatment_share, outcome, start_date, window_days, created_at, updated_at)
         values (1, '续约提醒', 'renewal-review', 'ab', 'random', 42, 0.5, 'retained', '2026-05-01', 90, '2026-12-04T10:00:00', '2026-12-04T10:00:00')`,
      )
      .run();
    const member = sqlite.prepare(`insert into experiment_member (experiment_id, customer_key, arm) values (1, ?, ?)`);
    member.run('A', 'treatment');
    member.run('B', 'control');
    expect(() => member.run('C', 'both')).toThrow(/CHECK/);
    expect(() =>
      sqlite
        .prepare(
          `insert into experiment (name, action, design, selection, outcome, start_date, window_days, created_at, updated_at) values ('x', 'y', 'ab', 'random', 'profit', '2026-05-01', 90, 'n', 'n')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(sqlite.prepare(`select selection_detail, variance_reduction, plan from experiment`).get()).toEqual({
      selection_detail: '{}',
      variance_reduction: 'none',
      plan: '{}',
    });
    sqlite.prepare(`insert into indicator_baseline (as_of, grain, indicators, frozen_at) values ('2025-10-31', 'quarter', '[]', 'now')`).run();
    expect(sqlite.prepare(`select tolerance from indicator_baseline`).pluck().get()).toBe(0.15);
    sqlite.prepare(`insert into fee_terms (id, terms, updated_at) values (1, '{}', 'now')`).run();
    expect(() => sqlite.prepare(`insert into fee_terms (id, terms, updated_at) values (2, '{}', 'now')`).run()).toThrow(/CHECK/);
    sqlite.pragma('foreign_keys = on');
    sqlite.prepare(`delete from experiment where id = 1`).run();
    expect(sqlite.prepare(`select count(*) from experiment_member`).pluck().get()).toBe(0);
    await downgrade();
    expect(sqlite.prepare(`select name from sqlite_master where name in ('experiment', 'experiment_member', 'indicator_baseline', 'fee_terms')`).all()).toEqual(
      [],
    );
    expect(sqlite.prepare(`select name from customers`).pluck().all()).toEqual(['甲']);
    await raw.destroy();
  });
});
