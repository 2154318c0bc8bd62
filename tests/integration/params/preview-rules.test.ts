import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultParamSet, type ParamSet } from '../../../shared/params/param-set';
import { parseStoredParams } from '../../../shared/analytics/stored-params';
import { toDay } from '../../../shared/analytics/days';
import { formatError } from '../../../shared/errors';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers } from '../../../electron/backend/handlers';
import { tempDir } from '../../helpers/temp';
import { AS_OF, engagementWithHealthRun, type Engagement } from '../reports/report-fixture';

// The preview of tier thresholds, lifecycle rules, segment rules, each signal rule's alert budget and the
// playbook, through the contract on a stored run: checked against the run's own stored rows and hand counts.

const dir = tempDir();
let e: Engagement;
let runId: number;

interface StoredRow {
  tier: string;
  tier_reasons: string;
  stage: string;
  last_purchase: string | null;
  revenue_12m: number;
}

const rows = (): StoredRow[] =>
  e.ws.sqlite
    .prepare(`select tier, tier_reasons, stage, last_purchase, revenue_12m from diagnostic_customer where run_id = ? and tier is not null`)
    .all(runId) as StoredRow[];

/** The set that holds the run's own tiers and lifecycle rules (the defaults). */
function runSet(): ParamSet {
  const run = e.ws.sqlite.prepare(`select params from diagnostic_run where id = ?`).get(runId) as { params: string };
  const p = parseStoredParams(JSON.parse(run.params));
  return { ...defaultParamSet('同一运行'), tiers: p.tiers, lifecycle: p.lifecycle };
}

beforeAll(async () => {
  e = await engagementWithHealthRun(dir);
  runId = (await e.call('diagnostics.run', { params: { asOf: AS_OF } })).id;
}, 120_000);
afterAll(async () => e?.backend.shutdown());

describe('tier and lifecycle preview', () => {
  it("under the run's own rules, moves no one and counts what the run stored", async () => {
    const p = await e.call('params.preview', { set: runSet(), rfm: false, signals: false, playbook: false });
    const stored = rows();
    expect(p.tiers).toMatchObject({ runId, asOf: AS_OF, customers: stored.length, moved: 0, moves: [] });
    for (const c of p.tiers!.counts) {
      expect(c.now).toBe(c.was);
      expect(c.was).toBe(stored.filter((r) => r.tier === c.id).length);
    }
    expect(p.lifecycle).toMatchObject({ runId, moved: 0 });
    for (const c of p.lifecycle!.counts) expect(c.was).toBe(stored.filter((r) => r.stage === c.id).length);
  });

  it('a lower strategic share makes every customer above it strategic (hand count from the stored yearly revenue)', async () => {
    const set = runSet();
    set.tiers = { ...set.tiers, strategicShare: 0.05 };
    const p = await e.call('params.preview', { set, rfm: false, signals: false, playbook: false });
    const stored = rows();
    const total = stored.reduce((a, r) => a + r.revenue_12m, 0);
    const expected = stored.filter((r) => r.revenue_12m / total > 0.05 || r.tier_reasons.split(',').includes('benchmark')).length;
    expect(p.tiers!.counts.find((c) => c.id === 'strategic')?.now).toBe(expected);
    expect(expected).toBeGreaterThan(p.tiers!.counts.find((c) => c.id === 'strategic')!.was);
    expect(p.tiers!.moves.filter((m) => m.to === 'strategic').reduce((a, m) => a + m.customers, 0)).toBe(
      expected - p.tiers!.counts.find((c) => c.id === 'strategic')!.was,
    );
  });

  it('a shorter silence before "at risk" moves the active customers who last bought that long ago (hand count)', async () => {
    const set = runSet();
    set.lifecycle = { ...set.lifecycle, riskInactiveDays: 15 };
    const p = await e.call('params.preview', { set, rfm: false, tiers: false, signals: false, playbook: false });
    expect(p.tiers).toBeNull();
    const asOf = toDay(AS_OF);
    const expected = rows().filter(
      (r) => r.stage !== 'churned' && r.stage !== 'atRisk' && r.last_purchase !== null && asOf - toDay(r.last_purchase.slice(0, 10)) >= 15,
    ).length;
    expect(expected).toBeGreaterThan(0);
    expect(p.lifecycle!.moves.filter((m) => m.to === 'atRisk').reduce((a, m) => a + m.customers, 0)).toBe(expected);
    expect(p.lifecycle!.moved).toBe(expected);
  });

  it('a new segment rule put first takes every customer; at the end, none', async () => {
    const set = defaultParamSet('分群');
    const all = { id: '全部客户', r: [1, 5] as [number, number], f: [1, 5] as [number, number], m: [1, 5] as [number, number] };
    const first = await e.call('params.preview', {
      set: { ...set, rfm: { ...set.rfm, classicRules: [all, ...set.rfm.classicRules] } },
      signals: false,
      playbook: false,
    });
    expect(first.rfm!.segments.find((s) => s.id === '全部客户')).toEqual({ id: '全部客户', now: first.rfm!.customers, was: 0 });
    expect(first.rfm!.segmentsMoved).toBe(first.rfm!.customers);
    const last = await e.call('params.preview', {
      set: { ...set, rfm: { ...set.rfm, classicRules: [...set.rfm.classicRules, all] } },
      signals: false,
      playbook: false,
    });
    expect(last.rfm!.segments.find((s) => s.id === '全部客户')?.now ?? 0).toBe(0);
    expect(last.rfm!.segmentsMoved).toBe(0);
  });
});

describe('alert budget and playbook preview', () => {
  it('a streak of 1 unanswered call fires for 8 customers, all new alerts; made heavy, the playbook opens an action for each under the action policy', async () => {
    const set = defaultParamSet('预算');
    set.signals = set.signals.map((r) => (r.id === 'unansweredOutreach' ? { ...r, params: { streak: 1 }, action: 'winBack' as const } : r));
    const p = await e.call('params.preview', { set, rfm: false, tiers: false, lifecycle: false });
    // Every third fixture customer has one unanswered call (param-sets.test.ts): none had an alert.
    expect(p.signals!.rules.find((r) => r.ruleId === 'unansweredOutreach')).toMatchObject({ now: 8, was: 0, open: 0, added: 8, resolved: 0 });
    // A rule unchanged from the run fires for those its alerts are open for: nothing new, nothing resolved.
    for (const r of p.signals!.rules.filter((x) => x.ruleId !== 'unansweredOutreach' && x.enabled)) {
      const open = e.ws.sqlite.prepare(`select count(*) from health_signal where rule_id = ? and status = 'open'`).pluck().get(r.ruleId) as number;
      expect({ rule: r.ruleId, now: r.now, open: r.open, added: r.added, resolved: r.resolved }).toEqual({
        rule: r.ruleId,
        now: r.was,
        open,
        added: 0,
        resolved: 0,
      });
    }
    // At its default light severity the engagement's action policy (heavy signals and red scores) opens no action for it.
    expect(p.playbook!.policy).toEqual({ light: false, medium: false, heavy: true, redScore: true });
    expect(p.playbook!.actions.find((a) => a.templateId === 'winBack')?.now ?? 0).toBe(0);
    // Made heavy, it opens its win-back action once per customer.
    set.signals = set.signals.map((r) => (r.id === 'unansweredOutreach' ? { ...r, severity: 'heavy' as const } : r));
    const heavy = await e.call('params.preview', { set, rfm: false, tiers: false, lifecycle: false });
    const winBack = heavy.playbook!.actions.find((a) => a.templateId === 'winBack');
    expect(winBack!.now - winBack!.was).toBe(8);
    expect(heavy.playbook!.total.now - heavy.playbook!.total.was).toBe(8);
  });

  it('after a run opens those 8 alerts, the default streak of 3 would resolve them; switching the rule off leaves them alone', async () => {
    const set = defaultParamSet('连续一次');
    set.signals = set.signals.map((r) => (r.id === 'unansweredOutreach' ? { ...r, params: { streak: 1 } } : r));
    await e.call('params.save', { set });
    await e.call('health.run', { asOf: AS_OF, paramSet: '连续一次' });
    const back = await e.call('params.preview', { set: defaultParamSet('默认'), rfm: false, tiers: false, lifecycle: false, playbook: false });
    expect(back.signals!.rules.find((r) => r.ruleId === 'unansweredOutreach')).toMatchObject({ now: 0, was: 8, open: 8, added: 0, resolved: 8 });
    const off = defaultParamSet('停用');
    off.signals = off.signals.map((r) => (r.id === 'unansweredOutreach' ? { ...r, enabled: false } : r));
    const p = await e.call('params.preview', { set: off, rfm: false, tiers: false, lifecycle: false, playbook: false });
    expect(p.signals!.rules.find((r) => r.ruleId === 'unansweredOutreach')).toMatchObject({ enabled: false, now: 0, open: 8, added: 0, resolved: 0 });
  });
});

describe('validation and the stored backtest', () => {
  it('refuses overlapping lifecycle stages and repeated segment names with PARAM_SET_INVALID in both languages', async () => {
    const set = defaultParamSet('错误');
    set.lifecycle = { ...set.lifecycle, newDays: 400 };
    await expect(e.call('params.save', { set })).rejects.toThrow(/PARAM_SET_INVALID.*lifecycle\.newDays.*shorter than the start of maturity/);
    const dup = defaultParamSet('重复');
    dup.rfm = { ...dup.rfm, classicRules: [...dup.rfm.classicRules, dup.rfm.classicRules[0]!] };
    const env = await dispatch(e.backend, createHandlers(e.backend), 'params.save', { set: dup });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(formatError(env.error.code, env.error.params, 'zh-CN')).toContain('分群名称「champions」重复');
    expect(formatError(env.error.code, env.error.params, 'en')).toContain('"champions" is used twice');
    expect((await e.call('params.list', {})).map((s) => s.name)).not.toContain('重复');
  });

  it('keeps each signal backtest with the rules it replayed; params.backtest gives the latest', async () => {
    expect(await e.call('params.backtest', {})).toBeNull();
    const bt = await e.call('churn.backtest', { horizonDays: 90, dates: ['2026-01-31', '2026-03-31'] });
    const stored = await e.call('params.backtest', {});
    expect(stored?.backtest).toEqual(bt);
    expect(stored?.rules.map((r) => r.id)).toEqual(bt.rules.map((r) => r.ruleId));
    expect(stored?.rules.every((r) => r.enabled)).toBe(true);
  });
});
