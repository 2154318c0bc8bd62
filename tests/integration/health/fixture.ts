// A hand-built workspace: one customer per early-warning rule, built to trigger it, and QUIET, built
// to sit just inside every threshold. As-of 2026-06-30 (a quarter end: Q1 and Q2 2026 are the last
// two complete quarters; the recent 90 days are 2026-04-02..06-30).
import type { Workspace } from '../../../electron/backend/workspace/workspace';

export const AS_OF = '2026-06-30';

let seq = 0;
const key = (p: string) => `${p}-${++seq}`;

export function insertFixture(ws: Workspace): void {
  const db = ws.sqlite;
  const customer = db.prepare(`insert into customers (row_key, customer_key, name, owner, segment) values (?, ?, ?, ?, ?)`);
  const inter = db.prepare(
    `insert into interactions (row_key, customer_key, date, channel, purpose, direction, responded, text) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const order = db.prepare(`insert into orders (row_key, order_key, customer_key, order_date, amount, quantity) values (?, ?, ?, ?, ?, ?)`);
  const ticket = db.prepare(`insert into tickets (row_key, ticket_key, customer_key, opened_at, first_response_at, satisfaction) values (?, ?, ?, ?, ?, ?)`);
  const survey = db.prepare(`insert into surveys (row_key, customer_key, date, nps, csat, comment) values (?, ?, ?, ?, ?, ?)`);
  const usage = db.prepare(`insert into usage (row_key, customer_key, period, metric, value) values (?, ?, ?, ?, ?)`);
  const contract = db.prepare(
    `insert into contracts (row_key, contract_key, customer_key, start_date, end_date, recurring_value, value_period, mrr, renewal_of) values (?, ?, ?, ?, ?, ?, 'month', ?, ?)`,
  );
  const care = (c: string, date: string, text: string | null = null) => inter.run(key('i'), c, date, '电话', '关怀型', 'inbound', null, text);
  const out = (c: string, date: string, responded: number | null) => inter.run(key('i'), c, date, '电话', '价值型', 'outbound', responded, null);
  const demand = (c: string, date: string) => inter.run(key('i'), c, date, '微信', '需求型', 'inbound', null, null);
  const ord = (c: string, date: string, amount: number, qty: number) => {
    const k = key('o');
    order.run(k, k, c, date, amount, qty);
  };
  const months = (c: string, values: [string, number][]) => values.forEach(([p, v]) => usage.run(key('u'), c, p, 'logins', v));

  const add = (c: string, owner = '王经理', segment = '中型') => customer.run(key('c'), c, `客户${c}`, owner, segment);

  // interactionDrop: 6 in the 90 days before, 1 in the last 90 (1/6 < 50%).
  add('DROP');
  for (const d of ['2026-01-05', '2026-01-20', '2026-02-05', '2026-02-20', '2026-03-05', '2026-03-20']) care('DROP', d);
  care('DROP', '2026-05-10');

  // unansweredOutreach: the last 3 outbound attempts unanswered (after one answered).
  add('UNANS');
  for (const d of ['2026-02-01', '2026-02-15', '2026-03-01']) care('UNANS', d);
  out('UNANS', '2026-04-10', 1);
  for (const d of ['2026-05-01', '2026-05-20', '2026-06-10']) out('UNANS', d, 0);

  // purchaseVolumeDrop: quantity 10 → 7 (−30%), spend flat.
  add('VOL');
  ord('VOL', '2026-02-10', 1000, 10);
  ord('VOL', '2026-05-10', 1000, 7);

  // spendDecline: 1000 → 800 → 600 over three quarters, quantity flat.
  add('SPEND');
  ord('SPEND', '2025-11-10', 1000, 10);
  ord('SPEND', '2026-02-10', 800, 10);
  ord('SPEND', '2026-05-10', 600, 10);

  // silent: last interaction 2025-12-01, more than 6 months before as-of.
  add('SILENT');
  care('SILENT', '2025-12-01');

  // lowSatisfaction: two NPS readings below 7 in a row.
  add('LOWSAT');
  survey.run(key('s'), 'LOWSAT', '2026-03-01', 5, null, null);
  survey.run(key('s'), 'LOWSAT', '2026-06-01', 4, null, null);

  // noNewDemand: last demand 2026-04-15 (answered next day), nothing since: 2 months passed on 06-15.
  add('NODEMAND');
  demand('NODEMAND', '2026-04-15');
  out('NODEMAND', '2026-04-16', 1);

  // demandFeedbackDelay: a demand raised 2026-06-10 still waiting at as-of (20 days > 15).
  add('FEEDBACK');
  demand('FEEDBACK', '2026-06-10');

  // serviceSlowdown: baseline 10 h, recent 12 h (+20%).
  add('SERVICE');
  ticket.run(key('t'), 'T1', 'SERVICE', '2026-02-01T09:00:00', '2026-02-01T19:00:00', null);
  ticket.run(key('t'), 'T2', 'SERVICE', '2026-03-01T09:00:00', '2026-03-01T19:00:00', null);
  ticket.run(key('t'), 'T3', 'SERVICE', '2026-05-01T09:00:00', '2026-05-01T21:00:00', null);
  ticket.run(key('t'), 'T4', 'SERVICE', '2026-06-01T09:00:00', '2026-06-01T21:00:00', null);

  // usageDrop: 100 logins a month in Q1, 60 in Q2 (−40%).
  add('USAGE');
  months('USAGE', [
    ['2026-01', 100],
    ['2026-02', 100],
    ['2026-03', 100],
    ['2026-04', 60],
    ['2026-05', 60],
    ['2026-06', 60],
  ]);

  // contractEnding: ends 2026-08-15 (46 days), not renewed.
  add('CONTRACT');
  contract.run(key('k'), 'HT-1', 'CONTRACT', '2025-08-16', '2026-08-15', 1000, 1000, null);

  // decisionMakerChange and competitorMention: keywords in recent notes.
  add('DM');
  care('DM', '2026-06-01', '客户方新任采购总监上任，需要重新拜访');
  add('COMP');
  care('COMP', '2026-06-05', '客户提到对手报价更低，考虑比价');

  // QUIET: just inside every threshold.
  add('QUIET', '李经理', '大型');
  for (const d of ['2026-01-10', '2026-02-10', '2026-03-10', '2026-03-20']) care('QUIET', d, '客户对新版本很满意');
  out('QUIET', '2026-05-01', 0);
  out('QUIET', '2026-05-20', 0); // 2 unanswered < 3; last 90 days: 3 interactions vs 4 (75%)
  demand('QUIET', '2026-06-15'); // waiting exactly 15 days at as-of: not over 15
  ord('QUIET', '2025-11-10', 800, 100);
  ord('QUIET', '2026-02-10', 1000, 100);
  ord('QUIET', '2026-05-10', 900, 81); // volume −19%, one spend fall only
  ticket.run(key('t'), 'Q1', 'QUIET', '2026-02-01T09:00:00', '2026-02-01T19:00:00', null);
  ticket.run(key('t'), 'Q2', 'QUIET', '2026-03-01T09:00:00', '2026-03-01T19:00:00', null);
  ticket.run(key('t'), 'Q3', 'QUIET', '2026-05-01T09:00:00', '2026-05-01T20:24:00', null); // 11.4 h: +14%
  ticket.run(key('t'), 'Q4', 'QUIET', '2026-06-01T09:00:00', '2026-06-01T20:24:00', null);
  survey.run(key('s'), 'QUIET', '2026-03-01', 4, null, null);
  survey.run(key('s'), 'QUIET', '2026-06-01', 9, null, null);
  months('QUIET', [
    ['2026-01', 100],
    ['2026-02', 100],
    ['2026-03', 100],
    ['2026-04', 71],
    ['2026-05', 71],
    ['2026-06', 71],
  ]);
  contract.run(key('k'), 'HT-Q', 'QUIET', '2025-09-30', '2026-09-29', 1000, 1000, null); // 91 days left

  // RENEWED: a contract ending soon but renewed by another one: no contractEnding.
  add('RENEWED');
  contract.run(key('k'), 'HT-R1', 'RENEWED', '2025-08-16', '2026-08-15', 1000, 1000, null);
  contract.run(key('k'), 'HT-R2', 'RENEWED', '2026-08-16', '2027-08-15', 1000, 1000, 'HT-R1');

  // CHURNED before as-of: out of scope.
  customer.run(key('c'), 'GONE', '客户GONE', null, null);
  db.prepare(`update customers set churn_date = '2026-03-01' where customer_key = 'GONE'`).run();
}

/** Which customer is built to trigger which rule. */
export const TRIGGERS = {
  interactionDrop: 'DROP',
  unansweredOutreach: 'UNANS',
  purchaseVolumeDrop: 'VOL',
  spendDecline: 'SPEND',
  silent: 'SILENT',
  lowSatisfaction: 'LOWSAT',
  noNewDemand: 'NODEMAND',
  demandFeedbackDelay: 'FEEDBACK',
  serviceSlowdown: 'SERVICE',
  usageDrop: 'USAGE',
  contractEnding: 'CONTRACT',
  decisionMakerChange: 'DM',
  competitorMention: 'COMP',
} as const;
