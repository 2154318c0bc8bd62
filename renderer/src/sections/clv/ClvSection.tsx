import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countFitUnidentified } from '../../../../shared/clv/diagnostics';
import type { ClvParamsInput, ClvRun, ClvRunSummary } from '../../../../shared/clv/types';
import { useWorkbench } from '../../app/context';
import { useJob } from '../../hooks/useJob';
import { AtRiskCard } from './AtRiskCard';
import { BookValue } from './BookValue';
import { BreakdownCards } from './BreakdownCards';
import { CustomerList } from './CustomerList';
import { EvaluationCard } from './EvaluationCard';
import { FitControls } from './FitControls';
import { SpendNotes } from './SpendNotes';
import './clv.css';

/**
 * 客户价值: fit controls, then the stored run in the order a reader must meet it: the evaluation
 * (verdict, hold-out error, tracking plots, fits), then the book value, the zero / negative spend
 * accounting and the customers. A run whose data do not suit the model keeps its figures out of view.
 */
export function ClvSection() {
  const { t } = useTranslation('clv');
  const wb = useWorkbench();
  const fit = useJob('clv.fit');
  const [runs, setRuns] = useState<ClvRunSummary[]>([]);
  const [run, setRun] = useState<ClvRun | null>(null);
  const [loaded, setLoaded] = useState(false);

  const load = useCallback(
    async (runId?: number) => {
      const [list, r] = await Promise.all([wb.api['clv.runs']({}), wb.api['clv.get'](runId ? { runId } : {})]);
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
  const onFit = async (params: ClvParamsInput) => {
    const out = await fitRun({ params });
    if (!out.ok) return out.cancelled ? undefined : wb.reportError(out.error);
    await load(out.value.id).catch(wb.reportError);
  };
  const hasFigures = run !== null && run.result.countFit.parameters.length > 0;
  // Runs stored before 'not-identified' joined the verdict can still carry a boundary / flat fit
  // under "caution": the fit status, not only the stored verdict, decides whether figures are shown.
  const usable = run !== null && run.result.evaluation.verdict !== 'unsuitable' && !countFitUnidentified(run.result.countFit.status);
  return (
    <div className="section-stack clv">
      <FitControls running={fit.running} progress={fit.progress} onFit={onFit} onCancel={fit.cancel} />
      {loaded && !run && !fit.running && (
        <p className="card muted" data-testid="clv-empty">
          {t('ui.empty')}
        </p>
      )}
      {run && (
        <>
          <div className="clv-run-line muted small" data-testid="clv-run-line">
            {runs.length > 1 && (
              <select value={run.id} onChange={(e) => load(Number(e.target.value)).catch(wb.reportError)} aria-label={t('ui.run.pick')}>
                {runs.map((r) => (
                  <option key={r.id} value={r.id}>
                    #{r.id} {t(`model.${r.model}`)} {r.asOf} {t(`verdict.${r.verdict}`)}
                  </option>
                ))}
              </select>
            )}
            <span>
              {t('ui.run.line', {
                id: run.id,
                model: `${t(`model.${run.model}`)} + ${t('model.gamma-gamma')}`,
                asOf: run.asOf,
                customers: run.customers.toLocaleString(),
                seconds: (run.durationMs / 1000).toFixed(1),
              })}
            </span>
          </div>
          <EvaluationCard run={run} />
          {hasFigures && usable && (
            <>
              <BookValue run={run} />
              <BreakdownCards run={run} />
              <SpendNotes run={run} />
              <CustomerList run={run} />
              <AtRiskCard run={run} />
            </>
          )}
          {hasFigures && !usable && <SpendNotes run={run} />}
        </>
      )}
    </div>
  );
}
