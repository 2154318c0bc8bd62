// The stored result of one diagnostic run: the contract's, the dashboard's and the reports' view of
// a run. It is written once as JSON into diagnostic_run.results (migration 0004) next to one row per
// customer (diagnostic_customer), and read back unchanged, so a report or a comparison reproduces the
// run exactly without recomputing. Stable format: fields are only ever added; a breaking change bumps
// DIAGNOSTIC_RESULT_VERSION. Fractions are 0..1 (0.8 = 80%); dates 'YYYY-MM-DD'; money in the
// engagement's currency.

import type { ActivityBasis } from './activity';
import type { CohortMatrix } from './cohorts';
import type { AbsentReason, Figure } from './figures';
import type { MetricId } from './formulas';
import type { LifecycleStage } from './lifecycle';
import type { AnalyticsParams } from './params';
import type { Grain } from './periods';
import type { RetentionPeriod } from './retention';
import type { RevenueRetentionPeriod } from './revenue-retention';
import type { SegmentMovement, SegmentSummary } from './rfm';
import type { Tier, TierSummary } from './tiers';
import type { BreakdownAttribute } from './breakdown';
import type { RunNotice } from './edges';
import type { RepeatPeriod } from './repeat';
import type { ActivityWindow } from './window';

export const DIAGNOSTIC_RESULT_VERSION = 1;

/** What the run read from the workspace, so a reader can tell whether the data has changed since. */
export interface DiagnosticDataStamp {
  customers: number;
  orderLines: number;
  orders: number;
  contracts: number;
  firstOrderDate: string | null;
  lastOrderDate: string | null;
  firstContractDate: string | null;
}

/** Net order revenue per trend period (returns subtract), and how many customers bought in it. */
export interface PeriodRevenue {
  periodKey: string;
  partial: boolean;
  revenue: number;
  buyers: number;
  orders: number;
}

/** A KPI card: the latest trend period's figure beside the period before it. */
export interface DiagnosticKpi {
  metric: MetricId;
  value: number | null;
  reason: AbsentReason | null;
  previous: number | null;
  previousReason: AbsentReason | null;
  /** value − previous (percentage points as a fraction for rates); null when either is absent. */
  change: number | null;
  periodKey: string;
  previousPeriodKey: string | null;
  partial: boolean;
}

export const KPI_IDS = ['retentionRate', 'churnRate', 'grr', 'nrr', 'activeCustomers', 'revenue'] as const;
export type KpiId = (typeof KPI_IDS)[number];

export interface RfmResult {
  asOf: string;
  /** The earlier date of the segment movement. */
  compareAsOf: string;
  scoring: AnalyticsParams['rfm']['scoring'];
  /** Customers with a purchase by the as-of date (the denominator of every share). */
  scored: number;
  classic: SegmentSummary[];
  valueGroups: SegmentSummary[];
  movementClassic: SegmentMovement;
  movementValueGroups: SegmentMovement;
}

export interface LifecycleSummaryRow {
  stage: LifecycleStage;
  count: number;
  share: number;
}

/** One value of a customer attribute (null = not set in the client's data) and its figures. */
export interface BreakdownGroup {
  value: string | null;
  /** Customers in the group (every customer known to the run). */
  customers: number;
  /** Active at the as-of date. */
  active: number;
  /** Retention in the latest trend period, computed on the group alone. */
  retention: Pick<RetentionPeriod, 'start' | 'end' | 'retained' | 'lost' | 'new' | 'reactivated' | 'gained' | 'retentionRate' | 'churnRate'>;
  /** Revenue retention of the latest period, null without contracts. */
  grr: Figure | null;
  nrr: Figure | null;
  revenue12m: number;
  mrr: number;
  tiers: Record<string, number>;
  stages: Record<string, number>;
  valueGroups: Record<string, number>;
}

export interface DiagnosticBreakdown {
  attribute: BreakdownAttribute;
  groups: BreakdownGroup[];
}

export interface DiagnosticRunResult {
  version: typeof DIAGNOSTIC_RESULT_VERSION;
  asOf: string;
  grain: Grain;
  basis: ActivityBasis;
  windowDays: number;
  data: DiagnosticDataStamp;
  /** Customers known to the run (customer table ∪ order and contract customers). */
  customers: number;
  kpis: Record<KpiId, DiagnosticKpi>;
  /** One row per trend period, oldest first; the last may be partial (period.partial). */
  retention: RetentionPeriod[];
  revenue: PeriodRevenue[];
  /** Revenue retention from contracts; null (with revenueRetentionAbsent) when there are none. */
  revenueRetention: RevenueRetentionPeriod[] | null;
  revenueRetentionAbsent: AbsentReason | null;
  cohorts: CohortMatrix;
  /** Period-to-period retention (repeat.ts), aligned with `retention`. */
  repeat: RepeatPeriod[];
  /** How the activity window was chosen (purchase basis); null on the contract basis. */
  window: ActivityWindow | null;
  /** First data day of the basis (first order, or first contract start); null without data. */
  dataStart: string | null;
  /** Warnings about the edges of the data (edges.ts), shown with the run. */
  notices: RunNotice[];
  rfm: RfmResult;
  tiers: TierSummary[];
  lifecycle: LifecycleSummaryRow[];
  breakdowns: DiagnosticBreakdown[];
}

const NOT_STORED = { value: null, reason: 'not-in-stored-run' } as const;

/**
 * A stored result as this version reads it: runs stored before a field existed get its neutral value
 * (nothing censored, no notices, absent figures that say the run predates them), never a guess.
 */
export function normaliseRunResult(stored: DiagnosticRunResult): DiagnosticRunResult {
  const r = stored as Partial<DiagnosticRunResult> & DiagnosticRunResult;
  return {
    ...r,
    retention: r.retention.map((p) => ({ ...p, leftCensored: p.leftCensored ?? false })),
    revenueRetention:
      r.revenueRetention?.map((p) => ({
        ...p,
        t12mBaseDate: p.t12mBaseDate ?? '',
        t12mStartMrr: p.t12mStartMrr ?? 0,
        t12mEndMrr: p.t12mEndMrr ?? 0,
        t12mRetainedMrr: p.t12mRetainedMrr ?? 0,
        t12mGrr: p.t12mGrr ?? NOT_STORED,
        t12mNrr: p.t12mNrr ?? NOT_STORED,
      })) ?? null,
    cohorts: { ...r.cohorts, rows: r.cohorts.rows.map((row) => ({ ...row, leftCensored: row.leftCensored ?? false })) },
    repeat:
      r.repeat ??
      r.retention.map((p) => ({ periodKey: p.period.key, previousPeriodKey: '', previous: 0, repeat: 0, rate: NOT_STORED, partial: p.period.partial })),
    window:
      r.window !== undefined
        ? r.window
        : r.basis === 'contractual'
          ? null
          : { days: r.windowDays, source: 'set', percentile: null, percentileDays: null, gaps: 0, repeatCustomers: 0, medianGapDays: null },
    dataStart: r.dataStart ?? null,
    notices: r.notices ?? [],
  };
}

/** One character per trend period in DiagnosticCustomerRow.statuses. */
export const STATUS_CODES = { retained: 'R', lost: 'L', new: 'N', reactivated: 'A', inactive: '-' } as const;

/** A stored run as listed (no results). */
export interface DiagnosticRunSummary {
  id: number;
  createdAt: string;
  asOf: string;
  grain: Grain;
  basis: ActivityBasis;
  windowDays: number;
  label: string | null;
  customers: number;
  durationMs: number;
  /** The named parameter set the run used; null = the built-in defaults (or a run made before sets). */
  paramSet: string | null;
}

export interface DiagnosticRun extends DiagnosticRunSummary {
  params: AnalyticsParams;
  results: DiagnosticRunResult;
}

/** One customer's results in a run (diagnostic_customer), with the attributes as they were. */
export interface DiagnosticCustomerRow {
  customerKey: string;
  name: string | null;
  industry: string | null;
  region: string | null;
  owner: string | null;
  customerSegment: string | null;
  active: boolean;
  firstActive: string | null;
  /** Cohort period key; null for customers who never became customers by the as-of date. */
  cohort: string | null;
  /** '1'/'0' per period from the cohort period to the as-of period; null outside the matrix's cohorts. */
  cohortOn: string | null;
  /** STATUS_CODES per trend period. */
  statuses: string;
  lastPurchase: string | null;
  recencyDays: number | null;
  frequency: number | null;
  monetary: number | null;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: string | null;
  valueGroup: string | null;
  prevSegment: string | null;
  prevValueGroup: string | null;
  tier: Tier | null;
  tierReasons: string[];
  stage: LifecycleStage | null;
  stageReasons: string[];
  tenureDays: number | null;
  revenue12m: number;
  mrr: number;
}
