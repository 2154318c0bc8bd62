import type { HandlersFor } from '../../../shared/contract/define';
import type { churnChannels } from '../../../shared/contract/churn';
import type { Backend } from '../backend';
import { recordAudit, recordAuditSync } from '../workspace/repositories/audit';
import { localNow } from '../diagnostics/defaults';
import { runChurnModel } from '../churn/run';
import { runBacktest } from '../churn/backtest';
import { storeBacktest } from '../params/backtest-store';
import { getRules } from '../health/store';
import { customerScore, deleteChurnRun, latestChurnRunId, listChurnRuns, loadChurnRun, scoresPage } from '../churn/store';

export function churnHandlers(b: Backend): HandlersFor<typeof churnChannels> {
  const sqlite = () => b.requireWorkspace().sqlite;
  return {
    'churn.fit': async ({ params, label }, ctx) => {
      const ws = b.requireWorkspace();
      const r = await runChurnModel(ws.sqlite, {
        params,
        label: label ?? null,
        now: localNow(),
        progress: (phase, done, total) => ctx.progress(`churn.${phase}`, done, total),
        signal: ctx.signal,
      });
      const run = loadChurnRun(ws.sqlite, r.runId);
      recordAuditSync(ws.sqlite, 'churn.fit', {
        runId: r.runId,
        label: params.label,
        model: params.model,
        status: run.status,
        rocAuc: run.rocAuc,
        durationMs: Math.round(r.durationMs),
      });
      return run;
    },
    'churn.runs': async () => listChurnRuns(sqlite()),
    'churn.get': async ({ runId }) => {
      const db = sqlite();
      const id = runId ?? latestChurnRunId(db);
      return id === null ? null : loadChurnRun(db, id);
    },
    'churn.scores': async (args) => scoresPage(sqlite(), args),
    'churn.customer': async ({ customerKey, runId }) => {
      const db = sqlite();
      const id = runId ?? latestChurnRunId(db);
      return id === null ? null : customerScore(db, id, customerKey);
    },
    'churn.backtest': async ({ horizonDays, dates }, ctx) => {
      const db = sqlite();
      const bt = await runBacktest(db, { horizonDays, dates, signal: ctx.signal, progress: (done, total) => ctx.progress('churn.backtest', done, total) });
      // Kept with the rules it replayed, so the rule editor shows it beside each rule (params.backtest).
      storeBacktest(
        db,
        bt,
        getRules(db).filter((r) => bt.rules.some((x) => x.ruleId === r.id)),
        localNow(),
      );
      return bt;
    },
    'churn.delete': async ({ runId }) => {
      const ws = b.requireWorkspace();
      const deleted = deleteChurnRun(ws.sqlite, runId);
      if (deleted) await recordAudit(ws.db, 'churn.delete', { runId });
      return { deleted };
    },
  };
}
