import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildTrendChart, type ChartOption } from '../../../../shared/charts';
import { MRR_MOVEMENTS, type DiagnosticRunResult, type DrillTarget } from '../../../../shared/analytics';
import type { Locale } from '../../../../shared/errors';
import { Chart } from '../../components/Chart';
import { absentText, metricTitle } from './labels';

interface Props {
  result: DiagnosticRunResult;
  locale: Locale;
  currency: string;
  onDrill(target: DrillTarget): void;
}

/** Retention trend (rates on the left, the active base as context bars) and the revenue movements. */
export function TrendCards({ result, locale, currency, onDrill }: Props) {
  const { t } = useTranslation('analytics');
  const categories = result.retention.map((p) => (p.period.partial ? `${p.period.key}*` : p.period.key));
  const trend = useMemo(() => {
    const rates = result.retention.map((p) => p.retentionRate.value);
    const repeat = result.repeat.map((p) => p.rate.value);
    const rr = result.revenueRetention;
    const all = [...rates, ...repeat, ...(rr ? rr.flatMap((p) => [p.grr.value, p.nrr.value]) : [])].filter((v): v is number => v !== null);
    // A rate near 100% every period reads as a flat line from 0; start the axis near the lowest value.
    // Rounded down to a multiple of 10, so the axis reads 10%, 20%, ... and not 11%.
    const min = all.length ? Math.max(0, Math.floor((Math.min(...all) * 100 - 2) / 10) * 10) : 0;
    return buildTrendChart({
      categories,
      series: [
        { name: t('ui.charts.customers'), kind: 'bar', axis: 'right', values: result.retention.map((p) => p.end) },
        { name: t('ui.charts.trendRate'), kind: 'line', values: rates },
        // The simpler definition beside R: active in the previous period and again in this one.
        { name: t('formulas.repeatRate.name'), kind: 'line', values: repeat },
        ...(rr
          ? [
              { name: t('ui.charts.grr'), kind: 'line' as const, values: rr.map((p) => p.grr.value) },
              { name: t('ui.charts.nrr'), kind: 'line' as const, values: rr.map((p) => p.nrr.value) },
            ]
          : []),
      ],
      leftAxis: { unit: 'percent', min },
      rightAxis: { unit: 'integer', name: t('ui.charts.customers') },
      locale,
    });
  }, [result, t, locale, categories]);

  const movements = useMemo((): ChartOption => {
    const rr = result.revenueRetention;
    if (!rr) {
      return buildTrendChart({
        categories,
        series: [{ name: t('ui.charts.revenue'), kind: 'bar', values: result.revenue.map((p) => p.revenue) }],
        leftAxis: { unit: 'currency' },
        locale,
        currency,
      });
    }
    const sign = { new: 1, expansion: 1, reactivation: 1, contraction: -1, churn: -1 } as const;
    const option = buildTrendChart({
      categories,
      series: MRR_MOVEMENTS.map((m) => ({ name: t(`mrrMovements.${m}`), kind: 'bar' as const, values: rr.map((p) => sign[m] * p.movements[m]) })),
      leftAxis: { unit: 'number' },
      locale,
      currency,
    });
    // Gains stack up, losses stack down: one bar per period reads as the period's net movement.
    const series = (option.series as Record<string, unknown>[]).map((s, i) => ({
      ...s,
      stack: 'mrr',
      itemStyle: { ...(s.itemStyle as object), color: ['#2E8B8B', '#5B8DB8', '#E0A526', '#C8553D', '#8E2C2C'][i] },
    }));
    return { ...option, series } as ChartOption;
  }, [result, t, locale, currency, categories]);

  return (
    <div className="diag-grid-2">
      <div className="card">
        <div className="card-header">
          <h2 title={metricTitle(t, 'retentionRate')}>
            {t('ui.charts.trend')} <span className="info-dot">ⓘ</span>
          </h2>
          {result.retention.length > 0 ? (
            <span className="muted small" data-testid="diag-trend-range">
              {t('ui.charts.trendRange', {
                from: result.retention[0]!.period.key,
                to: result.retention[result.retention.length - 1]!.period.key,
                n: result.retention.length,
              })}
            </span>
          ) : null}
        </div>
        <Chart
          option={trend}
          height={300}
          testId="diag-trend-chart"
          onClick={(p) => (p.seriesName === t('ui.charts.customers') ? onDrill({ kind: 'status', period: p.dataIndex, status: 'end' }) : undefined)}
        />
        <p className="muted small formula">
          {t('formulas.retentionRate.formula')} · {t('formulas.repeatRate.name')}: {t('formulas.repeatRate.formula')}
          {result.retention.some((p) => p.retentionRate.reason === 'history-shorter-than-window') ? ` · ${t('absentReasons.history-shorter-than-window')}` : ''}
        </p>
      </div>
      <div className="card">
        <div className="card-header">
          <h2 title={result.revenueRetention ? metricTitle(t, 'nrr') : metricTitle(t, 'periodRevenue')}>
            {result.revenueRetention ? t('ui.charts.movements') : t('ui.charts.revenueBars')} <span className="info-dot">ⓘ</span>
          </h2>
        </div>
        <Chart option={movements} height={300} testId="diag-movement-chart" />
        <p className="muted small formula">
          {result.revenueRetention ? t('formulas.nrr.formula') : t('ui.charts.noContracts', { reason: absentText(t, result.revenueRetentionAbsent) })}
        </p>
      </div>
    </div>
  );
}
