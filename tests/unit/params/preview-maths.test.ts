import { describe, expect, it } from 'vitest';
import { movementOf, previewLifecycle, previewTiers } from '../../../shared/params/movement';
import { actionsCalledFor, emptyBudget, newActionTally, tallyActions, tallyRules, type RuleBudget } from '../../../shared/params/budget';
import { paramSetIssues, segmentIssues } from '../../../shared/params/validate';
import { defaultParamSet } from '../../../shared/params/param-set';
import { previewRfm, type StoredRfmRow } from '../../../shared/params/preview';
import { TierParamsSchema, LifecycleParamsSchema } from '../../../shared/analytics/params';
import type { TierFacts } from '../../../shared/analytics/tiers';
import type { LifecycleFacts } from '../../../shared/analytics/lifecycle';
import { DEFAULT_PLAYBOOK } from '../../../shared/health/playbook';
import { DEFAULT_ACTION_POLICY, LEGACY_ACTION_POLICY } from '../../../shared/health/action-policy';
import type { SignalRuleId } from '../../../shared/health/signal-rules';

// The preview maths on hand-built customers, each count checked by hand in the comments.

describe('movement between categories', () => {
  it('counts each side, the customers that change and the moves, largest first', () => {
    const was = new Map([
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'y'],
      ['d', 'z'],
    ]);
    const now = new Map([
      ['a', 'y'], // x → y
      ['b', 'y'], // x → y
      ['c', 'y'],
      ['d', 'x'], // z → x
    ]);
    const m = movementOf(['x', 'y', 'z'], was, now);
    expect(m.customers).toBe(4);
    expect(m.counts).toEqual([
      { id: 'x', now: 1, was: 2 },
      { id: 'y', now: 3, was: 1 },
      { id: 'z', now: 0, was: 1 },
    ]);
    expect(m.moved).toBe(3);
    expect(m.moves).toEqual([
      { from: 'x', to: 'y', customers: 2 },
      { from: 'z', to: 'x', customers: 1 },
    ]);
  });
});

const tierFact = (key: string, yearlyRevenue: number, tenureDays: number, maxSingleOrder = 0): TierFacts => ({
  customerIndex: 0,
  customerKey: key,
  yearlyRevenue,
  maxSingleOrder,
  tenureDays,
  isBenchmark: false,
  industry: null,
});

describe('tier preview', () => {
  // Revenue 500 in all; A holds 40%, B 20%, C 16%, D 14%, E 10%. All customers for two years.
  const facts = [tierFact('A', 200, 800), tierFact('B', 100, 800), tierFact('C', 80, 800), tierFact('D', 70, 800), tierFact('E', 50, 800, 60)];
  const run = { id: 7, asOf: '2026-06-30' };

  it('lowering the strategic share from 30% to 15% moves B and C up from core/ordinary to strategic', () => {
    const was = TierParamsSchema.parse({ strategicShare: 0.3 });
    const now = TierParamsSchema.parse({ strategicShare: 0.15 });
    const p = previewTiers(run, { facts, thresholds: was }, { facts, thresholds: now });
    // Before: A strategic (40% > 30%); core = top 20% of the 4 paying others = ceil(0.8) = 1: B; C, D, E ordinary.
    // After: A, B, C strategic (40, 20, 16 > 15); core = ceil(0.4) = 1 of D, E: D; E ordinary.
    expect(p.counts.find((c) => c.id === 'strategic')).toEqual({ id: 'strategic', was: 1, now: 3 });
    expect(p.counts.find((c) => c.id === 'core')).toEqual({ id: 'core', was: 1, now: 1 });
    expect(p.counts.find((c) => c.id === 'ordinary')).toEqual({ id: 'ordinary', was: 3, now: 1 });
    expect(p.moved).toBe(3); // B core → strategic, C and D ordinary → strategic / core
    expect(p.moves).toContainEqual({ from: 'core', to: 'strategic', customers: 1 });
    expect(p.moves).toContainEqual({ from: 'ordinary', to: 'strategic', customers: 1 });
    expect(p.moves).toContainEqual({ from: 'ordinary', to: 'core', customers: 1 });
    expect(p).toMatchObject({ runId: 7, asOf: '2026-06-30', customers: 5 });
  });

  it('the single-order upgrade trigger lifts an ordinary customer whose largest order is over the amount', () => {
    const was = TierParamsSchema.parse({});
    const now = TierParamsSchema.parse({ upgradeOrderAmount: 50 });
    const p = previewTiers(run, { facts, thresholds: was }, { facts, thresholds: now });
    // At the default 15%, A, B and C are strategic and D is core (top 20% of D and E); E is ordinary,
    // and its largest order of 60 > 50 lifts it to core. Nobody else has an order on record.
    expect(p.moves).toEqual([{ from: 'ordinary', to: 'core', customers: 1 }]);
  });
});

describe('lifecycle preview', () => {
  const asOfDay = 20_000;
  const fact = (key: string, first: number, last: number | null, orders: number, recent = 0, prior = 0, active = true): LifecycleFacts => ({
    customerIndex: 0,
    customerKey: key,
    firstActiveDay: first,
    activeAtAsOf: active,
    lastPurchaseDay: last,
    orders,
    recentSpend: recent,
    priorSpend: prior,
    liveUntilDay: null,
  });
  // new (30 days), growing (200 days, 1 order), mature (500 days, 5 orders, bought 100 days ago), churned.
  const facts = [
    fact('N', asOfDay - 30, asOfDay - 30, 1),
    fact('G', asOfDay - 200, asOfDay - 10, 1),
    fact('M', asOfDay - 500, asOfDay - 100, 5),
    fact('X', asOfDay - 900, asOfDay - 400, 2, 0, 0, false),
  ];
  const run = { id: 3, asOf: '2024-10-04', asOfDay, basis: 'non-contractual' as const };

  it('an at-risk silence of 90 days instead of 180 moves the mature customer who last bought 100 days ago to at risk', () => {
    const was = LifecycleParamsSchema.parse({});
    const now = LifecycleParamsSchema.parse({ riskInactiveDays: 90 });
    const p = previewLifecycle(run, { facts, rules: was }, { facts, rules: now });
    expect(p.moves).toEqual([{ from: 'mature', to: 'atRisk', customers: 1 }]);
    expect(p.counts.find((c) => c.id === 'churned')).toEqual({ id: 'churned', was: 1, now: 1 });
    expect(p.customers).toBe(4);
  });

  it('a longer new-customer period keeps the 200-day customer new', () => {
    const p = previewLifecycle(run, { facts, rules: LifecycleParamsSchema.parse({}) }, { facts, rules: LifecycleParamsSchema.parse({ newDays: 250 }) });
    expect(p.moves).toEqual([{ from: 'growing', to: 'new', customers: 1 }]);
  });
});

describe('segment preview', () => {
  const row = (r: number, f: number, segment: string): StoredRfmRow => ({ recencyDays: 0, frequency: 0, monetary: 0, r, f, m: 3, segment, valueGroup: null });
  it('a rule added above the others takes their customers first; moved counts the customers whose segment changes', () => {
    const set = defaultParamSet('x');
    // Scores come from quintiles of the rows, so give the rows distinct raw values and read their scores back.
    const rows = [5, 4, 3, 2, 1].map((s, i) => ({ ...row(s, s, 'lost'), recencyDays: i * 10, frequency: 10 - i, monetary: 100 - i }));
    const base = previewRfm({ id: 1, asOf: '2026-06-30', lookbackDays: null }, rows, set.rfm);
    const everyone = { id: '全部客户', r: [1, 5] as [number, number], f: [1, 5] as [number, number], m: [1, 5] as [number, number] };
    const first = previewRfm({ id: 1, asOf: '2026-06-30', lookbackDays: null }, rows, { ...set.rfm, classicRules: [everyone, ...set.rfm.classicRules] });
    expect(first.segments.find((s) => s.id === '全部客户')).toEqual({ id: '全部客户', now: 5, was: 0 });
    // Every row was stored as 'lost'; under the rule above all, all 5 change.
    expect(first.segmentsMoved).toBe(5);
    // At the end, it only takes what no other rule matched (the classic rules cover every R×F cell).
    const last = previewRfm({ id: 1, asOf: '2026-06-30', lookbackDays: null }, rows, { ...set.rfm, classicRules: [...set.rfm.classicRules, everyone] });
    expect(last.segments.find((s) => s.id === '全部客户')?.now ?? 0).toBe(0);
    expect(last.segmentsMoved).toBe(base.segmentsMoved);
  });
});

describe('alert budget', () => {
  it('counts fires under the set and the run, open alerts, new ones and resolved ones per rule', () => {
    const ids: SignalRuleId[] = ['interactionDrop', 'unansweredOutreach'];
    const budgets = new Map<SignalRuleId, RuleBudget>(ids.map((id) => [id, emptyBudget()]));
    const on = new Set<SignalRuleId>(ids);
    // C1 fires for both under the set, only interactionDrop under the run; inbox: interactionDrop open.
    tallyRules(budgets, on, new Set(['interactionDrop', 'unansweredOutreach']), new Set(['interactionDrop']), new Map([['interactionDrop', 'open']]));
    // C2 fires for unansweredOutreach, which the consultant dismissed earlier: no new alert.
    tallyRules(budgets, on, new Set(['unansweredOutreach']), new Set(['unansweredOutreach']), new Map([['unansweredOutreach', 'dismissed']]));
    // C3 no longer fires for interactionDrop, whose alert is open: the next run resolves it.
    tallyRules(budgets, on, new Set(), new Set(['interactionDrop']), new Map([['interactionDrop', 'open']]));
    expect(budgets.get('interactionDrop')).toEqual({ now: 1, was: 2, open: 2, added: 0, resolved: 1 });
    expect(budgets.get('unansweredOutreach')).toEqual({ now: 2, was: 1, open: 0, added: 1, resolved: 0 });
  });

  it('a disabled rule resolves nothing: a run leaves its alerts alone', () => {
    const budgets = new Map<SignalRuleId, RuleBudget>([['interactionDrop', emptyBudget()]]);
    tallyRules(budgets, new Set(), new Set(), new Set(['interactionDrop']), new Map([['interactionDrop', 'open']]));
    expect(budgets.get('interactionDrop')).toEqual({ now: 0, was: 1, open: 1, added: 0, resolved: 0 });
  });
});

describe('playbook preview', () => {
  it('a customer calls for each action once: the rule names it, else the severity; a red score adds the red-score action', () => {
    const calls = actionsCalledFor(
      [
        { action: null, severity: 'heavy' }, // executiveImprovementPlan (by severity)
        { action: 'renewalValueReview', severity: 'medium' },
        { action: null, severity: 'light' }, // serviceImprovementNote
        { action: null, severity: 'heavy' }, // the same plan again: counted once
      ],
      true, // red: executiveImprovementPlan, once more, still once
      DEFAULT_PLAYBOOK,
      LEGACY_ACTION_POLICY,
    );
    expect([...calls].sort()).toEqual(['executiveImprovementPlan', 'renewalValueReview', 'serviceImprovementNote']);
  });

  it('under the default action policy only heavy signals and a red score open actions; the rest stay in the inbox', () => {
    const signals = [
      { action: null, severity: 'medium' as const },
      { action: 'renewalValueReview' as const, severity: 'light' as const },
    ];
    expect([...actionsCalledFor(signals, false, DEFAULT_PLAYBOOK, DEFAULT_ACTION_POLICY)]).toEqual([]);
    expect([...actionsCalledFor(signals, true, DEFAULT_PLAYBOOK, DEFAULT_ACTION_POLICY)]).toEqual(['executiveImprovementPlan']);
    expect([...actionsCalledFor(signals, true, DEFAULT_PLAYBOOK, { ...DEFAULT_ACTION_POLICY, redScore: false })]).toEqual([]);
    expect([...actionsCalledFor([{ action: null, severity: 'heavy' }], false, DEFAULT_PLAYBOOK, DEFAULT_ACTION_POLICY)]).toEqual(['executiveImprovementPlan']);
  });

  it('tallies customers per action before and after, and those already live', () => {
    const t = newActionTally();
    tallyActions(t, new Set(['winBack', 'crossTeamMeeting'] as const), new Set(['crossTeamMeeting'] as const), new Set(['winBack'] as const));
    tallyActions(t, new Set(['winBack'] as const), new Set(), undefined);
    expect(t.actions.get('winBack')).toEqual({ templateId: 'winBack', now: 2, was: 0, alreadyLive: 1 });
    expect(t.actions.get('crossTeamMeeting')).toEqual({ templateId: 'crossTeamMeeting', now: 1, was: 1, alreadyLive: 0 });
    expect(t.total).toEqual({ now: 3, was: 1, alreadyLive: 1 });
  });
});

describe('validation in the user’s terms', () => {
  it('names the field, the range and the rules that overlap', () => {
    const set = defaultParamSet('x');
    set.tiers.strategicShare = 1.5;
    set.lifecycle.newDays = 400; // mature from 365
    set.lifecycle.riskSpendDropPct = 0;
    const issues = paramSetIssues(set);
    expect(issues).toContainEqual({ path: 'tiers.strategicShare', level: 'error', code: 'range', params: { min: 0, max: 1 } });
    expect(issues).toContainEqual(expect.objectContaining({ path: 'lifecycle.newDays', code: 'newAfterMature', level: 'error' }));
    expect(issues).toContainEqual(expect.objectContaining({ path: 'lifecycle.riskSpendDropPct', code: 'range' }));
    expect(paramSetIssues(defaultParamSet('x')).filter((i) => i.level === 'error')).toEqual([]);
  });

  it('a segment below one that covers all its scores can never match; a name used twice is an error', () => {
    const everyone = { id: 'all', r: [1, 5] as [number, number], f: [1, 5] as [number, number], m: [1, 5] as [number, number] };
    const narrow = { id: 'top', r: [5, 5] as [number, number], f: [5, 5] as [number, number], m: [1, 5] as [number, number] };
    expect(segmentIssues([everyone, narrow], 'p')).toEqual([{ path: 'p.1', level: 'warning', code: 'unreachableSegment', params: { name: 'top' } }]);
    expect(segmentIssues([narrow, everyone], 'p')).toEqual([]);
    expect(segmentIssues([narrow, { ...narrow, r: [1, 1] }], 'p')).toEqual([
      { path: 'p.1', level: 'error', code: 'duplicateSegment', params: { name: 'top' } },
    ]);
    expect(segmentIssues([{ ...narrow, id: '高价值沉睡' }], 'p')).toEqual([]);
    expect(segmentIssues([{ ...narrow, id: 'a.b' }], 'p')[0]).toMatchObject({ code: 'segmentName' });
  });
});
