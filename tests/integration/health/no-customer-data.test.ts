// A customer list with no orders, contracts, usage, tickets, contacts or surveys (the IBM Telco
// churn snapshot's shape) scored all 7,043 customers 100 / green: only the signal counts had values,
// and zero signals earn full points. Such customers get no score, with the reason on the card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';

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
  const ins = ws.sqlite.prepare(`insert into customers (row_key, customer_key, name, owner, segment) values (?, ?, ?, null, ?)`);
  for (let i = 0; i < 25; i++) ins.run(`r${i}`, `T${String(i).padStart(4, '0')}`, `Telco customer ${i}`, i % 2 ? 'Month-to-month' : 'Two year');
  const path = ws.path;
  await ws.close();
  b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  handlers = createHandlers(b);
  await b.open(path);
}, 60_000);
afterAll(async () => b?.shutdown());

describe('customers with no data', () => {
  it('get no score (band none) from the default model, never green', async () => {
    const run = await call('health.run', { asOf: '2026-06-30' });
    expect(run.customers).toBe(25);
    expect(run.bands).toEqual({ red: 0, yellow: 0, green: 0, none: 25 });
    const card = await call('health.customer', { customerKey: 'T0003', runId: run.id });
    expect(card).toMatchObject({ score: null, band: null });
    // The signal counts had values (zero signals); nothing else did.
    const withValue = card.measures.filter((m) => m.value !== null).map((m) => m.metric);
    expect(withValue.sort()).toEqual(['heavySignals', 'otherSignals']);
  });
});
