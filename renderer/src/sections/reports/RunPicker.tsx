import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosticRunSummary } from '../../../../shared/analytics';
import type { HealthRunSummary } from '../../../../shared/contract/health';
import type { ReportDefinition } from '../../../../shared/reports/definition';
import { useWorkbench } from '../../app/context';

interface RunRef {
  id: number;
  asOf: string;
  label: string | null;
  paramSet: string | null;
}

/** The run with the latest as-of date (the last executed among equals): what a report quotes by default. */
function latestAsOf(runs: readonly RunRef[]): RunRef | null {
  let best: RunRef | null = null;
  for (const r of runs) if (!best || r.asOf > best.asOf || (r.asOf === best.asOf && r.id > best.id)) best = r;
  return best;
}

/** Which stored diagnostic and health runs the report quotes; each option names id, as-of date, label and parameter set. */
export function RunPicker({ definition, onChange }: { definition: ReportDefinition; onChange: (d: ReportDefinition) => void }) {
  const { t } = useTranslation('reports');
  const wb = useWorkbench();
  const [diag, setDiag] = useState<DiagnosticRunSummary[]>([]);
  const [health, setHealth] = useState<HealthRunSummary[]>([]);
  useEffect(() => {
    Promise.all([wb.api['diagnostics.runs']({}), wb.api['health.runs']({})]).then(([d, h]) => {
      setDiag(d);
      setHealth(h);
    }, wb.reportError);
  }, [wb.api, wb.reportError, wb.workspace?.path]);

  const option = (r: RunRef) =>
    t('ui.runOption', {
      id: r.id,
      asOf: r.asOf,
      label: r.label ? t('sources.label', { label: r.label }) : '',
      params: r.paramSet ? t('sources.paramSet', { name: r.paramSet }) : t('sources.defaultParams'),
    });
  const picker = (label: string, runs: RunRef[], value: number | null | undefined, set: (id: number | null) => void, testId: string) => {
    const latest = latestAsOf(runs);
    return (
      <label className="field">
        <span className="field-label">{label}</span>
        <select
          value={value ?? ''}
          disabled={runs.length === 0}
          onChange={(e) => set(e.target.value === '' ? null : Number(e.target.value))}
          data-testid={testId}
        >
          <option value="">{latest ? t('ui.latestAsOf', { id: latest.id, asOf: latest.asOf }) : t('ui.noRuns')}</option>
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              {option(r)}
            </option>
          ))}
        </select>
      </label>
    );
  };
  return (
    <div className="card" data-testid="report-runs">
      <div className="card-header">
        <h2>{t('ui.runsHeading')}</h2>
      </div>
      <p className="muted small">{t('ui.runsIntro')}</p>
      <div className="rp-settings">
        {picker(t('ui.diagnosticRun'), diag, definition.diagnosticRunId, (id) => onChange({ ...definition, diagnosticRunId: id }), 'report-diagnostic-run')}
        {picker(
          t('ui.healthRun'),
          health.map((h) => ({ id: h.id, asOf: h.asOf, label: null, paramSet: h.paramSet })),
          definition.healthRunId,
          (id) => onChange({ ...definition, healthRunId: id }),
          'report-health-run',
        )}
      </div>
    </div>
  );
}
