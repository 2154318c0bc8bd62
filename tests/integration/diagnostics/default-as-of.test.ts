import { afterAll, describe, expect, it } from 'vitest';
import { defaultAsOf } from '../../../electron/backend/diagnostics/defaults';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';

// A retail export whose last rows are cancellations (credit notes after the last purchase): the
// default as-of is the last purchase, so the latest period is not one made only of refunds.

const dir = tempDir();
const open: Workspace[] = [];
afterAll(async () => {
  for (const w of open) await w.close();
});

async function withOrders(rows: [string, string, number][]): Promise<Workspace> {
  const ws = await newWorkspace(dir);
  open.push(ws);
  ws.sqlite.prepare(`insert into customers (row_key, customer_key, name) values ('c1', 'C1', '客户一'), ('c2', 'C2', '客户二')`).run();
  const ins = ws.sqlite.prepare(`insert into orders (row_key, order_key, customer_key, order_date, amount) values (?, ?, ?, ?, ?)`);
  rows.forEach(([customer, date, amount], i) => ins.run(`r${i}`, `o${i}`, customer, date, amount));
  return ws;
}

describe('the default as-of date', () => {
  it('is the last purchase, not a return dated after it', async () => {
    const ws = await withOrders([
      ['C1', '2010-12-01', 120],
      ['C2', '2010-12-09', 80.5],
      ['C1', '2011-01-04', -120],
      ['C2', '2011-01-10', -15],
    ]);
    expect(defaultAsOf(ws.sqlite)).toBe('2010-12-09');
  });

  it('falls back to the latest order date when no line has a positive amount', async () => {
    const ws = await withOrders([
      ['C1', '2024-03-01', 0],
      ['C2', '2024-03-05', -10],
    ]);
    expect(defaultAsOf(ws.sqlite)).toBe('2024-03-05');
  });
});
