import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthModelEntry, HealthOverview } from '../../../../shared/contract/health';
import { useWorkbench } from '../../app/context';
import { useJob } from '../../hooks/useJob';
import { HealthOverviewView } from './HealthOverviewView';
import { SignalInbox } from './SignalInbox';
import { ActionBoard } from './ActionBoard';
import { WhatIfWorkshop } from './WhatIfWorkshop';
import { CustomerCard } from './CustomerCard';
import { modelName, fmtWhen } from './labels';
import { describeSource } from '../../../../shared/health/model-sources';
import { DEFAULT_HEALTH_MODEL } from '../../../../shared/health/presets';
import './health.css';
import { actionPolicyLine } from './triage/policy-line';

const TABS = ['overview', 'signals', 'actions', 'workshop'] as const;
type Tab = (typeof TABS)[number];

/** #/e/health/<tab> or #/e/health/customer/<key> */
function parseRoute(route: string): { tab: Tab | 'customer'; customerKey: string | null } {
  const parts = route.split('/');
  const sub = parts[3] ?? 'overview';
  if (sub === 'customer') return { tab: 'customer', customerKey: decodeURIComponent(parts[4] ?? '') };
  return { tab: (TABS as readonly string[]).includes(sub) ? (sub as Tab) : 'overview', customerKey: null };
}

export function HealthSection() {
  const { t } = useTranslation('health');
  const { t: tp } = useTranslation('params');
  const wb = useWorkbench();
  const { tab, customerKey } = parseRoute(wb.route);
  const [overview, setOverview] = useState<HealthOverview | null>(null);
  const [models, setModels] = useState<HealthModelEntry[]>([]);
  const [modelId, setModelId] = useState<string>('');
  const [asOf, setAsOf] = useState('');
  const job = useJob('health.run');
  const [version, setVersion] = useState(0);

  const reload = useCallback(async () => {
    const [o, m] = await Promise.all([wb.api['health.overview']({}), wb.api['health.models']({})]);
    setOverview(o);
    setModels(m);
    setModelId((cur) => cur || o.run?.modelId || DEFAULT_HEALTH_MODEL.id);
    setVersion((v) => v + 1);
    return o;
  }, [wb.api]);

  const runJob = job.run;
  const run = useCallback(
    async (opts: { modelId?: string; asOf?: string } = {}) => {
      const out = await runJob({ ...(opts.modelId ? { modelId: opts.modelId } : {}), ...(opts.asOf ? { asOf: opts.asOf } : {}) });
      if (!out.ok) return wb.reportError(out.error);
      await reload().catch(wb.reportError);
    },
    [runJob, reload, wb.reportError],
  );
  // Before the first progress report the engine is reading the facts.
  const running = job.running ? (job.progress ?? { phase: 'health.facts', done: 0, total: null }) : null;

  useEffect(() => {
    // The first visit scores the engagement with the default model: the consultant lands on a
    // result, not on an empty page with a button.
    reload().then((o) => (o.run ? undefined : run()), wb.reportError);
  }, [reload, run, wb.reportError, wb.workspace?.path]);

  const go = (next: string) => wb.navigate(`/e/health/${next}`);
  const runInfo = overview?.run;
  return (
    <div className="section-stack health">
      <div className="card health-toolbar">
        <div className="health-tabs" role="tablist">
          {TABS.map((id) => (
            <button
              key={id}
              role="tab"
              aria-selected={tab === id}
              className={tab === id ? 'active' : ''}
              data-testid={`health-tab-${id}`}
              onClick={() => go(id)}
            >
              {t(`ui.tabs.${id}`)}
              {id === 'signals' && overview ? (
                <span className="tab-count">{overview.signals.heavy + overview.signals.medium + overview.signals.light}</span>
              ) : null}
              {id === 'actions' && overview && overview.actions.overdue > 0 ? <span className="tab-count danger">{overview.actions.overdue}</span> : null}
            </button>
          ))}
        </div>
        <div className="health-run">
          <label className="inline-field">
            <span>{t('ui.run.model')}</span>
            <select value={modelId} onChange={(e) => setModelId(e.target.value)} data-testid="health-model">
              {models.map((m) => (
                <option key={m.model.id} value={m.model.id}>
                  {modelName(t, m.model)}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>{t('ui.run.asOf')}</span>
            <input type="date" value={asOf} placeholder={runInfo?.asOf} onChange={(e) => setAsOf(e.target.value)} />
          </label>
          <button className="btn btn-primary" disabled={running !== null} data-testid="health-run" onClick={() => run({ modelId, ...(asOf ? { asOf } : {}) })}>
            {running ? t('ui.run.running') : t('ui.run.run')}
          </button>
        </div>
      </div>
      {running && (
        <div className="card run-progress" data-testid="health-progress">
          <span>{t(`ui.phases.${running.phase.replace('health.', '')}`)}</span>
          <div className="progress">
            <span style={{ width: running.total ? `${(100 * running.done) / running.total}%` : '35%' }} />
          </div>
        </div>
      )}
      {runInfo && (
        <p className="muted small run-line" data-testid="health-run-line">
          {t('ui.run.line', {
            id: runInfo.id,
            asOf: runInfo.asOf,
            model: modelName(t, { id: runInfo.modelId, name: runInfo.modelName ?? undefined, nameKey: runInfo.modelNameKey ?? undefined }),
            at: fmtWhen(runInfo.startedAt),
            customers: runInfo.customers,
          })}
          {` · ${runInfo.paramSet ? tp('runParams.set', { name: runInfo.paramSet }) : tp('runParams.defaults')}`}
          <span data-testid="health-run-policy">{` · ${actionPolicyLine(t, runInfo.actionPolicy)}`}</span>
        </p>
      )}
      {runInfo?.sources && (
        <ul className="muted small run-line health-sources" data-testid="health-sources">
          {(['churn', 'clv'] as const).map((kind) => (
            <li key={kind} data-testid={`health-source-${kind}`} data-status={runInfo.sources?.[kind].status}>
              {t(`sources.${kind}`)}: {describeSource(kind, runInfo.sources![kind], (k, p) => t(k, p ?? {}))}
              {kind === 'churn' && overview?.churnRunNow && (
                <span data-testid="health-rerun-churn">
                  {' '}
                  {t('sources.rerunForChurn', { runId: overview.churnRunNow.id, scoredAsOf: overview.churnRunNow.scoredAsOf })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {tab === 'overview' && <HealthOverviewView overview={overview} onOpenCustomer={(k) => go(`customer/${encodeURIComponent(k)}`)} onGo={go} />}
      {tab === 'signals' && <SignalInbox version={version} onChanged={reload} onOpenCustomer={(k) => go(`customer/${encodeURIComponent(k)}`)} />}
      {tab === 'actions' && <ActionBoard version={version} onChanged={reload} onOpenCustomer={(k) => go(`customer/${encodeURIComponent(k)}`)} />}
      {tab === 'workshop' && <WhatIfWorkshop version={version} onSaved={reload} />}
      {tab === 'customer' && customerKey && <CustomerCard customerKey={customerKey} version={version} onChanged={reload} onBack={() => go('overview')} />}
    </div>
  );
}
