// Bulk steps on signals and actions, and their undo. A step records, per row it changed, the columns
// it touches before and after; undo puts back the "before" of the rows still as the step left them
// (a health run or a later edit may have moved some on: those stay and are counted). Each step and
// each undo is written with its audit entry in one transaction. Only the latest step not undone can
// be undone (one step back; repeated, it walks back further).

import type { ReadableDB, WritableDB } from '../workspace/connection';
import type { Row } from '../workspace/schema';
import type { BulkResult, TriageStep } from '../../../shared/contract/triage';
import type { DismissReasonInput } from '../../../shared/health/triage';
import { recordAuditSync } from '../workspace/repositories/audit';
import { WorkbenchError } from '../errors';

/** The columns a signal step may change, and an action step. */
const SIGNAL_STATE = ['status', 'owner', 'snoozed_until', 'dismissed_reason', 'dismissed_reason_code', 'dismissed_at', 'closed_at', 'closed_run_id'] as const;
const ACTION_STATE = ['status', 'owner', 'snoozed_until', 'closed_at'] as const;
type State = Record<string, string | number | null>;

const TABLE = { signal: 'health_signal', action: 'health_action' } as const;
const STATE = { signal: SIGNAL_STATE, action: ACTION_STATE } as const;

export type SignalChange =
  { op: 'assign'; owner: string | null } | { op: 'snooze'; until: string } | { op: 'dismiss'; reason: Required<DismissReasonInput> } | { op: 'close' };
export type ActionChange = { op: 'assign'; owner: string | null } | { op: 'snooze'; until: string } | { op: 'close'; outcome: 'done' | 'cancelled' };

/** The new state of a row, or null when the step does not apply to it. */
function signalAfter(before: State, c: SignalChange, now: string): State | null {
  // Every signal step works on open signals (snoozed ones included): a dismissed or resolved signal
  // is already out of the inbox.
  if (before.status !== 'open') return null;
  switch (c.op) {
    case 'assign':
      return { ...before, owner: c.owner };
    case 'snooze':
      return { ...before, snoozed_until: c.until };
    case 'dismiss':
      return {
        ...before,
        status: 'dismissed',
        dismissed_reason: c.reason.note || null,
        dismissed_reason_code: c.reason.code,
        dismissed_at: now,
        snoozed_until: null,
      };
    case 'close':
      // Closed by hand: resolved with no run; a later run that finds the condition opens a new signal.
      return { ...before, status: 'resolved', closed_at: now, closed_run_id: null, snoozed_until: null };
  }
}

function actionAfter(before: State, c: ActionChange, now: string): State | null {
  if (before.status !== 'open' && before.status !== 'inProgress') return null;
  switch (c.op) {
    case 'assign':
      return { ...before, owner: c.owner };
    case 'snooze':
      return { ...before, snoozed_until: c.until };
    case 'close':
      return { ...before, status: c.outcome, closed_at: now, snoozed_until: null };
  }
}

function readStates(sqlite: ReadableDB, target: 'signal' | 'action', ids: readonly number[]): Map<number, State> {
  const cols = STATE[target].join(', ');
  const out = new Map<number, State>();
  for (const r of sqlite.prepare(`select id, ${cols} from ${TABLE[target]} where id in (select value from json_each(?))`).all(JSON.stringify(ids)) as (State & {
    id: number;
  })[]) {
    const { id, ...state } = r;
    out.set(id, state);
  }
  return out;
}

function writeState(sqlite: WritableDB, target: 'signal' | 'action') {
  const cols = STATE[target];
  const stmt = sqlite.prepare(`update ${TABLE[target]} set ${cols.map((c) => `${c} = ?`).join(', ')} where id = ?`);
  return (id: number, s: State) => stmt.run(...cols.map((c) => s[c] ?? null), id);
}

/**
 * Applies a change to the rows, records the step with each row's before and after, and the audit
 * entry, in one transaction. `detail` goes into the step and the audit entry (the filter or the
 * selection's size, the reason, the owner, the date).
 */
export function applyBulk(
  sqlite: WritableDB,
  target: 'signal' | 'action',
  ids: readonly number[],
  change: SignalChange | ActionChange,
  detail: Record<string, unknown>,
  now: string,
): BulkResult {
  return sqlite.transaction((): BulkResult => {
    const states = readStates(sqlite, target, ids);
    const missing = ids.filter((id) => !states.has(id));
    if (missing.length > 0)
      throw new WorkbenchError('NOT_FOUND', { what: target === 'signal' ? '预警信号 / signal' : '行动 / action', id: missing.slice(0, 5).join(', ') });
    const changes: { id: number; before: State; after: State }[] = [];
    for (const id of ids) {
      const before = states.get(id)!;
      const after = target === 'signal' ? signalAfter(before, change as SignalChange, now) : actionAfter(before, change as ActionChange, now);
      if (after) changes.push({ id, before, after });
    }
    const skipped = ids.length - changes.length;
    if (changes.length === 0) return { stepId: null, count: 0, skipped };
    const stepDetail = { ...detail, skipped };
    const stepId = Number(
      sqlite
        .prepare('insert into triage_step (at, target, op, detail, count) values (?, ?, ?, ?, ?)')
        .run(now, target, change.op, JSON.stringify(stepDetail), changes.length).lastInsertRowid,
    );
    const write = writeState(sqlite, target);
    const item = sqlite.prepare('insert into triage_step_item (step_id, item_id, before, after) values (?, ?, ?, ?)');
    for (const c of changes) {
      write(c.id, c.after);
      item.run(stepId, c.id, JSON.stringify(c.before), JSON.stringify(c.after));
    }
    recordAuditSync(sqlite, target === 'signal' ? 'signals.bulk' : 'actions.bulk', { stepId, op: change.op, count: changes.length, ...stepDetail });
    return { stepId, count: changes.length, skipped };
  })();
}

const sameState = (a: State, b: State, cols: readonly string[]): boolean => cols.every((c) => (a[c] ?? null) === (b[c] ?? null));

function latestUndoable(sqlite: ReadableDB): number | null {
  return (sqlite.prepare('select max(id) from triage_step where undone_at is null').pluck().get() as number | null) ?? null;
}

export function undoStep(sqlite: WritableDB, stepId: number, now: string): { restored: number; skipped: number } {
  return sqlite.transaction(() => {
    const step = sqlite.prepare('select * from triage_step where id = ?').get(stepId) as Row<'triage_step'> | undefined;
    if (!step) throw new WorkbenchError('NOT_FOUND', { what: '批量操作 / bulk step', id: stepId });
    if (step.undone_at !== null) throw new WorkbenchError('TRIAGE_ALREADY_UNDONE', { id: stepId, at: step.undone_at });
    const latest = latestUndoable(sqlite);
    if (latest !== stepId) throw new WorkbenchError('TRIAGE_UNDO_NOT_LATEST', { id: stepId, latest: latest ?? '-' });
    const items = sqlite.prepare('select item_id, before, after from triage_step_item where step_id = ?').all(stepId) as Row<'triage_step_item'>[];
    const target = step.target;
    const current = readStates(
      sqlite,
      target,
      items.map((i) => i.item_id),
    );
    const write = writeState(sqlite, target);
    let restored = 0;
    for (const i of items) {
      const now_ = current.get(i.item_id);
      // A row the step no longer describes (a run resolved the signal, someone reopened the action)
      // keeps its present state: undo must not overwrite a later change.
      if (!now_ || !sameState(now_, JSON.parse(i.after) as State, STATE[target])) continue;
      write(i.item_id, JSON.parse(i.before) as State);
      restored++;
    }
    sqlite.prepare('update triage_step set undone_at = ? where id = ?').run(now, stepId);
    const skipped = items.length - restored;
    recordAuditSync(sqlite, 'triage.undo', { stepId, target, op: step.op, restored, skipped });
    return { restored, skipped };
  })();
}

export function listSteps(sqlite: ReadableDB, limit: number): TriageStep[] {
  const latest = latestUndoable(sqlite);
  return (sqlite.prepare('select * from triage_step order by id desc limit ?').all(limit) as Row<'triage_step'>[]).map((r) => ({
    id: r.id,
    at: r.at,
    target: r.target,
    op: r.op,
    count: r.count,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    undoneAt: r.undone_at,
    undoable: r.id === latest,
  }));
}
