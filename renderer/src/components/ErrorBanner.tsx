import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useWorkbench } from '../app/context';

export function ErrorBanner({ error, onDismiss }: { error: unknown; onDismiss: () => void }) {
  const { t } = useTranslation();
  const { locale } = useWorkbench();
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <strong>{t('errorTitle')}</strong>
      <span data-testid="error-text">{errorText(error, locale)}</span>
      <button className="btn btn-ghost" onClick={onDismiss}>
        {t('actions.dismiss')}
      </button>
    </div>
  );
}

/** Inline error inside a dialog or form. */
export function InlineError({ error }: { error: unknown }) {
  const { locale } = useWorkbench();
  if (!error) return null;
  return (
    <p className="inline-error" role="alert" data-testid="inline-error">
      {errorText(error, locale)}
    </p>
  );
}
