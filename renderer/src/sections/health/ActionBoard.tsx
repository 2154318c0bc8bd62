import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionRow } from '../../../../shared/contract/health';
import type { BulkResult, TriageActionRow, TriageContext } from '../../../../shared/contract/triage';
import type { ActionStatus } from '../../../../shared/health/playbook';
import { ACTION_SORTS, type ActionSort, type FacetCounts } from '../../../../shared/health/triage';
import { useWorkbench } from '../../app/context';
import { fmtWhen } from './labels';
import { TriageBasis, TriageFilters, type TriageFilter } from './triage/TriageFilters';
import { useMoney } from '../../app/money';
import { BulkBar, UndoToast, doneMessage, type BulkInput, type BulkOp } from './triage/BulkBar';
import { ActionPolicyDialog } from './triage/ActionPolicyDialog';
import { ExportTableButton } from '../../components/ExportTableButton';
import { useSavedView } from '../../app/saved-views';
import { readBoardView } from './view-state';
import './triage/triage.css';

interface Props {
  version: number;
  onChanged(): void;
  onOpenCustomer(key: string): void;
}

type Column = ActionStatus | 'snoozed';
type BoardView = 'board' | 'overdue' | 'snoozed' | 'cancelled';
const BOARD_VIEWS: readonly BoardView[] = ['board', 'overdue', 'snoozed', 'cancelled'];
const VIEWS: BoardView[] = ['board', 'overdue', 'snoozed', 'cancelled'];
const COLUMNS: Record<BoardView, Column[]> = {
  board: ['open', 'inProgress', 'done'],
  overdue: ['open', 'inProgress'],
  snoozed: ['snoozed'],
  cancelled: ['cancelled'],
};
const PAGE = 40;

type ColumnPage = { items: TriageActionRow[]; total: number };

/**
 * The action board: one column per status, each filtered, sorted and paged by the engine
 * (actions.triage), with the counts per filter value for the whole board. A selection within a
 * column (or all N of it) takes a bulk step, which the toast can undo. The policy that decides which
 * signals open actions is set from here.
 */
export function ActionBoard({ version, onChanged, onOpenCustomer }: Props) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const [view, setView] = useState<BoardView>('board');
  const [filter, setFilter] = useState<TriageFilter>({});
  const [sort, setSort] = useState<ActionSort>('due');
  const [columns, setColumns] = useState<Partial<Record<Column, ColumnPage>> | null>(null);
  const [summary, setSummary] = useState<{
    total: number;
    overdue: number;
    overdueAsOf: string | null;
    facets: FacetCounts | null;
    context: TriageContext;
  } | null>(null);
  const [selection, setSelection] = useState<{ column: Column; ids: Set<number>; all: boolean } | null>(null);
  const [toast, setToast] = useState<{ step: BulkResult; message: string } | null>(null);
  const [policyOpen, setPolicyOpen] = useState(false);
  const [tick, setTick] = useState(0);
  // Saved views: the board's view, filters and sort (the health section reopens the actions tab).
  useSavedView(
    'health',
    () => ({ tab: 'actions', board: { view, filter, sort } }),
    (saved) => {
      const v = readBoardView<BoardView>(saved, BOARD_VIEWS, 'board');
      if (!v) return;
      setView(v.view);
      setFilter(v.filter);
      setSort(v.sort);
    },
  );

  const overdueOnly = view === 'overdue';
  const base = useMemo(() => ({ ...filter, sort, overdueOnly }), [filter, sort, overdueOnly]);
  useEffect(() => {
    let live = true;
    const cols = COLUMNS[view];
    Promise.all([
      wb.api['actions.triage']({ ...base, limit: 1 }),
      ...cols.map((status) => wb.api['actions.triage']({ ...base, status, limit: PAGE, facets: false })),
    ]).then(([all, ...pages]) => {
      if (!live) return;
      setSummary({ total: all!.total, overdue: all!.overdue, overdueAsOf: all!.overdueAsOf, facets: all!.facets, context: all!.context });
      const next: Partial<Record<Column, ColumnPage>> = {};
      cols.forEach((c, i) => (next[c] = { items: pages[i]!.items, total: pages[i]!.total }));
      setColumns(next);
      setSelection(null);
    }, wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, base, view, version, tick]);

  const more = async (status: Column) => {
    const have = columns?.[status]?.items.length ?? 0;
    try {
      const page = await wb.api['actions.triage']({ ...base, status, limit: PAGE, offset: have, facets: false });
      setColumns((c) => (c ? { ...c, [status]: { items: [...(c[status]?.items ?? []).slice(0, have), ...page.items], total: page.total } } : c));
    } catch (err) {
      wb.reportError(err);
    }
  };

  const refresh = () => {
    setTick((x) => x + 1);
    onChanged();
  };
  const changeFilter = useCallback((next: TriageFilter) => setFilter(next), []);
  const toggle = (column: Column, ids: number[], on: boolean) =>
    setSelection((cur) => {
      const set = new Set(cur && cur.column === column ? cur.ids : []);
      for (const id of ids) {
        if (on) set.add(id);
        else set.delete(id);
      }
      return set.size ? { column, ids: set, all: false } : null;
    });
  const live = (c: Column) => c === 'open' || c === 'inProgress' || c === 'snoozed';
  const run = async (op: BulkOp, input: BulkInput) => {
    if (!selection) return;
    const col = columns?.[selection.column];
    const target = selection.all ? { filter: { ...filter, status: selection.column, overdueOnly }, expected: col?.total ?? 0 } : { ids: [...selection.ids] };
    const r = await wb.api['actions.bulk']({
      op: op as 'assign' | 'snooze' | 'close',
      target,
      ...(input.owner ? { owner: input.owner } : {}),
      ...(input.until ? { until: input.until } : {}),
      ...(input.outcome ? { outcome: input.outcome } : {}),
    });
    setToast({ step: r, message: doneMessage(t, op, r, input) });
    refresh();
  };

  const cols = COLUMNS[view];
  return (
    <div className="section-stack" data-testid="action-board">
      <div className="card triage-head">
        <div className="triage-row">
          <div className="seg">
            {VIEWS.map((v) => (
              <button key={v} className={`chip ${view === v ? 'active' : ''}`} data-testid={`board-view-${v}`} onClick={() => setView(v)}>
                {v === 'board' ? t('health:ui.actions.all') : v === 'overdue' ? t('health:ui.actions.overdueOnly') : t(`triage:actionViews.${v}`)}
              </button>
            ))}
          </div>
          <label className="inline-field">
            <span>{t('triage:sort.label')}</span>
            <select value={sort} data-testid="actions-sort" onChange={(e) => setSort(e.target.value as ActionSort)}>
              {ACTION_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`triage:sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <span className="triage-export">
            <ExportTableButton
              table="health.actions"
              filters={{ ...filter, sort, overdueOnly, ...(view === 'snoozed' || view === 'cancelled' ? { status: view } : {}) }}
              fileName="actions"
              testId="actions-export"
            />
          </span>
          <button className="btn btn-small btn-ghost policy-button" data-testid="action-policy-open" onClick={() => setPolicyOpen(true)}>
            ⚙ {t('triage:policy.open')}
          </button>
        </div>
        <TriageFilters kind="action" filter={filter} facets={summary?.facets ?? null} onChange={changeFilter} />
        {summary && (
          <div className="triage-row">
            <span className="triage-count" data-testid="actions-matching">
              {t('triage:list.matchingActions', { count: summary.total })}
            </span>
            {summary.overdue > 0 && <span className="danger-text small">{t('triage:list.overdue', { count: summary.overdue })}</span>}
            {summary.overdueAsOf && (
              <span className="muted small" data-testid="overdue-as-of">
                {t('triage:list.overdueAsOf', { date: summary.overdueAsOf })}
              </span>
            )}
            <span className="muted small">{t('health:repair.rule')}</span>
          </div>
        )}
        {selection && (
          <BulkBar
            kind="action"
            selected={selection.ids.size}
            allMatching={selection.all}
            matching={columns?.[selection.column]?.total ?? 0}
            pageCount={columns?.[selection.column]?.items.length ?? 0}
            ops={live(selection.column) ? ['assign', 'snooze', 'close'] : []}
            onSelectAll={() => setSelection((s) => (s ? { ...s, all: true } : s))}
            onClear={() => setSelection(null)}
            onRun={run}
          />
        )}
      </div>
      {columns === null ? (
        <div className="card">
          <p className="muted">{t('health:ui.loading')}</p>
        </div>
      ) : (
        <div className={`board board-${cols.length}`}>
          {cols.map((col) => {
            const list = columns[col] ?? { items: [], total: 0 };
            const ids = list.items.map((a) => a.id);
            const sel = selection?.column === col ? selection : null;
            return (
              <section key={col} className={`board-col col-${col}`} data-testid={`board-${col}`}>
                <header>
                  {live(col) && ids.length > 0 && (
                    <input
                      type="checkbox"
                      aria-label={t('triage:bulk.selectPage')}
                      data-testid={`board-select-${col}`}
                      checked={Boolean(sel && (sel.all || ids.every((id) => sel.ids.has(id))))}
                      onChange={(e) => toggle(col, ids, e.target.checked)}
                    />
                  )}
                  <span>{t(`triage:actionViews.${col}`)}</span>
                  <span className="inbox-count">{list.total.toLocaleString()}</span>
                </header>
                {list.items.length === 0 && <p className="muted small empty">{t('triage:list.noneActions')}</p>}
                {list.items.map((a) => (
                  <div key={a.id} className={`board-item ${sel && (sel.all || sel.ids.has(a.id)) ? 'selected' : ''}`}>
                    {live(col) && (
                      <input
                        type="checkbox"
                        className="board-check"
                        aria-label={a.customerName}
                        checked={Boolean(sel && (sel.all || sel.ids.has(a.id)))}
                        onChange={(e) => toggle(col, [a.id], e.target.checked)}
                      />
                    )}
                    <ActionCard a={a} onOpenCustomer={onOpenCustomer} onChanged={refresh} triage={a} />
                  </div>
                ))}
                {list.total > list.items.length && (
                  <button className="btn btn-ghost more" onClick={() => void more(col)}>
                    {t('health:ui.showMore', { count: list.total - list.items.length })}
                  </button>
                )}
              </section>
            );
          })}
        </div>
      )}
      {summary && <TriageBasis context={summary.context} />}
      {toast && (
        <UndoToast
          step={toast.step}
          message={toast.message}
          onClose={() => setToast(null)}
          onUndone={(text) => {
            setToast({ step: { ...toast.step, stepId: null, skipped: 0 }, message: text });
            refresh();
          }}
        />
      )}
      {policyOpen && <ActionPolicyDialog onClose={() => setPolicyOpen(false)} />}
    </div>
  );
}

/** The triage line of a card on the board: tier, churn risk and revenue at stake, snooze. */
function TriageLine({ a }: { a: TriageActionRow }) {
  const { t } = useTranslation();
  const money = useMoney();
  const parts = [
    a.tier ? t(`analytics:tiers.names.${a.tier}`, { defaultValue: a.tier }) : null,
    a.churnRisk !== 'none' ? `${t('triage:filters.churnRisk')} ${t(`triage:churnRisk.${a.churnRisk}`)}` : null,
    a.revenueAtStake !== null ? `${t('triage:columns.stake')} ${money(a.revenueAtStake)}` : null,
    a.snoozedUntil ? t('triage:list.snoozedUntil', { date: a.snoozedUntil }) : null,
  ].filter(Boolean);
  return parts.length ? <div className="muted small triage-line">{parts.join(' · ')}</div> : null;
}

export function ActionCard({
  a,
  onOpenCustomer,
  onChanged,
  triage,
}: {
  a: ActionRow;
  onOpenCustomer?(key: string): void;
  onChanged(): void;
  /** On the board: the row's triage fields, shown under the source. */
  triage?: TriageActionRow;
}) {
  const { t } = useTranslation('health');
  const wb = useWorkbench();
  const move = async (status: ActionStatus) => {
    try {
      await wb.api['actions.update']({ id: a.id, status });
      onChanged();
    } catch (err) {
      wb.reportError(err);
    }
  };
  const check = async () => {
    try {
      await wb.api['actions.repairCheck']({ id: a.id });
      onChanged();
    } catch (err) {
      wb.reportError(err);
    }
  };
  const source =
    a.source?.kind === 'signal'
      ? t(`signals.${a.source.ruleId}.name`)
      : a.source?.kind === 'redScore'
        ? t('ui.actions.fromRedScore', { score: a.source.score.toFixed(1) })
        : t('ui.actions.manual');
  return (
    <article className={`hl-action ${a.overdue ? 'overdue' : ''}`} data-testid="hl-action">
      <div className="action-title">{t(`actions.${a.templateId}.title`)}</div>
      <button className="link cust-name small" onClick={() => onOpenCustomer?.(a.customerKey)}>
        {a.customerName}
      </button>
      <div className="muted small">
        {t('ui.actions.source')}: {source}
      </div>
      {triage && <TriageLine a={triage} />}
      <div className="action-meta small">
        <span>
          {t(`ownerRoles.${a.ownerRole}`)}
          {a.owner ? ` · ${a.owner}` : ''}
        </span>
        <span className={a.overdue ? 'danger-text' : 'muted'}>
          {a.overdue
            ? // Up to two days in hours, then whole days: a delay read in thousands of hours says nothing.
              a.hoursOverdue >= 48
              ? t('overdueDays', { days: Math.floor(a.hoursOverdue / 24) })
              : t('overdue', { hours: a.hoursOverdue })
            : t('dueAt', { dueAt: fmtWhen(a.dueAt) })}
        </span>
      </div>
      {a.status === 'done' && a.closedAt && <div className="muted small">{t('ui.actions.closed', { at: fmtWhen(a.closedAt) })}</div>}
      {a.repairCheck && (
        <div className={`repair verdict-${a.repairCheck.verdict}`}>
          <div className="small">
            <strong>{t('repair.title')}</strong> · {t(a.repairCheck.messageKey)}
          </div>
          <div className="repair-ind small">
            {a.repairCheck.indicators.map((i) => (
              <span key={i.indicator}>
                {t(`repair.indicators.${i.indicator}`)}: {t(`repair.changes.${i.change}`)}
              </span>
            ))}
          </div>
        </div>
      )}
      <div className="action-buttons">
        {a.status === 'open' && (
          <button className="btn btn-small" onClick={() => move('inProgress')}>
            {t('ui.actions.start')}
          </button>
        )}
        {(a.status === 'open' || a.status === 'inProgress') && (
          <button className="btn btn-small" onClick={() => move('done')}>
            {t('ui.actions.done')}
          </button>
        )}
        {a.status === 'done' && (
          <button className="btn btn-small" data-testid="repair-check" onClick={check}>
            {t('ui.actions.repairCheck')}
          </button>
        )}
        {a.status === 'done' && (
          <button className="btn btn-small btn-ghost" onClick={() => move('inProgress')}>
            {t('ui.actions.reopen')}
          </button>
        )}
      </div>
    </article>
  );
}
