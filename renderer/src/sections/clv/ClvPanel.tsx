import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countFitUnidentified } from '../../../../shared/clv/diagnostics';
import type { ClvCustomerRow, ClvRunSummary } from '../../../../shared/clv/types';
import { useWorkbench } from '../../app/context';
import { pct, range } from './format';
import { useMoney } from '../../app/money';
import './clv.css';

/**
 * One customer's lifetime-value figures from the latest CLV run, for the customer card. Nothing when
 * no run exists; the run's verdict beside the figures when the model does not plainly suit the data.
 */
export function ClvPanel({ customerKey }: { customerKey: string }) {
  const { t } = useTranslation('clv');
  const wb = useWorkbench();
  const money = useMoney();
  const [state, setState] = useState<{ run: ClvRunSummary; row: ClvCustomerRow | null } | null>(null);

  useEffect(() => {
    let live = true;
    wb.api['clv.lookup']({ customerKeys: [customerKey] })
      .then((r) => live && setState(r ? { run: r.run, row: r.rows[0] ?? null } : null))
      .catch(wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, customerKey]);

  if (!state) return null;
  const { run, row } = state;
  const m = (v: number) => money(v);
  const f2 = (v: number) => v.toFixed(2);
  return (
    <section className="card clv-panel" data-testid="customer-clv">
      <div className="card-header">
        <h2>{t('ui.card.heading')}</h2>
        <a href="#/e/clv" className="small">
          {t('ui.card.run', { id: run.id, model: t(`model.${run.model}`), asOf: run.asOf })}
        </a>
      </div>
      {run.verdict !== 'suits' && (
        <p className={`clv-status warn small`}>
          {t('verdict.heading')} {t(`verdict.${run.verdict}`)}
        </p>
      )}
      {countFitUnidentified(run.status) ? (
        <p className="muted small" data-testid="customer-clv-withheld">
          {t('verdict.withheld', { status: run.status })}
        </p>
      ) : row === null ? (
        <p className="muted small">{t('ui.card.none')}</p>
      ) : (
        <div className="kpi-grid">
          <div className="kpi">
            <div className="kpi-label">{t('customers.pAlive')}</div>
            <div className="kpi-value" data-testid="customer-clv-alive">
              {pct(row.pAlive)}
            </div>
            <div className="muted small">{range(row.pAliveLow, row.pAliveHigh, (v) => pct(v))}</div>
          </div>
          <div className="kpi">
            <div className="kpi-label">
              {t('customers.expectedPurchases')} · {t('ui.card.months', { months: run.params.horizonMonths })}
            </div>
            <div className="kpi-value">{f2(row.expectedPurchases)}</div>
            <div className="muted small">{range(row.expectedPurchasesLow, row.expectedPurchasesHigh, f2)}</div>
          </div>
          <div className="kpi">
            <div className="kpi-label">{t('customers.expectedSpend')}</div>
            <div className="kpi-value">{money(row.expectedSpend)}</div>
            <div className="muted small">{range(row.expectedSpendLow, row.expectedSpendHigh, m)}</div>
          </div>
          <div className="kpi">
            <div className="kpi-label">
              {t('customers.clv')} · {t('ui.card.months', { months: run.params.horizonMonths })}
            </div>
            <div className="kpi-value" data-testid="customer-clv-value">
              {money(row.clv)}
            </div>
            <div className="muted small">{range(row.clvLow, row.clvHigh, m)}</div>
          </div>
        </div>
      )}
      {row !== null && !countFitUnidentified(run.status) && (
        <p className="muted small">
          {t('customers.frequency')}: {row.x} · {t('customers.monetary')}: {money(row.monetary)} · {t('intervals.note')}
        </p>
      )}
    </section>
  );
}
