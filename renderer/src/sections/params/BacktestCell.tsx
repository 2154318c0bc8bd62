import { useTranslation } from 'react-i18next';
import type { SignalRule } from '../../../../shared/health/signal-rules';
import type { StoredBacktest } from '../../../../shared/contract/params';
import { useWorkbench } from '../../app/context';

// As in the churn section's backtest card: a lift from fewer fires than this is noise, and is said to be.
const MIN_FIRES = 20;

/** The latest backtest's date, replay dates, horizon and base rate, or how to get one. */
export function BacktestLine({ backtest, onOpenChurn }: { backtest: StoredBacktest | null | undefined; onOpenChurn: () => void }) {
  const { t } = useTranslation('params');
  const wb = useWorkbench();
  if (backtest === undefined) return null;
  if (backtest === null) {
    return (
      <p className="field-help" data-testid="params-backtest-none">
        {t('ui.backtest.none')}{' '}
        <button className="btn btn-ghost pm-small" onClick={onOpenChurn} data-testid="params-backtest-open-churn">
          {t('ui.backtest.openChurn')}
        </button>
      </p>
    );
  }
  const b = backtest.backtest;
  const pct = new Intl.NumberFormat(wb.locale, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <p className="field-help" data-testid="params-backtest-line">
      {t('ui.backtest.line', {
        id: backtest.id,
        at: backtest.createdAt.slice(0, 16).replace('T', ' '),
        dates: b.dates.length,
        first: b.dates[0] ?? '',
        last: b.dates[b.dates.length - 1] ?? '',
        horizon: b.horizonDays,
        observations: new Intl.NumberFormat(wb.locale).format(b.observations),
        baseRate: pct.format(b.baseRate),
      })}
    </p>
  );
}

const sameParams = (a: SignalRule, b: SignalRule): boolean => JSON.stringify(a.params) === JSON.stringify(b.params);

/** One rule's lift, precision, recall and support in the latest backtest, beside the rule. */
export function BacktestCell({ rule, backtest, int }: { rule: SignalRule; backtest: StoredBacktest | null | undefined; int: (n: number) => string }) {
  const { t } = useTranslation('params');
  const wb = useWorkbench();
  if (!backtest) return <span className="muted">{backtest === null ? t('ui.backtest.noneShort') : ''}</span>;
  const r = backtest.backtest.rules.find((x) => x.ruleId === rule.id);
  const replayed = backtest.rules.find((x) => x.id === rule.id);
  if (!r || !replayed) {
    return (
      <span className="muted small" data-testid={`params-backtest-${rule.id}`}>
        {t('ui.backtest.notReplayed')}
      </span>
    );
  }
  const pct = (v: number | null) => (v === null ? '–' : new Intl.NumberFormat(wb.locale, { style: 'percent', maximumFractionDigits: 1 }).format(v));
  return (
    <div className="small" data-testid={`params-backtest-${rule.id}`}>
      <div>
        {r.lift === null
          ? t('ui.backtest.noLift', { fires: int(r.fires) })
          : t('ui.backtest.cell', { lift: r.lift.toFixed(2), precision: pct(r.precision), recall: pct(r.recall), fires: int(r.fires) })}
      </div>
      {r.medianLeadDays !== null ? <div className="muted">{t('ui.backtest.lead', { days: r.medianLeadDays })}</div> : null}
      {r.fires < MIN_FIRES ? <div className="warn">{t('ui.backtest.fewFires', { min: MIN_FIRES })}</div> : null}
      {!sameParams(rule, replayed) ? (
        <div className="warn" title={JSON.stringify(replayed.params)}>
          {t('ui.backtest.otherParams', {
            params: Object.entries(replayed.params as Record<string, unknown>)
              .map(([k, v]) => `${t(`ui.signals.param.${k}`, { defaultValue: k })} ${Array.isArray(v) ? v.join('、') : String(v)}`)
              .join('，'),
          })}
        </div>
      ) : null}
    </div>
  );
}
