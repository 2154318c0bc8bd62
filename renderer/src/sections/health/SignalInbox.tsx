import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignalRow } from '../../../../shared/contract/health';
import type { ResultOf } from '../../../../shared/contract';
import type { BulkResult, CustomerSignalGroup, TriageSignalRow } from '../../../../shared/contract/triage';
import { SIGNAL_SORTS, SIGNAL_VIEWS, type SignalSort, type SignalView } from '../../../../shared/health/triage';
import type { SignalRule } from '../../../../shared/health/signal-rules';
import type { ActionTemplateId } from '../../../../shared/health/vocabulary';
import { DEFAULT_PLAYBOOK } from '../../../../shared/health/playbook';
import { useWorkbench } from '../../app/context';
import { BandBadge, SeverityBadge } from './BandBadge';
import { TriageBasis, TriageFilters, facetLabel, type TriageFilter } from './triage/TriageFilters';
import { useMoney } from '../../app/money';
import { BulkBar, UndoToast, doneMessage, type BulkInput, type BulkOp } from './triage/BulkBar';
import { ExportTableButton } from '../../components/ExportTableButton';
import { useSavedView } from '../../app/saved-views';
import { readInboxView } from './view-state';
import './triage/triage.css';

interface Props {
  version: number;
  onChanged(): void;
  onOpenCustomer(key: string): void;
}

const PAGE = 100;
const SEVERITY_ORDER = ['heavy', 'medium', 'light'];
type Page = ResultOf<'signals.triage'>;

/**
 * The signal inbox: the engine filters, sorts, groups and pages (signals.triage), and counts each
 * filter's values; the page only shows what it was sent. A selection (or "all N matching") takes a
 * bulk step; the toast after it can undo it.
 */
export function SignalInbox({ version, onChanged, onOpenCustomer }: Props) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const [view, setView] = useState<SignalView>('open');
  const [filter, setFilter] = useState<TriageFilter>({});
  const [sort, setSort] = useState<SignalSort>('severity');
  const [groupBy, setGroupBy] = useState<'signal' | 'customer'>('signal');
  const [page, setPage] = useState<Page | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [toast, setToast] = useState<{ step: BulkResult; message: string } | null>(null);
  const [tick, setTick] = useState(0);
  const [rules, setRules] = useState<SignalRule[]>([]);
  useEffect(() => {
    wb.api['health.rules']({}).then(setRules, wb.reportError);
  }, [wb.api, wb.reportError]);

  const query = useMemo(() => ({ ...filter, view, sort, groupBy }), [filter, view, sort, groupBy]);
  // Saved views: the inbox's filters, sort and grouping (the health section reopens the signals tab).
  useSavedView(
    'health',
    () => ({ tab: 'signals', inbox: { view, filter, sort, groupBy } }),
    (saved) => {
      const v = readInboxView(saved);
      if (!v) return;
      setView(v.view);
      setFilter(v.filter);
      setSort(v.sort);
      setGroupBy(v.groupBy);
    },
  );
  useEffect(() => {
    let live = true;
    wb.api['signals.triage']({ ...query, limit: PAGE, offset: 0 }).then((p) => {
      if (!live) return;
      setPage(p);
      setSelected(new Set());
      setAllMatching(false);
    }, wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, query, version, tick]);

  const more = async () => {
    if (!page) return;
    const offset = groupBy === 'customer' ? page.groups.length : page.items.length;
    try {
      const next = await wb.api['signals.triage']({ ...query, limit: PAGE, offset, facets: false });
      setPage({ ...page, items: [...page.items, ...next.items], groups: [...page.groups, ...next.groups] });
    } catch (err) {
      wb.reportError(err);
    }
  };

  const changeFilter = useCallback((next: TriageFilter) => setFilter(next), []);
  const rows: TriageSignalRow[] = page ? (groupBy === 'customer' ? page.groups.flatMap((g) => g.signals) : page.items) : [];
  const shown = groupBy === 'customer' ? (page?.groups.length ?? 0) : (page?.items.length ?? 0);
  const toggle = (ids: number[], on: boolean) =>
    setSelected((cur) => {
      const next = new Set(cur);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      setAllMatching(false);
      return next;
    });
  const pageIds = rows.map((r) => r.id);
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));

  const run = async (op: BulkOp, input: BulkInput) => {
    if (!page) return;
    const target = allMatching ? { filter: { ...filter, view }, expected: page.signals } : { ids: [...selected] };
    const r = await wb.api['signals.bulk']({ op, target, ...input });
    setToast({ step: r, message: doneMessage(t, op, r, input) });
    setTick((x) => x + 1);
    onChanged();
  };
  const bulkOps: BulkOp[] = view === 'open' || view === 'snoozed' ? ['assign', 'snooze', 'dismiss', 'close'] : [];

  return (
    <div className="section-stack" data-testid="signal-inbox">
      <div className="card triage-head">
        <div className="triage-row">
          <div className="seg" role="tablist">
            {SIGNAL_VIEWS.map((v) => (
              <button
                key={v}
                role="tab"
                aria-selected={view === v}
                className={`chip ${view === v ? 'active' : ''}`}
                data-testid={`signals-status-${v}`}
                onClick={() => setView(v)}
              >
                {t(`triage:views.${v}`)}
              </button>
            ))}
          </div>
          <label className="inline-field">
            <span>{t('triage:group.label')}</span>
            <select value={groupBy} data-testid="signals-group" onChange={(e) => setGroupBy(e.target.value as 'signal' | 'customer')}>
              <option value="signal">{t('triage:group.signal')}</option>
              <option value="customer">{t('triage:group.customer')}</option>
            </select>
          </label>
          <label className="inline-field">
            <span>{t('triage:sort.label')}</span>
            <select value={sort} data-testid="signals-sort" onChange={(e) => setSort(e.target.value as SignalSort)}>
              {SIGNAL_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`triage:sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <span className="triage-export">
            <ExportTableButton table="health.signals" filters={{ ...filter, view, sort }} fileName="signals" testId="signals-export" />
          </span>
        </div>
        <TriageFilters kind="signal" filter={filter} facets={page?.facets ?? null} onChange={changeFilter} />
        {page && (
          <div className="triage-row">
            <span className="triage-count" data-testid="signals-matching">
              {groupBy === 'customer'
                ? t('triage:list.matchingCustomers', { customers: page.total, count: page.signals })
                : t('triage:list.matching', { count: page.signals })}
            </span>
            <span className="sev-counts">
              {[...(page.facets?.severity ?? [])]
                .sort((x, y) => SEVERITY_ORDER.indexOf(x.value ?? '') - SEVERITY_ORDER.indexOf(y.value ?? ''))
                .map((f) => (
                  <span key={f.value ?? '-'} className="sev-count" data-testid={`signals-count-${f.value}`}>
                    {facetLabel(t, 'severity', f.value, 'signal')} <strong>{f.count.toLocaleString()}</strong>
                  </span>
                ))}
            </span>
          </div>
        )}
        <BulkBar
          kind="signal"
          selected={selected.size}
          allMatching={allMatching}
          matching={page?.signals ?? 0}
          pageCount={rows.length}
          ops={bulkOps}
          onSelectAll={() => setAllMatching(true)}
          onClear={() => {
            setSelected(new Set());
            setAllMatching(false);
          }}
          onRun={run}
        />
      </div>
      {page === null ? (
        <div className="card">
          <p className="muted">{t('health:ui.loading')}</p>
        </div>
      ) : shown === 0 ? (
        <div className="card">
          <p className="muted" data-testid="signals-empty">
            {t('triage:list.none')}
          </p>
        </div>
      ) : (
        <div className="card triage-table-card">
          <table className="table triage-table" data-testid="signals-table">
            <thead>
              <tr>
                <th className="sel">
                  {bulkOps.length > 0 && (
                    <input
                      type="checkbox"
                      aria-label={t('triage:bulk.selectPage')}
                      data-testid="signals-select-page"
                      checked={allOnPage}
                      onChange={(e) => toggle(pageIds, e.target.checked)}
                    />
                  )}
                </th>
                <th>{t('triage:columns.customer')}</th>
                <th>{groupBy === 'customer' ? t('triage:columns.signals') : t('triage:columns.rule')}</th>
                <th>{t('triage:columns.owner')}</th>
                <th>{t('triage:columns.tier')}</th>
                <th>{t('triage:columns.band')}</th>
                <th>{t('triage:columns.churnRisk')}</th>
                <th className="num">{t('triage:columns.stake')}</th>
                {groupBy === 'signal' && <th>{t('triage:columns.since')}</th>}
              </tr>
            </thead>
            <tbody>
              {groupBy === 'customer'
                ? page.groups.map((g) => (
                    <GroupRow
                      key={g.customerKey}
                      g={g}
                      selected={selected}
                      allMatching={allMatching}
                      selectable={bulkOps.length > 0}
                      onToggle={toggle}
                      onOpenCustomer={onOpenCustomer}
                    />
                  ))
                : page.items.map((s) => (
                    <SignalRowView
                      key={s.id}
                      s={s}
                      checked={allMatching || selected.has(s.id)}
                      selectable={bulkOps.length > 0}
                      onToggle={(on) => toggle([s.id], on)}
                      onOpenCustomer={onOpenCustomer}
                      onReopen={() =>
                        wb.api['signals.reopen']({ id: s.id }).then(() => {
                          setTick((x) => x + 1);
                          onChanged();
                        }, wb.reportError)
                      }
                      onOpenAction={() =>
                        wb.api['actions.create']({ customerKey: s.customerKey, signalId: s.id, templateId: templateFor(rules, s) }).then(() => {
                          setTick((x) => x + 1);
                          onChanged();
                        }, wb.reportError)
                      }
                    />
                  ))}
            </tbody>
          </table>
          {page.total > shown && (
            <button className="btn btn-ghost more" data-testid="signals-more" onClick={() => void more()}>
              {t('triage:list.more', { count: Math.min(PAGE, page.total - shown) })}
            </button>
          )}
          <TriageBasis context={page.context} />
        </div>
      )}
      {toast && (
        <UndoToast
          step={toast.step}
          message={toast.message}
          onClose={() => setToast(null)}
          onUndone={(text) => {
            setToast({ step: { ...toast.step, stepId: null, skipped: 0 }, message: text });
            setTick((x) => x + 1);
            onChanged();
          }}
        />
      )}
    </div>
  );
}

/** The action the playbook gives a signal: its rule's own, else its severity's (the default playbook). */
function templateFor(rules: SignalRule[], s: TriageSignalRow): ActionTemplateId {
  return rules.find((r) => r.id === s.ruleId)?.action ?? DEFAULT_PLAYBOOK.bySeverity[s.severity];
}

function CustomerCells({ r }: { r: TriageSignalRow | CustomerSignalGroup }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <>
      <td className="nowrap">{r.tier ? facetLabel(t, 'tier', r.tier, 'signal') : <span className="muted">–</span>}</td>
      <td className="nowrap">
        <BandBadge band={r.band} />
      </td>
      <td className={`nowrap risk-${r.churnRisk}`}>
        {t(`triage:churnRisk.${r.churnRisk}`)}
        {r.churnProbability !== null ? <span className="muted small"> {(r.churnProbability * 100).toFixed(0)}%</span> : null}
      </td>
      <td className="num nowrap">{money(r.revenueAtStake)}</td>
    </>
  );
}

function SignalRowView({
  s,
  checked,
  selectable,
  onToggle,
  onOpenCustomer,
  onReopen,
  onOpenAction,
}: {
  s: TriageSignalRow;
  checked: boolean;
  selectable: boolean;
  onToggle(on: boolean): void;
  onOpenCustomer(key: string): void;
  onReopen(): void;
  /** Opens the playbook's action for a signal the policy left in the inbox. */
  onOpenAction(): void;
}) {
  const { t } = useTranslation();
  return (
    <tr data-testid="signal-row" data-signal-id={s.id} className={checked ? 'selected' : ''}>
      <td className="sel">
        {selectable && <input type="checkbox" checked={checked} aria-label={s.customerName} onChange={(e) => onToggle(e.target.checked)} />}
      </td>
      <td>
        <button className="link cust-name" onClick={() => onOpenCustomer(s.customerKey)}>
          {s.customerName}
        </button>
        <div className="muted small mono">{s.customerKey}</div>
      </td>
      <td>
        <SeverityBadge severity={s.severity} /> <span className="signal-rule">{t(`health:signals.${s.ruleId}.name`)}</span>
        <div className="small signal-evidence">{t(`health:${s.evidence.messageKey}`, s.evidence.params)}</div>
        <div className="muted small">
          {s.actionId ? t('triage:list.actionOpened') : t('triage:list.noAction')}
          {s.snoozedUntil ? ` · ${t('triage:list.snoozedUntil', { date: s.snoozedUntil })}` : ''}
          {s.status === 'dismissed'
            ? ` · ${s.dismissedReasonCode ? t(`triage:reasons.${s.dismissedReasonCode}`) : ''}${s.dismissedReason ? ` ${s.dismissedReason}` : ''}`
            : ''}
          {s.status === 'dismissed' && (
            <button className="btn btn-small btn-ghost" onClick={onReopen}>
              {t('health:ui.signals.reopen')}
            </button>
          )}
          {s.status === 'open' && !s.actionId && (
            <button className="btn btn-small btn-ghost" data-testid="signal-open-action" onClick={onOpenAction}>
              {t('triage:list.openAction')}
            </button>
          )}
        </div>
      </td>
      <td className="nowrap">{s.owner ?? <span className="muted">{t('triage:filters.notSet')}</span>}</td>
      <CustomerCells r={s} />
      <td className="nowrap small">{s.triggeredOn ?? s.asOf}</td>
    </tr>
  );
}

function GroupRow({
  g,
  selected,
  allMatching,
  selectable,
  onToggle,
  onOpenCustomer,
}: {
  g: CustomerSignalGroup;
  selected: Set<number>;
  allMatching: boolean;
  selectable: boolean;
  onToggle(ids: number[], on: boolean): void;
  onOpenCustomer(key: string): void;
}) {
  const { t } = useTranslation();
  const ids = g.signals.map((s) => s.id);
  const checked = allMatching || ids.every((id) => selected.has(id));
  return (
    <tr data-testid="signal-group" className={checked ? 'selected' : ''}>
      <td className="sel">
        {selectable && <input type="checkbox" checked={checked} aria-label={g.customerName} onChange={(e) => onToggle(ids, e.target.checked)} />}
      </td>
      <td>
        <button className="link cust-name" onClick={() => onOpenCustomer(g.customerKey)}>
          {g.customerName}
        </button>
        <div className="muted small mono">{g.customerKey}</div>
      </td>
      <td>
        <div className="muted small">{t('triage:list.signalsOf', { count: g.signals.length })}</div>
        <ul className="group-signals">
          {g.signals.map((s) => (
            <li key={s.id}>
              <SeverityBadge severity={s.severity} /> {t(`health:signals.${s.ruleId}.name`)}
            </li>
          ))}
        </ul>
      </td>
      <td className="nowrap">{g.signals[0]?.owner ?? <span className="muted">{t('triage:filters.notSet')}</span>}</td>
      <CustomerCells r={g} />
    </tr>
  );
}

/** One signal as a card (the customer card lists a customer's signals this way). */
export function SignalCard({
  s,
  onOpenCustomer,
  onDismiss,
  onReopen,
}: {
  s: SignalRow;
  onOpenCustomer?(key: string): void;
  onDismiss?(): void;
  onReopen?(): void;
}) {
  const { t } = useTranslation('health');
  return (
    <article className={`signal-card sev-border-${s.severity}`} data-testid="signal-card">
      <div className="signal-head">
        <button className="link cust-name" onClick={() => onOpenCustomer?.(s.customerKey)}>
          {s.customerName}
        </button>
        <span className="muted small">{s.triggeredOn ? t('ui.signals.since', { date: s.triggeredOn }) : t('ui.signals.asOf', { date: s.asOf })}</span>
      </div>
      <div className="signal-rule">{t(`signals.${s.ruleId}.name`)}</div>
      <p className="signal-evidence">{t(s.evidence.messageKey, s.evidence.params)}</p>
      <p className="signal-response small">
        <span className="muted">{t('ui.signals.response')}</span> {t(`signals.${s.ruleId}.response`)}
      </p>
      {s.status === 'dismissed' && s.dismissedReason && (
        <p className="small dismissed-note">{t('ui.signals.dismissedBecause', { reason: s.dismissedReason })}</p>
      )}
      <div className="signal-foot">
        <span className="muted small">
          {s.owner ?? ''}
          {s.actionId ? ` · ${t('ui.signals.actionOpened')}` : ''}
        </span>
        {s.status === 'open' && onDismiss && (
          <button className="btn btn-small" data-testid="signal-dismiss" onClick={onDismiss}>
            {t('ui.signals.dismiss')}
          </button>
        )}
        {s.status === 'dismissed' && onReopen && (
          <button className="btn btn-small" onClick={onReopen}>
            {t('ui.signals.reopen')}
          </button>
        )}
      </div>
    </article>
  );
}
