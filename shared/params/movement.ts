// Before → after of a rule that puts every customer in one category (a tier, a lifecycle stage): the
// customers each category holds under the run's rules and under the set's, how many customers change
// category, and the moves between categories (from → to, largest first). Both assignments are made on
// the same facts, so a difference is the rules' doing, never new data. Pure.

import { assignTiers, TIERS, type Tier, type TierFacts, type TierThresholds } from '../analytics/tiers';
import { LIFECYCLE_STAGES, lifecycleStage, type LifecycleFacts, type LifecycleRules, type LifecycleStage } from '../analytics/lifecycle';
import type { ActivityBasis } from '../analytics/activity';
import type { DayNumber } from '../analytics/days';

export interface CategoryCount<K extends string> {
  id: K;
  /** Customers in the category under the set's rules. */
  now: number;
  /** Under the rules of the run the preview compares with. */
  was: number;
}

export interface CategoryMove<K extends string> {
  from: K;
  to: K;
  customers: number;
}

export interface MovementPreview<K extends string> {
  /** The diagnostic run whose as-of date, activity basis and rules are the "before". */
  runId: number;
  asOf: string;
  /** Customers assigned a category (the denominator of every count). */
  customers: number;
  counts: CategoryCount<K>[];
  /** Customers whose category would change. */
  moved: number;
  moves: CategoryMove<K>[];
}

/** Counts and moves of two assignments keyed by customer; a customer missing on one side is counted on the other only. */
export function movementOf<K extends string>(
  ids: readonly K[],
  was: ReadonlyMap<string, K>,
  now: ReadonlyMap<string, K>,
): Omit<MovementPreview<K>, 'runId' | 'asOf'> {
  const counts = new Map<K, CategoryCount<K>>(ids.map((id) => [id, { id, now: 0, was: 0 }]));
  const at = (id: K): CategoryCount<K> => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { id, now: 0, was: 0 }));
    return c;
  };
  const moves = new Map<string, CategoryMove<K>>();
  let moved = 0;
  for (const [key, to] of now) {
    at(to).now++;
    const from = was.get(key);
    if (from === undefined || from === to) continue;
    moved++;
    const k = `${from}\u0000${to}`;
    const m = moves.get(k);
    if (m) m.customers++;
    else moves.set(k, { from, to, customers: 1 });
  }
  for (const from of was.values()) at(from).was++;
  const order = (m: CategoryMove<K>) => ids.indexOf(m.from) * ids.length + ids.indexOf(m.to);
  return {
    customers: now.size,
    counts: [...counts.values()],
    moved,
    moves: [...moves.values()].sort((a, b) => b.customers - a.customers || order(a) - order(b)),
  };
}

export type TierPreview = MovementPreview<Tier>;
export type LifecyclePreview = MovementPreview<LifecycleStage>;

/**
 * Tiers under the run's thresholds (on facts counted over the run's revenue year) and under the set's.
 * The facts differ only when the set changes the length of the revenue year.
 */
export function previewTiers(
  run: { id: number; asOf: string },
  was: { facts: readonly TierFacts[]; thresholds: TierThresholds },
  now: { facts: readonly TierFacts[]; thresholds: TierThresholds },
): TierPreview {
  const assign = (s: typeof was) => new Map(assignTiers(s.facts, s.thresholds).map((r) => [r.customerKey, r.tier]));
  return { runId: run.id, asOf: run.asOf, ...movementOf<Tier>(TIERS, assign(was), assign(now)) };
}

/**
 * Lifecycle stages under the run's rules and the set's, on the activity of the run's basis at its
 * as-of date. The facts differ only when the set changes the spend comparison window.
 */
export function previewLifecycle(
  run: { id: number; asOf: string; asOfDay: DayNumber; basis: ActivityBasis },
  was: { facts: readonly LifecycleFacts[]; rules: LifecycleRules },
  now: { facts: readonly LifecycleFacts[]; rules: LifecycleRules },
): LifecyclePreview {
  const assign = (s: typeof was) => new Map(s.facts.map((f) => [f.customerKey, lifecycleStage(f, run.asOfDay, s.rules, run.basis).stage]));
  return { runId: run.id, asOf: run.asOf, ...movementOf<LifecycleStage>(LIFECYCLE_STAGES, assign(was), assign(now)) };
}
