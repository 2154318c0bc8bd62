// A CLV run's request and its plain-data result, shared by the engine, the CLI and the UI.
// Order matters to every reader: the evaluation (fit status, tracking, verdict) comes before the
// per-customer predictions.
import { z } from 'zod';
import type { FrequencyBucket, TrackingPoint, Verdict, VerdictReason } from './diagnostics';
import type { ModelFitResult } from './fit';
import type { Bounds, IntervalsWithheld } from './intervals';
import { COUNT_MODELS, type CountModel } from './models';
import { TIME_UNITS, type SummaryExclusions, type TimeUnit } from './summary';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const ClvParamsSchema = z.object({
  model: z.enum(COUNT_MODELS).default('bgnbd'),
  unit: z.enum(TIME_UNITS).default('day'),
  /** Predictions are made as of this day (inclusive); default: the last order date. */
  asOf: isoDate.optional(),
  /** Days before as-of held out to test the model (fitted on the rest first); 0: no hold-out test. */
  holdoutDays: z.int().min(0).max(1095).default(90),
  /** The calibration / hold-out split date (last calibration day); when given it sets holdoutDays. */
  calibrationEnd: isoDate.optional(),
  horizonMonths: z.int().min(1).max(120).default(12),
  /** Monthly discount rate for the value of future purchases. */
  discount: z.number().min(0).max(1).default(0.01),
});
export type ClvParams = z.output<typeof ClvParamsSchema>;
export type ClvParamsInput = z.input<typeof ClvParamsSchema>;

export interface ClvCustomer {
  customerId: string;
  x: number;
  tx: number;
  T: number;
  monetary: number;
  pAlive: number;
  pAliveAtHorizon: number;
  expectedPurchases: number;
  expectedSpend: number | null;
  clv: number | null;
  /** 95% intervals of the expected figures from the parameters' uncertainty (intervals.ts); null where none. */
  pAliveLow: number | null;
  pAliveHigh: number | null;
  expectedPurchasesLow: number | null;
  expectedPurchasesHigh: number | null;
  expectedSpendLow: number | null;
  expectedSpendHigh: number | null;
  clvLow: number | null;
  clvHigh: number | null;
}

/** The run's interval basis: the totals' intervals, or why there are none. */
export interface ClvIntervalSummary {
  method: 'delta';
  withheld: IntervalsWithheld | null;
  expectedPurchases: Bounds | null;
  clv: Bounds | null;
}

export interface ClvEvaluation {
  /** The count model fitted on the calibration period only (null without a hold-out). */
  calibrationFit: ModelFitResult | null;
  calibrationEnd: string | null;
  holdoutLength: number;
  tracking: TrackingPoint[];
  buckets: FrequencyBucket[];
  holdoutActual: number | null;
  holdoutPredicted: number | null;
  /** Correlation of frequency and mean spend among repeat buyers (Gamma-Gamma assumes none). */
  spendCorrelation: number | null;
  verdict: Verdict;
  reasons: VerdictReason[];
}

export interface ClvResult {
  model: CountModel;
  unit: TimeUnit;
  asOf: string;
  horizonMonths: number;
  discount: number;
  customers: number;
  repeatBuyers: number;
  exclusions: SummaryExclusions;
  /** Repeat buyers left out of Gamma-Gamma (no positive repeat spend); their spend is the population mean. */
  spendExcluded: number;
  evaluation: ClvEvaluation;
  countFit: ModelFitResult;
  spendFit: ModelFitResult | null;
  totals: { expectedPurchases: number; clv: number | null; meanPAlive: number };
  /** Absent in runs stored before per-customer intervals were computed. */
  intervals?: ClvIntervalSummary;
  scores: ClvCustomer[];
}

/** A stored run as listed: what was asked and the headline figures, without the fits' detail. */
export interface ClvRunSummary {
  id: number;
  createdAt: string;
  label: string | null;
  params: ClvParams;
  asOf: string;
  model: CountModel;
  status: ClvResult['countFit']['status'];
  verdict: ClvEvaluation['verdict'];
  logLikelihood: number | null;
  customers: number;
  totalClv: number | null;
  durationMs: number;
}

/** A stored run: the summary and the result without its per-customer scores (paged by clv.customers). */
export type ClvRun = ClvRunSummary & { result: Omit<ClvResult, 'scores'> };

/** pastValue: repeat purchases × mean repeat spend, what the customer has spent on repeat purchases so far. */
export const CLV_CUSTOMER_SORTS = ['clv', 'pAlive', 'expectedPurchases', 'customerKey', 'pastValue'] as const;
/** Below this P(alive) a customer is more likely gone than active: "dormant" in the section's at-risk list. */
export const DORMANT_P_ALIVE = 0.5;
export type ClvCustomerSort = (typeof CLV_CUSTOMER_SORTS)[number];

export interface ClvCustomerRow extends ClvCustomer {
  name: string | null;
}
