import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerCard } from '../sections/health/CustomerCard';
import '../sections/health/health.css';
import './customer-card.css';

interface CustomerCardApi {
  /** Opens the customer's card over the current section (its filters, scroll and drill stay as they are). */
  open(customerKey: string): void;
}

const CustomerCardContext = createContext<CustomerCardApi | null>(null);

/** Any customer row anywhere in the app opens the card through this: `useCustomerCard().open(key)`. */
export function useCustomerCard(): CustomerCardApi {
  const ctx = useContext(CustomerCardContext);
  if (!ctx) throw new Error('useCustomerCard outside CustomerCardProvider');
  return ctx;
}

/**
 * The customer card as a panel over the page. The health section also shows it as its own page
 * (#/e/health/customer/<key>); elsewhere opening it in place would unmount the section and lose the
 * table's search, sort and drill, so it slides over instead and Esc or the back button closes it.
 */
export function CustomerCardProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('workbench');
  const [key, setKey] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const open = useCallback((k: string) => setKey(k), []);
  const api = useMemo(() => ({ open }), [open]);
  useEffect(() => {
    if (key === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setKey(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key]);
  return (
    <CustomerCardContext.Provider value={api}>
      {children}
      {key !== null ? (
        <div className="card-drawer-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setKey(null)}>
          <aside
            className="card-drawer health"
            role="dialog"
            aria-modal="true"
            aria-label={t('customerCard.title', { key })}
            data-testid="customer-card-drawer"
          >
            <div className="section-stack">
              <CustomerCard customerKey={key} version={version} onChanged={() => setVersion((v) => v + 1)} onBack={() => setKey(null)} />
            </div>
          </aside>
        </div>
      ) : null}
    </CustomerCardContext.Provider>
  );
}
