import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0018_voc', () => {
  it('adds the lexicon store, theme runs and churn reviews beside the existing data; down removes them', async () => {
    const { sqlite, raw, upgrade, downgrade } = await beforeMigration(dir, '0018_voc');
    sqlite.prepare(`insert into customers (customer_key, name, row_key) values ('A', '甲', 'r1')`).run();
    sqlite.prepare(`insert into surveys (customer_key, date, nps, csat, comment, row_key) values ('A', '2026-09-01', 3, 2, '售后响应太慢', 's1')`).run();
    await upgrade();
    sqlite.prepare(`insert into voc_config (key, value, updated_at) values ('lexicon', '{}', '2026-12-04T10:00:00')`).run();
    expect(() => sqlite.prepare(`insert into voc_config (key, value, updated_at) values ('lexicon', '{}', 'x')`).run()).toThrow(/UNIQUE/);
    sqlite.prepare(`insert into voc_run (created_at, params, comments, coverage_pct, results) values ('2026-12-04T10:00:00', '{}', 1, 100, '{}')`).run();
    sqlite
      .prepare(
        `insert into churn_review (created_at, period, params, churned, lost_revenue, results) values ('2026-12-04T10:00:00', '2026-09', '{}', 1, 1000, '{}')`,
      )
      .run();
    const plan = JSON.stringify(sqlite.prepare(`explain query plan select id from churn_review where period = ? order by id desc`).all('2026-09'));
    expect(plan).toContain('churn_review_by_period');
    expect(sqlite.prepare(`select comment from surveys`).pluck().get()).toBe('售后响应太慢');
    await downgrade();
    expect(sqlite.prepare(`select name from sqlite_master where name in ('voc_config', 'voc_run', 'churn_review')`).all()).toEqual([]);
    expect(sqlite.prepare(`select count(*) from surveys`).pluck().get()).toBe(1);
    await raw.destroy();
  });
});
