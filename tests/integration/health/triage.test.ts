// Triage through the contract: the action policy a run applies, the inbox's and the board's filters
// with their counts per value, grouping by customer, the revenue sort, bulk steps on a selection or on
// everything a filter matches, and the one-step-back undo, on the hand-built fixture (one customer per
// early-warning rule, as-of 2026-06-30).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import type { WireError } from '../../../shared/errors';
import { DEFAULT_SIGNAL_RULES } from '../../../shared/health/signal-rules';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import { AS_OF, insertFixture, TRIGGERS } from './fixture';

const dir = tempDir();
let b: Backend;
let handlers: Handlers;

async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const env = await dispatch(b, handlers, name, args);
  if (!env.ok) throw Object.assign(new Error(`${env.error.code}: ${env.error.message}`), { wire: env.error });
  return env.value as ResultOf<K>;
}
async function refused<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<WireError> {
  const env = await dispatch(b, handlers, name, args);
  if (env.ok) throw new Error(`${name} should have been refused`);
  return env.error;
}

const severityOf = (id: string) => DEFAULT_SIGNAL_RULES.find((r) => r.id === id)!.severity;

beforeAll(async () => {
  const ws = await newWorkspace(dir);
  insertFixture(ws);
  // A second account manager for a few customers, so "one owner" is a real filter.
  ws.sqlite.prepare(`update customers set owner = '张经理' where customer_key in ('SILENT', 'DROP', 'LOWSAT', 'COMP')`).run();
  const path = ws.path;
  await ws.close();
  b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  handlers = createHandlers(b);
  await b.open(path);
  await call('health.run', { asOf: AS_OF });
}, 60_000);
afterAll(async () => b?.shutdown());

describe('the action policy', () => {
  it('by default opens actions for heavy signals and red scores only: a light signal stays in the inbox', async () => {
    expect(await call('health.actionPolicy', {})).toEqual({ policy: { light: false, medium: false, heavy: true, redScore: true }, updatedAt: null });
    const signals = (await call('signals.triage', { view: 'open', limit: 500 })).items;
    const light = signals.filter((s) => s.severity === 'light');
    const heavy = signals.filter((s) => s.severity === 'heavy');
    expect(light.length).toBeGreaterThan(2);
    expect(heavy.length).toBeGreaterThan(0);
    // noNewDemand is a light rule with its own action (demandActivation): still no action.
    expect(light.find((s) => s.ruleId === 'noNewDemand')).toMatchObject({ actionId: null });
    expect(light.every((s) => s.actionId === null)).toBe(true);
    expect(signals.filter((s) => s.severity === 'medium').every((s) => s.actionId === null)).toBe(true);
    // A heavy signal opens its action, unless the customer already had that template live.
    const silent = heavy.find((s) => s.customerKey === TRIGGERS.silent)!;
    expect(silent.actionId).not.toBeNull();
    const run = (await call('health.runs', {}))[0]!;
    expect(run.actionPolicy).toEqual({ light: false, medium: false, heavy: true, redScore: true });
    const actions = await call('actions.triage', { limit: 500 });
    expect(actions.items.every((a) => a.sourceKind === 'redScore' || a.severity === 'heavy')).toBe(true);
    expect(actions.total).toBe(run.actionsOpened);
    // The report's action plans say which signals opened them.
    const preview = await call('report.preview', {});
    expect(preview.html).toContain('自动开立行动：重度信号、红色健康度');
  });

  it('is stored per engagement, audited, and a run under "light opens actions" opens one for a new light signal', async () => {
    const saved = await call('health.saveActionPolicy', { policy: { light: true, medium: false, heavy: true, redScore: true } });
    expect(saved.policy.light).toBe(true);
    expect(saved.updatedAt).not.toBeNull();
    expect((await call('audit.list', { limit: 5 })).some((e) => e.action === 'health.saveActionPolicy')).toBe(true);
    // Close the interactionDrop signal by hand: the next run finds the condition again and opens a
    // new signal, which under this policy opens an action.
    const drop = (await call('signals.triage', { ruleId: ['interactionDrop'], limit: 10 })).items[0]!;
    await call('signals.bulk', { op: 'close', target: { ids: [drop.id] } });
    const r = await call('health.run', { asOf: AS_OF });
    expect(r.actionPolicy.light).toBe(true);
    const again = (await call('signals.triage', { ruleId: ['interactionDrop'], limit: 10 })).items[0]!;
    expect(again.id).not.toBe(drop.id);
    expect(again.actionId).not.toBeNull();
    await call('health.saveActionPolicy', { policy: { light: false, medium: false, heavy: true, redScore: true } });
    expect(await refused('health.saveActionPolicy', { policy: { light: 'yes' } as never })).toMatchObject({ code: 'INVALID_ARGUMENTS' });
  });
});

describe('the inbox filters', () => {
  it('filters by severity, owner, rule and customer, with counts per value under the other filters', async () => {
    const all = await call('signals.triage', { limit: 500 });
    expect(all.signals).toBe(all.items.length);
    const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    expect(sum(all.facets!.severity)).toBe(all.signals);
    expect(sum(all.facets!.owner)).toBe(all.signals);

    const zhang = await call('signals.triage', { owner: ['张经理'], limit: 500 });
    expect(zhang.items.map((s) => s.customerKey).sort()).toEqual(
      all.items
        .filter((s) => s.owner === '张经理')
        .map((s) => s.customerKey)
        .sort(),
    );
    expect(zhang.signals).toBe(all.facets!.owner.find((o) => o.value === '张经理')!.count);
    // The severity counts under the owner filter add up to the owner's signals; the owner counts
    // under it still list every owner (a facet ignores its own filter).
    expect(sum(zhang.facets!.severity)).toBe(zhang.signals);
    expect(zhang.facets!.owner.length).toBe(all.facets!.owner.length);

    const heavyZhang = await call('signals.triage', { owner: ['张经理'], severity: ['heavy'], limit: 500 });
    expect(heavyZhang.items.every((s) => s.owner === '张经理' && s.severity === 'heavy')).toBe(true);
    expect(heavyZhang.signals).toBe(zhang.facets!.severity.find((x) => x.value === 'heavy')?.count ?? 0);
    expect(heavyZhang.signals).toBeGreaterThan(0);

    const byRule = await call('signals.triage', { ruleId: ['silent', 'lowSatisfaction'], limit: 500 });
    expect(new Set(byRule.items.map((s) => s.ruleId))).toEqual(new Set(['silent', 'lowSatisfaction']));
    expect(byRule.items.every((s) => s.severity === severityOf(s.ruleId))).toBe(true);

    const byName = await call('signals.triage', { search: '客户SIL', limit: 500 });
    expect(byName.items.map((s) => s.customerKey)).toEqual(byName.items.map(() => 'SILENT'));
    const byKey = await call('signals.triage', { search: 'silent', limit: 500 });
    expect(byKey.signals).toBe(byName.signals);
    // A % typed into the search is a character, not a wildcard.
    expect((await call('signals.triage', { search: '%', limit: 5 })).signals).toBe(0);
  });

  it('filters by health band, segment, tier and churn risk, from the latest runs', async () => {
    const all = await call('signals.triage', { limit: 500 });
    expect(all.context.healthRun?.asOf).toBe(AS_OF);
    for (const band of all.facets!.band) {
      const page = await call('signals.triage', { band: [band.value as 'red'], limit: 500 });
      expect(page.signals).toBe(band.count);
      expect(page.items.every((s) => (s.band ?? 'none') === band.value)).toBe(true);
    }
    const large = await call('signals.triage', { segment: ['大型'], limit: 500 });
    expect(large.items.every((s) => s.segment === '大型')).toBe(true);
    // No diagnostic run yet: every tier is "not set".
    expect(all.facets!.tier).toEqual([{ value: null, count: all.signals }]);
    expect((await call('signals.triage', { tier: [null], limit: 1 })).signals).toBe(all.signals);
    // No churn run: no risk, and revenue at stake is the 12-month revenue.
    expect(all.context.churnRun).toBeNull();
    expect(all.context.churnRunRejected).toBeNull();
    expect(all.context.stakeBasis).toBe('revenue12m');
    expect(all.facets!.churnRisk).toEqual([{ value: 'none', count: all.signals }]);
  });

  it('reads churn risk by rank from the latest churn run: top 10% high, next 20% medium', async () => {
    b.requireWorkspace()
      .sqlite.prepare(
        `insert into churn_run (id, created_at, label, params, scored_as_of, status, roc_auc, customers, duration_ms, results) values (1, 'x', null, '{}', ?, 'ok', 0.8, 10, 1, '{}')`,
      )
      .run(AS_OF);
    const keys = ['SILENT', 'LOWSAT', 'DROP', 'SPEND', 'VOL', 'UNANS', 'COMP', 'DM', 'CONTRACT', 'USAGE'];
    const ins = b
      .requireWorkspace()
      .sqlite.prepare(
        `insert into churn_score (run_id, customer_key, name, owner, probability, rank, revenue_12m, revenue_at_stake, reasons) values (1, ?, null, null, ?, ?, ?, ?, '[]')`,
      );
    keys.forEach((k, i) => ins.run(k, 0.9 - i * 0.05, i + 1, 1000 * (i + 1) ** 2, (0.9 - i * 0.05) * 1000 * (i + 1) ** 2));
    const page = await call('signals.triage', { limit: 500 });
    expect(page.context.stakeBasis).toBe('churn');
    expect(page.context.churnRun).toMatchObject({ id: 1, scored: 10, highRank: 1, mediumRank: 3 });
    const risk = (k: string) => page.items.find((s) => s.customerKey === k)?.churnRisk;
    expect(risk('SILENT')).toBe('high');
    expect(risk('LOWSAT')).toBe('medium');
    expect(risk('DROP')).toBe('medium');
    expect(risk('SPEND')).toBe('low');
    expect(risk('FEEDBACK')).toBe('none');
    const high = await call('signals.triage', { churnRisk: ['high'], limit: 500 });
    expect(new Set(high.items.map((s) => s.customerKey))).toEqual(new Set(['SILENT']));

    // Sorted by revenue at stake: largest first, customers without a figure last.
    const byStake = await call('signals.triage', { sort: 'revenue', limit: 500 });
    const stakes = byStake.items.map((s) => s.revenueAtStake);
    const known = stakes.filter((x): x is number => x !== null);
    expect(known).toEqual([...known].sort((x, y) => y - x));
    expect(stakes.slice(known.length).every((x) => x === null)).toBe(true);
    expect(byStake.items[0]!.customerKey).toBe('USAGE'); // 0.45 x 100,000

    // A later churn run whose evaluation failed is not read: risk and stake stay on run 1, and the
    // context names the failed run so the filter says why.
    b.requireWorkspace()
      .sqlite.prepare(
        `insert into churn_run (id, created_at, label, params, scored_as_of, status, roc_auc, customers, duration_ms, results) values (2, 'y', null, '{}', ?, 'probable-leakage', 0.99, 10, 1, '{}')`,
      )
      .run(AS_OF);
    const insFailed = b
      .requireWorkspace()
      .sqlite.prepare(
        `insert into churn_score (run_id, customer_key, name, owner, probability, rank, revenue_12m, revenue_at_stake, reasons) values (2, ?, null, null, ?, ?, ?, ?, '[]')`,
      );
    // Ranked the other way round: were it read, SILENT would be low and USAGE high.
    keys.forEach((k, i) => insFailed.run(k, 0.1 + i * 0.05, keys.length - i, 1000, 100));
    const afterFailed = await call('signals.triage', { limit: 500 });
    expect(afterFailed.context.churnRun).toMatchObject({ id: 1 });
    expect(afterFailed.context.churnRunRejected).toEqual({ id: 2, status: 'probable-leakage' });
    expect(afterFailed.items.find((s) => s.customerKey === 'SILENT')?.churnRisk).toBe('high');
    // Only the failed run: treated as absent (no risk, revenue at stake from the health run's 12-month revenue).
    b.requireWorkspace().sqlite.prepare('delete from churn_score where run_id = 1').run();
    b.requireWorkspace().sqlite.prepare('delete from churn_run where id = 1').run();
    const onlyFailed = await call('signals.triage', { limit: 500 });
    expect(onlyFailed.context.churnRun).toBeNull();
    expect(onlyFailed.context.stakeBasis).toBe('revenue12m');
    expect(onlyFailed.context.churnRunRejected).toEqual({ id: 2, status: 'probable-leakage' });
    expect(onlyFailed.facets!.churnRisk).toEqual([{ value: 'none', count: onlyFailed.signals }]);
    b.requireWorkspace().sqlite.prepare('delete from churn_score').run();
    b.requireWorkspace().sqlite.prepare('delete from churn_run').run();
  });

  it('groups by customer: one row a customer with all their matching signals, paged by customer', async () => {
    const flat = await call('signals.triage', { limit: 500 });
    const grouped = await call('signals.triage', { groupBy: 'customer', limit: 500 });
    const customers = new Set(flat.items.map((s) => s.customerKey));
    expect(grouped.total).toBe(customers.size);
    expect(grouped.signals).toBe(flat.signals);
    expect(grouped.groups.reduce((s, g) => s + g.signals.length, 0)).toBe(flat.signals);
    for (const g of grouped.groups) expect(g.signals.every((s) => s.customerKey === g.customerKey)).toBe(true);
    const page1 = await call('signals.triage', { groupBy: 'customer', limit: 3, offset: 0, facets: false });
    const page2 = await call('signals.triage', { groupBy: 'customer', limit: 3, offset: 3, facets: false });
    expect(page1.facets).toBeNull();
    expect([...page1.groups, ...page2.groups].map((g) => g.customerKey)).toEqual(grouped.groups.slice(0, 6).map((g) => g.customerKey));
  });
});

describe('bulk steps and undo', () => {
  it('dismisses all N matching a filter with a coded reason, changes the counts, and undoes it', async () => {
    const filter = { owner: ['张经理'], severity: ['heavy' as const] };
    const before = await call('signals.triage', { ...filter, limit: 500 });
    const openBefore = (await call('signals.triage', { limit: 1 })).signals;
    expect(before.signals).toBeGreaterThan(0);
    // A reason is required, and "other" needs its note.
    expect(await refused('signals.bulk', { op: 'dismiss', target: { filter, expected: before.signals } })).toMatchObject({ code: 'TRIAGE_STEP_INCOMPLETE' });
    expect(await refused('signals.bulk', { op: 'dismiss', target: { filter, expected: before.signals }, reason: { code: 'other' } })).toMatchObject({
      code: 'INVALID_ARGUMENTS',
    });
    // The screen showed a different number: refused rather than dismissing rows nobody saw.
    expect(
      await refused('signals.bulk', { op: 'dismiss', target: { filter, expected: before.signals + 1 }, reason: { code: 'handled', note: '已电话确认' } }),
    ).toMatchObject({ code: 'TRIAGE_FILTER_CHANGED', params: { now: before.signals, expected: before.signals + 1 } });

    const r = await call('signals.bulk', { op: 'dismiss', target: { filter, expected: before.signals }, reason: { code: 'handled', note: '已电话确认' } });
    expect(r).toMatchObject({ count: before.signals, skipped: 0 });
    expect((await call('signals.triage', { ...filter, limit: 1 })).signals).toBe(0);
    expect((await call('signals.triage', { limit: 1 })).signals).toBe(openBefore - before.signals);
    const dismissed = await call('signals.triage', { ...filter, view: 'dismissed', limit: 500 });
    expect(dismissed.items.map((s) => s.id).sort()).toEqual(before.items.map((s) => s.id).sort());
    expect(dismissed.items[0]).toMatchObject({ dismissedReasonCode: 'handled', dismissedReason: '已电话确认' });
    const audit = (await call('audit.list', { limit: 5 })).find((e) => e.action === 'signals.bulk');
    expect(audit?.detail).toMatchObject({ stepId: r.stepId, op: 'dismiss', count: before.signals, selection: 'filter', reason: { code: 'handled' } });

    const steps = await call('triage.steps', {});
    expect(steps[0]).toMatchObject({ id: r.stepId, op: 'dismiss', undoable: true });
    expect(await call('triage.undo', { stepId: r.stepId! })).toEqual({ restored: before.signals, skipped: 0 });
    const after = await call('signals.triage', { ...filter, limit: 500 });
    expect(after.items.map((s) => [s.id, s.status, s.dismissedReason])).toEqual(before.items.map((s) => [s.id, 'open', null]));
    expect((await call('signals.triage', { limit: 1 })).signals).toBe(openBefore);
    expect((await call('audit.list', { limit: 5 })).some((e) => e.action === 'triage.undo' && e.detail.stepId === r.stepId)).toBe(true);
    expect(await refused('triage.undo', { stepId: r.stepId! })).toMatchObject({ code: 'TRIAGE_ALREADY_UNDONE' });
  });

  it('assigns and snoozes a selection; undo goes one step back at a time and leaves rows changed since', async () => {
    const page = await call('signals.triage', { severity: ['light'], limit: 3 });
    const ids = page.items.map((s) => s.id);
    const assigned = await call('signals.bulk', { op: 'assign', target: { ids }, owner: '赵顾问' });
    expect(assigned.count).toBe(3);
    expect((await call('signals.triage', { owner: ['赵顾问'], limit: 10 })).items.map((s) => s.id).sort()).toEqual([...ids].sort());
    const snoozed = await call('signals.bulk', { op: 'snooze', target: { ids: ids.slice(0, 2) }, until: '2099-01-01' });
    expect((await call('signals.triage', { owner: ['赵顾问'], limit: 10 })).items.map((s) => s.id)).toEqual([ids[2]]);
    expect((await call('signals.triage', { owner: ['赵顾问'], view: 'snoozed', limit: 10 })).signals).toBe(2);
    // The health tab's count (the overview's open signals) leaves the snoozed ones out, as the inbox does.
    const counts = (await call('health.overview', {})).signals;
    expect(counts.heavy + counts.medium + counts.light).toBe((await call('signals.triage', { limit: 1 })).signals);
    // Not the latest: refused.
    expect(await refused('triage.undo', { stepId: assigned.stepId! })).toMatchObject({ code: 'TRIAGE_UNDO_NOT_LATEST' });
    await call('triage.undo', { stepId: snoozed.stepId! });
    // Someone dismisses one of the three by hand before the assignment is undone: it keeps its state.
    await call('signals.dismiss', { id: ids[0]!, reason: '数据问题', reasonCode: 'dataIssue' });
    expect(await call('triage.undo', { stepId: assigned.stepId! })).toEqual({ restored: 2, skipped: 1 });
    expect((await call('signals.triage', { owner: ['赵顾问'], view: 'dismissed', limit: 10 })).items.map((s) => s.id)).toEqual([ids[0]]);
    await call('signals.reopen', { id: ids[0]! });
  });

  it('closes, assigns and snoozes actions on the board, with the same undo', async () => {
    const open = await call('actions.triage', { status: 'open', limit: 500 });
    expect(open.total).toBeGreaterThan(1);
    const ids = open.items.slice(0, 2).map((a) => a.id);
    const closed = await call('actions.bulk', { op: 'close', target: { ids }, outcome: 'cancelled' });
    expect(closed.count).toBe(2);
    expect((await call('actions.triage', { status: 'open', limit: 1 })).total).toBe(open.total - 2);
    expect((await call('actions.triage', { status: 'cancelled', limit: 10 })).items.map((a) => a.id).sort()).toEqual([...ids].sort());
    // Closing again skips what is already closed.
    expect(await call('actions.bulk', { op: 'close', target: { ids } })).toMatchObject({ stepId: null, count: 0, skipped: 2 });
    await call('triage.undo', { stepId: closed.stepId! });
    expect((await call('actions.triage', { status: 'open', limit: 1 })).total).toBe(open.total);

    const all = await call('actions.triage', { status: 'open', limit: 1 });
    const assigned = await call('actions.bulk', { op: 'assign', target: { filter: { status: 'open' }, expected: all.total }, owner: '钱总监' });
    expect(assigned.count).toBe(all.total);
    expect((await call('actions.triage', { owner: ['钱总监'], limit: 1 })).total).toBe(all.total);
    // The fixture is historical (as-of 2026-06-30): overdue is judged at the end of that day, so
    // only actions already due on it are late; two are made so.
    b.requireWorkspace().sqlite.prepare(`update health_action set due_at = '2026-06-30T08:00:00' where id in (?, ?)`).run(ids[0], ids[1]);
    const lateBefore = (await call('health.overview', {})).actions.overdue;
    expect(lateBefore).toBe(2);
    const snooze = await call('actions.bulk', { op: 'snooze', target: { ids: [ids[0]!] }, until: '2099-01-01' });
    // A snoozed action is not late until its date: the tab's badge and the board agree.
    expect((await call('health.overview', {})).actions.overdue).toBe(lateBefore - 1);
    expect((await call('actions.triage', { limit: 1 })).overdue).toBe(lateBefore - 1);
    expect((await call('actions.triage', { status: 'snoozed', limit: 10 })).items.map((a) => a.id)).toEqual([ids[0]]);
    expect((await call('actions.triage', { status: 'open', limit: 1 })).total).toBe(open.total - 1);
    await call('triage.undo', { stepId: snooze.stepId! });
    await call('triage.undo', { stepId: assigned.stepId! });
    expect((await call('actions.triage', { owner: ['钱总监'], limit: 1 })).total).toBe(0);
  });
});
