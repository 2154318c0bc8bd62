import type { HandlersFor } from '../../../shared/contract/define';
import type { triageChannels } from '../../../shared/contract/triage';
import type { SignalFilter, ActionFilter } from '../../../shared/health/triage';
import type { Backend } from '../backend';
import { WorkbenchError } from '../errors';
import { recordAudit } from '../workspace/repositories/audit';
import { localNow, localToday } from '../health/clock';
import { overdueClock } from '../health/overdue-clock';
import { getActionPolicy, saveActionPolicy } from '../health/action-policy-store';
import { actionIdsMatching, listTriageActions, listTriageSignals, signalIdsMatching } from '../health/triage-lists';
import { applyBulk, listSteps, undoStep, type ActionChange, type SignalChange } from '../health/triage-steps';
import { triageContext } from '../health/triage-query';

type Target<F> = { ids: number[] } | { filter: F; expected: number };

/** The ids of a bulk step, refusing "all N matching" when the filter no longer matches N. */
function resolveIds<F>(target: Target<F>, matching: (f: F) => number[]): { ids: number[]; detail: Record<string, unknown> } {
  if ('ids' in target) return { ids: [...new Set(target.ids)], detail: { selection: 'ids', selected: target.ids.length } };
  const ids = matching(target.filter);
  if (ids.length !== target.expected) throw new WorkbenchError('TRIAGE_FILTER_CHANGED', { now: ids.length, expected: target.expected });
  return { ids, detail: { selection: 'filter', filter: target.filter, selected: ids.length } };
}

function need<T>(value: T | undefined, op: string, missing: string): T {
  if (value === undefined) throw new WorkbenchError('TRIAGE_STEP_INCOMPLETE', { op, missing });
  return value;
}

export function triageHandlers(b: Backend): HandlersFor<typeof triageChannels> {
  const sqlite = () => b.requireWorkspace().sqlite;
  return {
    'signals.triage': async (args) => {
      const db = sqlite();
      const context = triageContext(db, localToday());
      return { ...listTriageSignals(db, context, args), context };
    },
    'actions.triage': async ({ now, ...args }) => {
      const db = sqlite();
      // On historical data overdue is judged at the end of the health run's as-of day (overdue-clock.ts).
      const clock = now ? { at: now, asOf: null } : overdueClock(db, localNow());
      const context = triageContext(db, localToday());
      return { ...listTriageActions(db, context, args, clock.at), context, now: clock.at, overdueAsOf: clock.asOf };
    },
    'signals.bulk': async ({ op, target, owner, until, reason }) => {
      const db = sqlite();
      const ctx = triageContext(db, localToday());
      const { ids, detail } = resolveIds<SignalFilter>(target, (f) => signalIdsMatching(db, ctx, f));
      const change: SignalChange =
        op === 'assign'
          ? { op, owner: need(owner, op, 'owner / 负责人') }
          : op === 'snooze'
            ? { op, until: need(until, op, 'until / 推迟到的日期') }
            : op === 'dismiss'
              ? { op, reason: (({ code, note }) => ({ code, note: note ?? '' }))(need(reason, op, 'reason / 忽略原因')) }
              : { op };
      const extra =
        change.op === 'assign'
          ? { owner: change.owner }
          : change.op === 'snooze'
            ? { until: change.until }
            : change.op === 'dismiss'
              ? { reason: change.reason }
              : {};
      return applyBulk(db, 'signal', ids, change, { ...detail, ...extra }, localNow());
    },
    'actions.bulk': async ({ op, target, owner, until, outcome }) => {
      const db = sqlite();
      const now = localNow();
      const ctx = triageContext(db, localToday());
      const overdueAt = overdueClock(db, now).at;
      const { ids, detail } = resolveIds<ActionFilter>(target, (f) => actionIdsMatching(db, ctx, f, overdueAt));
      const change: ActionChange =
        op === 'assign'
          ? { op, owner: need(owner, op, 'owner / 负责人') }
          : op === 'snooze'
            ? { op, until: need(until, op, 'until / 推迟到的日期') }
            : { op, outcome };
      const extra = change.op === 'assign' ? { owner: change.owner } : change.op === 'snooze' ? { until: change.until } : { outcome: change.outcome };
      return applyBulk(db, 'action', ids, change, { ...detail, ...extra }, now);
    },
    'triage.steps': async ({ limit }) => listSteps(sqlite(), limit),
    'triage.undo': async ({ stepId }) => undoStep(sqlite(), stepId, localNow()),
    'health.actionPolicy': async () => getActionPolicy(sqlite()),
    'health.saveActionPolicy': async ({ policy }) => {
      const ws = b.requireWorkspace();
      const saved = saveActionPolicy(ws.sqlite, policy, localNow());
      await recordAudit(ws.db, 'health.saveActionPolicy', { policy: saved.policy });
      return saved;
    },
  };
}
