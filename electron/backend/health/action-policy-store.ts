// The engagement's action policy (migration 0016's one-row table): read by every health run, edited
// from the action board's settings or `rwb actions policy`.

import type { ReadableDB, WritableDB } from '../workspace/connection';
import type { Row } from '../workspace/schema';
import { ActionPolicySchema, DEFAULT_ACTION_POLICY, LEGACY_ACTION_POLICY, type ActionPolicy } from '../../../shared/health/action-policy';
import { WorkbenchError } from '../errors';

export interface StoredActionPolicy {
  policy: ActionPolicy;
  /** null = the default, never edited. */
  updatedAt: string | null;
}

export function getActionPolicy(sqlite: ReadableDB): StoredActionPolicy {
  const r = sqlite.prepare('select * from health_action_policy where id = 1').get() as Row<'health_action_policy'> | undefined;
  if (!r) return { policy: { ...DEFAULT_ACTION_POLICY }, updatedAt: null };
  return { policy: { light: r.light === 1, medium: r.medium === 1, heavy: r.heavy === 1, redScore: r.red_score === 1 }, updatedAt: r.updated_at };
}

export function saveActionPolicy(sqlite: WritableDB, input: unknown, now: string): StoredActionPolicy {
  const parsed = ActionPolicySchema.safeParse(input);
  if (!parsed.success) {
    throw new WorkbenchError('VALIDATION_FAILED', { detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  }
  const p = parsed.data;
  const b = (x: boolean) => (x ? 1 : 0);
  sqlite
    .prepare(
      `insert into health_action_policy (id, light, medium, heavy, red_score, updated_at) values (1, ?, ?, ?, ?, ?)
       on conflict(id) do update set light = excluded.light, medium = excluded.medium, heavy = excluded.heavy, red_score = excluded.red_score, updated_at = excluded.updated_at`,
    )
    .run(b(p.light), b(p.medium), b(p.heavy), b(p.redScore), now);
  return { policy: p, updatedAt: now };
}

/** The policy a stored run applied; a run without one (never written after 0016) opened everything. */
export function runActionPolicy(json: string | null): ActionPolicy {
  if (!json) return { ...LEGACY_ACTION_POLICY };
  const parsed = ActionPolicySchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : { ...LEGACY_ACTION_POLICY };
}
