import { useTranslation } from 'react-i18next';
import type { WorkspaceRecovery } from '../../../shared/domain/engagement';
import './engine-status.css';

interface Props {
  recovery: WorkspaceRecovery | null;
  onDismiss(): void;
}

/** Opening found a job a crash had interrupted and rolled it back: say so once, with where the copy is. */
export function RecoveryNotice({ recovery, onDismiss }: Props) {
  const { t } = useTranslation();
  if (!recovery) return null;
  return (
    <div className="engine-banner" role="status" data-testid="recovery-notice">
      <div className="engine-banner-text">
        <span>{t('workspace.recovered', { keptAside: recovery.keptAside })}</span>
      </div>
      <button className="btn btn-ghost" onClick={onDismiss}>
        {t('actions.dismiss')}
      </button>
    </div>
  );
}
