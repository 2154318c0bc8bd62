import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatchDetail, RejectPage } from '../../../../shared/import/batch';
import { callShell } from '../../api/client';
import { useWorkbench } from '../../app/context';
import { downloadUrl } from '../reports/download';
import { ExportTableButton } from '../../components/ExportTableButton';

interface Props {
  batch: ImportBatchDetail;
  code: string | null;
  onCode(code: string | null): void;
}

const PAGE = 25;

/** The rejected rows of a batch, a page at a time, filterable by reason, exportable as CSV for the client. */
export function RejectList({ batch, code, onCode }: Props) {
  const { t } = useTranslation('import');
  const wb = useWorkbench();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<RejectPage | null>(null);
  const [exported, setExported] = useState<{ path: string; rows: number; downloadable: boolean } | null>(null);

  useEffect(() => setOffset(0), [batch.id, code]);
  useEffect(() => {
    let live = true;
    wb.api['import.rejects']({ batchId: batch.id, offset, limit: PAGE, ...(code ? { code } : {}) })
      .then((p) => live && setPage(p))
      .catch(wb.reportError);
    return () => {
      live = false;
    };
  }, [wb, batch.id, offset, code]);

  const exportCsv = async () => {
    try {
      let path: string | undefined;
      if (wb.transport.host !== 'web') {
        const chosen = await callShell(wb.transport, 'dialog.saveFile', {
          suggestedName: `${batch.fileName.replace(/\.[^.]+$/, '')}-rejects.csv`,
          kind: 'csv',
        });
        if (chosen === null) return;
        path = chosen ?? undefined;
      }
      setExported(await wb.api['import.exportRejects']({ batchId: batch.id, ...(path ? { path } : {}) }));
    } catch (err) {
      wb.reportError(err);
    }
  };

  if (batch.rowsRejected === 0) return null;
  return (
    <div className="card" data-testid="import-rejects">
      <div className="card-header">
        <h2>
          {t('rejects.title')} <span className="muted small">#{batch.id}</span>
        </h2>
        <div className="imp-rejects-tools">
          <select value={code ?? ''} onChange={(e) => onCode(e.target.value || null)} aria-label={t('rejects.reason')}>
            <option value="">{t('rejects.all')}</option>
            {batch.rejectsByReason.map((r) => (
              <option key={r.code} value={r.code}>
                {t(`reasonNames.${r.code}`, { defaultValue: r.code })} ({r.count})
              </option>
            ))}
          </select>
          <button className="btn" onClick={() => void exportCsv()} data-testid="import-export-rejects">
            {t('rejects.export')}
          </button>
          <ExportTableButton
            table="import.rejects"
            filters={{ batchId: batch.id, ...(code ? { code } : {}) }}
            fileName={t('rejects.title')}
            testId="import-rejects-export"
          />
        </div>
      </div>
      {exported ? (
        <div className="imp-status ok">
          {t('rejects.exported', { count: exported.rows, path: exported.path })}{' '}
          {exported.downloadable ? (
            <a href={downloadUrl(exported.path)} download data-testid="import-rejects-download">
              {t('rejects.download')}
            </a>
          ) : null}
        </div>
      ) : null}
      {page === null ? null : page.total === 0 ? (
        <p className="muted">{t('rejects.none')}</p>
      ) : (
        <>
          <table className="table" data-testid="import-reject-table">
            <thead>
              <tr>
                <th className="num">{t('rejects.row')}</th>
                <th>{t('rejects.column')}</th>
                <th>{t('rejects.value')}</th>
                <th>{t('rejects.reason')}</th>
                <th>{t('rejects.sourceRow')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => {
                const raw = Object.entries(r.rawRow)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join(' | ');
                return (
                  <tr key={r.id}>
                    <td className="num">{r.rowNumber}</td>
                    <td>{r.column ?? '—'}</td>
                    <td>{r.rawValue ? <span className="imp-value">{r.rawValue}</span> : <span className="muted">{t('rejects.empty')}</span>}</td>
                    <td>{t(`reasons.${r.code}`, { ...r.params, defaultValue: r.reason })}</td>
                    <td className="imp-raw" title={raw}>
                      {raw}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="imp-pager">
            <span className="muted small">{t('rejects.pageOf', { from: page.offset + 1, to: page.offset + page.rows.length, total: page.total })}</span>
            <button className="btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('rejects.prev')}
            </button>
            <button className="btn" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)} data-testid="import-rejects-next">
              {t('rejects.next')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
