import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosticsDefaults } from '../../../../shared/contract/diagnostics';
import {
  GRAINS,
  type ActivityBasis,
  type DiagnosticComparison,
  type DiagnosticRun,
  type DiagnosticRunSummary,
  type DrillTarget,
  type Grain,
} from '../../../../shared/analytics';
import { useWorkbench } from '../../app/context';
import { useJob } from '../../hooks/useJob';
import { formatDateTime } from '../../format';
import { KpiCards } from './KpiCards';
import { TrendCards } from './TrendCards';
import { CohortCard } from './CohortCard';
import { SegmentCards } from './SegmentCards';
import { BreakdownCard } from './BreakdownCard';
import { CustomerTable, DEFAULT_CUSTOMER_TABLE_STATE, type CustomerTableState } from './CustomerTable';
import { mergeForm, readDiagnosticsView } from './view-state';
import { useSavedView } from '../../app/saved-views';
import { useDeferredDelete } from '../../hooks/useDeferredDelete';
import { useNumberScale } from '../../app/number-scale';
import { ComparePanel } from './ComparePanel';
import { CohortRangeFields } from './CohortRangeFields';
import { TrendRangeField, trendChoiceOf, trendParams, type TrendChoice } from './TrendRangeField';
import { RetentionTable } from './RetentionTable';
import { RunNotes } from './RunNotes';
import { drillLabel, makeFmt } from './labels';
import type { ParamSetSummary } from '../../../../shared/contract/params';
import './diagnostics.css';

interface Form {
  asOf: string;
  grain: Grain;
  basis: ActivityBasis;
  /** null: derived from the data (shared/analytics/window.ts). */
  windowDays: number | null;
  /** Cohort range bounds as period keys; '' = open (all cohorts when both are open). */
  cohortFrom: string;
  cohortTo: string;
  /** The trend's periods: the last N, all, or from a period (to the as-of period). */
  trend: TrendChoice;
}

/** The run with the latest as-of date (the last executed among equals). */
function latestAsOf(runs: readonly DiagnosticRunSummary[]): DiagnosticRunSummary | null {
  let best: DiagnosticRunSummary | null = null;
  for (const r of runs) if (!best || r.asOf > best.asOf || (r.asOf === best.asOf && r.id > best.id)) best = r;
  return best;
}

export function DiagnosticsSection() {
  const { t } = useTranslation('analytics');
  const { t: tp } = useTranslation('params');
  const { t: tw } = useTranslation('workbench');
  const wb = useWorkbench();
  const currency = wb.workspace?.meta.currency ?? 'CNY';
  const scale = useNumberScale();
  const fmt = useMemo(() => makeFmt(wb.locale, currency, scale), [wb.locale, currency, scale]);
  const [defaults, setDefaults] = useState<DiagnosticsDefaults | null>(null);
  const [runs, setRuns] = useState<DiagnosticRunSummary[]>([]);
  const [run, setRun] = useState<DiagnosticRun | null>(null);
  const [baseId, setBaseId] = useState<number | null>(null);
  const [comparison, setComparison] = useState<DiagnosticComparison | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const job = useJob('diagnostics.run');
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [paramSets, setParamSets] = useState<ParamSetSummary[]>([]);
  /** The named parameter set the next run uses; '' = the built-in defaults. */
  const [paramSet, setParamSet] = useState('');
  // The customer table's sort, search and columns: reported as they change (for saved views), and
  // replaced, with a fresh table, when a saved view is reopened.
  const tableState = useRef<CustomerTableState>(DEFAULT_CUSTOMER_TABLE_STATE);
  const [tableStart, setTableStart] = useState<{ key: number; state: CustomerTableState }>({ key: 0, state: DEFAULT_CUSTOMER_TABLE_STATE });
  /** The first load (latest run, or the first run) is done: a saved view may be applied from here on. */
  const [settled, setSettled] = useState(false);

  const show = useCallback(
    async (id: number) => {
      const r = await wb.api['diagnostics.get']({ runId: id });
      setRun(r);
      setDrill(null);
      if (r) {
        setForm({
          asOf: r.params.asOf,
          grain: r.params.grain,
          basis: r.params.activity.basis,
          windowDays: r.params.activity.windowDays,
          cohortFrom: r.params.cohortFrom ?? '',
          cohortTo: r.params.cohortTo ?? '',
          trend: trendChoiceOf(r.params),
        });
      }
    },
    [wb.api],
  );

  useEffect(() => {
    let live = true;
    (async () => {
      const [d, list, sets] = await Promise.all([wb.api['diagnostics.defaults']({}), wb.api['diagnostics.runs']({}), wb.api['params.list']({})]);
      if (!live) return;
      setParamSets(sets);
      setDefaults(d);
      setRuns(list);
      const initial: Form = {
        asOf: d.asOf,
        grain: d.params.grain,
        basis: d.data.orderLines === 0 && d.data.hasContracts ? 'contractual' : 'non-contractual',
        windowDays: null,
        cohortFrom: '',
        cohortTo: '',
        trend: { kind: 'last', n: 12 },
      };
      setForm(initial);
      setLoaded(true);
      // Reopened, the dashboard shows the run with the latest as-of date, not the last executed.
      const latest = latestAsOf(list);
      if (latest) await show(latest.id);
      // The first visit runs the diagnostics with the defaults: the consultant lands on a result,
      // not on an empty page with a button.
      else if (d.data.orderLines > 0 || d.data.contracts > 0) await startRef.current(initial);
      if (live) setSettled(true);
    })().catch(wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, wb.workspace?.path, show]);

  useEffect(() => {
    if (baseId === null || !run || baseId === run.id) {
      setComparison(null);
      return;
    }
    wb.api['diagnostics.compare']({ baseRunId: baseId, runId: run.id }).then(setComparison, wb.reportError);
  }, [baseId, run, wb.api, wb.reportError]);

  const start = async (f: Form | null = form) => {
    if (!f) return;
    const out = await job.run({
      params: {
        asOf: f.asOf || undefined,
        grain: f.grain,
        activity: { basis: f.basis, windowDays: f.windowDays },
        cohortCount: null,
        cohortFrom: f.cohortFrom || null,
        cohortTo: f.cohortTo || null,
        ...trendParams(f.trend),
      },
      ...(paramSet ? { paramSet } : {}),
    });
    if (!out.ok) return wb.reportError(out.error);
    try {
      setRuns(await wb.api['diagnostics.runs']({}));
      await show(out.value.id);
    } catch (err) {
      wb.reportError(err);
    }
  };

  // Deleting a run can be undone for a few seconds: it leaves the screen at once, the engine deletes it after.
  const deferred = useDeferredDelete<number>(async (runId) => {
    await wb.api['diagnostics.delete']({ runId });
  }, wb.reportError);
  const removing = useRef<Promise<void> | null>(null);
  const undoRemove = async () => {
    const id = deferred.undo();
    if (id === null) return;
    try {
      // The removal may still be showing the next run: let it finish, then bring this one back.
      await removing.current;
      setRuns(await wb.api['diagnostics.runs']({}));
      await show(id);
    } catch (err) {
      wb.reportError(err);
    }
  };
  const remove = () => {
    if (!run) return;
    removing.current = hideRun(run.id);
  };
  const hideRun = async (id: number) => {
    deferred.schedule(id);
    try {
      const list = (await wb.api['diagnostics.runs']({})).filter((r) => r.id !== id);
      setRuns(list);
      if (baseId === id) setBaseId(null);
      const latest = latestAsOf(list);
      if (latest) await show(latest.id);
      else setRun(null);
    } catch (err) {
      wb.reportError(err);
    }
  };

  const startRef = useRef(start);
  startRef.current = start;

  useSavedView(
    'diagnostics',
    () => ({ runId: run?.id ?? null, baseId, drill, table: tableState.current, form, paramSet }),
    (saved) => {
      const v = readDiagnosticsView(saved);
      void (async () => {
        // show() puts the run's own parameters in the form and clears the drill; the view's come after.
        if (v.runId !== null && v.runId !== run?.id) await show(v.runId);
        setDrill(v.drill);
        const savedForm = v.form;
        if (savedForm) setForm((cur) => (cur ? mergeForm(cur, saved.form, savedForm) : cur));
        setParamSet(v.paramSet);
        setBaseId(v.baseId);
        setTableStart((t) => ({ key: t.key + 1, state: v.table }));
      })().catch(wb.reportError);
    },
    settled,
  );

  // The table pages the drilled customers itself (diagnostics.customers with the target).
  const onDrill = useCallback((target: DrillTarget) => {
    setDrill(target);
    document.querySelector('[data-testid="diag-customers"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, []);

  const runOption = (r: DiagnosticRunSummary) =>
    t('ui.runOption', { id: r.id, asOf: r.asOf, grain: t(`grains.${r.grain}`), basis: t(`ui.params.basisShort.${r.basis}`) }) +
    (r.label ? ` · ${r.label}` : '') +
    ` · ${paramsText(r.paramSet)}`;
  const paramsText = (name: string | null) => (name ? tp('runParams.set', { name }) : tp('runParams.defaults'));
  // Before the first progress report the engine is loading the data.
  const progress = job.running ? (job.progress ?? { phase: 'diagnostics.load', done: 0, total: null }) : null;
  const phase = progress ? progress.phase.replace('diagnostics.', '') : null;
  const result = run?.results ?? null;
  const noData = defaults !== null && defaults.data.orderLines === 0 && defaults.data.contracts === 0;

  return (
    <div className="section-stack diagnostics">
      <div className="card diag-toolbar">
        {form ? (
          <div className="diag-params">
            <label className="field">
              <span className="field-label">{t('ui.params.asOf')}</span>
              <input type="date" value={form.asOf} onChange={(e) => setForm({ ...form, asOf: e.target.value })} data-testid="diag-asof" />
            </label>
            <label className="field">
              <span className="field-label">{t('ui.params.grain')}</span>
              <select value={form.grain} onChange={(e) => setForm({ ...form, grain: e.target.value as Grain })} data-testid="diag-grain">
                {GRAINS.map((g) => (
                  <option key={g} value={g}>
                    {t(`grains.${g}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field" title={t(`basisHelp.${form.basis}`, { windowDays: form.windowDays ?? t('ui.params.windowAuto') })}>
              <span className="field-label">{t('ui.params.basis')} ⓘ</span>
              <select value={form.basis} onChange={(e) => setForm({ ...form, basis: e.target.value as ActivityBasis })} data-testid="diag-basis">
                <option value="non-contractual">{t('bases.non-contractual')}</option>
                <option value="contractual">{t('bases.contractual')}</option>
              </select>
            </label>
            <label className="field window-field">
              <span className="field-label">{t('ui.params.window')}</span>
              <input
                type="number"
                min={1}
                max={36500}
                value={form.windowDays ?? ''}
                placeholder={t('ui.params.windowPlaceholder')}
                disabled={form.basis === 'contractual'}
                title={t('ui.params.windowAuto')}
                onChange={(e) => setForm({ ...form, windowDays: e.target.value === '' ? null : Math.max(1, Math.round(Number(e.target.value)) || 1) })}
                data-testid="diag-window"
              />
            </label>
            <CohortRangeFields
              grain={form.grain}
              asOf={form.asOf}
              first={defaults?.data.firstOrderDate ?? null}
              from={form.cohortFrom}
              to={form.cohortTo}
              onChange={(cohortFrom, cohortTo) => setForm({ ...form, cohortFrom, cohortTo })}
            />
            <TrendRangeField
              grain={form.grain}
              asOf={form.asOf}
              first={defaults?.data.firstOrderDate ?? null}
              value={form.trend}
              onChange={(trend) => setForm({ ...form, trend })}
            />
            <label className="field">
              <span className="field-label">{tp('ui.set')}</span>
              <select value={paramSet} onChange={(e) => setParamSet(e.target.value)} data-testid="diag-param-set">
                <option value="">{tp('ui.builtIn')}</option>
                {paramSets.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <button className="btn btn-primary diag-run-btn" disabled={progress !== null || noData} onClick={() => void start()} data-testid="diag-run">
              {progress ? t('ui.params.running') : t('ui.params.run')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('ui.loading')}</p>
        )}
        {form ? (
          <div className="diag-runbar">
            <label className="inline-field">
              <span className="field-label">{t('ui.params.runSelect')}</span>
              <select
                value={run?.id ?? ''}
                onChange={(e) => void show(Number(e.target.value)).catch(wb.reportError)}
                disabled={runs.length === 0}
                data-testid="diag-run-select"
              >
                {runs.map((r) => (
                  <option key={r.id} value={r.id}>
                    {runOption(r)}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              <span className="field-label">{t('ui.params.compare')}</span>
              <select
                value={baseId ?? ''}
                onChange={(e) => setBaseId(e.target.value ? Number(e.target.value) : null)}
                disabled={runs.length < 2}
                data-testid="diag-compare-select"
              >
                <option value="">{t('ui.params.noCompare')}</option>
                {runs
                  .filter((r) => r.id !== run?.id)
                  .map((r) => (
                    <option key={r.id} value={r.id}>
                      {runOption(r)}
                    </option>
                  ))}
              </select>
            </label>
            {run ? (
              <button className="btn btn-ghost btn-danger diag-delete" onClick={() => void remove()} data-testid="diag-delete">
                {t('ui.params.delete')}
              </button>
            ) : null}
            <span className="diag-spacer" />
            {defaults ? (
              <span className="muted small diag-data-line">
                {noData
                  ? t('ui.params.noData')
                  : t('ui.params.dataLine', {
                      customers: fmt.int(defaults.data.customers),
                      orderLines: fmt.int(defaults.data.orderLines),
                      firstOrder: defaults.data.firstOrderDate ?? '—',
                      lastOrder: defaults.data.lastOrderDate ?? '—',
                      contracts: fmt.int(defaults.data.contracts),
                    })}
              </span>
            ) : null}
          </div>
        ) : null}
        {progress ? (
          <div className="run-progress" data-testid="diag-progress">
            <span>{phase ? t(`ui.phases.${phase}`, { defaultValue: phase }) : ''}</span>
            <div className="progress">
              <span style={{ width: progress.total ? `${(100 * (progress.done + 0.5)) / progress.total}%` : '10%' }} />
            </div>
          </div>
        ) : null}
      </div>

      {deferred.pending !== null ? (
        <div className="card undo-bar" role="status" data-testid="diag-undo">
          <span>{tw('undo.runDeleted', { id: deferred.pending })}</span>
          <button className="btn" onClick={() => void undoRemove()} data-testid="diag-undo-button">
            {tw('undo.undo')}
          </button>
        </div>
      ) : null}
      {run && result ? (
        <>
          <p className="muted small run-line" data-testid="diag-run-line">
            {t('ui.runLine', {
              id: run.id,
              asOf: run.asOf,
              grain: t(`grains.${run.grain}`),
              basis: t(`ui.params.basisShort.${run.basis}`),
              customers: fmt.int(run.customers),
              seconds: (run.durationMs / 1000).toFixed(1),
              at: formatDateTime(run.createdAt, wb.locale),
            })}
            {` · ${paramsText(run.paramSet)}`}
            {result.retention[result.retention.length - 1]?.period.partial ? ` · ${t('ui.partialNote', { asOf: run.asOf })}` : ''}
          </p>
          <RunNotes result={result} fmt={fmt} />
          <KpiCards result={result} comparison={comparison} fmt={fmt} />
          {comparison ? <ComparePanel c={comparison} fmt={fmt} /> : null}
          <TrendCards result={result} locale={wb.locale} currency={currency} onDrill={onDrill} />
          <RetentionTable result={result} fmt={fmt} onDrill={onDrill} />
          <CohortCard cohorts={result.cohorts} runId={run.id} result={result} asOf={run.asOf} locale={wb.locale} onDrill={onDrill} />
          <SegmentCards runId={run.id} result={result} locale={wb.locale} fmt={fmt} onDrill={onDrill} />
          <BreakdownCard runId={run.id} result={result} fmt={fmt} onDrill={onDrill} />
          <CustomerTable
            key={tableStart.key}
            initial={tableStart.state}
            onState={(s) => {
              tableState.current = s;
            }}
            runId={run.id}
            customers={run.customers}
            target={drill}
            drillLabel={drill ? drillLabel(t, drill, result) : null}
            onClearDrill={() => setDrill(null)}
            fmt={fmt}
          />
        </>
      ) : loaded && !progress ? (
        <div className="card empty-state" data-testid="diag-empty">
          <p className="muted">{t('ui.noRun')}</p>
        </div>
      ) : null}
    </div>
  );
}
