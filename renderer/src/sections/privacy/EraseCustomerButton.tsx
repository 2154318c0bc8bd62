import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../app/context';
import './privacy.css';

/** Erasure on request from a customer's own card: asks first, then leaves the card (its rows are gone). */
export function EraseCustomerButton({ customerKey, onErased }: { customerKey: string; onErased(): void }) {
  const { t } = useTranslation('privacy');
  const wb = useWorkbench();
  const erase = async () => {
    if (!window.confirm(t('erase.confirm', { key: customerKey }))) return;
    try {
      await wb.api['customers.erase']({ customerKey });
      onErased();
    } catch (err) {
      wb.reportError(err);
    }
  };
  return (
    <div className="card privacy-erase-card">
      <span className="muted small">{t('erase.help')}</span>
      <button type="button" className="btn btn-danger" onClick={() => void erase()} data-testid="customer-erase">
        {t('erase.run')}
      </button>
    </div>
  );
}
