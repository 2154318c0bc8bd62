// The block-streaming facts (range scans folded in JS) must give exactly the facts the old
// per-family GROUP BY / window queries gave: on the hand-built fixture, on the demo engagement, and
// on a seeded random workspace built to hit the ties and edges (same-day rows with and without times,
// returns, missing quantities, fractional amounts, orphan rows, churned customers, tiny blocks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import { computeFacts, defaultAsOf, forEachFactsBlock } from '../../../electron/backend/health/facts-sql';
import { addDays } from '../../../shared/health/dates';
import { referenceFacts } from './facts-reference';
import { AS_OF, insertFixture } from './fixture';

const dir = tempDir();
const KEYWORDS = ['竞品', '新任', 'Competitor', '换人'];

function expectSame(ws: Workspace, asOf: string, blockSize: number): number {
  for (const textKeywords of [undefined, KEYWORDS]) {
    const want = referenceFacts(ws.sqlite, asOf, { textKeywords });
    const got = computeFacts(ws.sqlite, asOf, { textKeywords, blockSize });
    expect(got.customers).toEqual(want.customers);
    expect(got.facts.length).toBe(want.facts.length);
    for (let i = 0; i < want.facts.length; i++) expect(got.facts[i]).toEqual(want.facts[i]);
  }
  return referenceFacts(ws.sqlite, asOf).facts.length;
}

describe('facts agree with the reference implementation', () => {
  let fixture: Workspace;
  let demo: Workspace;
  let random: Workspace;
  beforeAll(async () => {
    fixture = await newWorkspace(dir);
    insertFixture(fixture);
    demo = await createDemoWorkspace(join(dir, 'demo.rwb'), 'zh-CN');
    random = await newWorkspace(dir);
    insertRandom(random, 400);
  }, 120_000);
  afterAll(async () => {
    await fixture?.close();
    await demo?.close();
    await random?.close();
  });

  it.each([
    [AS_OF, 1],
    [AS_OF, 4096],
    ['2026-03-31', 3],
    ['2026-05-17', 5],
  ])('on the hand-built fixture at %s (block %i)', (asOf, block) => {
    expect(expectSame(fixture, asOf, block)).toBeGreaterThan(10);
  });

  it('on the demo engagement, at its default as-of and at earlier dates', () => {
    const asOf = defaultAsOf(demo.sqlite, '2099-12-31');
    for (const [d, block] of [
      [asOf, 4096],
      [asOf, 7],
      [addDays(asOf, -45), 64],
      [addDays(asOf, -200), 33],
    ] as const) {
      expect(expectSame(demo, d, block)).toBeGreaterThan(50);
    }
  });

  it('on a seeded random workspace full of ties and edges', () => {
    for (const [d, block] of [
      ['2026-06-30', 13],
      ['2026-06-30', 4096],
      ['2026-02-14', 50],
    ] as const) {
      expect(expectSame(random, d, block)).toBeGreaterThan(300);
    }
  });

  it('streams blocks in key order, each holding at most blockSize customers', () => {
    const sizes: number[] = [];
    let last = '';
    const n = forEachFactsBlock(random.sqlite, '2026-06-30', { blockSize: 64 }, (b) => {
      sizes.push(b.facts.length);
      expect(b.customers[0]!.customerKey > last).toBe(true);
      last = b.customers[b.customers.length - 1]!.customerKey;
      b.facts.forEach((f, i) => expect(f.customerKey).toBe(b.customers[i]!.customerKey));
    });
    expect(Math.max(...sizes)).toBe(64);
    expect(sizes.reduce((a, x) => a + x, 0)).toBe(n);
    expect(n).toBe(computeFacts(random.sqlite, '2026-06-30').facts.length);
  });
});

function insertRandom(ws: Workspace, customers: number): void {
  let seed = 7;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const day = (from: string, span: number) => addDays(from, Math.floor(rnd() * span));
  const stamp = (d: string) => (rnd() < 0.5 ? d : `${d}T${String(8 + Math.floor(rnd() * 12)).padStart(2, '0')}:${pick(['00', '30'])}:00`);
  const db = ws.sqlite;
  const ins = {
    c: db.prepare('insert into customers (row_key, customer_key, name, owner, segment, first_seen, churn_date) values (?, ?, ?, ?, ?, ?, ?)'),
    i: db.prepare('insert into interactions (row_key, customer_key, date, channel, purpose, direction, responded, text) values (?, ?, ?, ?, ?, ?, ?, ?)'),
    o: db.prepare('insert into orders (row_key, order_key, customer_key, order_date, amount, quantity, is_return) values (?, ?, ?, ?, ?, ?, ?)'),
    t: db.prepare(
      'insert into tickets (row_key, ticket_key, customer_key, opened_at, first_response_at, resolved_at, satisfaction) values (?, ?, ?, ?, ?, ?, ?)',
    ),
    s: db.prepare('insert into surveys (row_key, customer_key, date, nps, csat, comment) values (?, ?, ?, ?, ?, ?)'),
    u: db.prepare('insert into usage (row_key, customer_key, period, metric, value) values (?, ?, ?, ?, ?)'),
    k: db.prepare(
      'insert into contracts (row_key, contract_key, customer_key, start_date, end_date, recurring_value, mrr, renewal_of, product, cancelled_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    p: db.prepare(
      'insert into projects (row_key, project_key, customer_key, planned_start, planned_end, actual_start, actual_end, open_issues) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  };
  let r = 0;
  const purposes = ['需求型', '关怀型', '价值型', 'demand', null] as const;
  const texts = [null, '', '例行回访', '客户提到竞品报价', '对方新任采购总监', 'Competitor pricing came up', 'competitor again', '负责人换人了'] as const;
  db.transaction(() => {
    for (let c = 0; c < customers; c++) {
      // Keys that sort differently as numbers and as text, plus a few non-ASCII ones.
      const key = c % 37 === 0 ? `客户-${c}` : `K${(c * 7919) % 1000}-${c}`;
      const gone = rnd() < 0.05 ? day('2025-06-01', 500) : null;
      const first = rnd() < 0.05 ? day('2026-01-01', 300) : null;
      if (c % 50 !== 49) ins.c.run(`c${++r}`, key, `客户${c}`, pick(['甲', '乙', null]), pick(['大型', '小型', null]), first, gone);
      // Orphan rows (no customer row) ride along for every 50th key.
      const ni = Math.floor(rnd() * 25);
      for (let j = 0; j < ni; j++) {
        ins.i.run(
          `i${++r}`,
          key,
          stamp(day('2025-03-01', 520)),
          pick(['电话', '微信', null]),
          pick(purposes),
          pick(['outbound', 'inbound', null]),
          pick([1, 0, null]),
          pick(texts),
        );
      }
      const no = Math.floor(rnd() * 20);
      for (let j = 0; j < no; j++) {
        const ok = rnd() < 0.3 && r > 1 ? `O${r - 1}` : `O${r}`; // multi-line orders, some spanning days
        ins.o.run(
          `o${++r}`,
          ok,
          key,
          stamp(day('2024-10-01', 700)),
          Math.round(rnd() * 100_000) / 100 + 0.1,
          rnd() < 0.15 ? null : Math.floor(rnd() * 9) / 3,
          rnd() < 0.1 ? 1 : 0,
        );
      }
      const nt = Math.floor(rnd() * 8);
      for (let j = 0; j < nt; j++) {
        const opened = stamp(day('2025-01-01', 560));
        const d = opened.slice(0, 10);
        const resp = rnd() < 0.2 ? null : `${addDays(d, Math.floor(rnd() * 3))}T${String(Math.floor(rnd() * 24)).padStart(2, '0')}:15:00`;
        ins.t.run(
          `t${++r}`,
          `T${r}`,
          key,
          opened,
          resp,
          rnd() < 0.5 ? null : `${addDays(d, Math.floor(rnd() * 20))}`,
          rnd() < 0.4 ? null : 1 + Math.floor(rnd() * 5),
        );
      }
      const ns = Math.floor(rnd() * 6);
      for (let j = 0; j < ns; j++) {
        ins.s.run(
          `s${++r}`,
          key,
          stamp(day('2025-06-01', 420)),
          rnd() < 0.3 ? null : Math.floor(rnd() * 11),
          rnd() < 0.5 ? null : 1 + Math.floor(rnd() * 5) / 2,
          pick(texts),
        );
      }
      for (let m = 1; m <= 12; m++) {
        if (rnd() < 0.3) continue;
        const period = rnd() < 0.5 ? `2025-${String(m).padStart(2, '0')}` : `2026-${String(Math.min(m, 7)).padStart(2, '0')}-01`;
        ins.u.run(`u${++r}`, key, period, pick(['logins', '登录次数', 'pageviews']), Math.round(rnd() * 1000) / 10);
      }
      const nk = Math.floor(rnd() * 3);
      for (let j = 0; j < nk; j++) {
        const start = day('2025-01-01', 400);
        ins.k.run(
          `k${++r}`,
          `K${r}`,
          key,
          start,
          rnd() < 0.1 ? null : addDays(start, 200 + Math.floor(rnd() * 300)),
          1000,
          1000 + j,
          rnd() < 0.2 ? `K${r - 1}` : null,
          pick(['A', 'B', null]),
          rnd() < 0.1 ? day('2026-01-01', 200) : null,
        );
      }
      if (rnd() < 0.3) {
        const ps = day('2025-01-01', 300);
        ins.p.run(
          `p${++r}`,
          `P${r}`,
          key,
          ps,
          addDays(ps, 120),
          rnd() < 0.5 ? ps : null,
          rnd() < 0.5 ? addDays(ps, 100 + Math.floor(rnd() * 200)) : null,
          rnd() < 0.3 ? null : Math.floor(rnd() * 5),
        );
      }
    }
  })();
}
