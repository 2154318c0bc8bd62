import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import { CUSTOMER_SORTS, type CustomerSort } from '../../../shared/contract/diagnostics';
import type { DrillTarget } from '../../../shared/analytics';
import { BENCH_AS_OF, generateWorkspace } from '../../bench/large-workspace';
import { tempDir } from '../../helpers/temp';

// The customer table as the engine pages it, checked against the run's rows read straight from the
// file and sorted, searched and filtered here: every page of every sort, both directions.

const dir = tempDir();
const path = join(dir, 'paging.rwb');
let b: Backend;
let handlers: Handlers;
let runId: number;

async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const env = await dispatch(b, handlers, name, args);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as ResultOf<K>;
}

interface Plain {
  key: string;
  name: string | null;
  values: Record<CustomerSort, string | number | null>;
}

const COLUMN: Record<CustomerSort, string> = {
  customerKey: 'customer_key',
  name: 'name',
  revenue12m: 'revenue_12m',
  monetary: 'monetary',
  recencyDays: 'recency_days',
  frequency: 'frequency',
  tenureDays: 'tenure_days',
  mrr: 'mrr',
};

let everyone: Plain[] = [];

/** The documented order: customers without a figure last, ties by key in the sort's direction. */
function expected(rows: readonly Plain[], sort: CustomerSort, descending: boolean): string[] {
  const dir = descending ? -1 : 1;
  return [...rows]
    .sort((x, y) => {
      const a = x.values[sort];
      const c = y.values[sort];
      if (a === null && c === null) return (x.key < y.key ? -1 : 1) * dir;
      if (a === null) return 1;
      if (c === null) return -1;
      if (a !== c) return (a < c ? -1 : 1) * dir;
      return (x.key < y.key ? -1 : 1) * dir;
    })
    .map((r) => r.key);
}

async function allPages(args: Omit<ArgsOf<'diagnostics.customers'>, 'offset' | 'limit'>, limit: number): Promise<{ totals: Set<number>; keys: string[] }> {
  const totals = new Set<number>();
  const keys: string[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await call('diagnostics.customers', { ...args, offset, limit });
    totals.add(page.total);
    keys.push(...page.rows.map((r) => r.customerKey));
    if (page.rows.length < limit) break;
  }
  return { totals, keys };
}

const matching = (rows: readonly Plain[], q: string) =>
  rows.filter((r) => r.key.toLowerCase().includes(q.toLowerCase()) || (r.name ?? '').toLowerCase().includes(q.toLowerCase()));

beforeAll(async () => {
  await generateWorkspace(path, 2_000, 30_000);
  // Customers who never bought (no recency, frequency or monetary figure).
  const raw = new Database(path);
  const add = raw.prepare('insert into customers (row_key, customer_key, name) values (?, ?, ?)');
  add.run('Z1', 'Z0001', '未下单客户甲');
  add.run('Z2', 'Z0002', '未下单客户乙');
  raw.close();
  b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  handlers = createHandlers(b);
  await b.open(path);
  runId = (await call('diagnostics.run', { params: { asOf: BENCH_AS_OF } })).id;
  const db = new Database(path, { readonly: true });
  const cols = CUSTOMER_SORTS.map((s) => COLUMN[s]).join(', ');
  everyone = (db.prepare(`select ${cols} from diagnostic_customer where run_id = ?`).raw(true).all(runId) as (string | number | null)[][]).map((r) => ({
    key: r[0] as string,
    name: r[1] as string | null,
    values: Object.fromEntries(CUSTOMER_SORTS.map((s, i) => [s, r[i] as string | number | null])) as Record<CustomerSort, string | number | null>,
  }));
  db.close();
}, 120_000);
afterAll(async () => b?.shutdown());

describe('the customer table, paged by the engine', () => {
  it('has customers without a figure in the nullable sorts, so nulls-last is exercised', () => {
    expect(everyone).toHaveLength(2_002);
    expect(everyone.filter((r) => r.values.recencyDays === null).length).toBeGreaterThanOrEqual(2);
  });

  it('pages every sort both ways in the documented order, with the total on every page', async () => {
    for (const sort of CUSTOMER_SORTS) {
      for (const descending of [false, true]) {
        const { totals, keys } = await allPages({ runId, sort, descending }, 300);
        expect([...totals], `${sort} ${descending}`).toEqual([2_002]);
        expect(keys, `${sort} ${descending ? 'descending' : 'ascending'}`).toEqual(expected(everyone, sort, descending));
      }
    }
  });

  it('answers a deep offset with the rows at that position, and an offset past the end with none', async () => {
    const order = expected(everyone, 'revenue12m', true);
    const deep = await call('diagnostics.customers', { runId, sort: 'revenue12m', descending: true, offset: 1_950, limit: 100 });
    expect(deep.total).toBe(2_002);
    expect(deep.rows.map((r) => r.customerKey)).toEqual(order.slice(1_950));
    const asc = expected(everyone, 'recencyDays', false);
    const tail = await call('diagnostics.customers', { runId, sort: 'recencyDays', descending: false, offset: 1_990, limit: 100 });
    expect(tail.rows.map((r) => r.customerKey)).toEqual(asc.slice(1_990));
    expect((await call('diagnostics.customers', { runId, offset: 5_000, limit: 100 })).rows).toEqual([]);
  });

  it('searches key and name for the text (either case, % and _ taken literally), sorted and paged', async () => {
    const q = '12';
    const hits = matching(everyone, q);
    expect(hits.length).toBeGreaterThan(20);
    expect(hits.length).toBeLessThan(2_000);
    for (const descending of [false, true]) {
      const { totals, keys } = await allPages({ runId, search: q, sort: 'monetary', descending }, 7);
      expect([...totals]).toEqual([hits.length]);
      expect(keys).toEqual(expected(hits, 'monetary', descending));
    }
    const lower = await call('diagnostics.customers', { runId, search: 'c0012', limit: 100 });
    expect(lower.rows.map((r) => r.customerKey)).toEqual(expected(matching(everyone, 'C0012'), 'customerKey', false));
    expect((await call('diagnostics.customers', { runId, search: '%' })).total).toBe(0);
    expect((await call('diagnostics.customers', { runId, search: '客户1_' })).total).toBe(0);
  });

  it('narrows to a drill target (the members diagnostics.drill lists), with search on top', async () => {
    const target: DrillTarget = { kind: 'tier', tier: 'core' };
    const members = new Set((await call('diagnostics.drill', { runId, target, limit: 0 })).keys);
    expect(members.size).toBeGreaterThan(10);
    const inTarget = everyone.filter((r) => members.has(r.key));
    for (const descending of [false, true]) {
      const { totals, keys } = await allPages({ runId, target, sort: 'revenue12m', descending }, 50);
      expect([...totals]).toEqual([members.size]);
      expect(keys).toEqual(expected(inTarget, 'revenue12m', descending));
    }
    const both = matching(inTarget, '1');
    const page = await call('diagnostics.customers', { runId, target, search: '1', sort: 'name', limit: 5_000 });
    expect(page.total).toBe(both.length);
    expect(page.rows.map((r) => r.customerKey)).toEqual(expected(both, 'name', false));
  });

  it('refuses a run that does not exist', async () => {
    const env = await dispatch(b, handlers, 'diagnostics.customers', { runId: runId + 100 });
    expect(env.ok).toBe(false);
  });
});
