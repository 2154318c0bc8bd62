import type { HandlersFor } from '../../../shared/contract/define';
import type { impactChannels } from '../../../shared/contract/impact';
import { evaluateExperiment } from '../../../shared/impact/experiment';
import { computeIndicators, periodEnding } from '../../../shared/impact/indicators';
import { repairSuccess } from '../../../shared/impact/repairs';
import type { Backend } from '../backend';
import { localNow } from '../health/clock';
import { recordAuditSync } from '../workspace/repositories/audit';
import { dataEnd, loadIndicatorData, repairRecords } from '../impact/data';
import { assignExperiment, createExperiment, deleteExperiment, getExperiment, listExperiments, windowEndOf } from '../impact/experiments-store';
import { memberOutcomes, monthlyPanel } from '../impact/outcomes';
import { planExperiment } from '../impact/plan';
import { deleteBaseline, freezeBaseline, indicatorSettings, indicatorsReportSteps, listBaselines, setBaselineTolerance } from '../impact/indicators';
import { feeSteps, getFeeTerms, saveFeeTerms } from '../impact/fee';
import { runStepsAsJob } from '../impact/steps';
import { WorkbenchError } from '../errors';

export function impactHandlers(b: Backend): HandlersFor<typeof impactChannels> {
  const sqlite = () => b.requireWorkspace().sqlite;
  return {
    'impact.experiments': async () => listExperiments(sqlite()),
    'impact.experiment': async ({ id }) => getExperiment(sqlite(), id),
    'impact.createExperiment': async ({ definition }) => {
      const db = sqlite();
      const e = createExperiment(db, definition, localNow());
      recordAuditSync(db, 'impact.createExperiment', { id: e.id, name: e.name, selection: e.selection, outcome: e.outcome });
      return e;
    },
    'impact.assign': async ({ id, seed }) => {
      const db = sqlite();
      const e = assignExperiment(db, id, localNow(), seed);
      recordAuditSync(db, 'impact.assign', { id, seed: e.seed, treatment: e.treatment, control: e.control });
      return e;
    },
    'impact.deleteExperiment': async ({ id }) => {
      const db = sqlite();
      const deleted = deleteExperiment(db, id);
      if (deleted) recordAuditSync(db, 'impact.deleteExperiment', { id });
      return { deleted };
    },
    'impact.result': async ({ id }) => {
      const db = sqlite();
      const e = getExperiment(db, id);
      const end = dataEnd(db);
      const d = e.definition;
      return evaluateExperiment({
        experimentId: id,
        definition: d,
        members: memberOutcomes(db, id, d),
        windowEnd: windowEndOf(d),
        dataEnd: end,
        ...(d.design === 'did' ? { panel: monthlyPanel(db, id, d, end) } : {}),
        bootstrapSeed: e.seed ?? id,
        assignedAt: e.assignedAt,
      });
    },
    'impact.plan': async (args) => planExperiment(args),
    'impact.repairs': async ({ asOf }) => {
      const db = sqlite();
      const day = asOf ?? dataEnd(db) ?? localNow().slice(0, 10);
      const values = computeIndicators(loadIndicatorData(db), periodEnding(day, 'year'), indicatorSettings());
      const pick = (k: string) => values.find((v) => v.id === k) as (typeof values)[number];
      return { ...repairSuccess(repairRecords(db)), asOf: day, winBack: pick('winBack'), highRiskRate: pick('highRiskRepairSuccess') };
    },
    'impact.indicators': async (args, ctx) => runStepsAsJob(indicatorsReportSteps(sqlite(), args), ctx),
    'impact.baselines': async () => listBaselines(sqlite()),
    'impact.freezeBaseline': async (args) => {
      const db = sqlite();
      const bl = freezeBaseline(db, args, localNow());
      recordAuditSync(db, 'impact.freezeBaseline', { id: bl.id, asOf: bl.asOf, grain: bl.grain, tolerance: bl.tolerance });
      return bl;
    },
    'impact.setTolerance': async ({ id, tolerance }) => setBaselineTolerance(sqlite(), id, tolerance),
    'impact.deleteBaseline': async ({ id }) => ({ deleted: deleteBaseline(sqlite(), id) }),
    'impact.feeTerms': async () => getFeeTerms(sqlite()),
    'impact.saveFeeTerms': async ({ terms }) => saveFeeTerms(sqlite(), terms, localNow()),
    'impact.fee': async ({ terms }, ctx) => {
      const db = sqlite();
      const t = terms ?? getFeeTerms(db);
      if (t === null || t === undefined)
        throw new WorkbenchError('FEE_TERMS_INVALID', { field: 'terms', detail: 'no terms are saved or given', 'detail@zh-CN': '尚未保存或提供收费条款' });
      return runStepsAsJob(feeSteps(db, t, localNow()), ctx);
    },
  };
}
