import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DORMANT_P_ALIVE, type ClvCustomerRow, type ClvRun } from '../../../../shared/clv/types';
import { useWorkbench } from '../../app/context';
import { pct } from './format';
import { useMoney } from '../../app/money';
import { CustomerLink } from '../../app/CustomerLink';

const TOP = 10;

/**
 * Customers more likely gone than active (P(alive) below DORMANT_P_ALIVE) with the most past repeat
 * spend: the win-back list. Paged and sorted by the engine like the main list.
 */
export function AtRiskCard({ run }: { run: ClvRun }) {
  const { t } = useTranslation('clv');
  const wb = useWorkbench();
  const money = useMoney();
  const [page, setPage] = useState<{ total: number; rows: ClvCustomerRow[] } | null>(null);

  useEffect(() => {
    let live = true;
    wb.api['clv.customers']({ runId: run.id, sort: 'pastValue', descending: true, pAliveBelow: DORMANT_P_ALIVE, limit: TOP })
      .then((p) => live && setPage(p))
      .catch(wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, run.id]);

  if (!page) return null;
  const threshold = DORMANT_P_ALIVE * 100;
  return (
    <section className="card" data-testid="clv-at-risk">
      <h2>{t('ui.atRisk.heading')}</h2>
      {page.total === 0 ? (
        <p className="muted small">{t('ui.atRisk.none', { threshold })}</p>
      ) : (
        <>
          <p className="muted small">
            {t('ui.atRisk.note', { threshold, count: page.total, share: pct(page.total / Math.max(1, run.customers)), n: page.rows.length })}
          </p>
          <table className="table compact clv-table">
            <thead>
              <tr>
                <th>{t('customers.customer')}</th>
                <th className="num">{t('customers.frequency')}</th>
                <th className="num">{t('ui.atRisk.pastValue')}</th>
                <th className="num">{t('customers.pAlive')}</th>
                <th className="num">{t('customers.clv')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.customerId} data-testid="clv-at-risk-row">
                  <td>
                    <CustomerLink customerKey={r.customerId} title={t('ui.list.open')}>
                      {r.name ?? r.customerId}
                    </CustomerLink>
                    <div className="muted small">{r.customerId}</div>
                  </td>
                  <td className="num">{r.x}</td>
                  <td className="num">{money(r.x * r.monetary)}</td>
                  <td className="num">{pct(r.pAlive)}</td>
                  <td className="num">{money(r.clv)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
