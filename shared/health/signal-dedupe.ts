// One open signal per customer and rule across runs. Given the stored signals and a run's freshly
// evaluated ones, say what to open, what stays open (with fresh evidence), what resolved itself.
// A dismissed signal keeps suppressing its rule for that customer while the condition keeps holding
// (otherwise every run would reopen what the consultant just dismissed); once the condition clears,
// the dismissal lapses and a later recurrence opens a new signal.

import type { Signal } from './signals';
import type { SignalRuleId } from './signal-rules';

export type StoredSignalStatus = 'open' | 'dismissed';

export interface StoredSignalRef<Id = string | number> {
  id: Id;
  customerKey: string;
  ruleId: SignalRuleId;
  status: StoredSignalStatus;
}

export interface SignalReconciliation<Id = string | number> {
  /** Fire with no open or dismissed record for (customer, rule): insert as new open signals. */
  open: Signal[];
  /** Still firing and open: keep the record, update its latest evidence / last-seen run. */
  refresh: { stored: StoredSignalRef<Id>; signal: Signal }[];
  /** Still firing but dismissed: leave dismissed, open nothing. */
  stillDismissed: { stored: StoredSignalRef<Id>; signal: Signal }[];
  /** Open records whose condition no longer holds: mark resolved. */
  resolve: StoredSignalRef<Id>[];
  /** Dismissed records whose condition no longer holds: close them so a recurrence opens afresh. */
  lapse: StoredSignalRef<Id>[];
  /** Extra open/dismissed records for a (customer, rule) already held by an earlier record: close them. */
  duplicates: StoredSignalRef<Id>[];
}

export interface ReconcileScope {
  /** Customers evaluated in this run; records of other customers are left alone. Omit = all. */
  customers?: ReadonlySet<string>;
  /** Rules evaluated (enabled) in this run; records of other rules are left alone. Omit = all. */
  rules?: ReadonlySet<SignalRuleId>;
}

const pairKey = (customerKey: string, ruleId: string): string => `${ruleId}\u0000${customerKey}`;

export function reconcileSignals<Id = string | number>(
  stored: readonly StoredSignalRef<Id>[],
  evaluated: readonly Signal[],
  scope: ReconcileScope = {},
): SignalReconciliation<Id> {
  const out: SignalReconciliation<Id> = {
    open: [],
    refresh: [],
    stillDismissed: [],
    resolve: [],
    lapse: [],
    duplicates: [],
  };
  // An open record wins over a dismissed one for the same pair; the first of each kind is kept.
  const held = new Map<string, StoredSignalRef<Id>>();
  for (const s of stored) {
    const key = pairKey(s.customerKey, s.ruleId);
    const prior = held.get(key);
    if (!prior) held.set(key, s);
    else if (prior.status === 'dismissed' && s.status === 'open') {
      out.duplicates.push(prior);
      held.set(key, s);
    } else out.duplicates.push(s);
  }

  const firing = new Set<string>();
  for (const sig of evaluated) {
    const key = pairKey(sig.customerKey, sig.ruleId);
    if (firing.has(key)) continue;
    firing.add(key);
    const rec = held.get(key);
    if (!rec) out.open.push(sig);
    else if (rec.status === 'open') out.refresh.push({ stored: rec, signal: sig });
    else out.stillDismissed.push({ stored: rec, signal: sig });
  }

  for (const [key, rec] of held) {
    if (firing.has(key)) continue;
    if (scope.customers && !scope.customers.has(rec.customerKey)) continue;
    if (scope.rules && !scope.rules.has(rec.ruleId)) continue;
    (rec.status === 'open' ? out.resolve : out.lapse).push(rec);
  }
  return out;
}
