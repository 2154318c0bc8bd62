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

export function ActionBoard({ version, onChanged, onOpenCustomer }: Props) {
  const { t } = useTranslation('health');
  const wb = useWorkbench();
  const [items, setItems] = useState<ActionRow[] | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [shown, setShown] = useState<Record<string, number>>({ open: PAGE, inProgress: PAGE, done: PAGE });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    wb.api['actions.list']({ limit: 5000, overdueOnly }).then((r) => setItems(r.items), wb.reportError);
  }, [wb.api, wb.reportError, version, tick, overdueOnly]);

  const refresh = () => {
    setTick((x) => x + 1);
    onChanged();
  };
  const overdue = items?.filter((a) => a.overdue).length ?? 0;
  return (
    <div className="section-stack" data-testid="action-board">
      <div className="inbox-filter">
        <button className={`chip ${!overdueOnly ? 'active' : ''}`} onClick={() => setOverdueOnly(false)}>{t('ui.actions.all')}</button>
        <button className={`chip ${overdueOnly ? 'active' : ''}`} onClick={() => setOverdueOnly(true)}>{t('ui.actions.overdueOnly')}</button>
        {overdue > 0 && !overdueOnly && <span className="danger-text small">{t('ui.overview.overdueCount', { count: overdue })}</span>}
        <span className="muted small">{t('repair.rule')}</span>
      </div>
      {items === null ? (
        <div className="card"><p className="muted">{t('ui.loading')}</p></div>
      ) : (
        <div className="board">
          {COLUMNS.map((col) => {
            const list = items.filter((a) => a.status === col).sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt));
            return (
              <section key={col} className={`board-col col-${col}`} data-testid={`board-${col}`}>
                <header>
                  <span>{t(`actionStatuses.${col}`)}</span>
                  <span className="inbox-count">{list.length}</span>
                </header>
                {list.slice(0, shown[col]).map((a) => (
                  <ActionCard key={a.id} a={a} onOpenCustomer={onOpenCustomer} onChanged={refresh} />
                ))}
                {list.length > (shown[col] ?? PAGE) && (
                  <button className="btn btn-ghost more" onClick={() => setShown((v) => ({ ...v, [col]: (v[col] ?? PAGE) + PAGE }))}>
                    {t('ui.showMore', { count: list.length - (shown[col] ?? PAGE) })}
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
    a.source?.kind === 'signal' ? t(`signals.${a.source.ruleId}.name`) : a.source?.kind === 'redScore' ? t('ui.actions.fromRedScore', { score: a.source.score.toFixed(1) }) : t('ui.actions.manual');
  return (
    <article className={`hl-action ${a.overdue ? 'overdue' : ''}`} data-testid="hl-action">
      <div className="action-title">{t(`actions.${a.templateId}.title`)}</div>
      <button className="link cust-name small" onClick={() => onOpenCustomer?.(a.customerKey)}>{a.customerName}</button>
      <div className="muted small">{t('ui.actions.source')}: {source}</div>
      <div className="action-meta small">
        <span>{t(`ownerRoles.${a.ownerRole}`)}{a.owner ? ` · ${a.owner}` : ''}</span>
        <span className={a.overdue ? 'danger-text' : 'muted'}>
          {a.overdue ? t('overdue', { hours: a.hoursOverdue }) : t('dueAt', { dueAt: fmtWhen(a.dueAt) })}
        </span>
      </div>
      {a.status === 'done' && a.closedAt && <div className="muted small">{t('ui.actions.closed', { at: fmtWhen(a.closedAt) })}</div>}
      {a.repairCheck && (
        <div className={`repair verdict-${a.repairCheck.verdict}`}>
          <div className="small"><strong>{t('repair.title')}</strong> · {t(a.repairCheck.messageKey)}</div>
          <div className="repair-ind small">
            {a.repairCheck.indicators.map((i) => (
              <span key={i.indicator}>{t(`repair.indicators.${i.indicator}`)}: {t(`repair.changes.${i.change}`)}</span>
            ))}
          </div>
        </div>
      )}
      <div className="action-buttons">
        {a.status === 'open' && <button className="btn btn-small" onClick={() => move('inProgress')}>{t('ui.actions.start')}</button>}
        {(a.status === 'open' || a.status === 'inProgress') && <button className="btn btn-small" onClick={() => move('done')}>{t('ui.actions.done')}</button>}
        {a.status === 'done' && <button className="btn btn-small" data-testid="repair-check" onClick={check}>{t('ui.actions.repairCheck')}</button>}
        {a.status === 'done' && <button className="btn btn-small btn-ghost" onClick={() => move('inProgress')}>{t('ui.actions.reopen')}</button>}
      </div>
    </article>
  );
}
