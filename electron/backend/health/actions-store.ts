// Actions on the board: opened by runs (from the playbook), by hand, moved through open → in
// progress → done, and checked a month after closing (seed 001 信任重建验证).

import type { ReadableDB, WritableDB } from '../workspace/connection';
import type { Row } from '../workspace/schema';
import type { ActionRow } from '../../../shared/contract/health';
import { addDays, daysBetween } from '../../../shared/health/dates';
import {
  DEFAULT_PLAYBOOK,
  dueAt as playbookDue,
  hoursOverdue,
  isOverdue,
  type ActionSource,
  type ActionStatus,
  type PlannedAction,
} from '../../../shared/health/playbook';
import { repairCheck, type RepairCheckResult, type RepairWindow } from '../../../shared/health/repair-check';
import type { ActionTemplateId } from '../../../shared/health/vocabulary';
import { WorkbenchError } from '../errors';
import { DEMAND_PURPOSES } from './facts-sql';

export type ActionInsert = Omit<PlannedAction, 'source' | 'titleKey' | 'descriptionKey'> & { source: ActionSource | null };

export function prepareInsertAction(sqlite: WritableDB) {
  const stmt = sqlite.prepare(
    `insert into health_action (customer_key, template_id, owner_role, owner, opened_at, due_at, status, source_kind, source_signal_id, source_run_id, source, note)
     values (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
  );
  return (a: ActionInsert, kind: 'signal' | 'redScore' | 'manual', signalId: number | null, runId: number | null, note: string | null): number =>
    Number(
      stmt.run(a.customerKey, a.templateId, a.ownerRole, a.owner, a.openedAt, a.dueAt, kind, signalId, runId, JSON.stringify(a.source ?? {}), note)
        .lastInsertRowid,
    );
}

/** A health_action row with its customer's name (SELECT_ACTIONS). */
type ActionDbRow = Row<'health_action'> & { customer_name: string | null };

const SELECT_ACTIONS = `select a.*, c.name as customer_name from health_action a left join customers c on c.customer_key = a.customer_key`;

function toRow(r: ActionDbRow, now: string): ActionRow {
  const src = JSON.parse(r.source) as Partial<ActionSource>;
  return {
    id: r.id,
    customerKey: r.customer_key,
    customerName: r.customer_name ?? r.customer_key,
    templateId: r.template_id,
    ownerRole: r.owner_role,
    owner: r.owner,
    openedAt: r.opened_at,
    dueAt: r.due_at,
    status: r.status,
    sourceKind: r.source_kind,
    sourceSignalId: r.source_signal_id,
    source: src.kind ? (src as ActionSource) : null,
    note: r.note,
    closedAt: r.closed_at,
    overdue: isOverdue({ dueAt: r.due_at, status: r.status }, now),
    hoursOverdue: hoursOverdue({ dueAt: r.due_at, status: r.status }, now),
    repairCheck: r.repair_check ? (JSON.parse(r.repair_check) as RepairCheckResult) : null,
    repairCheckedAt: r.repair_checked_at,
  };
}

type ActionFilter = { status?: ActionStatus; customerKey?: string; overdueOnly?: boolean };

function actionWhere(filter: ActionFilter, now: string): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.status) {
    where.push('a.status = ?');
    params.push(filter.status);
  }
  if (filter.customerKey) {
    where.push('a.customer_key = ?');
    params.push(filter.customerKey);
  }
  if (filter.overdueOnly) {
    where.push(`a.status in ('open', 'inProgress') and a.due_at < ?`);
    params.push(now);
  }
  return { sql: where.length ? `where ${where.join(' and ')}` : '', params };
}

/**
 * Actions with extra columns and joins (the triage board's customer dimensions): each row as an
 * ActionRow and the raw row for the extra columns. `joins` must join customers as c.
 */
export function listActionsWhere(
  sqlite: ReadableDB,
  q: { columns: string; joins: string; where: { sql: string; params: (string | number)[] }; order: string; limit: number; offset: number },
  now: string,
): { row: ActionRow & { snoozedUntil: string | null }; extra: Record<string, unknown> }[] {
  const rows = sqlite
    .prepare(`select a.*, c.name as customer_name, ${q.columns} from health_action a ${q.joins} ${q.where.sql} order by ${q.order} limit ? offset ?`)
    .all(...q.where.params, q.limit, q.offset) as (ActionDbRow & Record<string, unknown>)[];
  return rows.map((r) => ({ row: { ...toRow(r, now), snoozedUntil: r.snoozed_until }, extra: r }));
}

export function listActions(sqlite: ReadableDB, filter: ActionFilter & { limit?: number; offset?: number }, now: string): ActionRow[] {
  const w = actionWhere(filter, now);
  const rows = sqlite
    .prepare(`${SELECT_ACTIONS} ${w.sql} order by a.due_at, a.id limit ? offset ?`)
    .all(...w.params, filter.limit ?? 1000, filter.offset ?? 0) as ActionDbRow[];
  return rows.map((r) => toRow(r, now));
}

/**
 * How many actions match the filter, and how many of the customer's (or all) open and in-progress
 * actions are past due whatever the status filter: the board's column count and its overdue warning,
 * without sending the actions themselves (both counts read the (status, due_at) index).
 */
export function countActions(sqlite: ReadableDB, filter: ActionFilter, now: string): { total: number; overdue: number } {
  const w = actionWhere(filter, now);
  const total =
    (sqlite
      .prepare(`select count(*) from health_action a ${w.sql}`)
      .pluck()
      .get(...w.params) as number) ?? 0;
  const o = actionWhere({ ...(filter.customerKey ? { customerKey: filter.customerKey } : {}), overdueOnly: true }, now);
  const overdue =
    (sqlite
      .prepare(`select count(*) from health_action a ${o.sql}`)
      .pluck()
      .get(...o.params) as number) ?? 0;
  return { total, overdue };
}

export function getAction(sqlite: ReadableDB, id: number, now: string): ActionRow {
  const r = sqlite.prepare(`${SELECT_ACTIONS} where a.id = ?`).get(id) as ActionDbRow | undefined;
  if (!r) throw new WorkbenchError('NOT_FOUND', { what: '行动 / action', id });
  return toRow(r, now);
}

export function createAction(
  sqlite: WritableDB,
  args: { customerKey: string; templateId: ActionTemplateId; owner?: string | null; dueAt?: string; signalId?: number; note?: string },
  now: string,
): ActionRow {
  const customer = sqlite.prepare('select owner from customers where customer_key = ?').get(args.customerKey) as { owner: string | null } | undefined;
  if (!customer) throw new WorkbenchError('NOT_FOUND', { what: '客户 / customer', id: args.customerKey });
  let source: ActionSource | null = null;
  if (args.signalId !== undefined) {
    const s = sqlite.prepare('select rule_id, severity, as_of, customer_key from health_signal where id = ?').get(args.signalId) as
      { rule_id: string; severity: string; as_of: string; customer_key: string } | undefined;
    if (!s || s.customer_key !== args.customerKey) throw new WorkbenchError('NOT_FOUND', { what: '信号 / signal', id: args.signalId });
    source = { kind: 'signal', ruleId: s.rule_id, severity: s.severity, asOf: s.as_of } as ActionSource;
  }
  const t = DEFAULT_PLAYBOOK.templates[args.templateId];
  const id = prepareInsertAction(sqlite)(
    {
      customerKey: args.customerKey,
      templateId: args.templateId,
      ownerRole: t.ownerRole,
      owner: args.owner === undefined ? customer.owner : args.owner,
      openedAt: now,
      dueAt: args.dueAt ? normaliseDue(args.dueAt) : playbookDue(now, t.dueHours),
      status: 'open',
      source,
    },
    args.signalId !== undefined ? 'signal' : 'manual',
    args.signalId ?? null,
    null,
    args.note ?? null,
  );
  return getAction(sqlite, id, now);
}

/** A date alone means the end of that working day. */
function normaliseDue(due: string): string {
  if (due.length === 10) return `${due}T18:00:00`;
  return due.length === 16 ? `${due}:00` : due;
}

export function updateAction(
  sqlite: WritableDB,
  args: { id: number; status?: ActionStatus; owner?: string | null; dueAt?: string; note?: string | null },
  now: string,
): ActionRow {
  const current = getAction(sqlite, args.id, now);
  const sets: string[] = [];
  const params: (string | number | null)[] = [];
  if (args.status !== undefined && args.status !== current.status) {
    sets.push('status = ?');
    params.push(args.status);
    // closed_at starts the one-month clock of the repair check; reopening stops it.
    sets.push('closed_at = ?');
    params.push(args.status === 'done' || args.status === 'cancelled' ? now : null);
  }
  if (args.owner !== undefined) {
    sets.push('owner = ?');
    params.push(args.owner);
  }
  if (args.dueAt !== undefined) {
    sets.push('due_at = ?');
    params.push(normaliseDue(args.dueAt));
  }
  if (args.note !== undefined) {
    sets.push('note = ?');
    params.push(args.note);
  }
  if (sets.length) sqlite.prepare(`update health_action set ${sets.join(', ')} where id = ?`).run(...params, args.id);
  return getAction(sqlite, args.id, now);
}

const DEMAND_IN = DEMAND_PURPOSES.map((p) => `'${p}'`).join(', ');

/** The indicators of one customer over [from, to) (dates). */
function repairWindow(sqlite: ReadableDB, customerKey: string, from: string, to: string): RepairWindow {
  const i = sqlite
    .prepare(`select count(*) as n, sum(purpose in (${DEMAND_IN})) as demands from interactions where customer_key = ? and date >= ? and date < ?`)
    .get(customerKey, from, to) as { n: number; demands: number | null };
  const everOrdered = sqlite.prepare('select 1 from orders where customer_key = ? and order_date < ? limit 1').get(customerKey, to);
  const o = sqlite
    .prepare(
      `select coalesce(sum(case when is_return = 1 then -abs(amount) else amount end), 0) as v from orders where customer_key = ? and order_date >= ? and order_date < ?`,
    )
    .get(customerKey, from, to) as { v: number };
  const s = sqlite
    .prepare('select avg(nps) as m from surveys where customer_key = ? and nps is not null and date >= ? and date < ?')
    .get(customerKey, from, to) as { m: number | null };
  return {
    days: Math.max(1, daysBetween(from, to)),
    demandCount: i.n > 0 ? Number(i.demands ?? 0) : null,
    orderValue: everOrdered ? o.v : null,
    npsMean: s.m,
  };
}

/**
 * Before: the 90 days before the action opened. After: from the day it closed to the check date.
 * Counts and value are compared per 30 days (repair-check.ts), so the windows may differ in length.
 */
export function runRepairCheck(sqlite: WritableDB, id: number, checkedAt: string, now: string): ActionRow {
  const a = getAction(sqlite, id, now);
  if (a.status !== 'done' || !a.closedAt) {
    throw new WorkbenchError('VALIDATION_FAILED', { detail: 'the repair check needs a closed (done) action / 修复验证需要已完成的行动' });
  }
  const opened = a.openedAt.slice(0, 10);
  const closed = a.closedAt.slice(0, 10);
  const checked = checkedAt.slice(0, 10);
  const before = repairWindow(sqlite, a.customerKey, addDays(opened, -90), opened);
  const after = repairWindow(sqlite, a.customerKey, closed, addDays(checked > closed ? checked : closed, 1));
  const result = repairCheck({ closedAt: closed, checkedAt: checked, before, after });
  sqlite.prepare('update health_action set repair_check = ?, repair_checked_at = ? where id = ?').run(JSON.stringify(result), checkedAt, id);
  return getAction(sqlite, id, now);
}
