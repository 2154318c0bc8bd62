import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChurnParamsInput, ChurnRun, ChurnRunSummary, SignalBacktest } from '../../../../shared/churn/types';
import { useWorkbench } from '../../app/context';
import { useJob } from '../../hooks/useJob';
import { FitControls } from './FitControls';
import { EvaluationCard } from './EvaluationCard';
import { DriversCard } from './DriversCard';
import { BacktestCard } from './BacktestCard';
import { RiskCustomers } from './RiskCustomers';
import { withheld } from './format';
import './churn.css';

/**
 * 流失风险: fit controls, then the stored run in the order a reader must meet it: the evaluation on
 * held-out customers, then the drivers, the signal backtest and the riskiest customers.
 */
export function ChurnSection() {
  const { t } = useTranslation('churn');
  const wb = useWorkbench();
  const fit = useJob('churn.fit');
  const replay = useJob('churn.backtest');
  const [runs, setRuns] = useState<ChurnRunSummary[]>([]);
  const [run, setRun] = useState<ChurnRun | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [backtest, setBacktest] = useState<SignalBacktest | null>(null);

  const load = useCallback(
    async (runId?: number) => {
      const [list, r] = await Promise.all([wb.api['churn.runs']({}), wb.api['churn.get'](runId ? { runId } : {})]);
      setRuns(list);
      setRun(r);
      setLoaded(true);
    },
    [wb.api],
  );
  useEffect(() => {
    load().catch(wb.reportError);
  }, [load, wb.reportError, wb.workspace?.path]);

  const fitRun = fit.run;
  const onFit = async (params: ChurnParamsInput) => {
    const out = await fitRun({ params });
    if (!out.ok) return out.cancelled ? undefined : wb.reportError(out.error);
    await load(out.value.id).catch(wb.reportError);
  };
  const onBacktest = async () => {
    const out = await replay.run({ horizonDays: run?.params.horizonDays ?? 180 });
    if (out.ok) setBacktest(out.value);
    else if (!out.cancelled) wb.reportError(out.error);
  };

  return (
    <div className="section-stack churn">
      <FitControls running={fit.running} progress={fit.progress} onFit={onFit} onCancel={fit.cancel} />
      {loaded && !run && !fit.running && (
        <p className="card muted" data-testid="churn-empty">
          {t('ui.empty')}
        </p>
      )}
      {run && (
        <>
          <div className="churn-run-line muted small" data-testid="churn-run-line">
            {runs.length > 1 && (
              <select value={run.id} onChange={(e) => load(Number(e.target.value)).catch(wb.reportError)} aria-label={t('ui.run.pick')}>
                {runs.map((r) => (
                  <option key={r.id} value={r.id}>
                    #{r.id} {r.params.model} {r.params.label} {r.rocAuc === null ? '' : `AUC ${r.rocAuc.toFixed(3)}`}
                  </option>
                ))}
              </select>
            )}
            <span>
              {t('ui.run.line', {
                id: run.id,
                model: t(`ui.fit.model${run.params.model === 'gbt' ? 'Gbt' : 'Logistic'}`),
                label: t(`ui.fit.label${run.params.label === 'column' ? 'Column' : 'History'}`),
                asOf: run.scoredAsOf,
                customers: run.customers,
                seconds: (run.durationMs / 1000).toFixed(1),
              })}
            </span>
          </div>
          <EvaluationCard run={run} />
          {withheld(run.status) ? (
            <p className="card churn-status warn" data-testid="churn-withheld">
              {t('ui.withheld')}
            </p>
          ) : (
            <>
              {run.status !== 'ok' && <p className="card churn-status warn">{t('ui.notShown')}</p>}
              <DriversCard run={run} />
            </>
          )}
          <BacktestCard backtest={backtest} running={replay.running} progress={replay.progress} onRun={onBacktest} />
          {!withheld(run.status) && <RiskCustomers run={run} />}
        </>
      )}
    </div>
  );
}
