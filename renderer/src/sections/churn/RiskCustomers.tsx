import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonText } from '../../../../shared/churn/labels';
import type { ChurnRun, ChurnScoreRow, ChurnScoreSort } from '../../../../shared/churn/types';
import { useWorkbench } from '../../app/context';
import { useMoney } from '../../app/money';
import { pct, useNamespacedT } from './format';
import { CustomerLink } from '../../app/CustomerLink';

const PAGE = 25;

/** The run's customers, riskiest by revenue at stake first, paged through churn.scores, each with its top reasons. */
export function RiskCustomers({ run }: { run: ChurnRun }) {
  const { t } = useTranslation('churn');
  const { t: nt, locale } = useNamespacedT();
  const wb = useWorkbench();
  const [sort, setSort] = useState<ChurnScoreSort>('revenueAtStake');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; rows: ChurnScoreRow[] }>({ total: 0, rows: [] });

  useEffect(() => {
    let live = true;
    wb.api['churn.scores']({ runId: run.id, sort, descending: true, offset, limit: PAGE, ...(search ? { search } : {}) })
      .then((p) => live && setPage(p))
      .catch(wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, run.id, sort, search, offset]);

  const money = useMoney();
  return (
    <section className="card" data-testid="churn-customers">
      <div className="card-header">
        <h2>{t('scores.heading')}</h2>
        <div className="churn-table-tools">
          <input
            type="search"
            placeholder={t('ui.scores.search')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setOffset(0);
            }}
          />
          <label className="inline-field">
            <span>{t('ui.scores.sortBy')}</span>
            <select
              value={sort}
              onChange={(e) => {
                setSort(e.target.value as ChurnScoreSort);
                setOffset(0);
              }}
              data-testid="churn-sort"
            >
              <option value="revenueAtStake">{t('scores.revenueAtStake')}</option>
              <option value="probability">{t('scores.probability')}</option>
            </select>
          </label>
        </div>
      </div>
      <p className="muted small">{t('ui.scores.note', { asOf: run.scoredAsOf })}</p>
      <table className="table compact">
        <thead>
          <tr>
            <th className="num">{t('scores.rank')}</th>
            <th />
            <th className="num">{t('scores.probability')}</th>
            <th className="num">{t('scores.revenue12m')}</th>
            <th className="num">{t('scores.revenueAtStake')}</th>
            <th>{t('scores.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((r) => (
            <tr key={r.customerKey} data-testid="churn-customer-row">
              <td className="num">{r.rank}</td>
              <td>
                <CustomerLink customerKey={r.customerKey} title={t('ui.scores.open')}>
                  {r.name ?? r.customerKey}
                </CustomerLink>
                <div className="muted small">
                  {r.customerKey}
                  {r.owner ? ` · ${r.owner}` : ''}
                </div>
              </td>
              <td className="num">{pct(r.probability)}</td>
              <td className="num">{money(r.revenue12m)}</td>
              <td className="num">{money(r.revenueAtStake)}</td>
              <td className="small">{r.reasons.map((x) => reasonText(x, nt, locale)).join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="churn-pager">
        <span className="muted small">
          {t('ui.scores.page', { from: page.total ? offset + 1 : 0, to: Math.min(offset + PAGE, page.total), total: page.total })}
        </span>
        <button className="btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          {t('ui.scores.prev')}
        </button>
        <button className="btn" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)} data-testid="churn-next">
          {t('ui.scores.next')}
        </button>
      </div>
    </section>
  );
}
