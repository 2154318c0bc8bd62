import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../../shared/contract';

interface Props {
  progress: JobProgress | null;
  onCancel: () => void;
  testId: string;
}

/** An impact job under way (it reads every order): its phase, how far, and a way to stop it. */
export function ImpactJobProgress({ progress, onCancel, testId }: Props) {
  const { t } = useTranslation('impact');
  const phase = progress?.phase.replace(/^impact\./, '') ?? 'customers';
  const share = progress?.total ? Math.min(1, progress.done / progress.total) : null;
  return (
    <div className="impact-progress" data-testid={testId}>
      <span>
        {t(`phase.${phase}`, { defaultValue: phase })}
        {progress?.total ? ` · ${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}` : ''}
      </span>
      <div className="progress">
        <span style={{ width: share === null ? '35%' : `${Math.round(share * 100)}%` }} />
      </div>
      <button className="btn" onClick={onCancel} data-testid={`${testId}-cancel`}>
        {t('job.cancel')}
      </button>
    </div>
  );
}
