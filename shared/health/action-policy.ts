// The action policy: which signals open an action on the board by themselves when a health run
// finds them, per severity, and whether a red health score does. Everything else stays in the
// signal inbox, where the consultant triages it (and may still open an action by hand).
// The relationship-maintenance article's graded response (分级响应) sends a light signal (预警级) to the account team's own
// follow-up, not to a tracked intervention; the sales-delivery article has a high-risk customer handled by an
// executive within 48 hours. So by default only heavy signals and red scores open actions: a light
// signal opening an action buried the board (765 pending actions on the demo, 3,831 on a retail history).

import { z } from 'zod';
import { SEVERITIES, type Severity } from './vocabulary';

export const ActionPolicySchema = z.object({
  light: z.boolean(),
  medium: z.boolean(),
  heavy: z.boolean(),
  /** A red health band opens the playbook's red-score action. */
  redScore: z.boolean(),
});
export type ActionPolicy = z.infer<typeof ActionPolicySchema>;

export const DEFAULT_ACTION_POLICY: ActionPolicy = { light: false, medium: false, heavy: true, redScore: true };

/** What runs did before the policy existed (migration 0016 writes it into their stored parameters). */
export const LEGACY_ACTION_POLICY: ActionPolicy = { light: true, medium: true, heavy: true, redScore: true };

export function opensAction(policy: ActionPolicy, severity: Severity): boolean {
  return policy[severity];
}

/** The severities whose signals open actions, heaviest first (for labels: "heavy signals, red score"). */
export function policySeverities(policy: ActionPolicy): Severity[] {
  return [...SEVERITIES].reverse().filter((s) => policy[s]);
}

export function samePolicy(a: ActionPolicy, b: ActionPolicy): boolean {
  return a.light === b.light && a.medium === b.medium && a.heavy === b.heavy && a.redScore === b.redScore;
}
