import type { HandlersFor } from '../../../shared/contract/define';
import type { diagnosticsChannels } from '../../../shared/contract/diagnostics';
import { AnalyticsParamsSchema, compareRuns, TIERS } from '../../../shared/analytics';
import type { Backend } from '../backend';
import { WorkbenchError } from '../errors';
import { recordAudit, recordAuditSync } from '../workspace/repositories/audit';
import { customerPage, drill, transitions } from '../diagnostics/drill-sql';
import { dataOverview, defaultAsOf, defaultGrain, localNow } from '../diagnostics/defaults';
import { runAndStore } from '../diagnostics/run';
import { deleteRun, latestRunId, listRuns, loadRun, setRunLabel } from '../diagnostics/runs-repo';
import { getParamSet } from '../params/store';

export function diagnosticsHandlers(b: Backend): HandlersFor<typeof diagnosticsChannels> {
  const sqlite = () => b.requireWorkspace().sqlite;
  return {
    'diagnostics.defaults': async () => {
      const db = sqlite();
      const asOf = defaultAsOf(db);
      const data = dataOverview(db);
      return { asOf, params: AnalyticsParamsSchema.parse({ asOf, grain: defaultGrain(data) }), data };
    },
    'diagnostics.run': async ({ params, label, paramSet }, ctx) => {
      const ws = b.requireWorkspace();
      // A customers-only workspace (a churn snapshot such as Telco) has nothing to measure retention on:
      // refuse before a run with as-of = today and no activity is stored.
      const activity = ws.sqlite.prepare(`select exists(select 1 from orders) or exists(select 1 from contracts)`).pluck().get() as number;
      if (!activity) throw new WorkbenchError('DIAGNOSE_NO_ORDERS', {});
      const set = paramSet === undefined ? null : getParamSet(ws.sqlite, paramSet);
      const full = AnalyticsParamsSchema.parse({
        ...params,
        ...(set ? { rfm: set.rfm, tiers: set.tiers, lifecycle: set.lifecycle } : {}),
        asOf: params.asOf ?? defaultAsOf(ws.sqlite),
        grain: params.grain ?? defaultGrain(dataOverview(ws.sqlite)),
      });
      const r = await runAndStore(ws.sqlite, {
        params: full,
        label: label ?? null,
        paramSet: set?.name ?? null,
        now: localNow(),
        progress: (phase, done, total) => ctx.progress(`diagnostics.${phase}`, done, total),
        signal: ctx.signal,
        onStored: (runId, durationMs) =>
          recordAuditSync(ws.sqlite, 'diagnostics.run', {
            runId,
            asOf: full.asOf,
            grain: full.grain,
            basis: full.activity.basis,
            paramSet: set?.name ?? null,
            durationMs: Math.round(durationMs),
          }),
      });
      return loadRun(ws.sqlite, r.runId);
    },
    'diagnostics.runs': async () => listRuns(sqlite()),
    'diagnostics.get': async ({ runId }) => {
      const db = sqlite();
      const id = runId ?? latestRunId(db);
      return id === null ? null : loadRun(db, id);
    },
    'diagnostics.compare': async ({ baseRunId, runId }) => {
      const db = sqlite();
      const base = loadRun(db, baseRunId);
      const now = loadRun(db, runId);
      const valueGroupIds = now.params.rfm.valueGroupRules.map((r) => r.id);
      return compareRuns(base, now, {
        valueGroups: transitions(db, baseRunId, runId, 'value_group', valueGroupIds),
        tier: transitions(db, baseRunId, runId, 'tier', TIERS),
      });
    },
    'diagnostics.customers': async (args) => customerPage(sqlite(), args),
    'diagnostics.drill': async ({ runId, target, limit }) => drill(sqlite(), runId, target, limit),
    'diagnostics.label': async ({ runId, label }) => {
      const db = sqlite();
      setRunLabel(db, runId, label);
      const s = listRuns(db).find((r) => r.id === runId);
      if (!s) throw new WorkbenchError('NOT_FOUND', { what: 'diagnostic run', id: runId });
      return s;
    },
    'diagnostics.delete': async ({ runId }) => {
      const ws = b.requireWorkspace();
      const deleted = deleteRun(ws.sqlite, runId);
      if (deleted) await recordAudit(ws.db, 'diagnostics.delete', { runId });
      return { deleted };
    },
  };
}
