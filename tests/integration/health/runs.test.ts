import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { runHealth } from '../../../electron/backend/health/run';
import { customerHealth, dismissSignal, listRuns, listSignals, overview, reopenSignal, whatIfData } from '../../../electron/backend/health/queries';
import { createAction, listActions, runRepairCheck, updateAction } from '../../../electron/backend/health/actions-store';
import { saveModel, getModel, listModels } from '../../../electron/backend/health/store';
import { DEFAULT_HEALTH_MODEL, RELATIONSHIP_MODEL } from '../../../shared/health/presets';
import { copyHealthModel } from '../../../shared/health/model';
import { defaultSignalRules } from '../../../shared/health/signal-rules';
import { compileModel, scoreMatrix } from '../../../shared/health/score';
import { AS_OF, insertFixture, TRIGGERS } from './fixture';

let ws: Workspace;
const dir = tempDir();
const NOW1 = '2026-07-01T09:00:00';
const NOW2 = '2026-07-02T09:00:00';
// relationship's model: the breakdowns below were hand-checked against its four measures.
const run = (now: string) => runHealth(ws.sqlite, { model: RELATIONSHIP_MODEL, rules: defaultSignalRules(), asOf: AS_OF, now });
const openCount = () => listSignals(ws.sqlite, { status: 'open', limit: 5000, offset: 0 }).total;

beforeAll(async () => {
  ws = await newWorkspace(dir);
  insertFixture(ws);
});
afterAll(async () => ws?.close());

describe('health runs', () => {
  it('stores a run with scores, signals and actions', async () => {
    const r = await run(NOW1);
    expect(r.customers).toBe(15);
    expect(r.bands.red + r.bands.yellow + r.bands.green + r.bands.none).toBe(15);
    expect(r.signalsOpened).toBeGreaterThanOrEqual(Object.keys(TRIGGERS).length);
    const scores = ws.sqlite.prepare('select count(*) as n from health_score where run_id = ?').get(r.runId) as { n: number };
    expect(scores.n).toBe(15);
    // Every new signal opened an action, unless the customer already had a live one of the same template.
    expect(r.actionsOpened).toBeGreaterThan(0);
    expect(listRuns(ws.sqlite)[0]).toMatchObject({ id: r.runId, asOf: AS_OF, modelId: 'relationship', customers: 15 });
  });

  it('keeps one open signal per customer and rule across runs, refreshing last_run_id', async () => {
    const before = openCount();
    const r2 = await run(NOW2);
    expect(r2.signalsOpened).toBe(0);
    expect(r2.actionsOpened).toBe(0);
    expect(openCount()).toBe(before);
    const dupes = ws.sqlite
      .prepare(`select customer_key, rule_id, count(*) as n from health_signal where status in ('open','dismissed') group by 1, 2 having n > 1`)
      .all();
    expect(dupes).toEqual([]);
    const s = listSignals(ws.sqlite, { customerKey: 'DROP', limit: 10, offset: 0 }).items.find((x) => x.ruleId === 'interactionDrop')!;
    expect([s.firstRunId, s.lastRunId]).toEqual([1, 2]);
    expect(s.evidence.params).toMatchObject({ recent: 1, previous: 6 });
  });

  it('dismisses with a reason, keeps it dismissed while the condition holds, and can reopen', async () => {
    const s = listSignals(ws.sqlite, { customerKey: 'SILENT', status: 'open', limit: 10, offset: 0 }).items.find((x) => x.ruleId === 'silent')!;
    const d = dismissSignal(ws.sqlite, s.id, '客户已确认暂停合作', NOW2);
    expect([d.status, d.dismissedReason]).toEqual(['dismissed', '客户已确认暂停合作']);
    expect(() => dismissSignal(ws.sqlite, s.id, 'again', NOW2)).toThrow(/only an open signal/);
    await run('2026-07-03T09:00:00');
    const after = listSignals(ws.sqlite, { customerKey: 'SILENT', limit: 10, offset: 0 }).items.filter((x) => x.ruleId === 'silent');
    expect(after.map((x) => x.status)).toEqual(['dismissed']);
    expect(reopenSignal(ws.sqlite, s.id).status).toBe('open');
  });

  it('resolves a signal whose condition cleared', async () => {
    // FEEDBACK's demand gets an answer: the delay signal resolves on the next run.
    ws.sqlite
      .prepare(
        `insert into interactions (row_key, customer_key, date, purpose, direction, responded) values ('fb-answer', 'FEEDBACK', '2026-06-12', '价值型', 'outbound', 1)`,
      )
      .run();
    const r = await run('2026-07-04T09:00:00');
    expect(r.signalsResolved).toBeGreaterThanOrEqual(1);
    const s = listSignals(ws.sqlite, { customerKey: 'FEEDBACK', limit: 10, offset: 0 }).items.find((x) => x.ruleId === 'demandFeedbackDelay')!;
    expect(s.status).toBe('resolved');
    expect(s.closedAt).toBe('2026-07-04T09:00:00');
  });

  it('shows the overview with bands by segment and owner, and trend vs the previous run', () => {
    const o = overview(ws.sqlite, undefined, '2026-07-04T10:00:00');
    expect(o.run?.id).toBe(4);
    expect(o.previous?.id).toBe(3);
    expect(o.history).toHaveLength(4);
    expect(o.byOwner.map((g) => g.group).sort()).toEqual(['李经理', '王经理']);
    expect(o.byTier.reduce((s, g) => s + g.red + g.yellow + g.green + g.none, 0)).toBe(15);
    expect(o.trend.up + o.trend.down + o.trend.same + o.trend.new).toBe(15 - (o.run?.bands.none ?? 0));
  });

  it("explains a customer's score from the stored breakdown", () => {
    const c = customerHealth(ws.sqlite, 'QUIET', undefined, '2026-07-04T10:00:00');
    expect(c.history).toHaveLength(4);
    const scored = c.measures.filter((m) => m.points !== null);
    const sum = scored.reduce((s, m) => s + m.contribution, 0);
    expect(sum).toBeCloseTo(c.score!, 8);
    // QUIET: 3 orders in 365 days → 60 points; response median 10.7h ≤ 24 → 60; no CSAT, no demand outcome.
    expect(c.measures.map((m) => [m.measureId, m.points])).toEqual([
      ['purchaseFrequency', 60],
      ['satisfaction', null],
      ['serviceResponse', 60],
      ['demandConversion', null],
    ]);
    expect(c.score).toBe(60);
  });

  it('gives the what-if the matrix that re-scores to the stored scores', () => {
    const d = whatIfData(ws.sqlite)!;
    expect(d.customerKeys).toHaveLength(15);
    const m = Float64Array.from(d.metrics, (v) => v ?? Number.NaN);
    const scores = scoreMatrix(compileModel(d.model), m);
    const stored = new Map(
      (ws.sqlite.prepare('select customer_key, score from health_score where run_id = ?').all(d.runId) as { customer_key: string; score: number | null }[]).map(
        (r) => [r.customer_key, r.score],
      ),
    );
    d.customerKeys.forEach((k, i) => {
      const s = scores[i] as number;
      const expected = stored.get(k);
      if (expected == null) expect(Number.isNaN(s)).toBe(true);
      else expect(s).toBeCloseTo(expected, 3);
    });
  });
});

describe('actions', () => {
  it('marks overdue open actions and moves them through the board', () => {
    const a = createAction(ws.sqlite, { customerKey: 'QUIET', templateId: 'serviceImprovementNote' }, '2026-07-01T09:00:00');
    expect([a.dueAt, a.owner, a.ownerRole, a.status, a.sourceKind]).toEqual(['2026-07-02T09:00:00', '李经理', 'serviceLead', 'open', 'manual']);
    const late = listActions(ws.sqlite, { customerKey: 'QUIET' }, '2026-07-02T14:00:00').find((x) => x.id === a.id)!;
    expect([late.overdue, late.hoursOverdue]).toEqual([true, 5]);
    const moved = updateAction(ws.sqlite, { id: a.id, status: 'inProgress', owner: '赵总监' }, '2026-07-02T15:00:00');
    expect([moved.status, moved.owner, moved.closedAt]).toEqual(['inProgress', '赵总监', null]);
    const done = updateAction(ws.sqlite, { id: a.id, status: 'done' }, '2026-07-03T10:00:00');
    expect([done.status, done.closedAt, done.overdue]).toEqual(['done', '2026-07-03T10:00:00', false]);
  });

  it('runs the repair check a month after closing, comparing before and after', () => {
    const a = createAction(ws.sqlite, { customerKey: 'LOWSAT', templateId: 'executiveEscalation' }, '2026-07-01T09:00:00');
    updateAction(ws.sqlite, { id: a.id, status: 'done' }, '2026-07-05T09:00:00');
    expect(() => runRepairCheck(ws.sqlite, a.id + 1000, '2026-08-10', '2026-08-10T00:00:00')).toThrow();
    const early = runRepairCheck(ws.sqlite, a.id, '2026-07-20T09:00:00', '2026-07-20T09:00:00');
    expect(early.repairCheck?.verdict).toBe('notYetDue');
    // After closing, the customer answers a survey with NPS 9 (before: mean of 4): NPS improved.
    ws.sqlite.prepare(`insert into surveys (row_key, customer_key, date, nps) values ('after-1', 'LOWSAT', '2026-07-20', 9)`).run();
    const checked = runRepairCheck(ws.sqlite, a.id, '2026-08-10T09:00:00', '2026-08-10T09:00:00');
    expect(checked.repairCheck?.dueOn).toBe('2026-08-05');
    // Before window: 2026-04-02..06-30 holds the NPS 4 reading of 06-01.
    expect(checked.repairCheck?.indicators.find((i) => i.indicator === 'nps')).toMatchObject({ before: 4, after: 9, change: 'improved' });
    expect(checked.repairCheck?.verdict).toBe('held');
  });

  it('refuses a repair check on an action that is not done', () => {
    const a = createAction(ws.sqlite, { customerKey: 'DM', templateId: 'executiveNegotiation' }, '2026-07-01T09:00:00');
    expect(() => runRepairCheck(ws.sqlite, a.id, '2026-08-10', '2026-08-10T00:00:00')).toThrow(/closed/);
  });
});

describe('models', () => {
  it('saves a copy, lists it beside the presets and refuses a preset id', () => {
    const copy = copyHealthModel(DEFAULT_HEALTH_MODEL, 'workshop-1', '研讨会版本');
    copy.measures[0]!.weight = 40;
    saveModel(ws.sqlite, copy, '2026-07-01T09:00:00');
    expect(getModel(ws.sqlite, 'workshop-1').measures[0]!.weight).toBe(40);
    expect(listModels(ws.sqlite).map((m) => `${m.source}:${m.model.id}`)).toEqual([
      'preset:combined',
      'preset:collaboration',
      'preset:relationship',
      'preset:salesRules',
      'saved:workshop-1',
    ]);
    expect(() => saveModel(ws.sqlite, DEFAULT_HEALTH_MODEL, '2026-07-01T09:00:00')).toThrow(/preset/);
    expect(() => saveModel(ws.sqlite, { ...copy, bands: { redMax: 80, yellowMax: 60 } }, '2026-07-01T09:00:00')).toThrow(/yellowMax/);
  });
});
