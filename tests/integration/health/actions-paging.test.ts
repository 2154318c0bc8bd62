import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import { createAction, updateAction } from '../../../electron/backend/health/actions-store';
import type { ArgsOf, ResultOf } from '../../../shared/contract';
import type { ActionStatus } from '../../../shared/health/playbook';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';

// The action board pages each status column from the engine: the pages of a column put together are
// the column's actions by due time, with the column's total and the overdue count on every page.

const dir = tempDir();
const NOW = '2026-07-01T12:00:00';
let b: Backend;
let handlers: Handlers;
const made: { id: number; status: ActionStatus; dueAt: string; customerKey: string }[] = [];

async function list(args: ArgsOf<'actions.list'>): Promise<ResultOf<'actions.list'>> {
  const env = await dispatch(b, handlers, 'actions.list', args);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as ResultOf<'actions.list'>;
}

beforeAll(async () => {
  const ws = await newWorkspace(dir);
  const path = ws.path;
  const c = ws.sqlite.prepare('insert into customers (row_key, customer_key, name) values (?, ?, ?)');
  for (const k of ['K1', 'K2', 'K3']) c.run(k, k, `客户${k}`);
  const statuses: ActionStatus[] = ['open', 'open', 'inProgress', 'done'];
  for (let i = 0; i < 130; i++) {
    // Due dates spread from June 1 to July 31, several actions sharing a due time (ties by id).
    const day = 1 + ((i * 7) % 61);
    const dueAt = day <= 30 ? `2026-06-${String(day).padStart(2, '0')}T09:00:00` : `2026-07-${String(day - 30).padStart(2, '0')}T09:00:00`;
    const customerKey = ['K1', 'K2', 'K3'][i % 3] as string;
    const a = createAction(ws.sqlite, { customerKey, templateId: 'serviceImprovementNote', dueAt }, '2026-05-20T09:00:00');
    const status = statuses[i % statuses.length] as ActionStatus;
    if (status !== 'open') updateAction(ws.sqlite, { id: a.id, status }, '2026-05-21T09:00:00');
    made.push({ id: a.id, status, dueAt, customerKey });
  }
  await ws.close();
  b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  handlers = createHandlers(b);
  await b.open(path);
});
afterAll(async () => b?.shutdown());

const byDue = (xs: typeof made) => [...xs].sort((x, y) => (x.dueAt === y.dueAt ? x.id - y.id : x.dueAt < y.dueAt ? -1 : 1)).map((x) => x.id);
const isOverdue = (x: (typeof made)[number]) => (x.status === 'open' || x.status === 'inProgress') && x.dueAt < NOW;

describe('actions.list pages the board', () => {
  it('puts each status column together from pages of 40, by due time, with its total and the overdue count', async () => {
    const overdue = made.filter(isOverdue).length;
    expect(overdue).toBeGreaterThan(10);
    for (const status of ['open', 'inProgress', 'done'] as const) {
      const want = byDue(made.filter((x) => x.status === status));
      const got: number[] = [];
      for (let offset = 0; offset < 200; offset += 40) {
        const page = await list({ status, now: NOW, limit: 40, offset });
        expect(page.total).toBe(want.length);
        expect(page.overdue).toBe(overdue);
        got.push(...page.items.map((a) => a.id));
        if (page.items.length < 40) break;
      }
      expect(got).toEqual(want);
    }
  });

  it("pages the overdue-only view and counts one customer's actions", async () => {
    const late = await list({ status: 'open', overdueOnly: true, now: NOW, limit: 5, offset: 5 });
    const want = byDue(made.filter((x) => x.status === 'open' && isOverdue(x)));
    expect(late.total).toBe(want.length);
    expect(late.items.map((a) => a.id)).toEqual(want.slice(5, 10));
    expect(late.items.every((a) => a.overdue)).toBe(true);
    const one = await list({ customerKey: 'K2', now: NOW, limit: 1000 });
    expect(one.total).toBe(made.filter((x) => x.customerKey === 'K2').length);
    expect(one.overdue).toBe(made.filter((x) => x.customerKey === 'K2' && isOverdue(x)).length);
    expect(one.items.map((a) => a.id)).toEqual(byDue(made.filter((x) => x.customerKey === 'K2')));
  });
});
