import { useTranslation } from 'react-i18next';
import { changeTone, type CountComparison, type DiagnosticComparison } from '../../../../shared/analytics';
import { metricTitle, segmentLabel, type Fmt } from './labels';

const RATES = new Set(['retentionRate', 'churnRate', 'grr', 'nrr']);

/** Baseline vs now: the KPIs and the value groups, tiers and lifecycle counts with their changes. */
export function ComparePanel({ c, fmt }: { c: DiagnosticComparison; fmt: Fmt }) {
  const { t } = useTranslation('analytics');
  const value = (id: string, v: number | null) => (RATES.has(id) ? fmt.pct(v) : id === 'revenue' ? fmt.money(v) : fmt.int(v));
  const delta = (id: string, v: number | null) =>
    v === null ? '—' : RATES.has(id) ? t('ui.kpis.pp', { value: fmt.pp(v) }) : id === 'revenue' ? fmt.signedMoney(v) : fmt.signedInt(v);
  const counts = (title: string, rows: CountComparison[], label: (id: string) => string) => (
    <div>
      <h3>{title}</h3>
      <table className="table compact">
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{label(r.id)}</td>
              <td className="num">{fmt.int(r.base)}</td>
              <td className="num">{fmt.int(r.now)}</td>
              <td className={`num delta-${changeTone(r.id, r.delta, false)}`}>{fmt.signedInt(r.delta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="card compare-panel" data-testid="diag-compare">
      <h2>{t('ui.compare.title', { base: c.base.id, baseAsOf: c.base.asOf, now: c.now.id, nowAsOf: c.now.asOf })}</h2>
      <p className="muted small">
        {c.paramsChanged.length
          ? t('ui.compare.paramsChanged', { list: c.paramsChanged.map((k) => t(`ui.params.labels.${k}`, { defaultValue: k })).join(t('ui.listSeparator')) })
          : t('ui.compare.sameParams')}
      </p>
      <div className="compare-grid">
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('ui.compare.metric')}</th>
              <th className="num">{t('ui.compare.base')}</th>
              <th className="num">{t('ui.compare.now')}</th>
              <th className="num">{t('ui.compare.delta')}</th>
            </tr>
          </thead>
          <tbody>
            {c.kpis.map((k) => (
              <tr key={k.id}>
                <td title={metricTitle(t, k.metric)}>{t(`ui.kpis.${k.id}`)}</td>
                <td className="num">{value(k.id, k.base)}</td>
                <td className="num">{value(k.id, k.now)}</td>
                <td className={`num delta-${changeTone(k.id, k.delta, RATES.has(k.id))}`}>{delta(k.id, k.delta)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {counts(t('ui.compare.segments'), c.valueGroups, (id) => segmentLabel(t, id))}
        {counts(t('ui.compare.tiers'), c.tiers, (id) => t(`tiers.names.${id}`))}
        {counts(t('ui.compare.stages'), c.stages, (id) => t(`lifecycle.stages.${id}`))}
      </div>
    </div>
  );
}
