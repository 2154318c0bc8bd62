import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionRow } from '../../../../shared/contract/health';
import type { ActionStatus } from '../../../../shared/health/playbook';
import { useWorkbench } from '../../app/context';
import { fmtWhen } from './labels';

interface Props {
  version: number;
  onChanged(): void;
  onOpenCustomer(key: string): void;
}

const COLUMNS: ActionStatus[] = ['open', 'inProgress', 'done'];
const PAGE = 40;

type Column = { items: ActionRow[]; total: number };

/**
 * The action board: one column per status, each read a page at a time from the engine (actions.list
 * with the status, by due time, so the overdue ones come first), with the overdue count from the
 * engine, not from every action sent to the page.
 */
export function ActionBoard({ version, onChanged, onOpenCustomer }: Props) {
  const { t } = useTranslation('health');
  const wb = useWorkbench();
  const [columns, setColumns] = useState<Record<ActionStatus, Column> | null>(null);
  const [overdue, setOverdue] = useState(0);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all(COLUMNS.map((status) => wb.api['actions.list']({ status, overdueOnly, limit: PAGE, offset: 0 }))).then((pages) => {
      if (!live) return;
      const next = {} as Record<ActionStatus, Column>;
      COLUMNS.forEach((col, i) => (next[col] = { items: pages[i]!.items, total: pages[i]!.total }));
      setColumns(next);
      setOverdue(pages[0]!.overdue);
    }, wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, version, tick, overdueOnly]);

  const more = async (status: ActionStatus) => {
    const have = columns?.[status].items.length ?? 0;
    try {
      const page = await wb.api['actions.list']({ status, overdueOnly, limit: PAGE, offset: have });
      setColumns((c) => (c ? { ...c, [status]: { items: [...c[status].items.slice(0, have), ...page.items], total: page.total } } : c));
    } catch (err) {
      wb.reportError(err);
    }
  };

  const refresh = () => {
    setTick((x) => x + 1);
    onChanged();
  };
  return (
    <div className="section-stack" data-testid="action-board">
      <div className="inbox-filter">
        <button className={`chip ${!overdueOnly ? 'active' : ''}`} onClick={() => setOverdueOnly(false)}>
          {t('ui.actions.all')}
        </button>
        <button className={`chip ${overdueOnly ? 'active' : ''}`} onClick={() => setOverdueOnly(true)}>
          {t('ui.actions.overdueOnly')}
        </button>
        {overdue > 0 && !overdueOnly && <span className="danger-text small">{t('ui.overview.overdueCount', { count: overdue })}</span>}
        <span className="muted small">{t('repair.rule')}</span>
      </div>
      {columns === null ? (
        <div className="card">
          <p className="muted">{t('ui.loading')}</p>
        </div>
      ) : (
        <div className="board">
          {COLUMNS.map((col) => {
            const list = columns[col];
            return (
              <section key={col} className={`board-col col-${col}`} data-testid={`board-${col}`}>
                <header>
                  <span>{t(`actionStatuses.${col}`)}</span>
                  <span className="inbox-count">{list.total}</span>
                </header>
                {list.items.map((a) => (
                  <ActionCard key={a.id} a={a} onOpenCustomer={onOpenCustomer} onChanged={refresh} />
                ))}
                {list.total > list.items.length && (
                  <button className="btn btn-ghost more" onClick={() => void more(col)}>
                    {t('ui.showMore', { count: list.total - list.items.length })}
                  </button>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}

export function ActionCard({ a, onOpenCustomer, onChanged }: { a: ActionRow; onOpenCustomer?(key: string): void; onChanged(): void }) {
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
      <div className="action-meta small">
        <span>
          {t(`ownerRoles.${a.ownerRole}`)}
          {a.owner ? ` · ${a.owner}` : ''}
        </span>
        <span className={a.overdue ? 'danger-text' : 'muted'}>
          {a.overdue ? t('overdue', { hours: a.hoursOverdue }) : t('dueAt', { dueAt: fmtWhen(a.dueAt) })}
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
