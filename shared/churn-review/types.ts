// The monthly churn review (流失复盘): what churn-review.run returns and a stored review holds.

import { z } from 'zod';
import type { RevenueRates } from './rates';
import type { TraitResult } from './traits';

/** '2026-09' (month), '2026-Q3' (quarter) or '2026' (year). */
export const REVIEW_PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
/** Checked for shape by the engine (reviewPeriod), which refuses a bad one with a coded error in both languages. */
export const ReviewPeriodSchema = z.string().trim().min(1).max(20);

export const ChurnReviewParamsSchema = z.object({
  period: ReviewPeriodSchema,
  top: z.int().min(1).max(500).default(20),
  /** Traits compare customers churned over this many months ending with the period (1 = the period alone). */
  traitMonths: z.int().min(1).max(60).default(12),
  minSupport: z.int().min(1).max(1000).default(5),
});
export type ChurnReviewParams = z.infer<typeof ChurnReviewParamsSchema>;

export interface TimelineEvent {
  date: string;
  kind: 'signal' | 'action' | 'health' | 'churnRisk' | 'survey' | 'communication' | 'ticket';
  /** Rule id, action template, band, NPS class, communication kind or ticket category. */
  code: string;
  /** Short text: the evidence sentence, the comment, the score. */
  detail: string;
  severity: string | null;
  /** Actions: closed (done/dismissed) before the churn date; signals: an action followed it. */
  actedOn: boolean | null;
}

export interface ChurnedCustomer {
  customerKey: string;
  name: string;
  churnDate: string;
  reason: string | null;
  tier: string | null;
  segment: string | null;
  industry: string | null;
  owner: string | null;
  tenureDays: number | null;
  /** Recurring (contract MRR × 12, contracts live in the 90 days before the churn) + one-off orders of the 365 days before it. */
  lostRecurring: number;
  lostOneOff: number;
  lostRevenue: number;
  lastNps: number | null;
  lastCsat: number | null;
  lastSurveyDate: string | null;
  lastComment: string | null;
  /** Latest health band and churn probability before the churn date, from stored runs. */
  lastHealthBand: string | null;
  lastChurnProbability: number | null;
  signalsBefore: number;
  actionsBefore: number;
  actionsDone: number;
  /** Everything on record before the churn date, oldest first; nothing from the churn date on. */
  timeline: TimelineEvent[];
}

export interface ChurnReview {
  id: number;
  createdAt: string;
  params: ChurnReviewParams;
  period: { start: string; end: string };
  traitWindow: { start: string; end: string };
  /** Customers on the book at the period's start, churned in it, and the lost revenue of all of them. */
  onBook: number;
  churnedCount: number;
  churnRatePct: number | null;
  lostRevenue: number;
  customers: ChurnedCustomer[];
  /** The churn reasons the CRM recorded for the period's churned customers, most frequent first. */
  reasons: { reason: string; customers: number; lostRevenue: number }[];
  traits: { churned: number; retained: number; belowSupport: number; minSupport: number; rows: TraitResult[] };
  rates: RevenueRates;
  /** Customers whose churn had no signal on record before it: the rules' blind spot. */
  unwarned: number;
  /** The stored runs the history came from (none = the history columns are empty, and the pack says so). */
  healthRuns: number;
  churnRuns: number;
  /** The topic library's names at review time (theme traits are stored by id). */
  themeNames: Record<string, { 'zh-CN': string; en: string }>;
  /**
   * What counted as churn: the CRM's churn dates, or (order data without any churn date) the
   * diagnostic run's activity definition: churned on the day the last purchase on or before the
   * period's end stopped keeping the customer active (last purchase + windowDays), when that day falls
   * in the period and on or before the run's as-of date. Absent on reviews stored before it was recorded.
   */
  definition?: ChurnDefinition;
}

export type ChurnDefinition = { kind: 'recorded' } | { kind: 'activity'; diagnosticRunId: number; windowDays: number; asOf: string };

export interface ChurnReviewSummary {
  id: number;
  createdAt: string;
  period: string;
  churned: number;
  lostRevenue: number;
}
