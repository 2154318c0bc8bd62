import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../../shared/domain/entities';
import { DEMO_FILES, DEMO_MANIFEST_FILE } from '../../../electron/backend/demo/demo-files';
import { generateDemo, type DemoManifest } from '../../../electron/backend/demo/generator/index';
import { loadDemoData, type DemoLoad } from '../../../electron/backend/demo/load-demo';
import { createWorkspace, type Workspace } from '../../../electron/backend/workspace/workspace';
import { countEntities } from '../../../electron/backend/workspace/repositories/counts';
import type { WritableKysely } from '../../../electron/backend/workspace/connection';

// The demo engagement must be reproducible, load cleanly, and show every planted pattern. The
// pattern checks below are SQL over the loaded tables, independent of the generator's own code.

const DEMO_DIR = resolve('resources/demo');
const AS_OF = '2026-10-31';
const LAST90_FROM = '2026-08-02'; // the 90 days ending on the as-of date, inclusive

const temps: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'rwb-demo-'));
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const manifest = JSON.parse(readFileSync(join(DEMO_DIR, DEMO_MANIFEST_FILE), 'utf8')) as DemoManifest;

describe('demo generator', () => {
  it('writes byte-identical files on every run, identical to the committed resources/demo', async () => {
    const a = tempDir();
    const b = tempDir();
    await generateDemo(a);
    await generateDemo(b);
    const names = readdirSync(a).sort();
    expect(readdirSync(b).sort()).toEqual(names);
    expect(names).toEqual([...Object.values(DEMO_FILES).map((f) => f.file), DEMO_MANIFEST_FILE].sort());
    for (const n of names) {
      const bytes = readFileSync(join(a, n));
      expect(readFileSync(join(b, n)).equals(bytes), n).toBe(true);
      // Stale committed data (generator changed, files not regenerated) fails here.
      expect(readFileSync(join(DEMO_DIR, n)).equals(bytes), `resources/demo/${n} is stale: run scripts/generate-demo.ts`).toBe(true);
    }
  });

  it('writes CSV as Excel does (BOM, CRLF) and stays small', () => {
    let total = 0;
    for (const { file, headers } of Object.values(DEMO_FILES)) {
      const bytes = readFileSync(join(DEMO_DIR, file));
      total += statSync(join(DEMO_DIR, file)).size;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8', 3, 3 + Buffer.byteLength(headers.join(',')) + 2)).toBe(`${headers.join(',')}\r\n`);
    }
    expect(total).toBeLessThan(5_000_000);
  });
});

describe('demo loader (through the import pipeline)', () => {
  let ws: Workspace;
  let db: WritableKysely;
  let counts: DemoLoad['counts'];

  beforeAll(async () => {
    ws = await createWorkspace(join(tempDir(), 'demo.rwb'), {
      clientName: 'demo',
      industry: null,
      currency: 'CNY',
      locale: 'zh-CN',
      consultant: null,
      startDate: null,
      endDate: null,
      notes: null,
    });
    db = ws.db;
    counts = (await loadDemoData(ws, DEMO_DIR)).counts;
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('loads every file with the row counts of the export, one batch per file', async () => {
    const orphans = manifest.orphanCustomerKeys.length;
    expect(orphans).toBe(2);
    for (const k of ENTITY_KINDS) {
      const expected = manifest.files[k]!.rows + (k === 'customers' ? orphans : 0);
      expect(counts[k], k).toBe(expected);
      const row = await db
        .selectFrom(k)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(row.n), k).toBe(expected);
    }
    const batches = await db
      .selectFrom('import_batch')
      .select(['entity', 'rows_read', 'rows_accepted', 'rows_rejected', 'rows_duplicate', 'file_hash'])
      .orderBy('id')
      .execute();
    expect(batches.map((b) => b.entity)).toEqual([...ENTITY_KINDS]);
    for (const b of batches) {
      const entity = b.entity as (typeof ENTITY_KINDS)[number];
      expect(b.rows_read).toBe(manifest.files[entity]!.rows);
      expect([b.rows_accepted, b.rows_rejected, b.rows_duplicate], entity).toEqual([b.rows_read, 0, 0]);
      expect(b.file_hash).toBe(manifest.files[entity]!.sha256);
    }
  });

  it('has no orphans but the two documented ones, which only orders reference', async () => {
    const documented = manifest.orphanCustomerKeys.map((o) => o.key).sort();
    const created = await db.selectFrom('customers').select('customer_key').where('created_from_order', '=', 1).orderBy('customer_key').execute();
    expect(created.map((c) => c.customer_key)).toEqual(documented);
    for (const table of ['contracts', 'interactions', 'tickets', 'surveys', 'usage', 'projects'] as const) {
      const stray = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} t
        where not exists (select 1 from customers c where c.customer_key = t.customer_key and c.created_from_order = 0)`.execute(db);
      expect(Number(stray.rows[0]!.n), table).toBe(0);
    }
  });

  it('reads values into canonical form (returns negative, periods normalised, directions mapped)', async () => {
    const returns = await db.selectFrom('orders').select(['amount', 'is_return', 'order_key']).where('is_return', '=', 1).execute();
    expect(returns.length).toBeGreaterThan(20);
    expect(returns.every((r) => r.amount < 0 && r.order_key.startsWith('TH'))).toBe(true);
    const gifts = await db.selectFrom('orders').select('amount').where('amount', '=', 0).execute();
    expect(gifts.length).toBeGreaterThan(0);
    const multiLine = await sql<{ n: number }>`select count(*) as n from (select order_key from orders group by order_key having count(*) > 1)`.execute(db);
    expect(Number(multiLine.rows[0]!.n)).toBeGreaterThan(1000);
    const periods = await sql<{ p: string; n: number }>`select value_period as p, count(*) as n from contracts group by 1 order by 1`.execute(db);
    expect(periods.rows.map((r) => r.p)).toEqual(['month', 'year']);
    const mrr = await db.selectFrom('contracts').select(['recurring_value', 'mrr', 'value_period']).execute();
    for (const c of mrr) expect(c.mrr).toBeCloseTo(c.value_period === 'year' ? c.recurring_value / 12 : c.recurring_value, 6);
    const dirs = await sql<{ d: string }>`select distinct direction as d from interactions order by 1`.execute(db);
    expect(dirs.rows.map((r) => r.d)).toEqual(['inbound', 'outbound']);
    const metrics = await sql<{ m: string }>`select distinct metric as m from usage order by 1`.execute(db);
    expect(metrics.rows.map((r) => r.m)).toEqual(['active_users', 'logins']);
    const t = await db.selectFrom('tickets').select(['opened_at', 'first_response_at']).limit(1).executeTakeFirstOrThrow();
    expect(t.opened_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/);
  });

  it('keeps every record inside its customer relationship and in time order', async () => {
    const dated = [
      ['orders', 'order_date'],
      ['interactions', 'date'],
      ['tickets', 'substr(opened_at, 1, 10)'],
      ['surveys', 'date'],
      ['projects', 'planned_start'],
    ] as const;
    for (const [table, col] of dated) {
      const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} t join customers c using (customer_key)
        where ${sql.raw(col)} < c.first_seen or ${sql.raw(col)} > ${AS_OF} or (c.churn_date is not null and ${sql.raw(col)} > c.churn_date)`.execute(db);
      expect(Number(r.rows[0]!.n), table).toBe(0);
    }
    const tickets = await sql<{ n: number }>`select count(*) as n from tickets
      where first_response_at < opened_at or resolved_at < first_response_at`.execute(db);
    expect(Number(tickets.rows[0]!.n)).toBe(0);
    const contracts = await sql<{ n: number }>`select count(*) as n from contracts
      where end_date < start_date or cancelled_date < start_date or cancelled_date > end_date`.execute(db);
    expect(Number(contracts.rows[0]!.n)).toBe(0);
    const renewals = await sql<{ n: number }>`select count(*) as n from contracts k
      where renewal_of is not null and not exists (select 1 from contracts p where p.contract_key = k.renewal_of and p.customer_key = k.customer_key)`.execute(
      db,
    );
    expect(Number(renewals.rows[0]!.n)).toBe(0);
  });

  it('shows the planted customer patterns', async () => {
    const count = async (q: ReturnType<typeof sql<{ n: number }>>): Promise<number> => Number((await q.execute(db)).rows[0]!.n);

    const competitor = await count(sql`select count(distinct customer_key) as n from interactions
      where date >= ${LAST90_FROM} and (text like '%竞品%' or text like '%对手报价%')`);
    expect(competitor).toBeGreaterThanOrEqual(10);

    const decisionMaker = await count(sql`select count(distinct customer_key) as n from interactions
      where date >= ${LAST90_FROM} and (text like '%新任采购总监%' or text like '%原负责人离职%' or text like '%调岗%')`);
    expect(decisionMaker).toBeGreaterThanOrEqual(5);

    // Reactivation: a gap of over 365 days between two purchases (returns and gifts are not purchases).
    const reactivated = await count(sql`select count(distinct customer_key) as n from (
        select customer_key, order_date, lag(order_date) over (partition by customer_key order by order_date) as prev
        from orders where amount > 0)
      where prev is not null and julianday(order_date) - julianday(prev) > 365`);
    expect(reactivated).toBeGreaterThanOrEqual(10);

    const ending = await count(sql`select count(*) as n from contracts
      where status = '履行中' and cancelled_date is null and end_date > ${AS_OF} and end_date <= date(${AS_OF}, '+90 days')`);
    expect(ending).toBeGreaterThanOrEqual(30);
    expect(ending).toBe(manifest.contractsEnding90d.length);

    // Contraction: a contract cancelled while another of the same customer was live, and the customer
    // still has a live contract at the as-of date (so it is not churn).
    const contraction = await count(sql`select count(distinct k.customer_key) as n from contracts k
      where k.cancelled_date is not null
        and exists (select 1 from contracts o where o.customer_key = k.customer_key and o.contract_key <> k.contract_key
          and o.start_date <= k.cancelled_date and o.end_date >= k.cancelled_date and o.cancelled_date is null)
        and exists (select 1 from contracts l where l.customer_key = k.customer_key and l.status = '履行中' and l.cancelled_date is null)`);
    expect(contraction).toBeGreaterThanOrEqual(8);

    const silent = await count(sql`select count(*) as n from customers c where c.status = '合作中' and c.created_from_order = 0
      and not exists (select 1 from interactions i where i.customer_key = c.customer_key and i.date > date(${AS_OF}, '-183 days'))
      and not exists (select 1 from orders o where o.customer_key = c.customer_key and o.order_date > date(${AS_OF}, '-183 days'))`);
    expect(silent).toBeGreaterThanOrEqual(8);

    const loginsDown = await count(sql`select count(*) as n from (
        select customer_key,
          avg(case when period >= '2026-08-01' then value end) as recent,
          avg(case when period >= '2026-05-01' and period < '2026-08-01' then value end) as before
        from usage where metric = 'logins' group by customer_key)
      where recent <= 0.7 * before`);
    expect(loginsDown).toBeGreaterThanOrEqual(8);

    const delayed = await count(sql`select count(*) as n from projects
      where status = '实施中' and planned_end < ${AS_OF} and open_issues >= 3`);
    expect(delayed).toBeGreaterThanOrEqual(12);

    const unanswered = await db
      .selectFrom('interactions')
      .select(['customer_key', 'direction', 'responded'])
      .orderBy('customer_key')
      .orderBy('date')
      .orderBy('id')
      .execute();
    const lastThree = new Map<string, { direction: string | null; responded: number | null }[]>();
    for (const r of unanswered) lastThree.set(r.customer_key, [...(lastThree.get(r.customer_key) ?? []), r].slice(-3));
    const threeInARow = [...lastThree.values()].filter((l) => l.length === 3 && l.every((r) => r.direction === 'outbound' && r.responded === 0));
    expect(threeInARow.length).toBeGreaterThanOrEqual(8);

    const surveys = await db.selectFrom('surveys').select(['customer_key', 'csat']).orderBy('customer_key').orderBy('date').execute();
    const lastTwo = new Map<string, (number | null)[]>();
    for (const s of surveys) lastTwo.set(s.customer_key, [...(lastTwo.get(s.customer_key) ?? []), s.csat].slice(-2));
    expect([...lastTwo.values()].filter((l) => l.length === 2 && l.every((v) => v !== null && v <= 2)).length).toBeGreaterThanOrEqual(6);
  });

  it('has one key account above 15% of last-12-month sales and different retention by cohort', async () => {
    const shares = await sql<{ customer_key: string; share: number }>`select customer_key, sum(amount) * 1.0 /
        (select sum(amount) from orders where order_date > date(${AS_OF}, '-365 days')) as share
      from orders where order_date > date(${AS_OF}, '-365 days') group by customer_key order by share desc limit 3`.execute(db);
    expect(shares.rows[0]!.share).toBeGreaterThan(0.15);
    expect(shares.rows[1]!.share).toBeLessThan(0.15);
    const benchmarks = await count(sql`select count(*) as n from customers where is_benchmark = 1`);
    expect(benchmarks).toBe(3);

    const churnBy = async (from: string, to: string): Promise<number> => {
      const r = await sql<{ rate: number }>`select avg(case when status = '已流失' then 1.0 else 0 end) as rate
        from customers where first_seen between ${from} and ${to}`.execute(db);
      return r.rows[0]!.rate;
    };
    // The 2024 H1 cohort went live during the delivery overload: markedly worse than 2024 H2.
    expect(await churnBy('2024-01-01', '2024-06-30')).toBeGreaterThan((await churnBy('2024-07-01', '2024-12-31')) + 0.08);

    const churned = await db.selectFrom('customers').select(['churn_date', 'churn_reason']).where('status', '=', '已流失').execute();
    expect(churned.length).toBeGreaterThan(60);
    expect(churned.every((c) => c.churn_date !== null && c.churn_reason !== null && c.churn_date <= AS_OF)).toBe(true);

    async function count(q: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
      return Number((await q.execute(db)).rows[0]!.n);
    }
  });

  it('has survey comments whose themes a word count will find', async () => {
    for (const theme of ['响应速度', '实施周期', '价格', '培训', '售后', '稳定性']) {
      const r = await sql<{ n: number }>`select count(*) as n from surveys where comment like ${'%' + theme + '%'}`.execute(db);
      expect(Number(r.rows[0]!.n), theme).toBeGreaterThanOrEqual(10);
    }
    const distinct = await sql<{ n: number }>`select count(distinct comment) as n from surveys`.execute(db);
    expect(Number(distinct.rows[0]!.n)).toBeGreaterThan(200);
  });

  it('lists in the manifest only customers that exist', async () => {
    const keys = new Set((await db.selectFrom('customers').select('customer_key').execute()).map((c) => c.customer_key));
    for (const [name, p] of Object.entries(manifest.patterns)) {
      expect(p.customers.length, name).toBeGreaterThan(0);
      for (const k of p.customers) expect(keys.has(k), `${name}: ${k}`).toBe(true);
    }
  });

  // Last: it adds eight batches of duplicates.
  it('re-importing every demo file adds nothing: every row is recognised as a duplicate', async () => {
    const before = await countEntities(db);
    const again = await loadDemoData(ws, DEMO_DIR, undefined, { allowDuplicates: true });
    expect(again.counts).toEqual(before);
    for (const b of again.batches) expect([b.rowsAccepted, b.rowsDuplicate], b.entity).toEqual([0, b.rowsRead]);
  });
});
