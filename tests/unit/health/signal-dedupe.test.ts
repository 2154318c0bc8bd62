import { describe, expect, it } from 'vitest';
import { reconcileSignals, type Signal, type SignalRuleId, type StoredSignalRef } from '../../../shared/health';

const sig = (customerKey: string, ruleId: SignalRuleId): Signal => ({
  customerKey,
  ruleId,
  severity: 'light',
  action: null,
  asOf: '2024-06-30',
  triggeredOn: null,
  evidence: { messageKey: `signals.${ruleId}.evidence`, params: {}, data: [] },
});
const stored = (id: number, customerKey: string, ruleId: SignalRuleId, status: 'open' | 'dismissed' = 'open'): StoredSignalRef<number> => ({
  id,
  customerKey,
  ruleId,
  status,
});

describe('one open signal per customer and rule across runs', () => {
  it('opens new pairs, refreshes still-firing ones, resolves cleared ones', () => {
    const r = reconcileSignals(
      [stored(1, 'A', 'usageDrop'), stored(2, 'A', 'silent'), stored(3, 'B', 'usageDrop')],
      [sig('A', 'usageDrop'), sig('B', 'silent'), sig('B', 'usageDrop')],
    );
    expect(r.open.map((s) => `${s.customerKey}/${s.ruleId}`)).toEqual(['B/silent']);
    expect(r.refresh.map((x) => x.stored.id)).toEqual([1, 3]);
    expect(r.resolve.map((x) => x.id)).toEqual([2]);
    expect(r.lapse).toEqual([]);
  });

  it('running twice on the same data opens nothing the second time', () => {
    const first = reconcileSignals([], [sig('A', 'usageDrop'), sig('A', 'usageDrop')]);
    expect(first.open).toHaveLength(1); // a duplicate within one run collapses too
    const second = reconcileSignals([stored(10, 'A', 'usageDrop')], [sig('A', 'usageDrop')]);
    expect(second.open).toEqual([]);
    expect(second.refresh.map((x) => x.stored.id)).toEqual([10]);
  });

  it('a dismissed signal stays dismissed while the condition holds and lapses when it clears', () => {
    const holding = reconcileSignals([stored(5, 'A', 'competitorMention', 'dismissed')], [sig('A', 'competitorMention')]);
    expect(holding.open).toEqual([]);
    expect(holding.stillDismissed.map((x) => x.stored.id)).toEqual([5]);
    const cleared = reconcileSignals([stored(5, 'A', 'competitorMention', 'dismissed')], []);
    expect(cleared.lapse.map((x) => x.id)).toEqual([5]);
    expect(cleared.resolve).toEqual([]);
  });

  it('leaves records of customers or rules outside the run alone', () => {
    const r = reconcileSignals([stored(1, 'A', 'usageDrop'), stored(2, 'B', 'usageDrop'), stored(3, 'B', 'silent')], [], {
      customers: new Set(['B']),
      rules: new Set<SignalRuleId>(['usageDrop']),
    });
    expect(r.resolve.map((x) => x.id)).toEqual([2]);
  });

  it('reports extra stored records for one pair as duplicates, keeping an open one over a dismissed one', () => {
    const r = reconcileSignals([stored(1, 'A', 'silent', 'dismissed'), stored(2, 'A', 'silent'), stored(3, 'A', 'silent')], [sig('A', 'silent')]);
    expect(r.refresh.map((x) => x.stored.id)).toEqual([2]);
    expect(r.duplicates.map((x) => x.id).sort()).toEqual([1, 3]);
  });
});
