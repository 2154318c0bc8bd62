import type { ReactNode } from 'react';
import { useCustomerCard } from './customer-card';

/**
 * A customer's name in any list: a click opens the customer card as a panel over the section (its
 * filters, page and drill stay), as the diagnostics customer table does. The href stays the card's
 * own page so a middle click or "open in new window" still reaches it.
 */
export function CustomerLink({ customerKey, children, title, className }: { customerKey: string; children: ReactNode; title?: string; className?: string }) {
  const card = useCustomerCard();
  return (
    <a
      href={`#/e/health/customer/${encodeURIComponent(customerKey)}`}
      className={className}
      title={title}
      data-testid="customer-link"
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        card.open(customerKey);
      }}
    >
      {children}
    </a>
  );
}
