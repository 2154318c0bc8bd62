import type { HandlersFor } from '../../../shared/contract/define';
import type { clvChannels } from '../../../shared/contract/clv';
import type { Backend } from '../backend';
import { recordAudit, recordAuditSync } from '../workspace/repositories/audit';
import { localNow } from '../diagnostics/defaults';
import { runClvModel } from '../clv/run';
import { loadClvBreakdown } from '../clv/breakdown';
import { clvRunSummary, customersByKey, customersPage, deleteClvRun, latestClvRunId, listClvRuns, loadClvRun } from '../clv/store';

export function clvHandlers(b: Backend): HandlersFor<typeof clvChannels> {
  const sqlite = () => b.requireWorkspace().sqlite;
  return {
    'clv.fit': async ({ params, label }, ctx) => {
      const ws = b.requireWorkspace();
      const r = runClvModel(ws.sqlite, {
        params,
        label: label ?? null,
        now: localNow(),
        progress: (phase, done, total) => ctx.progress(`clv.${phase}`, done, total),
        signal: ctx.signal,
      });
      const run = loadClvRun(ws.sqlite, r.runId);
      recordAuditSync(ws.sqlite, 'clv.fit', {
        runId: r.runId,
        model: run.model,
        status: run.status,
        verdict: run.verdict,
        durationMs: Math.round(r.durationMs),
      });
      return run;
    },
    'clv.runs': async () => listClvRuns(sqlite()),
    'clv.get': async ({ runId }) => {
      const db = sqlite();
      const id = runId ?? latestClvRunId(db);
      return id === null ? null : loadClvRun(db, id);
    },
    'clv.customers': async (args) => customersPage(sqlite(), args),
    'clv.lookup': async ({ customerKeys, runId }) => {
      const db = sqlite();
      const id = runId ?? latestClvRunId(db);
      const run = id === null ? null : clvRunSummary(db, id);
      return run ? { run, rows: customersByKey(db, run.id, customerKeys) } : null;
    },
    'clv.breakdown': async ({ runId }) => {
      const db = sqlite();
      loadClvRun(db, runId); // NOT_FOUND for an unknown run
      return loadClvBreakdown(db, runId);
    },
    'clv.delete': async ({ runId }) => {
      const ws = b.requireWorkspace();
      const deleted = deleteClvRun(ws.sqlite, runId);
      if (deleted) await recordAudit(ws.db, 'clv.delete', { runId });
      return { deleted };
    },
  };
}
