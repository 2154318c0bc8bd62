import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosticCustomerRow, DrillTarget } from '../../../../shared/analytics';
import type { CustomerSort } from '../../../../shared/contract/diagnostics';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import { metricTitle, segmentLabel, type Fmt } from './labels';
import { useCustomerPages } from './useCustomerPages';
import { useChurnLookup } from '../churn/useChurnLookup';
import { ChurnCell } from '../churn/ChurnCell';
import { useClvLookup } from '../clv/useClvLookup';
import { ClvAliveCell, ClvValueCell } from '../clv/ClvCells';
import { ExportTableButton } from '../../components/ExportTableButton';
import { useCustomerCard } from '../../app/customer-card';
import { ColumnChooser } from '../../components/ColumnChooser';

import { DEFAULT_CUSTOMER_TABLE_STATE, type CustomerTableState } from '../../../../shared/views/diagnostics-view';
export { DEFAULT_CUSTOMER_TABLE_STATE, type CustomerTableState };

interface Props {
  runId: number;
  /** Customers in the run (the denominator of "showing n / N"). */
  customers: number;
  /** The drilled figure, or null for everyone. */
  target: DrillTarget | null;
  drillLabel: string | null;
  onClearDrill(): void;
  fmt: Fmt;
  /** Where the table starts (a reopened saved view); later changes are reported through onState. */
  initial?: CustomerTableState;
  onState?(state: CustomerTableState): void;
}

/** Typing pauses this long before the search goes to the engine. */
const SEARCH_SETTLE_MS = 250;

/**
 * The table's sortable columns and the engine sort behind each: 'last purchase' is the recency sort
 * turned round (the most recent purchase is the fewest days ago). The categorical columns (tier,
 * segment, region, ...) are filters through the charts' drill-down, not sorts: each engine sort is an
 * index on every stored run.
 */
const SORT_OF: Record<string, { sort: CustomerSort; flip: boolean }> = {
  customerKey: { sort: 'customerKey', flip: false },
  name: { sort: 'name', flip: false },
  lastPurchase: { sort: 'recencyDays', flip: true },
  frequency: { sort: 'frequency', flip: false },
  monetary: { sort: 'monetary', flip: false },
  revenue12m: { sort: 'revenue12m', flip: false },
  mrr: { sort: 'mrr', flip: false },
};

/** The customers of a run in a virtual table, paged by the engine: sort, search and narrow to a drill. */
export function CustomerTable({ runId, customers, target, drillLabel, onClearDrill, fmt, initial = DEFAULT_CUSTOMER_TABLE_STATE, onState }: Props) {
  const { t, i18n } = useTranslation('analytics');
  const card = useCustomerCard();
  const [sort, setSort] = useState<{ column: string; descending: boolean }>(initial.sort);
  const [typed, setTyped] = useState(initial.search);
  const [search, setSearch] = useState(initial.search.trim());
  const [hidden, setHidden] = useState<string[]>(initial.hidden);
  useEffect(() => {
    const id = setTimeout(() => setSearch(typed.trim()), SEARCH_SETTLE_MS);
    return () => clearTimeout(id);
  }, [typed]);
  const report = useRef(onState);
  report.current = onState;
  useEffect(() => report.current?.({ sort, search, hidden }), [sort, search, hidden]);
  const engineSort = SORT_OF[sort.column] ?? { sort: 'revenue12m', flip: false };
  const pages = useCustomerPages({ runId, target, search, sort: engineSort.sort, descending: sort.descending !== engineSort.flip });

  const base: VirtualColumn<DiagnosticCustomerRow>[] = [
    { id: 'customerKey', header: t('ui.table.col.customerKey'), width: 96, cell: (r) => <span className="mono">{r.customerKey}</span> },
    {
      id: 'name',
      header: t('ui.table.col.name'),
      width: 200,
      cell: (r) => (
        <span className="ellipsis" title={r.name ?? ''}>
          {r.name ?? '—'}
        </span>
      ),
    },
    { id: 'industry', header: t('ui.table.col.industry'), width: 100, cell: (r) => r.industry ?? '—' },
    { id: 'region', header: t('ui.table.col.region'), width: 64, cell: (r) => r.region ?? '—' },
    { id: 'owner', header: t('ui.table.col.owner'), width: 80, cell: (r) => r.owner ?? '—' },
    {
      id: 'tier',
      header: t('ui.table.col.tier'),
      width: 76,
      cell: (r) => (r.tier ? <span className={`pill tier-${r.tier}`}>{t(`tiers.names.${r.tier}`)}</span> : '—'),
    },
    {
      id: 'stage',
      header: t('ui.table.col.stage'),
      width: 80,
      cell: (r) => (r.stage ? <span className={`pill stage-${r.stage}`}>{t(`lifecycle.stages.${r.stage}`)}</span> : '—'),
    },
    { id: 'valueGroup', header: t('ui.table.col.valueGroup'), width: 150, cell: (r) => (r.valueGroup ? segmentLabel(t, r.valueGroup) : '—') },
    { id: 'segment', header: t('ui.table.col.segment'), width: 130, cell: (r) => (r.segment ? segmentLabel(t, r.segment) : '—') },
    {
      id: 'rfm',
      header: t('ui.table.col.rfm'),
      width: 72,
      align: 'right',
      title: metricTitle(t, 'rfmScore'),
      cell: (r) => (r.r === null ? '—' : `${r.r}·${r.f}·${r.m}`),
    },
    { id: 'lastPurchase', header: t('ui.table.col.lastPurchase'), width: 96, title: metricTitle(t, 'recency'), cell: (r) => r.lastPurchase ?? '—' },
    { id: 'frequency', header: t('ui.table.col.frequency'), width: 72, align: 'right', title: metricTitle(t, 'frequency'), cell: (r) => fmt.int(r.frequency) },
    { id: 'monetary', header: t('ui.table.col.monetary'), width: 112, align: 'right', title: metricTitle(t, 'monetary'), cell: (r) => fmt.money(r.monetary) },
    {
      id: 'revenue12m',
      header: t('ui.table.col.revenue12m'),
      width: 112,
      align: 'right',
      title: metricTitle(t, 'revenue12m'),
      cell: (r) => fmt.money(r.revenue12m),
    },
    { id: 'mrr', header: t('ui.table.col.mrr'), width: 92, align: 'right', title: metricTitle(t, 'mrrAtAsOf'), cell: (r) => (r.mrr ? fmt.money(r.mrr) : '—') },
  ];
  const churn = useChurnLookup();
  if (churn)
    base.push({ id: 'churn', header: t('churn:ui.tableColumn'), width: 96, align: 'right', cell: (r) => <ChurnCell score={churn.get(r.customerKey)} /> });
  const clv = useClvLookup();
  if (clv) {
    base.push(
      { id: 'clvAlive', header: t('clv:customers.pAlive'), width: 88, align: 'right', cell: (r) => <ClvAliveCell row={clv.get(r.customerKey)} /> },
      {
        id: 'clv',
        header: t('clv:customers.clv'),
        width: 112,
        align: 'right',
        cell: (r) => <ClvValueCell row={clv.get(r.customerKey)} locale={i18n.language} />,
      },
    );
  }
  const all = base.map((c) => ({ ...c, sortable: c.id in SORT_OF }));
  const columns = all.filter((c) => !hidden.includes(c.id));
  const engineSortArgs = { sort: engineSort.sort, descending: sort.descending !== engineSort.flip };

  return (
    <div className="card" data-testid="diag-customers">
      <div className="card-header">
        <h2>{t('ui.table.title')}</h2>
        <div className="toggle-row">
          {drillLabel ? (
            <span className="drill-chip" data-testid="diag-drill-chip">
              {t('ui.table.filter', { label: drillLabel })}
              <button type="button" onClick={onClearDrill} aria-label={t('ui.table.clear')} title={t('ui.table.clear')} data-testid="diag-drill-clear">
                ✕
              </button>
            </span>
          ) : null}
          <input
            className="table-search"
            type="search"
            placeholder={t('ui.table.search')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            data-testid="diag-search"
          />
          <ColumnChooser columns={all.map((c) => ({ id: c.id, label: String(c.header) }))} hidden={hidden} onChange={setHidden} testId="diag-columns" />
          <ExportTableButton
            table="diagnostics.customers"
            filters={{ runId, ...(target ? { target } : {}), ...(search ? { search } : {}), ...engineSortArgs }}
            columns={columns.map((c) => c.id)}
            fileName={t('ui.table.title')}
            testId="diag-export"
          />
        </div>
      </div>
      <p className="muted small" data-testid="diag-table-count">
        {pages.total === null ? t('ui.loading') : t('ui.table.showing', { shown: fmt.int(pages.total), total: fmt.int(customers) })}
      </p>
      <VirtualTable
        columns={columns}
        count={pages.total ?? 0}
        rowAt={pages.rowAt}
        onRange={pages.onRange}
        sort={sort}
        onSort={(c) => setSort((s) => ({ column: c, descending: s.column === c ? !s.descending : c !== 'customerKey' && c !== 'name' }))}
        empty={pages.total === null ? null : t('ui.table.empty')}
        onRowClick={(r) => card.open(r.customerKey)}
        testId="diag-customer-table"
      />
    </div>
  );
}
