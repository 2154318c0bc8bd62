import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosticCustomerTable } from '../../../../shared/analytics';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import { metricTitle, segmentLabel, type Fmt } from './labels';

interface Props {
  table: DiagnosticCustomerTable;
  /** Keys of the drilled customers, or null for everyone. */
  drillKeys: ReadonlySet<string> | null;
  drillLabel: string | null;
  onClearDrill(): void;
  fmt: Fmt;
}

type SortKey = 'customerKey' | 'name' | 'industry' | 'region' | 'owner' | 'tier' | 'stage' | 'segment' | 'valueGroup' | 'rfm' | 'lastPurchase' | 'frequency' | 'monetary' | 'revenue12m' | 'mrr';

const TIER_ORDER: Record<string, number> = { strategic: 0, core: 1, potential: 2, ordinary: 3 };
const STAGE_ORDER: Record<string, number> = { new: 0, growing: 1, mature: 2, atRisk: 3, churned: 4 };

/** Every customer of the run in a virtual table: sort by any column, search, and narrow to a drill. */
export function CustomerTable({ table, drillKeys, drillLabel, onClearDrill, fmt }: Props) {
  const { t } = useTranslation('analytics');
  const [sort, setSort] = useState<{ column: SortKey; descending: boolean }>({ column: 'revenue12m', descending: true });
  const [search, setSearch] = useState('');
  const d = table.dict;
  const text = (code: number | undefined) => (code === undefined || code < 0 ? null : (d[code] ?? null));

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const out: number[] = [];
    for (let i = 0; i < table.count; i += 1) {
      if (drillKeys && !drillKeys.has(table.customerKey[i] as string)) continue;
      if (q && !(table.customerKey[i] as string).toLowerCase().includes(q) && !(table.name[i] ?? '').toLowerCase().includes(q)) continue;
      out.push(i);
    }
    const num = (arr: readonly (number | null)[]) => (i: number) => arr[i] ?? null;
    const str = (arr: readonly number[]) => (i: number) => text(arr[i]);
    const key: (i: number) => number | string | null = (() => {
      switch (sort.column) {
        case 'customerKey': return (i: number) => table.customerKey[i] ?? null;
        case 'name': return (i: number) => table.name[i] ?? null;
        case 'industry': return str(table.industry);
        case 'region': return str(table.region);
        case 'owner': return str(table.owner);
        case 'tier': return (i: number) => { const v = text(table.tier[i]); return v === null ? null : (TIER_ORDER[v] ?? 9); };
        case 'stage': return (i: number) => { const v = text(table.stage[i]); return v === null ? null : (STAGE_ORDER[v] ?? 9); };
        case 'segment': return str(table.segment);
        case 'valueGroup': return str(table.valueGroup);
        case 'rfm': return (i: number) => (table.r[i] === null ? null : (table.r[i] ?? 0) * 100 + (table.f[i] ?? 0) * 10 + (table.m[i] ?? 0));
        case 'lastPurchase': return str(table.lastPurchase);
        case 'frequency': return num(table.frequency);
        case 'monetary': return num(table.monetary);
        case 'revenue12m': return num(table.revenue12m);
        case 'mrr': return num(table.mrr);
      }
    })();
    const dir = sort.descending ? -1 : 1;
    const keys = new Map<number, number | string | null>();
    for (const i of out) keys.set(i, key(i));
    out.sort((a, b) => {
      const x = keys.get(a) ?? null;
      const y = keys.get(b) ?? null;
      if (x === y) return a - b;
      if (x === null) return 1; // no figure sorts last either way
      if (y === null) return -1;
      return (x < y ? -1 : 1) * dir;
    });
    return Int32Array.from(out);
  }, [table, drillKeys, search, sort]);

  const columns: VirtualColumn[] = [
    { id: 'customerKey', header: t('ui.table.col.customerKey'), width: 96, sortable: true, cell: (i) => <span className="mono">{table.customerKey[i]}</span> },
    { id: 'name', header: t('ui.table.col.name'), width: 200, sortable: true, cell: (i) => <span className="ellipsis" title={table.name[i] ?? ''}>{table.name[i] ?? '—'}</span> },
    { id: 'industry', header: t('ui.table.col.industry'), width: 100, sortable: true, cell: (i) => text(table.industry[i]) ?? '—' },
    { id: 'region', header: t('ui.table.col.region'), width: 64, sortable: true, cell: (i) => text(table.region[i]) ?? '—' },
    { id: 'owner', header: t('ui.table.col.owner'), width: 80, sortable: true, cell: (i) => text(table.owner[i]) ?? '—' },
    { id: 'tier', header: t('ui.table.col.tier'), width: 76, sortable: true, cell: (i) => { const v = text(table.tier[i]); return v ? <span className={`pill tier-${v}`}>{t(`tiers.names.${v}`)}</span> : '—'; } },
    { id: 'stage', header: t('ui.table.col.stage'), width: 80, sortable: true, cell: (i) => { const v = text(table.stage[i]); return v ? <span className={`pill stage-${v}`}>{t(`lifecycle.stages.${v}`)}</span> : '—'; } },
    { id: 'valueGroup', header: t('ui.table.col.valueGroup'), width: 150, sortable: true, cell: (i) => { const v = text(table.valueGroup[i]); return v ? segmentLabel(t, v) : '—'; } },
    { id: 'segment', header: t('ui.table.col.segment'), width: 130, sortable: true, cell: (i) => { const v = text(table.segment[i]); return v ? segmentLabel(t, v) : '—'; } },
    { id: 'rfm', header: t('ui.table.col.rfm'), width: 72, align: 'right', sortable: true, title: metricTitle(t, 'rfmScore'), cell: (i) => (table.r[i] === null ? '—' : `${table.r[i]}·${table.f[i]}·${table.m[i]}`) },
    { id: 'lastPurchase', header: t('ui.table.col.lastPurchase'), width: 96, sortable: true, title: metricTitle(t, 'recency'), cell: (i) => text(table.lastPurchase[i]) ?? '—' },
    { id: 'frequency', header: t('ui.table.col.frequency'), width: 72, align: 'right', sortable: true, title: metricTitle(t, 'frequency'), cell: (i) => fmt.int(table.frequency[i]) },
    { id: 'monetary', header: t('ui.table.col.monetary'), width: 112, align: 'right', sortable: true, title: metricTitle(t, 'monetary'), cell: (i) => fmt.money(table.monetary[i]) },
    { id: 'revenue12m', header: t('ui.table.col.revenue12m'), width: 112, align: 'right', sortable: true, title: metricTitle(t, 'revenue12m'), cell: (i) => fmt.money(table.revenue12m[i]) },
    { id: 'mrr', header: t('ui.table.col.mrr'), width: 92, align: 'right', sortable: true, title: metricTitle(t, 'mrrAtAsOf'), cell: (i) => (table.mrr[i] ? fmt.money(table.mrr[i]) : '—') },
  ];

  return (
    <div className="card" data-testid="diag-customers">
      <div className="card-header">
        <h2>{t('ui.table.title')}</h2>
        <div className="toggle-row">
          {drillLabel ? (
            <span className="drill-chip" data-testid="diag-drill-chip">
              {t('ui.table.filter', { label: drillLabel })}
              <button type="button" onClick={onClearDrill} aria-label={t('ui.table.clear')} title={t('ui.table.clear')} data-testid="diag-drill-clear">✕</button>
            </span>
          ) : null}
          <input className="table-search" type="search" placeholder={t('ui.table.search')} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="diag-search" />
        </div>
      </div>
      <p className="muted small" data-testid="diag-table-count">{t('ui.table.showing', { shown: fmt.int(rows.length), total: fmt.int(table.count) })}</p>
      <VirtualTable
        columns={columns}
        rows={rows}
        sort={sort}
        onSort={(c) => setSort((s) => ({ column: c as SortKey, descending: s.column === c ? !s.descending : c !== 'customerKey' && c !== 'name' }))}
        empty={t('ui.table.empty')}
        testId="diag-customer-table"
      />
    </div>
  );
}
