import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers } from '../../../electron/backend/handlers';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import { errorMessages } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';

// What counts as churn in a review when the CRM records no churn date: a snapshot with only a
// churned flag (no dates, no orders) is refused with what to import; order data are reviewed by the
// diagnostic run's activity definition (last purchase + its window), and the review says so.

const dir = tempDir();
const backends: Backend[] = [];
afterAll(async () => {
  for (const b of backends) await b.shutdown();
});

async function open(fill: (ws: Workspace) => void) {
  const ws = await newWorkspace(dir);
  ws.sqlite.prepare(`insert into customers (row_key, customer_key, name) values ('a', 'A', '甲'), ('b', 'B', '乙'), ('c', 'C', '丙'), ('d', 'D', '丁')`).run();
  fill(ws);
  const path = ws.path;
  await ws.close();
  const b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  backends.push(b);
  const handlers = createHandlers(b);
  await b.open(path);
  return {
    call: async <K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> => {
      const env = await dispatch(b, handlers, name, args);
      if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
      return env.value as ResultOf<K>;
    },
  };
}

const orders = (ws: Workspace) => {
  const ins = ws.sqlite.prepare(`insert into orders (row_key, order_key, customer_key, order_date, amount) values (?, ?, ?, ?, ?)`);
  const rows: [string, string, number][] = [
    ['A', '2024-01-05', 100],
    ['A', '2024-02-05', 100],
    ['A', '2024-03-05', 100],
    ['B', '2024-01-10', 500], // last purchase + 30 days = 2024-02-09: churned in 2024-02
    ['C', '2024-01-15', 200],
    ['C', '2024-02-14', 200], // 2024-03-15: churned in 2024-03
    ['D', '2024-03-20', 50],
    ['D', '2024-03-31', -50], // a return after the last purchase
  ];
  rows.forEach(([c, d, a], i) => ins.run(`r${i}`, `o${i}`, c, d, a));
};

describe('the churn review without recorded churn dates', () => {
  it('refuses a customer snapshot with neither churn dates nor orders, saying what to import, in both languages', async () => {
    const e = await open(() => {});
    await expect(e.call('churn.review', { params: { period: '2024-02', top: 20, traitMonths: 12, minSupport: 5 } })).rejects.toThrow(/CHURN_REVIEW_NO_CHURN/);
    expect(errorMessages.CHURN_REVIEW_NO_CHURN['zh-CN']).toContain('rwb churn-model');
    expect(errorMessages.CHURN_REVIEW_NO_CHURN.en).toContain('churn_date');
  });

  it('asks for a diagnostic run on order data before any run', async () => {
    const e = await open(orders);
    await expect(e.call('churn.review', { params: { period: '2024-02', top: 20, traitMonths: 12, minSupport: 5 } })).rejects.toThrow(
      /CHURN_REVIEW_NEEDS_DIAGNOSTICS/,
    );
  });

  it('counts churn on order data by the diagnostic run’s activity window, states it, and defaults to the last complete period', async () => {
    const e = await open(orders);
    const run = await e.call('diagnostics.run', { params: { asOf: '2024-03-31', grain: 'month', activity: { windowDays: 30 } } });
    expect(await e.call('churn.reviewDefaults', {})).toEqual({ period: '2024-03', asOf: '2024-03-31' });
    const feb = await e.call('churn.review', { params: { period: '2024-02', top: 20, traitMonths: 12, minSupport: 5 } });
    expect(feb.definition).toEqual({ kind: 'activity', diagnosticRunId: run.id, windowDays: 30, asOf: '2024-03-31' });
    expect(feb.churnedCount).toBe(1);
    expect(feb.customers.map((c) => [c.customerKey, c.churnDate])).toEqual([['B', '2024-02-09']]);
    expect(feb.onBook).toBe(3); // A, B, C bought by February's end; D not yet
    const mar = await e.call('churn.review', { params: { period: '2024-03', top: 20, traitMonths: 12, minSupport: 5 } });
    expect(mar.customers.map((c) => c.customerKey)).toEqual(['C']);
    expect(mar.churnRatePct).toBeCloseTo((100 * 1) / 3);
  });

  it('keeps the recorded churn dates when the CRM has any', async () => {
    const e = await open((ws) => {
      orders(ws);
      ws.sqlite.prepare(`update customers set churn_date = '2024-03-10' where customer_key = 'A'`).run();
    });
    const mar = await e.call('churn.review', { params: { period: '2024-03', top: 20, traitMonths: 12, minSupport: 5 } });
    expect(mar.definition).toEqual({ kind: 'recorded' });
    expect(mar.customers.map((c) => c.customerKey)).toEqual(['A']);
  });
});
