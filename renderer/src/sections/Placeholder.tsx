import { useTranslation } from 'react-i18next';

export function placeholder(id: string) {
  return function Placeholder() {
    const { t } = useTranslation();
    return (
      <div className="card" data-testid={`placeholder-${id}`}>
        <p className="muted">{t('comingSoon')}</p>
      </div>
    );
  };
}
