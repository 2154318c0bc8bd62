// The model measures and the recalibration as a user reaches them from the command line (child
// processes on the demo engagement): rwb churn-model --calibration isotonic reports the Brier before
// and after; rwb health-model add-measure saves a model with the churn measure; rwb health reads the
// churn run and names it, and pinning a run that does not exist, an unknown metric or an unknown
// calibration fail with a coded message.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp';
import { rwb } from '../../helpers/cli';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import type { ChurnRun } from '../../../shared/churn/types';
import type { HealthModelEntry, HealthOverview } from '../../../shared/contract/health';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };
const file = join(dir, 'demo.rwb');

beforeAll(async () => {
  const ws = await createDemoWorkspace(file, 'zh-CN');
  await ws.close();
}, 120_000);

describe('model sources from the command line', { timeout: 300_000 }, () => {
  let churnRunId = 0;

  it('rwb churn-model --calibration isotonic reports the recalibration before and after', () => {
    const r = rwb(['churn-model', file, '--calibration', 'isotonic', '--top', '3', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const run = r.json<{ run: ChurnRun }>().run;
    churnRunId = run.id;
    expect(run.params.calibration).toBe('isotonic');
    const cal = run.evaluation.calibration!;
    expect(cal.method).toBe('isotonic');
    expect(cal.fittedOn).toBe(run.evaluation.train.customers);
    expect(cal.brierByMethod.isotonic).toBeCloseTo(run.evaluation.brier!, 12);
    expect(cal.brierByMethod.platt).toBeGreaterThan(0);
    // Class balancing inflates the model's own probabilities: recalibration must improve the Brier score.
    expect(cal.before.brier).toBeGreaterThan(run.evaluation.brier!);

    const text = rwb(['churn-model', file, '--calibration', 'isotonic', '--top', '1', '--lang', 'en'], env);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Recalibration: Isotonic \(pool-adjacent-violators\): fitted on the out-of-fold scores of \d+ customers/);
    expect(text.stdout).toMatch(/Brier before 0\.\d{3} → Brier after 0\.\d{3}/);
    expect(text.stdout).toContain('Before recalibration');
    // The text run is the latest: the one the health run will read.
    churnRunId = Number(/Churn model run #(\d+)/.exec(text.stdout)?.[1]);
    expect(churnRunId).toBe(run.id + 1);

    const bad = rwb(['churn-model', file, '--calibration', 'sigmoid'], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/calibration/);
  });

  it('rwb health-model add-measure saves a model with the churn measure; rwb health reads the churn run and names it', () => {
    const add = rwb(['health-model', 'add-measure', file, '--metric', 'churnProbabilityPct', '--id', 'combined-churn', '--json'], env);
    expect(add.status, add.stderr).toBe(0);
    const entry = add.json<HealthModelEntry>();
    expect(entry.model.measures.at(-1)).toMatchObject({ metric: 'churnProbabilityPct', scoring: { kind: 'linear', worst: 60, best: 10 } });

    const h = rwb(['health', file, '--model', 'combined-churn', '--json'], env);
    expect(h.status, h.stderr).toBe(0);
    const o = h.json<HealthOverview>();
    expect(o.run?.sources?.churn).toMatchObject({ status: 'used', runId: churnRunId });
    expect(o.run?.sources?.clv).toMatchObject({ status: 'absent', reason: 'noRun' });

    const text = rwb(['health', file, '--no-run', '--lang', 'en'], env);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Churn model: Churn-model run #${churnRunId} (logistic regression, isotonic calibration`);
    expect(text.stdout).toContain('Lifetime-value model: When this run was computed (as of');
    expect(text.stdout).toContain('there was no usable lifetime-value run');

    const signals = rwb(['signals', file, '--json'], env);
    expect(signals.status, signals.stderr).toBe(0);
    const churnRisk = signals
      .json<{ items: { ruleId: string; evidence: { params: Record<string, unknown> } }[] }>()
      .items.filter((s) => s.ruleId === 'churnRisk');
    expect(churnRisk.length).toBeGreaterThan(0);
    expect(churnRisk[0]!.evidence.params).toMatchObject({ runId: churnRunId });
  });

  it('a pinned run that does not exist and an unknown metric fail with a coded message', () => {
    const pinned = rwb(['health', file, '--churn-run', '99', '--lang', 'en'], env);
    expect(pinned.status).not.toBe(0);
    expect(pinned.stderr).toMatch(/churn-model run not found: 99/);
    const metric = rwb(['health-model', 'add-measure', file, '--metric', 'happiness', '--lang', 'en'], env);
    expect(metric.status).not.toBe(0);
    expect(metric.stderr).toMatch(/Invalid request: --metric happiness: choose one of churnProbabilityPct, pAlivePct, clvPercentile/);
  });
});
