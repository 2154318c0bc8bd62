// An experiment on a retention action (A/B测试: "对照组保持原有策略，实验组采用新方案"): its definition as
// the user gives it, and its evaluation from each member's outcome. Pure: the engine loads the members
// and their outcomes (electron/backend/impact/outcomes.ts) and calls evaluateExperiment.

import { z } from 'zod';
import { cuped } from './cuped';
import { normalQuantile } from './distributions';
import { differenceInDifferences, type DidResult, type PanelRow } from './did';
import { bootstrapMeanDifference, summarise, welchTest } from './means';
import { mdeMeans, mdeProportions, sampleSizeProportions } from './power';
import { twoProportionTest } from './proportions';
import { sampleRatioCheck, type SrmResult } from './srm';

export const OUTCOMES = ['retained', 'converted', 'revenue'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const SELECTIONS = ['rule', 'list', 'random'] as const;
export type Selection = (typeof SELECTIONS)[number];
export const DESIGNS = ['ab', 'did'] as const;
export type Design = (typeof DESIGNS)[number];
export type Arm = 'treatment' | 'control';

const keyList = z.array(z.string().trim().min(1).max(200)).max(1_000_000);

/** Customers a rule picks: every listed field must match one of its values; empty = any. */
export const CustomerRuleSchema = z.object({
  industries: z.array(z.string()).default([]),
  regions: z.array(z.string()).default([]),
  owners: z.array(z.string()).default([]),
  segments: z.array(z.string()).default([]),
  /** Bands of the latest health run. */
  healthBands: z.array(z.enum(['red', 'yellow', 'green'])).default([]),
  /** Leave out customers already churned at the start. */
  excludeChurned: z.boolean().default(true),
});
export type CustomerRule = z.output<typeof CustomerRuleSchema>;

export const ExperimentPlanSchema = z.object({
  alpha: z.number().gt(0).lt(0.5).default(0.05),
  power: z.number().gt(0.5).lt(1).default(0.8),
  /** Expected control rate (retained / converted), as a fraction; null = estimate from the pre-period. */
  expectedControlRate: z.number().gt(0).lt(1).nullable().default(null),
  /** The smallest lift worth detecting, in points of the rate (0.05 = 5 points), or in money for revenue. */
  minimumEffect: z.number().positive().nullable().default(null),
});
export type ExperimentPlan = z.output<typeof ExperimentPlanSchema>;

export const ExperimentDefinitionSchema = z.object({
  name: z.string().trim().min(1).max(200),
  action: z.string().trim().min(1).max(200),
  design: z.enum(DESIGNS).default('ab'),
  selection: z.enum(SELECTIONS),
  /** random: the population to split; rule: the treatment group. */
  rule: CustomerRuleSchema.prefault({}),
  /** rule: the control (comparison) group. */
  controlRule: CustomerRuleSchema.prefault({}),
  /** list: the imported groups. */
  treatmentKeys: keyList.default([]),
  controlKeys: keyList.default([]),
  /** random: the seed; left out, the workbench picks one and records it. */
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .nullable()
    .default(null),
  treatmentShare: z.number().gt(0).lt(1).default(0.5),
  outcome: z.enum(OUTCOMES),
  startDate: z.iso.date(),
  windowDays: z.int().min(1).max(1095).default(90),
  varianceReduction: z.enum(['none', 'cuped']).default('none'),
  plan: ExperimentPlanSchema.prefault({}),
  note: z.string().max(2000).nullable().default(null),
});
export type ExperimentDefinition = z.output<typeof ExperimentDefinitionSchema>;
export type ExperimentDefinitionInput = z.input<typeof ExperimentDefinitionSchema>;

export interface ExperimentSummary {
  id: number;
  name: string;
  action: string;
  design: Design;
  selection: Selection;
  outcome: Outcome;
  startDate: string;
  windowDays: number;
  seed: number | null;
  treatment: number;
  control: number;
  assignedAt: string | null;
  createdAt: string;
}

export interface Experiment extends ExperimentSummary {
  definition: ExperimentDefinition;
}

/** One member's outcome: value in the window, and the same measure over the same length before the start. */
export interface MemberOutcome {
  customerKey: string;
  arm: Arm;
  value: number;
  pre: number;
}

export interface ArmSummary {
  n: number;
  /** Rate (0–1) for retained / converted, mean money per customer for revenue. */
  mean: number;
  preMean: number;
  /** retained / converted customers; null for revenue. */
  successes: number | null;
}

export interface EffectEstimate {
  method: 'twoProportion' | 'welch' | 'bootstrap' | 'cuped' | 'did';
  difference: number;
  relativeLift: number | null;
  ciLow: number;
  ciHigh: number;
  pValue: number;
  confidence: number;
}

export const VERDICTS = ['worked', 'backfired', 'noEffectDetected', 'tooEarly', 'untrustworthy', 'notAssigned'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Caveat {
  /** Catalogue key under impact:experiments.caveats.* */
  key:
    | 'srm'
    | 'tooSmall'
    | 'windowNotOver'
    | 'notRandom'
    | 'preImbalance'
    | 'cupedUsed'
    | 'preTrend'
    | 'preTrendUnknown'
    | 'smallCells'
    | 'droppedUnits'
    | 'drawnAfterStart';
  params: Record<string, string | number>;
}

export interface ExperimentResult {
  experimentId: number;
  outcome: Outcome;
  design: Design;
  startDate: string;
  windowEnd: string;
  /** Last day with data (orders, contracts). */
  dataEnd: string | null;
  windowOver: boolean;
  treatment: ArmSummary;
  control: ArmSummary;
  /** The estimate the verdict rests on (CUPED when chosen and applicable, DiD for a did design). */
  primary: EffectEstimate | null;
  /** Every estimate computed, primary first. */
  estimates: EffectEstimate[];
  cuped: { theta: number; varianceReduction: number; correlation: number } | null;
  srm: SrmResult | null;
  /** Smallest effect detectable with these groups at the plan's alpha and power. */
  mde: number | null;
  /** Treatment customers the plan needed, when it names an expected rate and effect. */
  plannedPerGroup: number | null;
  did: DidResult | null;
  verdict: Verdict;
  caveats: Caveat[];
  alpha: number;
}

export interface EvaluateInput {
  experimentId: number;
  definition: ExperimentDefinition;
  members: MemberOutcome[];
  windowEnd: string;
  dataEnd: string | null;
  /** did design: the monthly panel and the first post month. */
  panel?: { rows: PanelRow[]; firstPostPeriod: string };
  bootstrapSeed?: number;
  /** When the groups were drawn ('YYYY-MM-DD…'); a random draw after the start cannot have steered who got the action. */
  assignedAt?: string | null;
}

const arm = (members: readonly MemberOutcome[], binary: boolean): ArmSummary => {
  const n = members.length;
  const sum = members.reduce((s, m) => s + m.value, 0);
  const pre = members.reduce((s, m) => s + m.pre, 0);
  return { n, mean: n ? sum / n : 0, preMean: n ? pre / n : 0, successes: binary ? sum : null };
};

export function evaluateExperiment(input: EvaluateInput): ExperimentResult {
  const d = input.definition;
  const binary = d.outcome !== 'revenue';
  const alpha = d.plan.alpha;
  const conf = 1 - alpha;
  const t = input.members.filter((m) => m.arm === 'treatment');
  const c = input.members.filter((m) => m.arm === 'control');
  const treatment = arm(t, binary);
  const control = arm(c, binary);
  const windowOver = input.dataEnd !== null && input.dataEnd >= input.windowEnd;
  const caveats: Caveat[] = [];
  const estimates: EffectEstimate[] = [];
  let cupedInfo: ExperimentResult['cuped'] = null;
  let srm: SrmResult | null = null;
  let did: DidResult | null = null;
  let mde: number | null;
  let plannedPerGroup: number | null = null;

  const base = {
    experimentId: input.experimentId,
    outcome: d.outcome,
    design: d.design,
    startDate: d.startDate,
    windowEnd: input.windowEnd,
    dataEnd: input.dataEnd,
    windowOver,
    treatment,
    control,
    alpha,
  };
  if (treatment.n < 2 || control.n < 2) {
    return { ...base, primary: null, estimates, cuped: null, srm: null, mde: null, plannedPerGroup: null, did: null, verdict: 'notAssigned', caveats };
  }

  if (d.selection === 'random' && input.assignedAt && input.assignedAt.slice(0, 10) > d.startDate)
    caveats.push({ key: 'drawnAfterStart', params: { drawn: input.assignedAt.slice(0, 10), start: d.startDate } });
  if (d.selection === 'random') {
    srm = sampleRatioCheck([treatment.n, control.n], [d.treatmentShare, 1 - d.treatmentShare]);
    if (srm.mismatch)
      caveats.push({ key: 'srm', params: { p: srm.pValue.toExponential(2), expected: Math.round(srm.expected[0] as number), observed: treatment.n } });
  } else {
    caveats.push({ key: 'notRandom', params: {} });
    // Groups chosen by rule or list may differ before the start: compare their pre-period.
    const pre = welchTest(summarise(t.map((m) => m.pre)), summarise(c.map((m) => m.pre)));
    if (pre.pValue < 0.05) caveats.push({ key: 'preImbalance', params: { treatment: treatment.preMean, control: control.preMean, p: pre.pValue.toFixed(3) } });
  }

  if (d.design === 'did' && input.panel) {
    did = differenceInDifferences(input.panel.rows, input.panel.firstPostPeriod, conf);
    estimates.push({
      method: 'did',
      difference: did.estimate,
      relativeLift: did.treatmentPre ? did.estimate / Math.abs(did.treatmentPre) : null,
      ciLow: did.test.ciLow,
      ciHigh: did.test.ciHigh,
      pValue: did.test.pValue,
      confidence: conf,
    });
    if (did.preTrendSlope === null || did.preTrendSlopeSe === null) caveats.push({ key: 'preTrendUnknown', params: { periods: did.prePeriods } });
    else if (did.preTrendSlopeSe > 0 && Math.abs(did.preTrendSlope / did.preTrendSlopeSe) > 2)
      caveats.push({ key: 'preTrend', params: { slope: did.preTrendSlope, periods: did.prePeriods } });
    if (did.unitsDropped > 0) caveats.push({ key: 'droppedUnits', params: { count: did.unitsDropped } });
  }

  if (binary) {
    const r = twoProportionTest({ successes: treatment.successes as number, n: treatment.n }, { successes: control.successes as number, n: control.n }, conf);
    estimates.push({
      method: 'twoProportion',
      difference: r.difference,
      relativeLift: r.relativeLift,
      ciLow: r.ciLow,
      ciHigh: r.ciHigh,
      pValue: r.pValue,
      confidence: conf,
    });
    if (r.smallestExpectedCell < 5) caveats.push({ key: 'smallCells', params: { cell: r.smallestExpectedCell.toFixed(1) } });
    mde = mdeProportions(control.mean > 0 && control.mean < 1 ? control.mean : 0.5, treatment.n, control.n, alpha, d.plan.power);
    const p0 = d.plan.expectedControlRate ?? (control.preMean > 0 && control.preMean < 1 ? control.preMean : null);
    if (p0 !== null && d.plan.minimumEffect !== null && p0 + d.plan.minimumEffect < 1) {
      plannedPerGroup = sampleSizeProportions(p0, p0 + d.plan.minimumEffect, {
        alpha,
        power: d.plan.power,
        ratio: (1 - d.treatmentShare) / d.treatmentShare,
      }).treatment;
    }
  } else {
    const w = welchTest(summarise(t.map((m) => m.value)), summarise(c.map((m) => m.value)), conf);
    const b = bootstrapMeanDifference(
      t.map((m) => m.value),
      c.map((m) => m.value),
      { seed: input.bootstrapSeed ?? 1, resamples: 2000, confidence: conf },
    );
    estimates.push({
      method: 'welch',
      difference: w.difference,
      relativeLift: w.relativeLift,
      ciLow: w.ciLow,
      ciHigh: w.ciHigh,
      pValue: w.pValue,
      confidence: conf,
    });
    estimates.push({
      method: 'bootstrap',
      difference: b.difference,
      relativeLift: w.relativeLift,
      ciLow: b.ciLow,
      ciHigh: b.ciHigh,
      pValue: b.pValue,
      confidence: conf,
    });
    const pooledSd = Math.sqrt((summarise(t.map((m) => m.value)).variance + summarise(c.map((m) => m.value)).variance) / 2);
    mde = mdeMeans(pooledSd, treatment.n, control.n, alpha, d.plan.power);
  }

  if (d.varianceReduction === 'cuped' && d.design === 'ab') {
    const r = cuped({ pre: t.map((m) => m.pre), post: t.map((m) => m.value) }, { pre: c.map((m) => m.pre), post: c.map((m) => m.value) });
    const w = welchTest(summarise(r.adjustedTreatment), summarise(r.adjustedControl), conf);
    cupedInfo = { theta: r.theta, varianceReduction: r.varianceReduction, correlation: r.correlation };
    estimates.unshift({
      method: 'cuped',
      difference: w.difference,
      relativeLift: control.mean ? w.difference / Math.abs(control.mean) : null,
      ciLow: w.ciLow,
      ciHigh: w.ciHigh,
      pValue: w.pValue,
      confidence: conf,
    });
    caveats.push({ key: 'cupedUsed', params: { reduction: (r.varianceReduction * 100).toFixed(1) } });
  }
  // did first when it is the design; else CUPED (unshifted) or the plain test. The MDE follows the
  // estimate the verdict rests on: for a did design, per customer per month from the DiD's own error.
  if (d.design === 'did') {
    estimates.sort((a, b) => (a.method === 'did' ? -1 : b.method === 'did' ? 1 : 0));
    if (did) mde = (normalQuantile(1 - alpha / 2) + normalQuantile(d.plan.power)) * did.test.standardError;
  }
  const primary = estimates[0] ?? null;

  const tooSmall = plannedPerGroup !== null ? treatment.n < plannedPerGroup : treatment.n < 30 || control.n < 30;
  if (tooSmall) caveats.push({ key: 'tooSmall', params: { treatment: treatment.n, control: control.n, planned: plannedPerGroup ?? 30 } });
  if (!windowOver) caveats.push({ key: 'windowNotOver', params: { windowEnd: input.windowEnd, dataEnd: input.dataEnd ?? '—' } });

  let verdict: Verdict;
  if (srm?.mismatch) verdict = 'untrustworthy';
  else if (!windowOver) verdict = 'tooEarly';
  else if (primary && primary.pValue < alpha) verdict = primary.difference > 0 ? 'worked' : 'backfired';
  else verdict = 'noEffectDetected';
  return { ...base, primary, estimates, cuped: cupedInfo, srm, mde, plannedPerGroup, did, verdict, caveats };
}
