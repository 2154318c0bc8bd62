// The impact domain's channels ("did it work?"): experiments on retention actions, repair success,
// the indicator system against a frozen baseline, and the outcome-based fee. Spread into the contract
// in ./index.ts.
import { z } from 'zod';
import { channel } from './define';
import { ExperimentDefinitionSchema, OUTCOMES, type Experiment, type ExperimentResult, type ExperimentSummary } from '../impact/experiment';
import { GRAINS } from '../impact/indicators';
import type { FeeTerms } from '../impact/fee';
import type { BaselineSummary, FeeStatement, IndicatorsReport, RepairSuccessReport } from '../impact/views';

const id = z.int().positive();
const isoDate = z.iso.date();
const tolerance = z.number().gt(0).max(10);

/** The calculator before the start: give sizes for power and MDE, or an effect for the sizes needed. */
export const PlanArgsSchema = z.object({
  outcome: z.enum(OUTCOMES),
  alpha: z.number().gt(0).lt(0.5).default(0.05),
  power: z.number().gt(0.5).lt(1).default(0.8),
  /** Control customers per treatment customer. */
  ratio: z.number().positive().max(100).default(1),
  /** Rates: the control group's expected rate (0–1). */
  baselineRate: z.number().gt(0).lt(1).optional(),
  /** Revenue: the outcome's standard deviation per customer. */
  sd: z.number().positive().optional(),
  /** The effect to detect: points of the rate (0.05) or money for revenue. */
  effect: z.number().positive().optional(),
  /** Group sizes on hand: the power they give and their MDE. */
  treatmentSize: z.int().min(2).optional(),
  controlSize: z.int().min(2).optional(),
});

export interface PlanResult {
  outcome: (typeof OUTCOMES)[number];
  alpha: number;
  power: number;
  /** Sizes needed for the effect (when an effect is given). */
  needed: { treatment: number; control: number } | null;
  /** Power of the sizes on hand against the effect (when both are given). */
  achievedPower: number | null;
  /** Smallest effect the sizes on hand detect at the power. */
  mde: number | null;
}

export const impactChannels = {
  'impact.experiments': channel(z.object({})).returns<ExperimentSummary[]>(),
  'impact.experiment': channel(z.object({ id })).returns<Experiment>(),
  /** Stores the definition; the groups are drawn by impact.assign. */
  'impact.createExperiment': channel(z.object({ definition: ExperimentDefinitionSchema })).returns<Experiment>(),
  /** Draws and records the groups (random: with the stored or given seed). */
  'impact.assign': channel(
    z.object({
      id,
      seed: z
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .optional(),
    }),
  ).returns<Experiment>(),
  'impact.deleteExperiment': channel(z.object({ id })).returns<{ deleted: boolean }>(),
  /** The evaluation from the data as it stands: difference, interval, p-value, verdict and caveats. */
  'impact.result': channel(z.object({ id })).returns<ExperimentResult>(),
  'impact.plan': channel(PlanArgsSchema).returns<PlanResult>(),
  'impact.repairs': channel(z.object({ asOf: isoDate.optional() })).returns<RepairSuccessReport>(),
  /** A job (it reads every order): progress phases impact.<phase>, cancelled between pages and periods. */
  'impact.indicators': channel(
    z.object({
      asOf: isoDate.optional(),
      grain: z.enum(GRAINS).optional(),
      baselineId: id.optional(),
      tolerance: tolerance.optional(),
      series: z.boolean().default(true),
      jobId: z.string().optional(),
    }),
    { job: true },
  ).returns<IndicatorsReport>(),
  'impact.baselines': channel(z.object({})).returns<BaselineSummary[]>(),
  'impact.freezeBaseline': channel(
    z.object({
      asOf: isoDate,
      grain: z.enum(GRAINS).default('quarter'),
      tolerance: tolerance.default(0.15),
      label: z.string().trim().max(200).nullable().default(null),
    }),
  ).returns<BaselineSummary>(),
  'impact.setTolerance': channel(z.object({ id, tolerance })).returns<BaselineSummary>(),
  'impact.deleteBaseline': channel(z.object({ id })).returns<{ deleted: boolean }>(),
  /** The stored fee terms; null when none are saved. */
  'impact.feeTerms': channel(z.object({})).returns<FeeTerms | null>(),
  'impact.saveFeeTerms': channel(z.object({ terms: z.unknown() })).returns<FeeTerms>(),
  /** The fee for these terms (or the stored ones) with every figure it rests on; a job like impact.indicators. */
  'impact.fee': channel(z.object({ terms: z.unknown().optional(), jobId: z.string().optional() }), { job: true }).returns<FeeStatement>(),
};
