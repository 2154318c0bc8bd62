import { useTranslation } from 'react-i18next';
import type { SignalBacktest } from '../../../../shared/churn/types';
import type { JobProgress } from '../../../../shared/contract';
import { pct } from './format';

// A lift from a handful of fires is noise: only rules that fired this often are marked as working.
const MIN_FIRES = 20;

interface Props {
  backtest: SignalBacktest | null;
  running: boolean;
  progress: JobProgress | null;
  onRun: () => void;
}

/** Each early-warning rule replayed at past dates against the churn that followed, beside the rule's name. */
export function BacktestCard({ backtest, running, progress, onRun }: Props) {
  const { t } = useTranslation('churn');
  const { t: th } = useTranslation('health');
  return (
    <section className="card" data-testid="churn-backtest">
      <div className="card-header">
        <h2>{t('backtest.heading')}</h2>
        <button className="btn" disabled={running} onClick={onRun} data-testid="churn-backtest-run">
          {running ? t('ui.backtest.running') : t('ui.fit.backtest')}
        </button>
      </div>
      {running && progress?.total ? (
        <div className="progress">
          <span style={{ width: `${(100 * progress.done) / progress.total}%` }} />
        </div>
      ) : null}
      {!backtest ? (
        <p className="muted">{t('ui.backtest.none')}</p>
      ) : (
        <>
          <p className="muted small">
            {t('backtest.summary', {
              observations: backtest.observations,
              dates: backtest.dates.length,
              churned: backtest.churned,
              horizon: backtest.horizonDays,
              baseRate: pct(backtest.baseRate),
            })}
          </p>
          <table className="table compact">
            <thead>
              <tr>
                <th>{t('backtest.rule')}</th>
                <th className="num">{t('backtest.fires')}</th>
                <th className="num">{t('backtest.precision')}</th>
                <th className="num">{t('backtest.recall')}</th>
                <th className="num">{t('backtest.lift')}</th>
                <th className="num">{t('backtest.lead')}</th>
              </tr>
            </thead>
            <tbody>
              {backtest.rules.map((r) => (
                <tr key={r.ruleId} data-testid={`churn-backtest-${r.ruleId}`}>
                  <td>{th(`signals.${r.ruleId}.name`, { defaultValue: r.ruleId })}</td>
                  <td className="num">{r.fires}</td>
                  <td className="num">{pct(r.precision)}</td>
                  <td className="num">{pct(r.recall)}</td>
                  <td className={`num ${r.lift !== null && r.lift >= 1.5 && r.fires >= MIN_FIRES ? 'churn-strong' : ''}`}>
                    {r.lift === null ? '–' : r.lift.toFixed(2)}
                  </td>
                  <td className="num">{r.medianLeadDays ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t('ui.backtest.note')}</p>
        </>
      )}
    </section>
  );
}
