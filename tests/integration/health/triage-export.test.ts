// The signal inbox and the action board export "what you see" through table.export: the rows the
// screen's triage filters match, in its sort, with the title lines naming the filters, formula-safe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import { HOSTILE_NAME } from '../reports/sample-model';
import { AS_OF, insertFixture } from './fixture';

const dir = tempDir();
let b: Backend;
let handlers: Handlers;
const e = {
  async call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
    const env = await dispatch(b, handlers, name, args);
    if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
    return env.value as ResultOf<K>;
  },
};

async function rowsOf(path: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const out: unknown[][] = [];
  book.worksheets[0]!.eachRow({ includeEmpty: true }, (row, n) => (out[n - 1] = (row.values as unknown[]).slice(1)));
  return Array.from(out, (r) => r ?? []);
}

beforeAll(async () => {
  const ws = await newWorkspace(dir);
  insertFixture(ws);
  // A customer whose name a spreadsheet would run as a formula (the silent customer: a heavy signal and its action).
  ws.sqlite.prepare(`update customers set name = ? where customer_key = 'SILENT'`).run(HOSTILE_NAME);
  const path = ws.path;
  await ws.close();
  b = new Backend({ host: 'web', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  handlers = createHandlers(b);
  await b.open(path);
  await e.call('health.run', { asOf: AS_OF });
}, 120_000);
afterAll(async () => b?.shutdown());

describe('exporting the triage lists', () => {
  it('writes the inbox rows an owner filter matches, in the screen sort, and names the filters', async () => {
    const all = await e.call('signals.triage', { limit: 1 });
    const owner = all.facets!.owner.find((o) => o.value !== null)!.value!;
    const filters = { owner: [owner], sort: 'revenue' as const };
    const page = await e.call('signals.triage', { ...filters, limit: 5000 });
    expect(page.signals).toBeGreaterThan(0);
    const out = await e.call('table.export', { table: 'health.signals', filters, format: 'xlsx', path: join(dir, 'out', 'signals.xlsx') });
    expect(out.rows).toBe(page.signals);
    const rows = await rowsOf(out.path);
    expect(String(rows[0]?.[0])).toContain('预警信号');
    expect(String(rows[1]?.[0])).toContain('近 12 个月收入');
    expect(String(rows[2]?.[0])).toContain(`负责人：${owner}`);
    expect(String(rows[2]?.[0])).toContain('排序：风险收入');
    const header = rows.findIndex((r) => r[0] === out.columns[0]);
    const data = rows.slice(header + 1);
    expect(data.map((r) => r[0])).toEqual(page.items.map((s) => s.customerKey));
    expect(data.every((r) => r[5] === owner)).toBe(true);
  });

  it('keeps a formula-like customer name as text in the inbox and board exports', async () => {
    const page = await e.call('actions.triage', { search: 'cmd', limit: 50 });
    expect(page.total).toBeGreaterThan(0);
    const csv = await e.call('table.export', { table: 'health.actions', filters: { search: 'cmd' }, format: 'csv', path: join(dir, 'out', 'actions.csv') });
    expect(csv.rows).toBe(page.total);
    const signals = await e.call('signals.triage', { search: 'cmd', limit: 50 });
    expect(signals.signals).toBeGreaterThan(0);
    const s = await e.call('table.export', { table: 'health.signals', filters: { search: 'cmd' }, format: 'csv', path: join(dir, 'out', 's.csv') });
    expect(s.rows).toBe(signals.signals);
    for (const text of [readFileSync(s.path, 'utf8'), readFileSync(csv.path, 'utf8')]) {
      expect(text).toContain(`'${HOSTILE_NAME}`);
      expect(text).not.toMatch(/(^|,)=cmd/m);
    }
  });
});
