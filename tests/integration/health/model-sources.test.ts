// Health runs that read the stored model runs, on the demo engagement through the contract's
// channels: the churn-probability measure and the churn-risk rule after a churn fit, the P(alive)
// measure after a lifetime-value fit, the run naming the runs it read, and every absent case saying
// why (no run, a run dated after the as-of, a run whose evaluation did not hold, a pinned run that
// does not exist) instead of scoring zero.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import { loadModelScores } from '../../../electron/backend/health/model-scores';
import { featuresAt } from '../../../electron/backend/churn/features-sql';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import { COMBINED_MODEL } from '../../../shared/health/presets';
import { measureTemplate } from '../../../shared/health/measure-templates';
import { compileScoring } from '../../../shared/health/score';
import { defaultSignalRules } from '../../../shared/health/signal-rules';
import { addDays } from '../../../electron/backend/churn/dates';
import type { HealthModel } from '../../../shared/health/model';
import { tempDir } from '../../helpers/temp';
import { healthSection } from '../../../electron/backend/reports/sections/health';
import { createTranslator } from '../../../shared/i18n/translate';
import { reportText, type ReportMessageKey } from '../../../shared/reports/messages';
import type { TFunction } from 'i18next';

const dir = tempDir();
let b: Backend;
let handlers: Handlers;

async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const env = await dispatch(b, handlers, name, args);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as ResultOf<K>;
}
const sqlite = () => b.requireWorkspace().sqlite;

/** The combined preset plus the churn-probability and P(alive) measures, as the workshop saves it. */
function modelWithModelMeasures(): HealthModel {
  const m = JSON.parse(JSON.stringify(COMBINED_MODEL)) as HealthModel;
  m.id = 'combined-models';
  m.name = '综合 + 模型指标';
  delete m.nameKey;
  m.basedOn = COMBINED_MODEL.id;
  for (const metric of ['churnProbabilityPct', 'pAlivePct'] as const) m.measures.push(measureTemplate(metric, new Set(m.measures.map((x) => x.id)))!);
  return m;
}

/** Each customer's stored [value, points] pair of one measure of a run. */
function storedMeasure(runId: number, index: number): Map<string, [number | null, number | null]> {
  const rows = sqlite().prepare(`select customer_key, measures from health_score where run_id = ?`).all(runId) as { customer_key: string; measures: string }[];
  return new Map(rows.map((r) => [r.customer_key, (JSON.parse(r.measures) as [number | null, number | null][])[index]!]));
}

function churnRiskSignals(runId: number): { customer_key: string; evidence: string }[] {
  return sqlite()
    .prepare(`select customer_key, evidence from health_signal where rule_id = 'churnRisk' and status = 'open' and last_run_id = ?`)
    .all(runId) as {
    customer_key: string;
    evidence: string;
  }[];
}

beforeAll(async () => {
  b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  handlers = createHandlers(b);
  const ws = await createDemoWorkspace(join(dir, 'demo.rwb'), 'zh-CN');
  await ws.close();
  await b.open(join(dir, 'demo.rwb'));
  await call('health.saveModel', { model: modelWithModelMeasures() });
}, 180_000);
afterAll(async () => b?.shutdown());

describe('health runs read the stored churn and lifetime-value runs', () => {
  let churnRunId = 0;
  let scoredAsOf = '';

  it('with no model run, the measures are absent with the reason and the churn-risk rule stays quiet', async () => {
    const run = await call('health.run', { modelId: 'combined-models' });
    expect(run.sources?.churn).toMatchObject({ status: 'absent', reason: 'noRun' });
    expect(run.sources?.clv).toMatchObject({ status: 'absent', reason: 'noRun' });
    const churn = storedMeasure(run.id, COMBINED_MODEL.measures.length);
    expect(churn.size).toBe(run.customers);
    expect([...churn.values()].every(([v, p]) => v === null && p === null)).toBe(true);
    expect(churnRiskSignals(run.id)).toEqual([]);
    // The card says why, not 0.
    const anyKey = [...churn.keys()][0]!;
    const card = await call('health.customer', { customerKey: anyKey, runId: run.id });
    expect(card.sources?.churn).toMatchObject({ status: 'absent', reason: 'noRun' });
    expect((await call('health.overview', {})).churnRunNow).toBeNull();
    expect(card.measures.find((m) => m.metric === 'churnProbabilityPct')).toMatchObject({ value: null, points: null, contribution: 0 });
    // The rule editor lists the rule with the others.
    expect((await call('health.rules', {})).map((r) => r.id)).toContain('churnRisk');
  }, 120_000);

  it('after a churn fit, the run reads it: the measure scores each scored customer from its probability, the rule fires with the evidence', async () => {
    const fit = await call('churn.fit', { params: { model: 'logistic', calibration: 'isotonic' } });
    expect(fit.status).toBe('ok');
    expect(fit.evaluation.calibration?.method).toBe('isotonic');
    churnRunId = fit.id;
    scoredAsOf = fit.scoredAsOf;
    // The health run made before the fit read none: its line says so of the run, and names the fit to re-run for.
    expect((await call('health.overview', {})).churnRunNow).toEqual({ id: fit.id, scoredAsOf: fit.scoredAsOf });
    const run = await call('health.run', { modelId: 'combined-models' });
    expect((await call('health.overview', {})).churnRunNow).toBeNull();
    expect(run.sources?.churn).toMatchObject({ status: 'used', runId: fit.id, scoredAsOf: fit.scoredAsOf, calibration: 'isotonic', model: 'logistic' });
    const stored = sqlite().prepare(`select sources from health_run where id = ?`).pluck().get(run.id) as string;
    expect(JSON.parse(stored).churn.runId).toBe(fit.id);

    const scores = new Map(
      (
        sqlite().prepare(`select customer_key, probability, rank from churn_score where run_id = ?`).all(fit.id) as {
          customer_key: string;
          probability: number;
          rank: number;
        }[]
      ).map((r) => [r.customer_key, r]),
    );
    expect(scores.size).toBeGreaterThan(50);
    const points = compileScoring(measureTemplate('churnProbabilityPct', new Set())!.scoring);
    const measure = storedMeasure(run.id, COMBINED_MODEL.measures.length);
    let scored = 0;
    for (const [key, [value, pts]] of measure) {
      const s = scores.get(key);
      if (!s) {
        expect(value, key).toBeNull();
        continue;
      }
      scored += 1;
      expect(value).toBeCloseTo(s.probability * 100, 9);
      expect(pts).toBeCloseTo(points(s.probability * 100), 9);
    }
    expect(scored).toBe(scores.size);
    // A customer the run did not score: absent, and the card says the run did not score them.
    const unscored = [...measure.keys()].find((k) => !scores.has(k));
    if (unscored) {
      const card = await call('health.customer', { customerKey: unscored, runId: run.id });
      expect(card.measures.find((m) => m.metric === 'churnProbabilityPct')?.value).toBeNull();
      expect(card.sources?.churn).toMatchObject({ status: 'used', runId: fit.id });
    }

    // The rule: probability ≥ 60% or among the riskiest 10% of the scored customers, counted
    // independently; tied probabilities share a rank (1 + customers with a higher probability).
    const top = Math.ceil(scores.size * 0.1);
    const all = [...scores.values()];
    const tieRank = (p: number) => 1 + all.filter((x) => x.probability > p).length;
    const expected = all.filter((s) => s.probability >= 0.6 || tieRank(s.probability) <= top).map((s) => s.customer_key);
    const fired = churnRiskSignals(run.id);
    expect(fired.map((s) => s.customer_key).sort()).toEqual(expected.sort());
    expect(fired.length).toBeGreaterThanOrEqual(top);
    for (const s of fired) {
      const ev = JSON.parse(s.evidence) as { params: Record<string, number | string>; data: { fact: string; value: number }[] };
      const c = scores.get(s.customer_key)!;
      expect(ev.params).toMatchObject({ runId: fit.id, rank: tieRank(c.probability), scored: scores.size, scoredAsOf: fit.scoredAsOf });
      expect(ev.data.find((d) => d.fact === 'churnScore.probability')?.value).toBeCloseTo(c.probability, 3);
    }
    // The report's health section names the churn run the scores and signals rest on.
    const t = createTranslator('en');
    const content = await healthSection({
      db: b.requireWorkspace().db,
      sqlite: sqlite(),
      locale: 'en',
      t: ((key: string, p?: Record<string, string | number>) => t(key, p ?? {})) as unknown as TFunction,
      r: (key: ReportMessageKey, p?: Record<string, string | number>) => reportText('en', key, p),
      currency: 'CNY',
      now: '2026-11-01T00:00:00',
      diagnosticRunId: null,
      healthRunId: run.id,
    });
    const paragraph = content.blocks.find((x) => x.kind === 'paragraph' && x.text.startsWith('Model sources'));
    expect(paragraph && 'text' in paragraph ? paragraph.text : '').toContain(`Churn-model run #${fit.id} (logistic regression, isotonic calibration`);
    console.log(
      `demo health run #${run.id} with churn run #${fit.id} (isotonic, AUC ${fit.rocAuc?.toFixed(3)}): ${scored} of ${run.customers} customers have the measure; ${fired.length} churn-risk signals (ranks 1-${top} with ties sharing a rank, or p >= 0.6)`,
    );
  }, 240_000);

  it('a run dated after the as-of, a run whose evaluation did not hold, an expired prediction and a missing pinned run are absent with the reason', async () => {
    const early = await call('health.run', { modelId: 'combined-models', asOf: addDays(scoredAsOf, -30) });
    expect(early.sources?.churn).toMatchObject({ status: 'absent', reason: 'noRunBeforeAsOf', params: { runId: churnRunId, runAsOf: scoredAsOf } });
    expect(churnRiskSignals(early.id)).toEqual([]);

    const expired = loadModelScores(sqlite(), addDays(scoredAsOf, 181));
    expect(expired.sources.churn).toMatchObject({ status: 'absent', reason: 'expired', params: { runId: churnRunId, until: addDays(scoredAsOf, 180) } });
    expect(expired.churn.size).toBe(0);
    expect(loadModelScores(sqlite(), addDays(scoredAsOf, 180)).sources.churn.status).toBe('used');

    // The same run, had its evaluation said "no better than the base rate": not read, and the
    // signals it raised resolve at the next run instead of lingering.
    sqlite().prepare(`update churn_run set status = 'no-better-than-base' where id = ?`).run(churnRunId);
    try {
      const run = await call('health.run', { modelId: 'combined-models' });
      expect(run.sources?.churn).toMatchObject({ status: 'absent', reason: 'notUsable', params: { runId: churnRunId, status: 'no-better-than-base' } });
      expect(churnRiskSignals(run.id)).toEqual([]);
      const open = sqlite().prepare(`select count(*) from health_signal where rule_id = 'churnRisk' and status = 'open'`).pluck().get();
      expect(open).toBe(0);
    } finally {
      sqlite().prepare(`update churn_run set status = 'ok' where id = ?`).run(churnRunId);
    }

    await expect(call('health.run', { churnRunId: 9999 })).rejects.toThrow(/NOT_FOUND/);
    const pinned = await call('health.run', { modelId: 'combined-models', churnRunId });
    expect(pinned.sources?.churn).toMatchObject({ status: 'used', runId: churnRunId });
  }, 240_000);

  it('after a lifetime-value fit, P(alive) comes from it for the customers it modelled', async () => {
    const clv = await call('clv.fit', { params: {} });
    const run = await call('health.run', { modelId: 'combined-models' });
    const src = run.sources?.clv;
    if (clv.verdict === 'unsuitable') {
      expect(src).toMatchObject({ status: 'absent', reason: 'notUsable', params: { runId: clv.id } });
      return;
    }
    expect(src).toMatchObject({ status: 'used', runId: clv.id });
    const pAlive = new Map(
      (sqlite().prepare(`select customer_key, p_alive from clv_customer where run_id = ?`).all(clv.id) as { customer_key: string; p_alive: number }[]).map(
        (r) => [r.customer_key, r.p_alive],
      ),
    );
    const measure = storedMeasure(run.id, COMBINED_MODEL.measures.length + 1);
    let n = 0;
    for (const [key, [value]] of measure) {
      const p = pAlive.get(key);
      if (p === undefined) expect(value).toBeNull();
      else {
        n += 1;
        expect(value).toBeCloseTo(p * 100, 9);
      }
    }
    expect(n).toBeGreaterThan(0);
  }, 240_000);

  it('the churn model never learns from the churn-risk rule or the model measures', () => {
    const f = featuresAt(sqlite(), scoredAsOf, defaultSignalRules());
    const ids = f.raw.numeric.map((x) => x.ref.id);
    expect(ids).not.toContain('signal:churnRisk');
    expect(ids.filter((id) => /churnProbability|pAlive|clvPercentile/.test(id))).toEqual([]);
    expect(ids).toContain('signal:silent');
  });
});
