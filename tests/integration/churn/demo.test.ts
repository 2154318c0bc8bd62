// The churn model and the signal backtest on the demo engagement, through the contract's channels
// (dispatch + handlers, as the UI and CLI call them). Prints the hold-out figures it checks.
//
// The demo's planted patterns (resources/demo/planted-patterns.json) are states at its as-of date:
// customers showing an early-warning pattern. Two checks follow from that: the backtest ranks the
// rules behind planted patterns (competitor mention, decision-maker change, logins down, unanswered
// outreach) at the top by lift, and the model's scores put the planted at-risk customers above the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import { rocAuc } from '../../../shared/churn/evaluation';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
let b: Backend;
let handlers: Handlers;

async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const env = await dispatch(b, handlers, name, args);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as ResultOf<K>;
}

const planted = JSON.parse(readFileSync(join(__dirname, '../../../resources/demo/planted-patterns.json'), 'utf8')) as {
  patterns: Record<string, { customers: string[] }>;
};
const WARNING_PATTERNS = [
  'silent6m',
  'interactionDrop',
  'unanswered3',
  'purchaseDown',
  'lowSatTwice',
  'competitor',
  'decisionMaker',
  'slowService',
  'loginsDown',
  'projectDelay',
];
const atRisk = new Set(WARNING_PATTERNS.flatMap((p) => planted.patterns[p]?.customers ?? []));

beforeAll(async () => {
  b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  handlers = createHandlers(b);
  const ws = await createDemoWorkspace(join(dir, 'demo.rwb'), 'zh-CN');
  await ws.close();
  await b.open(join(dir, 'demo.rwb'));
}, 120_000);
afterAll(async () => b?.shutdown());

describe('churn model on the demo engagement', () => {
  it('evaluates on a later cutoff than it trains on, then names drivers and scores customers by revenue at stake', async () => {
    const run = await call('churn.fit', { params: { model: 'logistic' } });
    const e = run.evaluation;
    console.log(
      `demo logistic hold-out: AUC ${e.rocAuc?.value.toFixed(3)} [${e.rocAuc?.low?.toFixed(3)}, ${e.rocAuc?.high?.toFixed(3)}], PR AUC ${e.prAuc?.value.toFixed(3)}, base rate ${e.baseRate.toFixed(3)}, Brier ${e.brier?.toFixed(4)} vs ${e.brierBaseline?.toFixed(4)}; train ${e.train.cutoff} n=${e.train.customers}, test ${e.test.cutoff} n=${e.test.customers}`,
    );
    expect(e.scheme).toBe('time-holdout');
    expect(e.train.cutoff! < e.test.cutoff!).toBe(true);
    expect(run.status).toBe('ok');
    expect(e.rocAuc!.value).toBeGreaterThan(0.58);
    expect(e.rocAuc!.value).toBeLessThan(0.95);
    // Recalibrated after class balancing: mean predicted within 5 points of the observed rate, and better than the base rate.
    const n = e.reliability.reduce((s, r) => s + r.customers, 0);
    const meanP = e.reliability.reduce((s, r) => s + r.meanPredicted * r.customers, 0) / n;
    expect(Math.abs(meanP - e.baseRate)).toBeLessThan(0.05);
    expect(e.brier!).toBeLessThan(e.brierBaseline!);
    expect(e.lift).toHaveLength(10);
    expect(run.drivers[0]!.kind).toBe('odds-ratio');
    expect(run.features.dropped).toContainEqual(expect.objectContaining({ id: 'm:openProjectIssues', reason: 'leak' }));

    // Scores: paged, riskiest first, or by revenue at stake; the planted at-risk customers score higher.
    const page = await call('churn.scores', { runId: run.id, limit: 5000 });
    expect(page.total).toBe(run.customers);
    expect(page.rows.map((r) => r.rank)).toEqual(page.rows.map((_, i) => i + 1));
    const auc = rocAuc(
      page.rows.map((r) => r.probability),
      page.rows.map((r) => (atRisk.has(r.customerKey) ? 1 : 0)),
    )!;
    console.log(
      `demo: planted at-risk customers vs the rest by churn probability, AUC ${auc.value.toFixed(3)} (${page.rows.filter((r) => atRisk.has(r.customerKey)).length} planted of ${page.total})`,
    );
    expect(auc.value).toBeGreaterThan(0.6);
    const byStake = await call('churn.scores', { runId: run.id, sort: 'revenueAtStake', limit: 3 });
    expect(byStake.rows.map((r) => r.customerKey)).toEqual(run.topAtStake.slice(0, 3).map((r) => r.customerKey));
    expect(byStake.rows[0]!.revenueAtStake).toBeGreaterThanOrEqual(byStake.rows[1]!.revenueAtStake);
    const one = await call('churn.customer', { customerKey: byStake.rows[0]!.customerKey });
    expect(one?.probability).toBe(byStake.rows[0]!.probability);
    expect((await call('churn.get', {}))?.id).toBe(run.id);
    expect((await call('churn.runs', {}))[0]).toMatchObject({ id: run.id, status: 'ok' });
  }, 120_000);

  it('gradient-boosted trees: permutation importance, deterministic for a seed', async () => {
    const a = await call('churn.fit', { params: { model: 'gbt' } });
    console.log(
      `demo gbt hold-out: AUC ${a.evaluation.rocAuc?.value.toFixed(3)} [${a.evaluation.rocAuc?.low?.toFixed(3)}, ${a.evaluation.rocAuc?.high?.toFixed(3)}]`,
    );
    expect(a.drivers[0]!.kind).toBe('permutation');
    const again = await call('churn.fit', { params: { model: 'gbt' } });
    expect(again.evaluation.rocAuc).toEqual(a.evaluation.rocAuc);
    expect(again.drivers.slice(0, 5)).toEqual(a.drivers.slice(0, 5));
  }, 120_000);

  it('outcome column: the customer list status, stratified k-fold', async () => {
    const run = await call('churn.fit', { params: { label: 'column', folds: 5 } });
    console.log(
      `demo column labels, 5-fold: AUC ${run.evaluation.rocAuc?.value.toFixed(3)}, ${run.evaluation.test.churned} churned of ${run.evaluation.test.customers}`,
    );
    expect(run.evaluation.scheme).toBe('kfold');
    expect(run.evaluation.test).toMatchObject({ customers: 497, churned: 96 });
    expect(run.notes.map((n) => n.key)).toContain('notes.columnAttributesOnly');
  }, 120_000);

  it('backtests each early-warning rule; the rules behind planted patterns lead by lift', async () => {
    const bt = await call('churn.backtest', { horizonDays: 180 });
    console.log(`demo backtest: ${bt.observations} customer-dates at ${bt.dates.length} dates, base rate ${bt.baseRate.toFixed(3)}`);
    for (const r of bt.rules)
      console.log(
        `  ${r.ruleId.padEnd(20)} fires ${String(r.fires).padStart(4)}  precision ${r.precision?.toFixed(2) ?? '-'}  recall ${r.recall?.toFixed(2) ?? '-'}  lift ${r.lift?.toFixed(2) ?? '-'}  lead ${r.medianLeadDays ?? '-'}`,
      );
    expect(bt.dates.length).toBeGreaterThanOrEqual(4);
    const ranked = bt.rules.filter((r) => r.fires >= 5 && r.lift !== null).sort((x, y) => y.lift! - x.lift!);
    const top = ranked.slice(0, 4).map((r) => r.ruleId);
    // planted: competitor, decisionMaker, loginsDown (usageDrop), unanswered3 (unansweredOutreach)
    expect(top.filter((id) => ['competitorMention', 'decisionMakerChange', 'usageDrop', 'unansweredOutreach'].includes(id)).length).toBeGreaterThanOrEqual(3);
    for (const r of ranked.slice(0, 4)) expect(r.lift!).toBeGreaterThan(2);
  }, 120_000);
});
