import { useTranslation } from 'react-i18next';
import { changeTone, KPI_IDS, type DiagnosticComparison, type DiagnosticRunResult, type KpiId } from '../../../../shared/analytics';
import { absentText, metricTitle, type Fmt } from './labels';

const RATES: ReadonlySet<KpiId> = new Set<KpiId>(['retentionRate', 'churnRate', 'grr', 'nrr']);

interface Props {
  result: DiagnosticRunResult;
  comparison: DiagnosticComparison | null;
  fmt: Fmt;
}

export function KpiCards({ result, comparison, fmt }: Props) {
  const { t } = useTranslation('analytics');
  const show = (id: KpiId, v: number | null) => (v === null ? t('ui.absent') : RATES.has(id) ? fmt.pct(v) : id === 'revenue' ? fmt.money(v) : fmt.int(v));
  const change = (id: KpiId, d: number | null) =>
    RATES.has(id) ? t('ui.kpis.pp', { value: fmt.pp(d) }) : id === 'revenue' ? fmt.signedMoney(d) : fmt.signedInt(d);
  const tone = (id: KpiId, d: number | null) => changeTone(id, d, RATES.has(id));
  return (
    <div className="kpi-grid diag-kpis" data-testid="diag-kpis">
      {KPI_IDS.map((id) => {
        const k = result.kpis[id];
        const base = comparison?.kpis.find((x) => x.id === id) ?? null;
        return (
          <div key={id} className={`kpi diag-kpi kpi-${id}`} data-testid={`diag-kpi-${id}`}>
            <span className="kpi-label" title={metricTitle(t, k.metric)}>
              {t(`ui.kpis.${id}`)}{' '}
              <span className="info-dot" aria-hidden>
                ⓘ
              </span>
            </span>
            <span className="kpi-value" title={k.value === null ? absentText(t, k.reason) : undefined}>
              {show(id, k.value)}
              {k.partial ? (
                <sup className="partial-mark" title={t('ui.partialNote', { asOf: result.asOf })}>
                  *
                </sup>
              ) : null}
            </span>
            {k.value === null ? (
              <span className="kpi-sub absent-reason">{absentText(t, k.reason)}</span>
            ) : (
              <span className={`kpi-sub delta-${tone(id, k.change)}`}>
                {k.previousPeriodKey && k.change !== null
                  ? t('ui.kpis.vsPrevious', { period: k.previousPeriodKey, change: change(id, k.change) })
                  : t('ui.kpis.noPrevious')}
              </span>
            )}
            {base && base.delta !== null ? (
              <span className={`kpi-sub delta-${tone(id, base.delta)}`}>{t('ui.kpis.vsBaseline', { change: change(id, base.delta) })}</span>
            ) : null}
            <span className="kpi-period muted small">{t('ui.kpis.period', { period: k.periodKey })}</span>
          </div>
        );
      })}
    </div>
  );
}
