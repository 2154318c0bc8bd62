import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildCalibrationChart, buildGainsChart } from '../../../../shared/charts';
import { ISOTONIC_SHRINK_STRENGTH, MIN_CHURNED, MIN_CUSTOMERS } from '../../../../shared/churn/pipeline';
import { CHURN_CALIBRATIONS, type ChurnRun } from '../../../../shared/churn/types';
import { Chart } from '../../components/Chart';
import { f3, intervalText, pct } from './format';

/** The model's evaluation on customers it did not see: shown first, with its status said plainly. */
export function EvaluationCard({ run }: { run: ChurnRun }) {
  const { t } = useTranslation('churn');
  const e = run.evaluation;
  const gains = useMemo(
    () =>
      buildGainsChart({
        title: t('ui.evaluation.gainsTitle'),
        lift: e.lift,
        modelName: t('ui.evaluation.gainsModel'),
        randomName: t('ui.evaluation.gainsRandom'),
        xName: t('ui.evaluation.gainsX'),
        yName: t('ui.evaluation.gainsY'),
      }),
    [e.lift, t],
  );
  const calibration = useMemo(
    () =>
      buildCalibrationChart({
        title: t('ui.evaluation.calibrationTitle'),
        reliability: e.reliability,
        observedName: t('ui.evaluation.calibrationObserved'),
        perfectName: t('ui.evaluation.calibrationPerfect'),
        xName: t('ui.evaluation.calibrationX'),
        yName: t('ui.evaluation.calibrationY'),
        ...(e.calibration ? { before: e.calibration.before.reliability, beforeName: t('calibration.before') } : {}),
      }),
    [e.reliability, e.calibration, t],
  );
  const cal = e.calibration;
  const ok = run.status === 'ok';
  const scheme =
    e.scheme === 'time-holdout'
      ? t('scheme.time-holdout', { train: e.train.cutoff ?? '', test: e.test.cutoff ?? '' })
      : t('scheme.kfold', { folds: e.folds ?? 0 });
  return (
    <section className="card churn-evaluation" data-testid="churn-evaluation">
      <h2>{t('evaluation.heading')}</h2>
      <p className={`churn-status ${ok ? 'ok' : 'warn'}`} data-testid="churn-status" data-status={run.status}>
        {t(`status.${run.status}`, { min: run.status === 'too-small' ? MIN_CUSTOMERS : MIN_CHURNED })}
      </p>
      <p className="muted small">{scheme}</p>
      <div className="kpi-grid">
        <div className="kpi" data-testid="churn-kpi-roc">
          <div className="kpi-label">{t('evaluation.rocAuc')}</div>
          <div className="kpi-value">{f3(e.rocAuc?.value)}</div>
          <div className="muted small">
            [{f3(e.rocAuc?.low)}, {f3(e.rocAuc?.high)}]
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('evaluation.prAuc')}</div>
          <div className="kpi-value">{f3(e.prAuc?.value)}</div>
          <div className="muted small">
            [{f3(e.prAuc?.low)}, {f3(e.prAuc?.high)}]
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('evaluation.baseRate')}</div>
          <div className="kpi-value">{pct(e.baseRate)}</div>
          <div className="muted small">{t('ui.evaluation.base', { churned: e.test.churned, n: e.test.customers })}</div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('evaluation.brier')}</div>
          <div className="kpi-value">{f3(e.brier)}</div>
          <div className="muted small">
            {t('evaluation.brierBaseline')}: {f3(e.brierBaseline)}
          </div>
        </div>
      </div>
      {cal ? (
        <div className="churn-calibration" data-testid="churn-calibration" data-method={cal.method}>
          <h3>{t('calibration.heading')}</h3>
          <p className="small">{t('calibration.line', { method: t(`calibration.method.${cal.method}`), n: cal.fittedOn })}</p>
          <div className="kpi-grid">
            <div className="kpi" data-testid="churn-brier-before">
              <div className="kpi-label">{t('calibration.brierBefore')}</div>
              <div className="kpi-value">{f3(cal.before.brier)}</div>
            </div>
            <div className="kpi" data-testid="churn-brier-after">
              <div className="kpi-label">{t('calibration.brierAfter')}</div>
              <div className="kpi-value">{f3(e.brier)}</div>
              <div className="muted small">{t(`calibration.method.${cal.method}`)}</div>
            </div>
          </div>
          <p className="muted small">
            {t('calibration.byMethod', { list: CHURN_CALIBRATIONS.map((m) => `${t(`calibration.method.${m}`)} ${f3(cal.brierByMethod[m])}`).join(' · ') })}
          </p>
          {cal.method === 'isotonic' && <p className="muted small">{t('calibration.isotonicShrink', { strength: ISOTONIC_SHRINK_STRENGTH })}</p>}
          {cal.method === 'isotonic' && <p className="muted small">{t('calibration.isotonicTies')}</p>}
          {cal.method === 'isotonic' && cal.fittedOn < 1000 && <p className="churn-status warn small">{t('calibration.isotonicSmall', { n: cal.fittedOn })}</p>}
        </div>
      ) : e.lift.length > 0 ? (
        <p className="muted small">{t('calibration.absent')}</p>
      ) : null}
      <p className="muted small">
        {t('evaluation.train')}: {e.train.customers} {t('evaluation.customers')}, {e.train.churned} {t('evaluation.churned')} · {t('evaluation.test')}:{' '}
        {e.test.customers} {t('evaluation.customers')}, {e.test.churned} {t('evaluation.churned')}
      </p>
      <ul className="muted small churn-notes">
        <li>
          {t('ui.evaluation.auc')} {intervalText(e.rocAuc)}
        </li>
        <li>{t('ui.evaluation.pr')}</li>
        <li>{t('ui.evaluation.brier', { n: e.test.customers })}</li>
        <li>{t('ui.evaluation.referenceNote')}</li>
        {run.notes.map((n) => (
          <li key={n.key}>{t(n.key, n.params ?? {})}</li>
        ))}
      </ul>
      {e.lift.length > 0 && (
        <div className="churn-eval-grid">
          <div>
            <h3>{t('evaluation.lift')}</h3>
            <table className="table compact" data-testid="churn-lift">
              <thead>
                <tr>
                  <th>{t('evaluation.decile')}</th>
                  <th className="num">{t('ui.evaluation.customersColumn')}</th>
                  <th className="num">{t('ui.evaluation.churnedColumn')}</th>
                  <th className="num">{t('evaluation.rate')}</th>
                  <th className="num">{t('evaluation.liftColumn')}</th>
                  <th className="num">{t('evaluation.gain')}</th>
                </tr>
              </thead>
              <tbody>
                {e.lift.map((r) => (
                  <tr key={r.decile}>
                    <td>{r.decile}</td>
                    <td className="num">{r.customers}</td>
                    <td className="num">{r.churned}</td>
                    <td className="num">{pct(r.rate)}</td>
                    <td className="num">{r.lift.toFixed(2)}</td>
                    <td className="num">{pct(r.cumulativeGain)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">{t('ui.evaluation.liftNote', { n: e.test.customers })}</p>
          </div>
          <Chart option={gains} height={300} testId="churn-gains-chart" />
          <div>
            <h3>{t('evaluation.reliability')}</h3>
            <table className="table compact" data-testid="churn-reliability">
              <thead>
                <tr>
                  <th>{t('evaluation.bin')}</th>
                  <th className="num">{t('ui.evaluation.customersColumn')}</th>
                  <th className="num">{t('evaluation.meanPredicted')}</th>
                  <th className="num">{t('evaluation.observed')}</th>
                </tr>
              </thead>
              <tbody>
                {e.reliability.map((r) => (
                  <tr key={r.from}>
                    <td>
                      {pct(r.from, 0)}–{pct(r.to, 0)}
                    </td>
                    <td className="num">{r.customers}</td>
                    <td className="num">{pct(r.meanPredicted)}</td>
                    <td className="num">{pct(r.observedRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Chart option={calibration} height={300} testId="churn-calibration-chart" />
        </div>
      )}
    </section>
  );
}
