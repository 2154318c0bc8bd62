import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatchSummary } from '../../../../shared/import/batch';
import { Modal } from '../../components/Modal';
import { useWorkbench } from '../../app/context';
import { formatDateTime } from '../../format';

interface Props {
  batches: ImportBatchSummary[];
  selected: number | null;
  onView(id: number): void;
  onUndone(): void;
}

/** Every batch of the engagement, newest first, with details and undo. */
export function BatchHistory({ batches, selected, onView, onUndone }: Props) {
  const { t } = useTranslation('import');
  const wb = useWorkbench();
  const [confirm, setConfirm] = useState<ImportBatchSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const n = (v: number) => v.toLocaleString(wb.locale);

  const undo = async (b: ImportBatchSummary) => {
    setBusy(true);
    try {
      await wb.api['import.undo']({ batchId: b.id });
      setConfirm(null);
      onUndone();
    } catch (err) {
      wb.reportError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card" data-testid="import-history">
      <h2>{t('history.title')}</h2>
      {batches.length === 0 ? (
        <p className="muted">{t('history.none')}</p>
      ) : (
        <table className="table imp-history">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('history.when')}</th>
              <th>{t('history.entity')}</th>
              <th>{t('history.file')}</th>
              <th className="num">{t('summary.read')}</th>
              <th className="num">{t('summary.accepted')}</th>
              <th className="num">{t('summary.rejected')}</th>
              <th className="num">{t('summary.duplicates')}</th>
              <th>{t('history.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id} className={`${b.status === 'undone' ? 'undone' : ''}${selected === b.id ? ' selected' : ''}`} data-testid={`import-batch-${b.id}`}>
                <td>{b.id}</td>
                <td className="nowrap">{formatDateTime(b.startedAt, wb.locale)}</td>
                <td className="nowrap">{t(`entities.${b.entity}`)}</td>
                <td>{b.fileName}</td>
                <td className="num">{n(b.rowsRead)}</td>
                <td className="num">{n(b.rowsAccepted)}</td>
                <td className="num">{n(b.rowsRejected)}</td>
                <td className="num">{n(b.rowsDuplicate)}</td>
                <td>
                  {b.status === 'undone' ? (
                    <span className="badge imp-badge-undone">{t('history.undone')}</span>
                  ) : (
                    <span className="badge">{t('history.committed')}</span>
                  )}
                </td>
                <td>
                  <div className="imp-actions">
                    <button className="btn btn-ghost" onClick={() => onView(b.id)}>
                      {t('history.view')}
                    </button>
                    {b.status === 'committed' ? (
                      <button className="btn btn-danger" onClick={() => setConfirm(b)} data-testid={`import-undo-${b.id}`}>
                        {t('history.undo')}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm ? (
        <Modal
          title={t('history.undo')}
          onClose={() => setConfirm(null)}
          footer={
            <>
              <button className="btn" onClick={() => setConfirm(null)}>
                {t('ui.cancel')}
              </button>
              <button className="btn btn-primary" disabled={busy} onClick={() => void undo(confirm)} data-testid="import-undo-confirm">
                {t('history.undo')}
              </button>
            </>
          }
        >
          <p>{t('history.confirmUndo', { id: confirm.id, file: confirm.fileName, rows: n(confirm.rowsAccepted) })}</p>
        </Modal>
      ) : null}
    </div>
  );
}
