import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../../../../shared/domain/engagement';
import { useWorkbench } from '../../app/context';

/** The audit log's hash chain, verified when shown (and again when `refresh` changes). */
export function AuditChainStatus({ refresh = 0 }: { refresh?: number }) {
  const { t } = useTranslation('privacy');
  const wb = useWorkbench();
  const [v, setV] = useState<AuditVerification | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    wb.api['audit.verify']({}).then((r) => live && setV(r), wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, wb.workspace, refresh, tick]);
  if (!v) return null;
  return (
    <div className={`privacy-chain ${v.intact ? 'is-intact' : 'is-broken'}`} data-testid="audit-chain">
      <span className="privacy-chain-mark" aria-hidden>
        {v.intact ? '✓' : '✕'}
      </span>
      <span className="privacy-chain-text">
        {v.intact ? t('audit.intact', { entries: v.entries, hash: v.lastHash ? `${v.lastHash.slice(0, 16)}…` : '-' }) : t('audit.broken', { id: v.brokenAt })}
      </span>
      <button type="button" className="btn btn-ghost" onClick={() => setTick((n) => n + 1)}>
        {t('audit.verify')}
      </button>
    </div>
  );
}
