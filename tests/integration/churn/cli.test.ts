// rwb churn-model as a user runs it (a child process) on the demo engagement: JSON carries the run,
// the riskiest customers and the backtest; human output states the evaluation before drivers and
// scores, in English and in Chinese.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp';
import { rwb } from '../../helpers/cli';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import type { ChurnRun, ChurnScoreRow, SignalBacktest } from '../../../shared/churn/types';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };
const file = join(dir, 'demo.rwb');

beforeAll(async () => {
  const ws = await createDemoWorkspace(file, 'zh-CN');
  await ws.close();
}, 120_000);

describe('rwb churn-model', { timeout: 240_000 }, () => {
  it('prints the run, the riskiest customers by revenue at stake and the backtest as JSON', () => {
    const r = rwb(
      ['churn-model', file, '--label', 'history', '--horizon', '180', '--model', 'logistic', '--folds', '4', '--top', '5', '--backtest', '--json'],
      env,
    );
    expect(r.status, r.stderr).toBe(0);
    const o = r.json<{ run: ChurnRun; top: ChurnScoreRow[]; backtest: SignalBacktest }>();
    expect(o.run.params).toMatchObject({ label: 'history', horizonDays: 180, model: 'logistic', folds: 4 });
    expect(Object.keys(o.run).indexOf('evaluation')).toBeLessThan(Object.keys(o.run).indexOf('drivers'));
    expect(o.run.evaluation.rocAuc!.value).toBeGreaterThan(0.5);
    expect(o.top).toHaveLength(5);
    expect(o.top[0]!.revenueAtStake).toBeGreaterThanOrEqual(o.top[4]!.revenueAtStake);
    expect(o.backtest.rules.length).toBeGreaterThan(5);
  });

  it('states the evaluation before the drivers and the customers, in both languages', () => {
    for (const [lang, headings] of [
      ['en', ['Evaluation (held-out customers)', 'ROC AUC', 'Drivers', 'Riskiest customers by revenue at stake']],
      ['zh-CN', ['模型评估（留出客户）', 'ROC AUC', '驱动因素', '按风险收入排序的高风险客户']],
    ] as const) {
      const r = rwb(['churn-model', file, '--model', 'gbt', '--top', '3', '--lang', lang], env);
      expect(r.status, r.stderr).toBe(0);
      const at = headings.map((h) => r.stdout.indexOf(h));
      expect(
        at.every((i) => i >= 0),
        r.stdout,
      ).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
  });
});
