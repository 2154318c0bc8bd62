// Hand-checked status coherence on a small workspace, as of 2026-06-30 (six calendar months back is
// 2025-12-30; the last 90 days start 2026-04-01):
// - silence is no contact of any kind, so a customer who bought, opened a ticket or used the platform
//   recently is never "no interaction, treated as churned", whatever the CRM notes say;
// - survey answers and ticket ratings are separate satisfaction series;
// - actions a run opens are due counting from the as-of date, not from when the run was made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { computeFacts } from '../../../electron/backend/health/facts-sql';
import { runHealth } from '../../../electron/backend/health/run';
import { LEGACY_ACTION_POLICY } from '../../../shared/health/action-policy';
import { listSignals } from '../../../electron/backend/health/queries';
import { listActions } from '../../../electron/backend/health/actions-store';
import { DEFAULT_HEALTH_MODEL } from '../../../shared/health/presets';
import { defaultSignalRules } from '../../../shared/health/signal-rules';
import { addDays } from '../../../shared/health/dates';
import { defaultAsOf as diagnosticsDefaultAsOf } from '../../../electron/backend/diagnostics/defaults';
import { healthRunAsOf } from '../../../electron/backend/health/as-of';
import { runAndStore } from '../../../electron/backend/diagnostics/run';
import { AnalyticsParamsSchema } from '../../../shared/analytics/params';

const AS_OF = '2026-06-30';
// The run is made five months after the as-of date: due dates must not move with it.
const NOW = '2026-12-04T16:00:00';

let ws: Workspace;
const dir = tempDir();

beforeAll(async () => {
  ws = await newWorkspace(dir);
  const db = ws.sqlite;
  let seq = 0;
  const k = (p: string) => `${p}-${++seq}`;
  const customer = db.prepare(`insert into customers (row_key, customer_key, name, owner) values (?, ?, ?, '王经理')`);
  const care = db.prepare(`insert into interactions (row_key, customer_key, date, channel, purpose, direction) values (?, ?, ?, '电话', '关怀型', 'inbound')`);
  const order = db.prepare(`insert into orders (row_key, order_key, customer_key, order_date, amount, quantity) values (?, ?, ?, ?, 1000, 1)`);
  const ticket = db.prepare(`insert into tickets (row_key, ticket_key, customer_key, opened_at, resolved_at, satisfaction) values (?, ?, ?, ?, ?, ?)`);
  const survey = db.prepare(`insert into surveys (row_key, customer_key, date, nps, csat) values (?, ?, ?, ?, ?)`);
  const usage = db.prepare(`insert into usage (row_key, customer_key, period, metric, value) values (?, ?, ?, 'logins', ?)`);
  const add = (c: string) => customer.run(k('c'), c, `客户${c}`);
  const ord = (c: string, d: string) => {
    const key = k('o');
    order.run(key, key, c, d);
  };

  // BOUGHT: no CRM note for 8 months, but orders on 2026-03-10 and 2026-06-10 (20 days before as-of).
  add('BOUGHT');
  care.run(k('i'), 'BOUGHT', '2025-11-01');
  ord('BOUGHT', '2026-03-10');
  ord('BOUGHT', '2026-06-10');
  // TICKET: no note for 9 months, a ticket opened 2026-05-02.
  add('TICKET');
  care.run(k('i'), 'TICKET', '2025-10-01');
  ticket.run(k('t'), k('T'), 'TICKET', '2026-05-02T10:00:00', null, null);
  // USAGE: no note for 9 months, logged in during 2026-04 (contact from 2026-04-01).
  add('USAGE');
  care.run(k('i'), 'USAGE', '2025-10-01');
  usage.run(k('u'), 'USAGE', '2026-04', 12);
  // SILENT: last note 2025-12-01, last order 2025-11-15: nothing for seven months.
  add('SILENT');
  care.run(k('i'), 'SILENT', '2025-12-01');
  ord('SILENT', '2025-11-15');
  // MIXED: survey CSAT 1 (2026-03-01) and 2 (2026-06-01), a routine ticket rated 5 on 2026-04-01 in
  // between. Merged by date the 5 broke the streak; read per series, the surveys are low twice.
  add('MIXED');
  survey.run(k('s'), 'MIXED', '2026-03-01', null, 1);
  ticket.run(k('t'), k('T'), 'MIXED', '2026-03-30T09:00:00', '2026-04-01T09:00:00', 5);
  survey.run(k('s'), 'MIXED', '2026-06-01', null, 2);
  // TICKETS: two tickets rated 2 and 1 in a row, surveys fine: low on the ticket series.
  add('TICKETS');
  survey.run(k('s'), 'TICKETS', '2026-05-01', 9, 5);
  ticket.run(k('t'), k('T'), 'TICKETS', '2026-05-10T09:00:00', '2026-05-11T09:00:00', 2);
  ticket.run(k('t'), k('T'), 'TICKETS', '2026-06-10T09:00:00', '2026-06-11T09:00:00', 1);
  // Every signal opens its playbook action here (the default policy opens heavy ones only): the
  // due-date test reads the actions of medium and light signals too.
  await runHealth(ws.sqlite, { model: DEFAULT_HEALTH_MODEL, rules: defaultSignalRules(), asOf: AS_OF, now: NOW, actionPolicy: LEGACY_ACTION_POLICY });
});
afterAll(async () => ws?.close());

const open = (customerKey: string) =>
  listSignals(ws.sqlite, { customerKey, status: 'open', limit: 50, offset: 0 })
    .items.map((s) => s.ruleId)
    .sort();

describe('one customer status from one set of facts', () => {
  it('takes the last contact of any kind, with its source', () => {
    const facts = new Map(computeFacts(ws.sqlite, AS_OF).facts.map((f) => [f.customerKey, f]));
    expect(['BOUGHT', 'TICKET', 'USAGE', 'SILENT'].map((c) => [facts.get(c)!.lastContactDate, facts.get(c)!.lastContactSource])).toEqual([
      ['2026-06-10', 'order'],
      ['2026-05-02', 'ticket'],
      ['2026-04-01', 'usage'],
      ['2025-12-01', 'interaction'],
    ]);
  });

  it('flags as silent only the customer with no contact of any kind for six months', () => {
    expect(['BOUGHT', 'TICKET', 'USAGE', 'SILENT'].filter((c) => open(c).includes('silent'))).toEqual(['SILENT']);
    const s = listSignals(ws.sqlite, { customerKey: 'SILENT', status: 'open', limit: 50, offset: 0 }).items.find((x) => x.ruleId === 'silent')!;
    expect(s.evidence.params).toMatchObject({ lastDate: '2025-12-01', days: 211, months: 6, source: 'interaction' });
  });

  it('no customer both bought within 90 days and is flagged as silent', () => {
    const since = addDays(AS_OF, -90);
    const bought = ws.sqlite
      .prepare(`select distinct customer_key from orders where order_date > ? and order_date <= ? and is_return = 0`)
      .pluck()
      .all(since, `${AS_OF}T23:59:59`) as string[];
    expect(bought).toEqual(['BOUGHT']);
    const silent = ws.sqlite.prepare(`select customer_key from health_signal where rule_id = 'silent' and status = 'open'`).pluck().all() as string[];
    expect(silent.filter((c) => bought.includes(c))).toEqual([]);
  });

  it('reads survey answers and ticket ratings as separate series', () => {
    const mixed = listSignals(ws.sqlite, { customerKey: 'MIXED', status: 'open', limit: 50, offset: 0 }).items.find((x) => x.ruleId === 'lowSatisfaction');
    expect(mixed?.evidence.data.map((d) => [d.fact, d.value, d.date])).toEqual([
      ['surveyReadings[0]', 'CSAT 1', '2026-03-01'],
      ['surveyReadings[1]', 'CSAT 2', '2026-06-01'],
    ]);
    const tickets = listSignals(ws.sqlite, { customerKey: 'TICKETS', status: 'open', limit: 50, offset: 0 }).items.find((x) => x.ruleId === 'lowSatisfaction');
    expect(tickets?.evidence.data.map((d) => [d.fact, d.date])).toEqual([
      ['ticketRatings[0]', '2026-05-11'],
      ['ticketRatings[1]', '2026-06-11'],
    ]);
  });

  it('counts action due dates from the as-of date, not from when the run was made', () => {
    const actions = listActions(ws.sqlite, {}, NOW);
    // SILENT → win-back, 168 hours from the end of 2026-06-30: due 2026-07-08 00:00.
    const winBack = actions.find((a) => a.customerKey === 'SILENT' && a.templateId === 'winBack');
    expect(winBack).toMatchObject({ openedAt: NOW, dueAt: '2026-07-08T00:00:00' });
    // MIXED → executive escalation, 48 hours: due 2026-07-03 00:00.
    expect(actions.find((a) => a.customerKey === 'MIXED' && a.templateId === 'executiveEscalation')?.dueAt).toBe('2026-07-03T00:00:00');
    expect(actions.every((a) => a.dueAt < '2026-08-01')).toBe(true);
  });

  it("a health run without a date takes the latest diagnostic run's as-of date, so every view shares it", async () => {
    // Before any diagnostic run: the date a diagnostic run would default to, the latest order
    // (BOUGHT, 2026-06-10), so whichever runs first the other lands on the same day.
    expect(healthRunAsOf(ws.sqlite, '2030-01-01')).toBe('2026-06-10');
    expect(healthRunAsOf(ws.sqlite, '2030-01-01')).toBe(diagnosticsDefaultAsOf(ws.sqlite));
    // Capped at today: an as-of date after today would count days that have not happened.
    expect(healthRunAsOf(ws.sqlite, '2026-05-01')).toBe('2026-05-01');
    await runAndStore(ws.sqlite, { params: AnalyticsParamsSchema.parse({ asOf: '2026-05-31' }), now: NOW });
    expect(healthRunAsOf(ws.sqlite, '2030-01-01')).toBe('2026-05-31');
  });

  it('without orders or contracts, a health run takes the latest dated fact', async () => {
    const crm = await newWorkspace(tempDir());
    try {
      crm.sqlite.prepare(`insert into customers (row_key, customer_key, name) values ('c', 'CRM', '客户CRM')`).run();
      crm.sqlite.prepare(`insert into interactions (row_key, customer_key, date, channel) values ('i', 'CRM', '2026-03-15', '电话')`).run();
      expect(healthRunAsOf(crm.sqlite, '2030-01-01')).toBe('2026-03-15');
    } finally {
      await crm.close();
    }
  });
});
