import { useTranslation } from 'react-i18next';
import type { EngineStatus } from '../../../shared/contract';
import { engineStatusLines } from '../../../shared/contract/engine-status';
import './engine-status.css';

interface Props {
  status: EngineStatus | null;
  hadWorkspace: boolean;
  onDismiss(): void;
}

/** The engine crashed or came back: say so, and whether the workspace was checked and reopened. */
export function EngineStatusBanner({ status, hadWorkspace, onDismiss }: Props) {
  const { t } = useTranslation();
  if (!status) return null;
  const bad = status.state !== 'restarted' || status.integrityOk === false;
  return (
    <div className={`engine-banner${bad ? ' engine-banner-bad' : ''}`} role="alert" data-testid="engine-status">
      <div className="engine-banner-text">
        {engineStatusLines(status, hadWorkspace).map((key) => (
          <span key={key}>{t(key)}</span>
        ))}
        {status.reason ? <span className="muted small">{t('engine.reason', { reason: status.reason })}</span> : null}
      </div>
      <button className="btn btn-ghost" onClick={onDismiss}>
        {t('actions.dismiss')}
      </button>
    </div>
  );
}
