import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../app/context';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, setLocale, reportError } = useWorkbench();
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      {(['zh-CN', 'en'] as const).map((l) => (
        <button
          key={l}
          className={l === locale ? 'active' : ''}
          aria-pressed={l === locale}
          data-testid={`lang-${l}`}
          onClick={() => setLocale(l).catch(reportError)}
        >
          {l === 'zh-CN' ? '中文' : 'EN'}
        </button>
      ))}
    </div>
  );
}
