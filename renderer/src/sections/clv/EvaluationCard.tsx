import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildClvTrackingChart } from '../../../../shared/charts';
import { countFitUnidentified } from '../../../../shared/clv/diagnostics';
import type { ClvRun } from '../../../../shared/clv/types';
import { Chart } from '../../components/Chart';
import { FitTable } from './FitTable';
import { pct } from './format';

/**
 * The model's evaluation, shown before any customer figure: the verdict and its reasons (a plain
 * statement when the data do not suit the model), the hold-out error with its formula, the tracking
 * plots, the fits with standard errors and intervals, and predicted vs actual by frequency.
 */
export function EvaluationCard({ run }: { run: ClvRun }) {
  const { t } = useTranslation('clv');
  const r = run.result;
  const e = r.evaluation;
  const unit = t(`unit.${r.unit}`);
  const width = e.tracking.length > 1 ? (e.tracking[1]!.period - e.tracking[0]!.period) * (r.unit === 'day' ? 1 : 7) : 7;
  const subtitle = t('ui.evaluation.bucketNote', { days: width });
  const charts = useMemo(
    () =>
      (['cumulative', 'incremental'] as const).map((mode) =>
        buildClvTrackingChart({
          title: t(mode === 'cumulative' ? 'ui.evaluation.cumulativeTitle' : 'ui.evaluation.incrementalTitle'),
          subtitle,
          points: e.tracking,
          unit: r.unit,
          mode,
          actualName: t('tracking.actual'),
          predictedName: t('tracking.predicted'),
          holdoutName: t('tracking.holdout'),
          yName: t(mode === 'cumulative' ? 'tracking.cumulative' : 'ui.evaluation.perPeriod'),
        }),
      ),
    [e.tracking, r.unit, subtitle, t],
  );
  const keys = new Set(e.reasons.map((x) => x.key));
  const tooFewRepeaters =
    keys.has('few-repeat-buyers') || (e.calibrationFit ?? r.countFit).reason === 'too-few-repeat-buyers' || r.countFit.reason === 'too-few-repeat-buyers';
  const error =
    e.holdoutActual !== null && e.holdoutPredicted !== null && e.holdoutActual > 0 ? (e.holdoutPredicted - e.holdoutActual) / e.holdoutActual : null;
  return (
    <section className="card clv-evaluation" data-testid="clv-evaluation">
      <h2>{t('ui.evaluation.heading')}</h2>
      <div className={`clv-verdict ${e.verdict}`} data-testid="clv-verdict" data-verdict={e.verdict}>
        <strong>
          {t('verdict.heading')} {t(`verdict.${e.verdict}`)}
        </strong>
        <ul>
          {e.reasons.map((x) => (
            <li key={x.key}>{t(`verdict.reasons.${x.key}`, x.params)}</li>
          ))}
        </ul>
      </div>
      {e.verdict === 'unsuitable' && (
        <div className="clv-unsuitable" data-testid="clv-unsuitable">
          <strong>{t('ui.unsuitable.heading')}</strong> {t('ui.unsuitable.body')}
          {tooFewRepeaters && <p>{t('ui.unsuitable.fewRepeaters')}</p>}
          {keys.has('contractual') && <p>{t('ui.unsuitable.contractual')}</p>}
        </div>
      )}
      {countFitUnidentified(r.countFit.status) && (
        <p className="clv-unsuitable" data-testid="clv-not-identified">
          {t('verdict.withheld', { status: r.countFit.status })}
        </p>
      )}
      <div className="kpi-grid">
        <div className="kpi" data-testid="clv-kpi-holdout">
          <div className="kpi-label">{t('ui.evaluation.holdoutError')}</div>
          <div className="kpi-value">{error === null ? '–' : `${error >= 0 ? '+' : ''}${pct(error)}`}</div>
          <div className="muted small">
            {error === null
              ? t('ui.evaluation.noHoldout')
              : t('ui.evaluation.holdoutCounts', { predicted: Math.round(e.holdoutPredicted as number), actual: e.holdoutActual as number })}
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('fit.logLikelihood')}</div>
          <div className="kpi-value">{r.countFit.logLikelihood?.toFixed(1) ?? '–'}</div>
          <div className="muted small">
            {t(`model.${r.model}`)} · {t('ui.evaluation.observations', { n: r.countFit.observations })}
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('fit.repeatBuyers')}</div>
          <div className="kpi-value">{r.repeatBuyers.toLocaleString()}</div>
          <div className="muted small">
            {t('fit.customers')}: {r.customers.toLocaleString()} ({pct(r.customers > 0 ? r.repeatBuyers / r.customers : null)})
          </div>
        </div>
      </div>
      {error !== null && (
        <p className="muted small">{t('ui.evaluation.holdoutErrorFormula', { length: e.holdoutLength, unit, date: e.calibrationEnd ?? '' })}</p>
      )}
      {error === null && e.tracking.length > 0 && <p className="muted small">{t('ui.evaluation.noHoldout')}</p>}
      {e.tracking.length > 0 && (
        <div className="clv-chart-grid">
          <Chart option={charts[0]!} height={300} testId="clv-tracking-cumulative" />
          <Chart option={charts[1]!} height={300} testId="clv-tracking-incremental" />
        </div>
      )}
      <h3>{t('ui.evaluation.fitsHeading')}</h3>
      <div className="clv-fit-grid">
        {e.calibrationFit && (
          <FitTable
            title={`${t(`model.${r.model}`)} · ${t('ui.evaluation.calibrationFit', { date: e.calibrationEnd ?? '' })}`}
            fit={e.calibrationFit}
            testId="clv-calibration-fit"
          />
        )}
        <FitTable title={`${t(`model.${r.model}`)} · ${t('ui.evaluation.finalFit', { asOf: r.asOf })}`} fit={r.countFit} testId="clv-count-fit" />
        {r.spendFit && <FitTable title={t('model.gamma-gamma')} fit={r.spendFit} testId="clv-spend-fit" />}
      </div>
      {e.spendCorrelation !== null && <p className="muted small">{t('correlation', { value: e.spendCorrelation.toFixed(2) })}</p>}
      {e.buckets.length > 0 && (
        <>
          <h3>{t('buckets.heading')}</h3>
          <table className="table compact clv-buckets">
            <thead>
              <tr>
                <th>{t('buckets.frequency')}</th>
                <th className="num">{t('buckets.customers')}</th>
                <th className="num">{t('buckets.actual')}</th>
                <th className="num">{t('buckets.predicted')}</th>
              </tr>
            </thead>
            <tbody>
              {e.buckets.map((b) => (
                <tr key={b.frequency}>
                  <td>
                    {b.frequency}
                    {b.openEnded ? '+' : ''}
                  </td>
                  <td className="num">{b.customers}</td>
                  <td className="num">{b.actual.toFixed(2)}</td>
                  <td className="num">{b.predicted.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t('ui.evaluation.bucketsNote')}</p>
        </>
      )}
    </section>
  );
}
