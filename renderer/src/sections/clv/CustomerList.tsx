import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClvCustomerRow, ClvCustomerSort, ClvRun } from '../../../../shared/clv/types';
import { useWorkbench } from '../../app/context';
import { pct, range } from './format';
import { useMoney } from '../../app/money';
import { CustomerLink } from '../../app/CustomerLink';

const PAGE = 25;

/** The run's customers, paged and sorted by the engine (clv.customers); a row opens the customer card. */
export function CustomerList({ run }: { run: ClvRun }) {
  const { t } = useTranslation('clv');
  const wb = useWorkbench();
  const money = useMoney();
  const [sort, setSort] = useState<ClvCustomerSort>('clv');
  const [descending, setDescending] = useState(true);
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; rows: ClvCustomerRow[] }>({ total: 0, rows: [] });

  useEffect(() => {
    let live = true;
    wb.api['clv.customers']({ runId: run.id, sort, descending, offset, limit: PAGE, ...(search ? { search } : {}) })
      .then((p) => live && setPage(p))
      .catch(wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, run.id, sort, descending, search, offset]);

  const sortBy = (key: ClvCustomerSort) => {
    if (key === sort) setDescending(!descending);
    else {
      setSort(key);
      setDescending(key !== 'customerKey');
    }
    setOffset(0);
  };
  const header = (key: ClvCustomerSort, label: string, numeric = true) => (
    <th className={`${numeric ? 'num ' : ''}clv-sortable`} aria-sort={sort === key ? (descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="clv-sort" onClick={() => sortBy(key)} data-testid={`clv-sort-${key}`}>
        {label}
        {sort === key ? (descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  const m = (v: number) => money(v);
  const f2 = (v: number) => v.toFixed(2);
  return (
    <section className="card" data-testid="clv-customers">
      <div className="card-header">
        <h2>{t('ui.list.heading')}</h2>
        <input
          type="search"
          placeholder={t('ui.list.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
          data-testid="clv-search"
        />
      </div>
      <p className="muted small">{t('ui.list.note', { asOf: run.asOf, months: run.result.horizonMonths })}</p>
      <table className="table compact clv-table">
        <thead>
          <tr>
            {header('customerKey', t('customers.customer'), false)}
            <th className="num">{t('customers.frequency')}</th>
            {header('pAlive', t('customers.pAlive'))}
            {header('expectedPurchases', t('customers.expectedPurchases'))}
            <th className="num">{t('customers.expectedSpend')}</th>
            {header('clv', t('customers.clv'))}
          </tr>
        </thead>
        <tbody>
          {page.rows.map((r) => (
            <tr key={r.customerId} data-testid="clv-customer-row">
              <td>
                <CustomerLink customerKey={r.customerId} title={t('ui.list.open')}>
                  {r.name ?? r.customerId}
                </CustomerLink>
                <div className="muted small">{r.customerId}</div>
              </td>
              <td className="num">{r.x}</td>
              <td className="num">
                {pct(r.pAlive)}
                <div className="muted small">{range(r.pAliveLow, r.pAliveHigh, (v) => pct(v))}</div>
              </td>
              <td className="num">
                {f2(r.expectedPurchases)}
                <div className="muted small">{range(r.expectedPurchasesLow, r.expectedPurchasesHigh, f2)}</div>
              </td>
              <td className="num">
                {money(r.expectedSpend)}
                <div className="muted small">{range(r.expectedSpendLow, r.expectedSpendHigh, m)}</div>
              </td>
              <td className="num clv-value">
                {money(r.clv)}
                <div className="muted small">{range(r.clvLow, r.clvHigh, m)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="clv-pager">
        <span className="muted small">
          {t('ui.list.page', { from: page.total ? offset + 1 : 0, to: Math.min(offset + PAGE, page.total), total: page.total })}
        </span>
        <button className="btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          {t('ui.list.prev')}
        </button>
        <button className="btn" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)} data-testid="clv-next">
          {t('ui.list.next')}
        </button>
      </div>
    </section>
  );
}
