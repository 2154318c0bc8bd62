import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';
import { loadRun, loadRunCustomers } from '../../../electron/backend/diagnostics/runs-repo';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../../electron/backend/workspace/db';
import { migrateTo } from '../../../electron/backend/workspace/migrate';

// Migrate to 0008, store a run as the workbench stored it then (seed_* columns, seed* JSON keys),
// migrate through 0009, assert the value-group names and that nothing else moved.
const dir = tempDir();

const RULES = [
  { id: 'dormantReactivate', r: [1, 2], f: [1, 5], m: [1, 5] },
  { id: 'highValueLoyal', r: [3, 5], f: [4, 5], m: [4, 5] },
  { id: 'potentialNurture', r: [3, 5], f: [1, 5], m: [1, 5] },
];
const OLD_PARAMS = { version: 1, asOf: '2024-03-20', grain: 'quarter', rfm: { scoring: 'quintiles', seedRules: RULES } };
const SUMMARY = [{ segment: 'highValueLoyal', count: 1, share: 0.5, monetary: 750, monetaryShare: { value: 0.6 } }];
const MOVEMENT = {
  segments: ['highValueLoyal', 'unscored'],
  counts: [
    [1, 0],
    [0, 1],
  ],
};
const OLD_RESULTS = {
  version: 1,
  asOf: '2024-03-20',
  retention: [],
  cohorts: { rows: [] },
  rfm: { scored: 2, classic: [], seed: SUMMARY, movementClassic: MOVEMENT, movementSeed: MOVEMENT },
  breakdowns: [{ attribute: 'region', groups: [{ value: '华东', customers: 2, tiers: { core: 1 }, seedSegments: { highValueLoyal: 1 } }] }],
};

describe('migration 0009_value_groups', () => {
  it('renames the value-group columns and JSON keys of stored runs, keeping every value', async () => {
    const { sqlite, upgrade, downgrade, close } = await beforeMigration(dir, '0009_value_groups');
    const run = Number(
      sqlite
        .prepare(
          `insert into diagnostic_run (created_at, as_of, grain, basis, window_days, params, results, label, customers)
           values ('2024-03-21T09:00:00', '2024-03-20', 'quarter', 'non-contractual', 365, ?, ?, '季度基线', 2)`,
        )
        .run(JSON.stringify(OLD_PARAMS), JSON.stringify(OLD_RESULTS)).lastInsertRowid,
    );
    const insCustomer = sqlite.prepare(
      `insert into diagnostic_customer (run_id, idx, customer_key, segment, seed_segment, prev_segment, prev_seed_segment, tier)
       values (?, ?, ?, ?, ?, ?, ?, 'core')`,
    );
    insCustomer.run(run, 0, 'KH1', 'loyal', 'highValueLoyal', 'atRisk', 'dormantReactivate');
    insCustomer.run(run, 1, 'KH2', null, null, null, null);

    await upgrade();

    const columns = (sqlite.prepare(`select name from pragma_table_info('diagnostic_customer')`).all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['value_group', 'prev_value_group', 'segment', 'prev_segment']));
    expect(columns.filter((c) => c.includes('seed'))).toEqual([]);
    expect(
      sqlite.prepare(`select customer_key, segment, value_group, prev_segment, prev_value_group, tier from diagnostic_customer order by idx`).all(),
    ).toEqual([
      { customer_key: 'KH1', segment: 'loyal', value_group: 'highValueLoyal', prev_segment: 'atRisk', prev_value_group: 'dormantReactivate', tier: 'core' },
      { customer_key: 'KH2', segment: null, value_group: null, prev_segment: null, prev_value_group: null, tier: 'core' },
    ]);

    const stored = sqlite.prepare(`select params, results, label, customers from diagnostic_run where id = ?`).get(run) as {
      params: string;
      results: string;
      label: string;
      customers: number;
    };
    expect(stored.label).toBe('季度基线');
    expect(stored.customers).toBe(2);
    const params = JSON.parse(stored.params) as typeof OLD_PARAMS & { rfm: Record<string, unknown> };
    expect(params.rfm).toEqual({ scoring: 'quintiles', valueGroupRules: RULES });
    expect(params.asOf).toBe('2024-03-20');
    const results = JSON.parse(stored.results) as { rfm: Record<string, unknown>; breakdowns: { groups: Record<string, unknown>[] }[] };
    expect(results.rfm).toEqual({ scored: 2, classic: [], valueGroups: SUMMARY, movementClassic: MOVEMENT, movementValueGroups: MOVEMENT });
    expect(results.breakdowns[0]!.groups[0]).toEqual({ value: '华东', customers: 2, tiers: { core: 1 }, valueGroups: { highValueLoyal: 1 } });

    // The engine reads the upgraded run with today's names: on a copy brought to the latest schema,
    // since today's reader also reads the columns later migrations add.
    const copy = join(tempDir(), 'latest.sqlite');
    await sqlite.backup(copy);
    const latest = openDatabase(copy);
    await migrateTo(latest.db as unknown as Kysely<unknown>);
    const loaded = loadRun(latest.sqlite, run);
    expect(loaded.params.rfm.valueGroupRules.map((r) => r.id)).toEqual(['dormantReactivate', 'highValueLoyal', 'potentialNurture']);
    expect(loaded.results.rfm.valueGroups).toEqual(SUMMARY);
    expect(loadRunCustomers(latest.sqlite, run)[0]).toMatchObject({ customerKey: 'KH1', valueGroup: 'highValueLoyal', prevValueGroup: 'dormantReactivate' });
    latest.sqlite.close();

    await downgrade();
    const back = sqlite.prepare(`select seed_segment, prev_seed_segment from diagnostic_customer where customer_key = 'KH1'`).get();
    expect(back).toEqual({ seed_segment: 'highValueLoyal', prev_seed_segment: 'dormantReactivate' });
    const restored = sqlite.prepare(`select params, results from diagnostic_run where id = ?`).get(run) as { params: string; results: string };
    expect(JSON.parse(restored.params)).toEqual(OLD_PARAMS);
    expect(JSON.parse(restored.results)).toEqual(OLD_RESULTS);
    await close();
  });
});
