// A stored run broken down by an attribute the imports kept (a superstore export's 省/自治区, a number
// and a date from the customer list), and the customer table filtered to one group: the groups add
// up to the run, and each group's customers are exactly the table's rows for its drill target.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import type { DrillTarget } from '../../../shared/analytics';
import { tempDir } from '../../helpers/temp';
import { writeSuperstore } from '../import/real-shapes';

const dir = tempDir('rwb-attr-breakdown-');
let b: Backend;
let handlers: Handlers;

async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const env = await dispatch(b, handlers, name, args);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as ResultOf<K>;
}

beforeAll(async () => {
  b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  handlers = createHandlers(b);
  await call('engagement.create', { path: join(dir, 'store.rwb'), meta: { clientName: '超市', currency: 'CNY', locale: 'zh-CN' } });
  const orders = join(dir, 'orders.csv');
  const { customers } = writeSuperstore(orders);
  const list = join(dir, 'customers.csv');
  // The customer list adds a number (员工数) and a date (上次拜访日期) for the same customers.
  writeFileSync(
    list,
    ['客户编号,客户名称,员工数,上次拜访日期', ...customers.map((c, i) => `${c.id},${c.name},${(i + 1) * 10},${2015 + (i % 3)}-03-01`)].join('\n'),
  );
  const p1 = await call('import.preview', { path: list });
  await call('import.run', { plan: p1.plan });
  const p2 = await call('import.preview', { path: orders });
  await call('import.run', { plan: p2.plan });
});
afterAll(async () => b?.shutdown());

describe('breakdown by a kept attribute', () => {
  it('lists the kept attributes with their types, and breaks a run down by each; every group drills to its own customers', async () => {
    const kept = await call('attributes.list', {});
    // In name order (code points), each with the customers that have a value.
    expect(kept.map((a) => [a.name, a.type, a.customers])).toEqual([
      ['上次拜访日期', 'date', 10],
      ['员工数', 'number', 10],
      ['地区', 'category', 10],
      ['城市', 'category', 10],
      ['省/自治区', 'category', 10],
      ['细分', 'category', 10],
    ]);
    const run = await call('diagnostics.run', { params: { asOf: '2017-12-31', grain: 'quarter' } });
    for (const name of ['省/自治区', '员工数', '上次拜访日期']) {
      const bd = await call('attributes.breakdown', { runId: run.id, name });
      expect(
        bd.groups.reduce((s, g) => s + g.customers, 0),
        name,
      ).toBe(run.customers);
      const revenue = bd.groups.reduce((s, g) => s + g.revenue12m, 0);
      const runRevenue = (await call('diagnostics.customers', { runId: run.id, limit: 5000 })).rows.reduce((s, r) => s + r.revenue12m, 0);
      expect(revenue).toBeCloseTo(runRevenue, 6);
      for (const g of bd.groups) {
        const target: DrillTarget = {
          kind: 'customerAttribute',
          name,
          value: g.value,
          ...(g.range ? { range: g.range } : {}),
          ...(g.year ? { year: true } : {}),
        };
        const page = await call('diagnostics.customers', { runId: run.id, target, limit: 5000 });
        expect(page.total, `${name} = ${g.value}`).toBe(g.customers);
      }
    }
    const years = await call('attributes.breakdown', { runId: run.id, name: '上次拜访日期' });
    expect(years.groups.map((g) => g.value)).toEqual(['2015', '2016', '2017']);
    const sizes = await call('attributes.breakdown', { runId: run.id, name: '员工数' });
    // 10 customers, 10..100 employees: five quintile ranges of two.
    expect(sizes.groups.map((g) => g.range)).toEqual([
      [10, 20],
      [30, 40],
      [50, 60],
      [70, 80],
      [90, 100],
    ]);
  });
});
