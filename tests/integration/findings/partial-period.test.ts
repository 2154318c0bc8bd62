import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers } from '../../../electron/backend/handlers';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';

// A run whose as-of date falls inside a month (2024-04-10): the retention finding quotes March, the
// last complete month, against February, never the ten days of April.

const dir = tempDir();
const b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
const handlers = createHandlers(b);
afterAll(async () => b.shutdown());
async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const env = await dispatch(b, handlers, name, args);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as ResultOf<K>;
}

describe('findings on a run whose latest period is partial', () => {
  it('quote the last complete period', async () => {
    const ws = await newWorkspace(dir);
    const keys = Array.from({ length: 12 }, (_, i) => `C${i + 1}`);
    const cust = ws.sqlite.prepare(`insert into customers (row_key, customer_key, name) values (?, ?, ?)`);
    const ord = ws.sqlite.prepare(`insert into orders (row_key, order_key, customer_key, order_date, amount) values (?, ?, ?, ?, ?)`);
    let n = 0;
    keys.forEach((k, i) => {
      cust.run(k, k, `客户${i + 1}`);
      for (const m of ['01', '02', '03']) if (m !== '03' || i < 9) ord.run(`r${n}`, `o${n++}`, k, `2024-${m}-05`, 100);
      ord.run(`r${n}`, `o${n++}`, k, '2024-04-08', -20); // returns after the last purchase
    });
    const path = ws.path;
    await ws.close();
    await b.open(path);
    await call('diagnostics.run', { params: { asOf: '2024-04-10', grain: 'month', activity: { windowDays: 31 } } });
    const run = await call('diagnostics.get', {});
    expect(run?.results.kpis.retentionRate.periodKey).toBe('2024-04');
    expect(run?.results.kpis.retentionRate.partial).toBe(true);
    const list = await call('findings.list', { minCustomers: 1 });
    const retention = list.findings.find((f) => f.kind === 'retentionChange');
    expect(retention).toBeDefined();
    expect(retention!.text['zh-CN']).toContain('2024-03');
    expect(retention!.text['zh-CN']).not.toContain('2024-04');
  });
});
