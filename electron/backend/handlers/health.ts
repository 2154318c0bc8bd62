import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HandlersFor } from '../../../shared/contract/define';
import type { healthChannels } from '../../../shared/contract/health';
import { exportHealthModel, importHealthModel } from '../../../shared/health/model';
import { DEFAULT_HEALTH_MODEL } from '../../../shared/health/presets';
import type { Backend } from '../backend';
import { WorkbenchError } from '../errors';
import { recordAudit, recordAuditSync } from '../workspace/repositories/audit';
import { countActions, createAction, listActions, runRepairCheck, updateAction } from '../health/actions-store';
import { localNow, localToday } from '../health/clock';
import { overdueClock } from '../health/overdue-clock';
import { healthRunAsOf } from '../health/as-of';
import { customerHealth, dismissSignal, listRuns, listScores, listSignals, overview, reopenSignal, whatIfData } from '../health/queries';
import { runHealth } from '../health/run';
import { deleteModel, getModel, getRules, listModels, saveModel, saveRules, validateModel } from '../health/store';
import { getParamSet } from '../params/store';
import { getActionPolicy } from '../health/action-policy-store';

export function healthHandlers(b: Backend): HandlersFor<typeof healthChannels> {
  const sqlite = () => b.requireWorkspace().sqlite;
  return {
    'health.models': async () => listModels(sqlite()),
    'health.saveModel': async ({ model }) => saveModel(sqlite(), model, localNow()),
    'health.deleteModel': async ({ id }) => ({ deleted: deleteModel(sqlite(), id) }),
    'health.exportModel': async ({ id, path }) => {
      const ws = b.requireWorkspace();
      const text = exportHealthModel(getModel(ws.sqlite, id));
      if (!path) return { text, path: null };
      const target = resolve(path);
      writeFileSync(target, text, 'utf8');
      await recordAudit(ws.db, 'health.exportModel', { id, path: target });
      return { text, path: target };
    },
    'health.importModel': async ({ path, text }) => {
      const ws = b.requireWorkspace();
      let body = text;
      if (body === undefined && path !== undefined) {
        const file = resolve(path);
        if (!existsSync(file)) throw new WorkbenchError('FILE_NOT_FOUND', { path: file });
        body = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      }
      const parsed = importHealthModel(body ?? '');
      if (!parsed.ok) {
        const detail = parsed.issues
          .slice(0, 3)
          .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
          .join('; ');
        throw new WorkbenchError('VALIDATION_FAILED', { detail });
      }
      const entry = saveModel(ws.sqlite, validateModel(parsed.model), localNow());
      await recordAudit(ws.db, 'health.importModel', { id: entry.model.id, path: path ?? null });
      return entry;
    },
    'health.rules': async () => getRules(sqlite()),
    'health.saveRules': async ({ rules }) => saveRules(sqlite(), rules),
    'health.run': async ({ modelId, asOf, paramSet, churnRunId, clvRunId }, ctx) => {
      const ws = b.requireWorkspace();
      const set = paramSet === undefined ? null : getParamSet(ws.sqlite, paramSet);
      // A pinned model run must exist; whether it can be read at the as-of is the run's recorded source.
      if (churnRunId !== undefined && !ws.sqlite.prepare('select 1 from churn_run where id = ?').get(churnRunId))
        throw new WorkbenchError('NOT_FOUND', { what: '流失模型运行 / churn-model run', id: churnRunId });
      if (clvRunId !== undefined && !ws.sqlite.prepare('select 1 from clv_run where id = ?').get(clvRunId))
        throw new WorkbenchError('NOT_FOUND', { what: '客户价值运行 / CLV run', id: clvRunId });
      const last = listRuns(ws.sqlite)[0];
      const model = getModel(ws.sqlite, modelId ?? last?.modelId ?? DEFAULT_HEALTH_MODEL.id);
      const date = asOf ?? healthRunAsOf(ws.sqlite, localToday());
      const r = await runHealth(ws.sqlite, {
        model,
        rules: set ? set.signals : getRules(ws.sqlite),
        ...(set ? { playbook: set.playbook } : {}),
        actionPolicy: getActionPolicy(ws.sqlite).policy,
        asOf: date,
        now: localNow(),
        sources: { churnRunId, clvRunId },
        progress: (phase, done, total) => ctx.progress(phase, done, total),
        signal: ctx.signal,
        onStored: (stored) => {
          // In the run's transaction: the run and the set it names commit together.
          if (set) ws.sqlite.prepare('update health_run set param_set = ? where id = ?').run(set.name, stored.runId);
          recordAuditSync(ws.sqlite, 'health.run', {
            runId: stored.runId,
            modelId: model.id,
            asOf: date,
            customers: stored.customers,
            paramSet: set?.name ?? null,
            churnRunId: stored.sources.churn.status === 'used' ? stored.sources.churn.runId : null,
            clvRunId: stored.sources.clv.status === 'used' ? stored.sources.clv.runId : null,
          });
        },
      });
      const summary = listRuns(ws.sqlite).find((x) => x.id === r.runId);
      if (!summary) throw new WorkbenchError('INTERNAL', { detail: 'run not stored' });
      return summary;
    },
    'health.runs': async () => listRuns(sqlite()),
    'health.overview': async ({ runId }) => overview(sqlite(), runId, overdueClock(sqlite(), localNow()).at),
    'health.scores': async (args) => listScores(sqlite(), args),
    'health.customer': async ({ customerKey, runId }) => customerHealth(sqlite(), customerKey, runId, overdueClock(sqlite(), localNow()).at),
    'health.whatIfData': async ({ runId }) => whatIfData(sqlite(), runId),
    'signals.list': async (args) => listSignals(sqlite(), args),
    'signals.dismiss': async ({ id, reason, reasonCode }) => {
      const ws = b.requireWorkspace();
      const s = dismissSignal(ws.sqlite, id, reason, localNow(), reasonCode ?? null);
      await recordAudit(ws.db, 'signals.dismiss', { id, customerKey: s.customerKey, ruleId: s.ruleId, reason, reasonCode: reasonCode ?? null });
      return s;
    },
    'signals.reopen': async ({ id }) => reopenSignal(sqlite(), id),
    'actions.list': async ({ now, ...filter }) => {
      const at = now ?? overdueClock(sqlite(), localNow()).at;
      return { items: listActions(sqlite(), filter, at), now: at, ...countActions(sqlite(), filter, at) };
    },
    'actions.create': async (args) => createAction(sqlite(), args, localNow()),
    'actions.update': async (args) => updateAction(sqlite(), args, localNow()),
    'actions.repairCheck': async ({ id, checkedAt }) => runRepairCheck(sqlite(), id, checkedAt ?? localNow(), localNow()),
  };
}
