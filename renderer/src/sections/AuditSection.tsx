import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/domain/engagement';
import { useWorkbench } from '../app/context';
import { formatDateTime } from '../format';
import { AuditChainStatus } from './privacy/AuditChainStatus';
import { AuditUndo, useTriageSteps } from './health/triage/AuditUndo';

export function AuditSection() {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const [rows, setRows] = useState<AuditEntry[] | null>(null);
  const [tick, setTick] = useState(0);
  const triage = useTriageSteps(rows);
  useEffect(() => {
    wb.api['audit.list']({ limit: 200 }).then(setRows, wb.reportError);
  }, [wb.api, wb.reportError, wb.workspace, tick]);
  return (
    <div className="card">
      <h2>{t('audit.title')}</h2>
      <AuditChainStatus />
      {rows === null ? (
        <p className="muted">{t('loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('audit.at')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{formatDateTime(r.at, wb.locale)}</td>
                <td className="mono">{r.action}</td>
                <td className="mono small">
                  {JSON.stringify(r.detail)} <AuditUndo entry={r} steps={triage.steps} onUndone={() => setTick((x) => x + 1)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
