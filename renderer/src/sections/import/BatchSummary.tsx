import { useTranslation } from 'react-i18next';
import type { ImportBatchDetail } from '../../../../shared/import/batch';
import { batchNotes } from '../../../../shared/import/batch-notes';
import { useWorkbench } from '../../app/context';
import { formatDateTime } from '../../format';

interface Props {
  batch: ImportBatchDetail;
  onReason(code: string | null): void;
}

/** After an import (or from the history): the counts that add up, rejects by reason, and the entity's data quality. */
export function BatchSummary({ batch: b, onReason }: Props) {
  const { t } = useTranslation('import');
  const { locale } = useWorkbench();
  const n = (v: number) => v.toLocaleString(locale);
  const q = b.quality;
  const notes = batchNotes(b, (type) => t(`attributeTypes.${type}`), locale !== 'en');
  const qualityFacts: [string, string][] = [
    [t('quality.rows'), n(q.rows)],
    ...(q.dateMin ? ([[t('quality.dateRange'), `${q.dateMin} – ${q.dateMax}`]] as [string, string][]) : []),
    ...(q.distinctOrders !== null ? ([[t('quality.distinctOrders'), n(q.distinctOrders)]] as [string, string][]) : []),
    ...(q.returns !== null ? ([[t('quality.returns'), n(q.returns)]] as [string, string][]) : []),
    ...(q.customersWithoutOrders !== null ? ([[t('quality.customersWithoutOrders'), n(q.customersWithoutOrders)]] as [string, string][]) : []),
    ...(q.createdFromOrders !== null ? ([[t('quality.createdFromOrders'), n(q.createdFromOrders)]] as [string, string][]) : []),
    ...(q.unknownCustomers !== null ? ([[t('quality.unknownCustomers'), n(q.unknownCustomers)]] as [string, string][]) : []),
  ];
  return (
    <div className="card" data-testid="import-summary">
      <div className="imp-summary-head">
        <div>
          <h2>
            {t('summary.title')} · {t(`entities.${b.entity}`)}
            {b.status === 'undone' ? <span className="badge imp-badge-undone"> {t('summary.undoneBadge')}</span> : null}
          </h2>
          <div className="muted small">
            {t('summary.batchOf', { id: b.id, file: b.fileName })}
            {b.sheet ? ` · ${b.sheet}` : ''} · {formatDateTime(b.startedAt, locale)}
            {b.durationMs !== null ? ` · ${t('summary.duration', { seconds: b.durationMs < 100 ? '< 0.1' : (b.durationMs / 1000).toFixed(1) })}` : ''}
          </div>
        </div>
      </div>
      <div className="kpi-grid">
        <div className="kpi">
          <span className="kpi-label">{t('summary.read')}</span>
          <span className="kpi-value" data-testid="import-read">
            {n(b.rowsRead)}
          </span>
        </div>
        <div className="kpi imp-kpi-accepted">
          <span className="kpi-label">{t('summary.accepted')}</span>
          <span className="kpi-value" data-testid="import-accepted">
            {n(b.rowsAccepted)}
          </span>
        </div>
        <div className={`kpi${b.rowsRejected > 0 ? ' imp-kpi-rejected' : ''}`}>
          <span className="kpi-label">{t('summary.rejected')}</span>
          <span className="kpi-value" data-testid="import-rejected">
            {n(b.rowsRejected)}
          </span>
        </div>
        <div className="kpi imp-kpi-dup">
          <span className="kpi-label">{t('summary.duplicates')}</span>
          <span className="kpi-value" data-testid="import-duplicates">
            {n(b.rowsDuplicate)}
          </span>
        </div>
        {b.unknownCustomers > 0 ? (
          <div className="kpi" data-testid="import-unknown-customers">
            <span className="kpi-label">{t('summary.unknownCustomers')}</span>
            <span className="kpi-value">{n(b.unknownCustomers)}</span>
            <span className="muted small">{t('summary.customersCreatedN', { count: b.customersCreated })}</span>
          </div>
        ) : null}
        {b.dateMin ? (
          <div className="kpi">
            <span className="kpi-label">{t('summary.dateRange')}</span>
            <span className="kpi-value" style={{ fontSize: 15 }}>
              {b.dateMin}
              <br />
              {b.dateMax}
            </span>
          </div>
        ) : null}
      </div>
      {notes.length > 0 ? (
        <ul className="imp-notes" data-testid="import-notes">
          {notes.map((note) => (
            <li key={note.key}>{t(note.key, note.params)}</li>
          ))}
        </ul>
      ) : null}
      <div className="muted imp-adds">
        {t('summary.addsUp', { read: n(b.rowsRead), accepted: n(b.rowsAccepted), rejected: n(b.rowsRejected), duplicate: n(b.rowsDuplicate) })}
      </div>
      <div className="imp-two">
        <div>
          <h3>{t('summary.rejectsByReason')}</h3>
          {b.rejectsByReason.length === 0 ? (
            <div className="imp-status ok">{t('summary.noRejects')}</div>
          ) : (
            <table className="table imp-reasons" data-testid="import-reasons">
              <tbody>
                {b.rejectsByReason.map((r) => (
                  <tr key={r.code}>
                    <td>
                      <button className="imp-reason-link" onClick={() => onReason(r.code)}>
                        {t(`reasonNames.${r.code}`, { defaultValue: r.code })}
                      </button>
                      {r.column ? <span className="muted small"> · {r.column}</span> : null}
                    </td>
                    <td className="num">{n(r.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <h3>
            {t('quality.title')} · {t(`entities.${b.entity}`)}
          </h3>
          <table className="table">
            <tbody>
              {qualityFacts.map(([k, v]) => (
                <tr key={k}>
                  <td className="muted">{k}</td>
                  <td className="num">{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {b.entity === 'orders' ? <div className="muted imp-note">{t('quality.ordersNote')}</div> : null}
        </div>
      </div>
    </div>
  );
}
