import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonText } from '../../../../shared/churn/labels';
import { MIN_CHURNED, MIN_CUSTOMERS } from '../../../../shared/churn/pipeline';
import type { ChurnRunSummary, ChurnScoreRow } from '../../../../shared/churn/types';
import { useWorkbench } from '../../app/context';
import { pct, useNamespacedT, withheld } from './format';
import { useMoney } from '../../app/money';
import './churn.css';

/**
 * One customer's churn probability and top reasons from the latest model run, for the customer card.
 * Renders nothing when no run exists; says the run's status when it is not 'ok', so a score from a
 * model that failed its evaluation is never read as a finding.
 */
export function ChurnRiskPanel({ customerKey }: { customerKey: string }) {
  const { t } = useTranslation('churn');
  const { t: nt, locale } = useNamespacedT();
  const money = useMoney();
  const wb = useWorkbench();
  const [state, setState] = useState<{ run: ChurnRunSummary; score: ChurnScoreRow | null } | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const [latest] = await wb.api['churn.runs']({});
      if (!latest) return live && setState(null);
      const score = await wb.api['churn.customer']({ customerKey, runId: latest.id });
      if (live) setState({ run: latest, score });
    })().catch(wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, customerKey]);

  if (!state) return null;
  const { run, score } = state;
  const effects = score?.reasons.map((r) => Math.abs(r.effect)) ?? [];
  const strongest = Math.max(1e-9, ...effects);
  return (
    <section className="card churn-risk-panel" data-testid="customer-churn">
      <div className="card-header">
        <h2>{t('ui.card.heading', { id: run.id })}</h2>
        <a href="#/e/churn" className="small">
          {t('ui.card.open')}
        </a>
      </div>
      {run.status !== 'ok' && (
        <p className="churn-status warn small">
          {t('ui.card.caveat', { status: t(`status.${run.status}`, { min: run.status === 'too-small' ? MIN_CUSTOMERS : MIN_CHURNED }) })}
        </p>
      )}
      {withheld(run.status) ? null : !score ? (
        <p className="muted">{t('ui.card.none')}</p>
      ) : (
        <div className="churn-card-grid">
          <div>
            <div className="muted small">{t('ui.card.probability', { horizon: run.params.horizonDays })}</div>
            <div className="churn-prob" data-testid="customer-churn-probability">
              {pct(score.probability)}
            </div>
            <div className="muted small">
              {t('scores.rank')} {score.rank} · {t('scores.revenueAtStake')} {money(score.revenueAtStake)}
            </div>
            <div className="muted small">
              ROC AUC {run.rocAuc === null ? '–' : run.rocAuc.toFixed(3)} · {run.scoredAsOf}
            </div>
          </div>
          <div>
            <div className="muted small">{t('ui.card.reasons')}</div>
            <ul className="churn-reasons" data-testid="customer-churn-reasons">
              {score.reasons.map((r) => (
                <li key={r.id}>
                  <span
                    className={`churn-reason-bar ${r.effect > 0 ? 'up' : 'down'}`}
                    style={{ width: `${Math.round(40 * (Math.abs(r.effect) / strongest))}px` }}
                  />
                  <span>{reasonText(r, nt, locale)}</span>
                  <span className="muted small"> ({r.effect > 0 ? t('drivers.up') : t('drivers.down')})</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}
