import { useTranslation } from 'react-i18next';
import type { ExperimentResult, ExperimentSummary } from '../../../../shared/impact/experiment';
import { buildTrendChart } from '../../../../shared/charts/trend';
import { useWorkbench } from '../../app/context';
import { useMoney } from '../../app/money';
import { Chart } from '../../components/Chart';
import { formatEffect, formatP } from './format';

interface Props {
  result: ExperimentResult;
  experiment: ExperimentSummary | null;
  measure: (v: number) => string;
  onDelete: () => void;
}

/** The verdict first, then the figures it rests on, then its caveats; a did design shows the pre-trend. */
export function ResultCard({ result: r, experiment: e, measure, onDelete }: Props) {
  const { t } = useTranslation('impact');
  const wb = useWorkbench();
  const money = useMoney();
  const effect = (v: number) => formatEffect(v, r.outcome, wb.locale, money);
  const measureName = t(`experiments.outcomeShort.${r.outcome}`);
  const level = Math.round((1 - r.alpha) * 100);
  return (
    <div className="card" data-testid="impact-result">
      <div className="card-header">
        <h3>
          {t('experiments.result')} · #{r.experimentId} {e?.name}
        </h3>
        <button className="btn btn-ghost" onClick={onDelete}>
          {t('common.delete')}
        </button>
      </div>
      <div className={`impact-verdict ${r.verdict}`} data-testid="impact-verdict" data-verdict={r.verdict}>
        {t(`experiments.verdicts.${r.verdict}`, { measure: measureName, alpha: r.alpha, mde: r.mde === null ? '—' : effect(r.mde) })}
      </div>
      <p className="muted small">
        {t('experiments.windowLine', { start: r.startDate, end: r.windowEnd, dataEnd: r.dataEnd ?? '—' })}
        {e?.seed !== null && e?.seed !== undefined ? ` · ${t('experiments.seedLine', { seed: e.seed })}` : ''}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th />
            <th className="num">{t('experiments.arm.n')}</th>
            <th className="num">{measureName}</th>
            <th className="num">{t('experiments.arm.pre')}</th>
          </tr>
        </thead>
        <tbody>
          {(['treatment', 'control'] as const).map((a) => (
            <tr key={a}>
              <td>{t(`experiments.arm.${a}`)}</td>
              <td className="num">{r[a].n}</td>
              <td className="num">{measure(r[a].mean)}</td>
              <td className="num">{measure(r[a].preMean)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.estimates.length > 0 && (
        <table className="table" data-testid="impact-estimates">
          <thead>
            <tr>
              <th>{t('experiments.arm.value')}</th>
              <th className="num">{t('experiments.difference')}</th>
              <th className="num">{t('experiments.ci', { level })}</th>
              <th className="num">{t('experiments.pValue')}</th>
              <th className="num">{t('experiments.lift')}</th>
            </tr>
          </thead>
          <tbody>
            {r.estimates.map((x, i) => (
              <tr key={x.method} className={i === 0 ? 'impact-total' : ''}>
                <td>{t(`experiments.methods.${x.method}`)}</td>
                <td className="num">{effect(x.difference)}</td>
                <td className="num nowrap">
                  [{effect(x.ciLow)}, {effect(x.ciHigh)}]
                </td>
                <td className="num">{formatP(x.pValue)}</td>
                <td className="num">{x.relativeLift === null ? '—' : `${(x.relativeLift * 100).toFixed(1)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.mde !== null && (
        <p className="small">
          {t('experiments.mde')}: {effect(r.mde)}
        </p>
      )}
      {r.caveats.length > 0 && (
        <>
          <strong className="small">{t('experiments.caveatsHeading')}</strong>
          <ul className="impact-caveats small" data-testid="impact-caveats">
            {r.caveats.map((c) => (
              <li key={c.key}>{t(`experiments.caveats.${c.key}`, c.params)}</li>
            ))}
          </ul>
        </>
      )}
      {r.did && (
        <>
          <h3 style={{ marginTop: 14 }}>{t('experiments.did.heading')}</h3>
          <p className="muted small">{t('experiments.did.note')}</p>
          <Chart
            testId="impact-pretrend"
            height={240}
            option={buildTrendChart({
              categories: r.did.periods.map((p) => (p.post ? `${p.period} (${t('experiments.did.post')})` : p.period)),
              series: [
                { name: t('experiments.did.treatment'), kind: 'line', values: r.did.periods.map((p) => p.treatmentMean) },
                { name: t('experiments.did.comparison'), kind: 'line', values: r.did.periods.map((p) => p.comparisonMean) },
                { name: t('experiments.did.gap'), kind: 'bar', values: r.did.periods.map((p) => p.gap), axis: 'right' },
              ],
              leftAxis: { unit: r.outcome === 'revenue' ? 'number' : 'percent' },
              rightAxis: { unit: r.outcome === 'revenue' ? 'number' : 'percent' },
              locale: wb.locale,
            })}
          />
          <table className="table small">
            <thead>
              <tr>
                <th>{t('experiments.did.period')}</th>
                <th className="num">{t('experiments.did.treatment')}</th>
                <th className="num">{t('experiments.did.comparison')}</th>
                <th className="num">{t('experiments.did.gap')}</th>
                <th className="num">{t('experiments.did.gapChange')}</th>
              </tr>
            </thead>
            <tbody>
              {r.did.periods.map((p) => (
                <tr key={p.period}>
                  <td>
                    {p.period}
                    {p.post ? ` · ${t('experiments.did.post')}` : ''}
                  </td>
                  <td className="num">{p.treatmentMean === null ? '—' : measure(p.treatmentMean)}</td>
                  <td className="num">{p.comparisonMean === null ? '—' : measure(p.comparisonMean)}</td>
                  <td className="num">{p.gap === null ? '—' : effect(p.gap)}</td>
                  <td className="num">{p.gapChange === null ? '' : effect(p.gapChange)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
