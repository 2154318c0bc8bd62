// On historical data (a run whose as-of date is in the past) due dates are set from the as-of date,
// so overdue must be judged at the end of that day, not today: the superstore export (2015-2018)
// showed every one of 839 actions "已逾期 69426 小时" the moment the run opened them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import { overdueClock } from '../../../electron/backend/health/overdue-clock';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import { AS_OF, insertFixture } from './fixture';

const dir = tempDir();
let b: Backend;
let handlers: Handlers;

async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const env = await dispatch(b, handlers, name, args);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as ResultOf<K>;
}

beforeAll(async () => {
  const ws = await newWorkspace(dir);
  insertFixture(ws);
  const path = ws.path;
  await ws.close();
  b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  handlers = createHandlers(b);
  await b.open(path);
  await call('health.run', { asOf: AS_OF });
}, 60_000);
afterAll(async () => b?.shutdown());

describe('overdue on historical data', () => {
  it('reads the end of the as-of day as now when the as-of date is past, and today when it is not', () => {
    const db = b.requireWorkspace().sqlite;
    expect(overdueClock(db, '2026-12-04T10:00:00')).toEqual({ at: '2026-07-01T00:00:00', asOf: AS_OF });
    expect(overdueClock(db, `${AS_OF}T15:00:00`)).toEqual({ at: `${AS_OF}T15:00:00`, asOf: null });
  });

  it('a run just made opens no overdue action; the board, the overview and the report agree, and say as of when', async () => {
    const board = await call('actions.triage', { limit: 500 });
    expect(board.total).toBeGreaterThan(0);
    // Only meaningful while the machine's date is past the fixture's as-of (2026-06-30).
    expect(board.overdueAsOf).toBe(AS_OF);
    expect(board.now).toBe('2026-07-01T00:00:00');
    expect(board.overdue).toBe(0);
    expect(board.items.every((a) => !a.overdue && a.hoursOverdue === 0)).toBe(true);
    expect((await call('health.overview', {})).actions.overdue).toBe(0);

    // An action due on the as-of day itself is late, by the hours to the end of that day.
    const id = board.items[0]!.id;
    b.requireWorkspace().sqlite.prepare(`update health_action set due_at = ? where id = ?`).run(`${AS_OF}T08:00:00`, id);
    const after = await call('actions.triage', { limit: 500 });
    expect(after.overdue).toBe(1);
    expect(after.items.find((a) => a.id === id)).toMatchObject({ overdue: true, hoursOverdue: 16 });
    expect((await call('health.overview', {})).actions.overdue).toBe(1);
    expect((await call('actions.list', {})).overdue).toBe(1);

    // A caller's explicit clock still wins (the old wall-clock reading).
    const wall = await call('actions.triage', { limit: 500, now: '2026-12-04T10:00:00' });
    expect(wall.overdueAsOf).toBeNull();
    expect(wall.overdue).toBeGreaterThan(1);
  });
});
