// The block-streaming run must store exactly what the all-at-once run stored: the same run rows,
// scores (measures JSON, metric blobs), signals and actions, with the same ids, across a first run,
// a dismissal, changed data and a second run that refreshes, resolves and opens. Two copies of the
// demo engagement, one run by each implementation, compared table by table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import { defaultAsOf } from '../../../electron/backend/health/facts-sql';
import { runHealth } from '../../../electron/backend/health/run';
import { dismissSignal } from '../../../electron/backend/health/queries';
import { DEFAULT_HEALTH_MODEL, HEALTH_PRESETS } from '../../../shared/health/presets';
import { defaultSignalRules } from '../../../shared/health/signal-rules';
import { addDays } from '../../../shared/health/dates';
import { referenceRunHealth } from './run-reference';

const dir = tempDir();
let streamed: Workspace;
let reference: Workspace;

const TABLES = [
  'select * from health_run order by id',
  'select * from health_score order by run_id, customer_key',
  'select * from health_signal order by id',
  'select * from health_action order by id',
];
const dump = (ws: Workspace) => TABLES.map((q) => ws.sqlite.prepare(q).all());

beforeAll(async () => {
  streamed = await createDemoWorkspace(join(dir, 'a.rwb'), 'zh-CN');
  reference = await createDemoWorkspace(join(dir, 'b.rwb'), 'zh-CN');
}, 120_000);
afterAll(async () => {
  await streamed?.close();
  await reference?.close();
});

describe('a streamed run stores what the all-at-once run stored', () => {
  it('over two runs with a dismissal and new data in between, and another model', async () => {
    const asOf = defaultAsOf(streamed.sqlite, '2099-12-31');
    const rules = defaultSignalRules();
    const model = DEFAULT_HEALTH_MODEL;
    const first = await runHealth(streamed.sqlite, { model, rules, asOf, now: `${asOf}T09:00:00`, blockSize: 37 });
    const want = referenceRunHealth(reference.sqlite, { model, rules, asOf, now: `${asOf}T09:00:00` });
    expect(first).toEqual(want);
    expect(first.signalsOpened).toBeGreaterThan(5);
    expect(first.actionsOpened).toBeGreaterThan(5);
    expect(dump(streamed)).toEqual(dump(reference));

    // The consultant dismisses one signal, and customers answer: a few get fresh outbound contact
    // and an order, so some signals resolve on the next run while others stay open.
    for (const ws of [streamed, reference]) {
      const id = ws.sqlite.prepare(`select min(id) from health_signal where status = 'open'`).pluck().get() as number;
      dismissSignal(ws.sqlite, id, '已电话确认', `${asOf}T10:00:00`);
      const keys = ws.sqlite.prepare(`select customer_key from health_signal where status = 'open' order by id limit 8`).pluck().all() as string[];
      keys.forEach((k, i) => {
        ws.sqlite
          .prepare(
            `insert into interactions (row_key, customer_key, date, channel, purpose, direction, responded) values (?, ?, ?, '电话', '价值型', 'outbound', 1)`,
          )
          .run(`eq-i${i}`, k, addDays(asOf, 3));
        ws.sqlite
          .prepare(`insert into orders (row_key, order_key, customer_key, order_date, amount, quantity) values (?, ?, ?, ?, 5000, 3)`)
          .run(`eq-o${i}`, `EQ${i}`, k, addDays(asOf, 4));
      });
    }
    const later = addDays(asOf, 7);
    const second = await runHealth(streamed.sqlite, { model, rules, asOf: later, now: `${later}T09:00:00`, blockSize: 16 });
    expect(second).toEqual(referenceRunHealth(reference.sqlite, { model, rules, asOf: later, now: `${later}T09:00:00` }));
    expect(second.signalsResolved).toBeGreaterThan(0);
    expect(dump(streamed)).toEqual(dump(reference));

    const other = HEALTH_PRESETS.find((m) => m.id !== model.id)!;
    const third = await runHealth(streamed.sqlite, { model: other, rules, asOf: later, now: `${later}T12:00:00` });
    expect(third).toEqual(referenceRunHealth(reference.sqlite, { model: other, rules, asOf: later, now: `${later}T12:00:00` }));
    expect(dump(streamed)).toEqual(dump(reference));
  });
});
