import { describe, expect, it } from 'vitest';
import { COMBINED_MODEL } from '../../../shared/health/presets';
import { measurePoints, scoreCustomer } from '../../../shared/health/score';
import { parseHealthModel, type HealthModel } from '../../../shared/health/model';
import { addableMetrics, measureTemplate, MODEL_MEASURE_TEMPLATES } from '../../../shared/health/measure-templates';
import { churnScoreExpired, describeSource, measureAbsenceText, type HealthRunSources } from '../../../shared/health/model-sources';
import { createTranslator } from '../../../shared/i18n/translate';
import en from '../../../shared/i18n/locales/en/health.json';

const withChurn = (): HealthModel => {
  const m = JSON.parse(JSON.stringify(COMBINED_MODEL)) as HealthModel;
  m.id = 'combined-churn';
  m.measures.push(measureTemplate('churnProbabilityPct', new Set(m.measures.map((x) => x.id)))!);
  return m;
};

describe('model measures', () => {
  it('churn probability scores so that higher risk lowers health: 100 at ≤10%, 0 at ≥60%, linear between', () => {
    const s = MODEL_MEASURE_TEMPLATES.churnProbabilityPct.scoring;
    expect(measurePoints(s, 5)).toBe(100);
    expect(measurePoints(s, 10)).toBe(100);
    expect(measurePoints(s, 35)).toBeCloseTo(50, 12); // (35 − 60) / (10 − 60) = 0.5
    expect(measurePoints(s, 60)).toBe(0);
    expect(measurePoints(s, 85)).toBe(0);
    expect(measurePoints(s, null)).toBeNull();
    expect(measurePoints(MODEL_MEASURE_TEMPLATES.pAlivePct.scoring, 55)).toBeCloseTo(50, 12); // (55 − 20) / 70
  });

  it('a model with the churn measure is valid, and a customer without a churn score is scored on the rest (not as 0)', () => {
    const model = withChurn();
    expect(parseHealthModel(model).ok).toBe(true);
    const values = { daysSinceLastOrder: 20, purchaseOverdueRatio: 0.5, csatLatest: 4, heavySignals: 0, otherSignals: 0 };
    const without = scoreCustomer(COMBINED_MODEL, values);
    const absent = scoreCustomer(model, values);
    expect(absent.score).toBeCloseTo(without.score!, 10);
    expect(absent.measures.find((m) => m.metric === 'churnProbabilityPct')).toMatchObject({ value: null, points: null, share: 0 });
    // With a 35% probability the measure earns 50 points at weight 20 of the weights with data.
    const scored = scoreCustomer(model, { ...values, churnProbabilityPct: 35 });
    const churn = scored.measures.find((m) => m.metric === 'churnProbabilityPct')!;
    const den = scored.measures.filter((m) => m.points !== null).reduce((s, m) => s + m.weight, 0);
    expect(churn.points).toBeCloseTo(50, 12);
    expect(churn.share).toBeCloseTo(20 / den, 12);
    expect(scored.score!).toBeLessThan(without.score!); // the other measures score above 50 here
  });

  it('a template added twice gets a fresh id; every offered metric has a template, model measures first', () => {
    const m = withChurn();
    const again = measureTemplate('churnProbabilityPct', new Set(m.measures.map((x) => x.id)));
    expect(again?.id).toBe('churnRisk-2');
    const offered = addableMetrics();
    expect(offered.slice(0, 3)).toEqual(['churnProbabilityPct', 'pAlivePct', 'clvPercentile']);
    for (const metric of offered) expect(measureTemplate(metric, new Set()), metric).not.toBeNull();
    for (const t of Object.values(MODEL_MEASURE_TEMPLATES)) expect((en.measures as Record<string, string>)[t.labelKey!.replace('measures.', '')]).toBeTruthy();
  });
});

describe('model sources', () => {
  const zh = createTranslator('zh-CN');
  const enT = createTranslator('en');
  const ht = (tr: ReturnType<typeof createTranslator>) => (k: string, p?: Record<string, string | number>) => tr(`health:${k}`, p ?? {});

  it('a churn prediction covers its horizon and no further', () => {
    expect(churnScoreExpired('2026-05-01', 180, '2026-10-28')).toBe(false); // day 180
    expect(churnScoreExpired('2026-05-01', 180, '2026-10-29')).toBe(true);
  });

  it('says which run was read, or why none, in both languages', () => {
    const sources: HealthRunSources = {
      churn: {
        status: 'used',
        runId: 7,
        scoredAsOf: '2026-10-28',
        horizonDays: 180,
        model: 'logistic',
        calibration: 'isotonic',
        rocAuc: 0.6234,
        customers: 290,
      },
      clv: { status: 'absent', reason: 'noRun', params: { asOf: '2026-10-28' } },
    };
    expect(describeSource('churn', sources.churn, ht(enT))).toBe(
      'Churn-model run #7 (logistic regression, isotonic calibration, scored 2026-10-28, horizon 180 days, ROC AUC 0.623, 290 customers scored)',
    );
    // It speaks of the health run (there may be a CLV run now, made after it).
    expect(describeSource('clv', sources.clv, ht(zh))).toBe(
      '这次计算（评估日期 2026-10-28）运行时没有可用的客户价值模型运行：相关指标和规则没有数据，不按 0 计。',
    );
    expect(measureAbsenceText(sources, 'churnProbabilityPct', ht(enT))).toContain('run #7 did not score this customer');
    expect(measureAbsenceText(sources, 'pAlivePct', ht(enT))).toContain('When this run was computed (as of 2026-10-28) there was no usable lifetime-value run');
    expect(measureAbsenceText(null, 'pAlivePct', ht(enT))).toBe('This run was made before model sources were recorded.');
    const unusable: HealthRunSources = { ...sources, churn: { status: 'absent', reason: 'notUsable', params: { runId: 3, status: 'no-better-than-base' } } };
    expect(measureAbsenceText(unusable, 'churnProbabilityPct', ht(zh))).toBe('流失模型运行 #3 的评估结果为「不优于基准流失率」：不足以作为依据，未使用。');
  });
});
