// The alert budget of an early-warning rule and the playbook's workload, before running: per rule, how
// many customers it would fire for under the set, under the health run's rules, and against the inbox
// as it stands (new alerts the next run would open, open alerts it would resolve); per action, how
// many customers the set's playbook would open it for under the engagement's action policy. Counts are accumulated one customer at a time,
// so the engine never holds more than one customer's signals. Pure.

import { templateForSignal, type Playbook } from '../health/playbook';
import { opensAction, type ActionPolicy } from '../health/action-policy';
import type { SignalRuleId } from '../health/signal-rules';
import { ACTION_TEMPLATE_IDS, type ActionTemplateId, type Severity } from '../health/vocabulary';

/** What the inbox holds for a customer and rule: a live (open) alert, a dismissed one, or none. */
export type InboxState = 'open' | 'dismissed';

export interface RuleBudget {
  /** Customers the rule would fire for under the set. */
  now: number;
  /** Under the rules of the health run the facts come from. */
  was: number;
  /** Customers with an open alert of this rule in the inbox. */
  open: number;
  /** Would fire, and the inbox holds no alert of this rule for the customer (open or dismissed): new alerts. */
  added: number;
  /** Open in the inbox, and would no longer fire: alerts the next run would resolve. */
  resolved: number;
}

export const emptyBudget = (): RuleBudget => ({ now: 0, was: 0, open: 0, added: 0, resolved: 0 });

/**
 * Adds one customer: the rules that fire for them under the set and under the run's rules, and what
 * the inbox holds for them per rule. A rule the set switches off fires for no one and resolves
 * nothing: a run leaves the alerts of a disabled rule alone (health/run.ts reconciles enabled rules only).
 */
export function tallyRules(
  budgets: Map<SignalRuleId, RuleBudget>,
  enabled: ReadonlySet<SignalRuleId>,
  now: ReadonlySet<SignalRuleId>,
  was: ReadonlySet<SignalRuleId>,
  inbox: ReadonlyMap<SignalRuleId, InboxState> | undefined,
): void {
  for (const [id, b] of budgets) {
    const fires = now.has(id);
    const state = inbox?.get(id);
    if (fires) b.now++;
    if (was.has(id)) b.was++;
    if (state === 'open') b.open++;
    if (fires && state === undefined) b.added++;
    if (!fires && state === 'open' && enabled.has(id)) b.resolved++;
  }
}

/**
 * The actions a run would open by itself for one customer: each signal whose severity the action
 * policy lets open one (the rest stay in the inbox), and a red score when the policy says so; each
 * action once, named by the rule or else by the playbook.
 */
export function actionsCalledFor(
  signals: readonly { action: ActionTemplateId | null; severity: Severity }[],
  red: boolean,
  playbook: Playbook,
  policy: ActionPolicy,
): Set<ActionTemplateId> {
  const out = new Set<ActionTemplateId>();
  for (const s of signals) if (opensAction(policy, s.severity)) out.add(templateForSignal(s, playbook));
  if (red && policy.redScore) out.add(playbook.redScore);
  return out;
}

export interface ActionCount {
  templateId: ActionTemplateId;
  /** Customers the set's rules and playbook call for this action. */
  now: number;
  /** Under the health run's rules and playbook. */
  was: number;
  /** Of `now`: customers for whom this action is already open or in progress (a run opens it once). */
  alreadyLive: number;
}

export interface ActionTally {
  actions: Map<ActionTemplateId, ActionCount>;
  /** Customer-action pairs, as `now`, `was` and `alreadyLive` are counted. */
  total: Omit<ActionCount, 'templateId'>;
  /** Customers with a red score under the set's rules, and under the run's. */
  red: { now: number; was: number };
}

export function newActionTally(): ActionTally {
  return {
    actions: new Map(ACTION_TEMPLATE_IDS.map((id) => [id, { templateId: id, now: 0, was: 0, alreadyLive: 0 }])),
    total: { now: 0, was: 0, alreadyLive: 0 },
    red: { now: 0, was: 0 },
  };
}

/** Adds one customer's calls under the set and under the run, and the actions live for them. */
export function tallyActions(
  t: ActionTally,
  now: ReadonlySet<ActionTemplateId>,
  was: ReadonlySet<ActionTemplateId>,
  live: ReadonlySet<ActionTemplateId> | undefined,
): void {
  for (const id of now) {
    const c = t.actions.get(id)!;
    c.now++;
    t.total.now++;
    if (live?.has(id)) {
      c.alreadyLive++;
      t.total.alreadyLive++;
    }
  }
  for (const id of was) {
    t.actions.get(id)!.was++;
    t.total.was++;
  }
}
