import { useTranslation } from 'react-i18next';
import type { DiagnosticRunResult, DrillTarget, Figure } from '../../../../shared/analytics';
import { absentText, metricTitle, type Fmt } from './labels';

interface Props {
  result: DiagnosticRunResult;
  fmt: Fmt;
  onDrill(target: DrillTarget): void;
}

/**
 * Retention per period in its two definitions side by side (R with the activity window, and
 * period-to-period), each absent figure with its reason; with contracts, revenue retention of the
 * starting base and over the trailing twelve months beside the period's own GRR/NRR.
 */
export function RetentionTable({ result, fmt, onDrill }: Props) {
  const { t } = useTranslation('analytics');
  const rate = (f: Figure) =>
    f.value === null ? (
      <span className="absent-reason" title={absentText(t, f.reason)}>
        {t('ui.absent')}
      </span>
    ) : (
      fmt.pct(f.value)
    );
  const rr = result.revenueRetention;
  return (
    <div className="card" data-testid="diag-retention-table">
      <div className="card-header">
        <h2>{t('ui.retentionTable.title')}</h2>
      </div>
      <div className="matrix-wrap">
        <table className="table compact retention-table">
          <thead>
            <tr>
              <th>{t('ui.retentionTable.period')}</th>
              <th className="num" title={metricTitle(t, 'customersStart')}>
                S
              </th>
              <th className="num" title={metricTitle(t, 'customersEnd')}>
                E
              </th>
              <th className="num" title={metricTitle(t, 'customersNew')}>
                {t('retentionStatuses.new')}
              </th>
              <th className="num" title={metricTitle(t, 'customersReactivated')}>
                {t('retentionStatuses.reactivated')}
              </th>
              <th className="num" title={metricTitle(t, 'customersLost')}>
                {t('retentionStatuses.lost')}
              </th>
              <th className="num" title={metricTitle(t, 'retentionRate')}>
                {t('ui.retentionTable.rate')} ⓘ
              </th>
              <th className="num" title={metricTitle(t, 'repeatRate')}>
                {t('ui.retentionTable.repeat')} ⓘ
              </th>
            </tr>
          </thead>
          <tbody>
            {result.retention.map((p, i) => {
              const rep = result.repeat[i];
              return (
                <tr key={p.period.key} className={p.leftCensored ? 'censored-row' : undefined} data-testid={`diag-retention-row-${p.period.key}`}>
                  <th>
                    {p.period.key}
                    {p.period.partial ? '*' : ''}
                    {p.leftCensored ? (
                      <span className="badge censored-badge" title={t('ui.retentionTable.censoredTitle')}>
                        {t('ui.retentionTable.censored')}
                      </span>
                    ) : null}
                  </th>
                  <td className="num clickable-cell" onClick={() => onDrill({ kind: 'status', period: i, status: 'start' })}>
                    {fmt.int(p.start)}
                  </td>
                  <td className="num clickable-cell" onClick={() => onDrill({ kind: 'status', period: i, status: 'end' })}>
                    {fmt.int(p.end)}
                  </td>
                  <td
                    className="num clickable-cell"
                    title={p.leftCensored ? t('ui.retentionTable.firstSeen') : undefined}
                    onClick={() => onDrill({ kind: 'status', period: i, status: 'new' })}
                  >
                    {fmt.int(p.new)}
                    {p.leftCensored ? '†' : ''}
                  </td>
                  <td className="num clickable-cell" onClick={() => onDrill({ kind: 'status', period: i, status: 'reactivated' })}>
                    {fmt.int(p.reactivated)}
                  </td>
                  <td className="num clickable-cell" onClick={() => onDrill({ kind: 'status', period: i, status: 'lost' })}>
                    {fmt.int(p.lost)}
                  </td>
                  <td className="num">{rate(p.retentionRate)}</td>
                  <td className="num" title={rep ? `${fmt.int(rep.repeat)} / ${fmt.int(rep.previous)}` : undefined}>
                    {rep ? rate(rep.rate) : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small formula">{t('ui.retentionTable.note')}</p>
      {rr ? (
        <>
          <h3 className="sub-title">{t('ui.revenueBase.title')}</h3>
          <div className="matrix-wrap">
            <table className="table compact retention-table" data-testid="diag-revenue-base">
              <thead>
                <tr>
                  <th>{t('ui.retentionTable.period')}</th>
                  <th className="num" title={metricTitle(t, 'grr')}>
                    GRR
                  </th>
                  <th className="num" title={metricTitle(t, 'nrr')}>
                    NRR
                  </th>
                  <th className="num" title={metricTitle(t, 'baseGrr')}>
                    {t('ui.revenueBase.baseGrr')}
                  </th>
                  <th className="num" title={metricTitle(t, 'baseNrr')}>
                    {t('ui.revenueBase.baseNrr')}
                  </th>
                  <th className="num" title={metricTitle(t, 't12mGrr')}>
                    {t('ui.revenueBase.t12mGrr')}
                  </th>
                  <th className="num" title={metricTitle(t, 't12mNrr')}>
                    {t('ui.revenueBase.t12mNrr')}
                  </th>
                  <th>{t('ui.revenueBase.baseDate')}</th>
                </tr>
              </thead>
              <tbody>
                {rr.map((p) => (
                  <tr key={p.period.key}>
                    <th>
                      {p.period.key}
                      {p.period.partial ? '*' : ''}
                    </th>
                    <td className="num">{rate(p.grr)}</td>
                    <td className="num">{rate(p.nrr)}</td>
                    <td className="num">{rate(p.baseGrr)}</td>
                    <td className="num">{rate(p.baseNrr)}</td>
                    <td className="num">{rate(p.t12mGrr)}</td>
                    <td className="num">{rate(p.t12mNrr)}</td>
                    <td className="muted">{p.t12mBaseDate || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small formula">
            {t('formulas.baseNrr.formula')} · {t('formulas.t12mNrr.formula')}
          </p>
        </>
      ) : null}
    </div>
  );
}
