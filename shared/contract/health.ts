// The health domain's channels: models, runs, scores, signals and actions.
// Spread into the contract in ./index.ts. Results are plain data; dates are 'YYYY-MM-DD' and
// times 'YYYY-MM-DDTHH:mm:ss' (wall clock, see shared/health/dates.ts).
import { z } from 'zod';
import { channel } from './define';
import type { Band, BandCounts, MeasureBreakdown, Trend } from '../health/score';
import type { HealthModel } from '../health/model';
import type { SignalRule, SignalRuleId } from '../health/signal-rules';
import type { SignalEvidence } from '../health/signals';
import type { ActionStatus, ActionSource } from '../health/playbook';
import type { ActionPolicy } from '../health/action-policy';
import type { RepairCheckResult } from '../health/repair-check';
import type { ActionTemplateId, OwnerRole, Severity } from '../health/vocabulary';
import type { StatusNote } from '../health/status-notes';
import type { HealthRunSources } from '../health/model-sources';
import type { LifecycleReason, LifecycleRules, LifecycleStage } from '../analytics/lifecycle';
import type { Tier } from '../analytics/tiers';
import { ACTION_STATUSES } from '../health/playbook';
import { ACTION_TEMPLATE_IDS, SEVERITIES } from '../health/vocabulary';
import { DISMISS_REASONS } from '../health/triage';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, 'YYYY-MM-DD or YYYY-MM-DDTHH:mm');
const runId = z.number().int().positive();

export type SignalStatus = 'open' | 'dismissed' | 'resolved';

export interface HealthModelEntry {
  model: HealthModel;
  source: 'preset' | 'saved';
  updatedAt: string | null;
}

export interface HealthRunSummary {
  id: number;
  modelId: string;
  /** The model's name (free text) or catalogue key (presets), for labels. */
  modelName: string | null;
  modelNameKey: string | null;
  asOf: string;
  startedAt: string;
  finishedAt: string | null;
  customers: number;
  bands: BandCounts;
  signalsOpened: number;
  signalsResolved: number;
  actionsOpened: number;
  /** The named parameter set the run used (its signal rules and playbook); null = the workspace's rules. */
  paramSet: string | null;
  /** The churn and CLV runs the model measures and the churn-risk rule read, or why none (null: run made before they were recorded). */
  sources: HealthRunSources | null;
  /** Which signals and scores opened actions in this run (runs before the policy existed opened all). */
  actionPolicy: ActionPolicy;
}

export interface BandGroup {
  group: string | null; // null = not set in the client's data
  red: number;
  yellow: number;
  green: number;
  none: number;
  avgScore: number | null;
}

export interface CustomerScoreRow {
  customerKey: string;
  name: string;
  owner: string | null;
  segment: string | null;
  score: number | null;
  band: Band | null;
  previousScore: number | null;
  trend: Trend | null;
  openSignals: number;
  worstSeverity: Severity | null;
}

export interface HealthOverview {
  run: HealthRunSummary | null;
  previous: HealthRunSummary | null;
  model: HealthModel | null;
  byTier: BandGroup[];
  byOwner: BandGroup[];
  trend: { up: number; down: number; same: number; new: number };
  averageScore: number | null;
  previousAverageScore: number | null;
  lowest: CustomerScoreRow[];
  signals: Record<Severity, number>;
  actions: { open: number; inProgress: number; overdue: number; done: number };
  /** Run history: one point per run (oldest first), for the trend chart. */
  history: { runId: number; asOf: string; red: number; yellow: number; green: number; average: number | null }[];
  /**
   * The latest churn run that passed its evaluation, when the shown health run did not read it (made
   * later, or the run read none): the run line says to re-run health to use it. Null otherwise.
   */
  churnRunNow?: { id: number; scoredAsOf: string } | null;
}

export interface SignalRow {
  id: number;
  customerKey: string;
  customerName: string;
  /** The owner assigned in the inbox, else the customer's. */
  owner: string | null;
  ruleId: SignalRuleId;
  severity: Severity;
  status: SignalStatus;
  evidence: SignalEvidence;
  triggeredOn: string | null;
  asOf: string;
  firstRunId: number;
  lastRunId: number;
  dismissedReason: string | null;
  /** The coded reason (shared/health/triage.ts DISMISS_REASONS); null for dismissals made before codes. */
  dismissedReasonCode: string | null;
  dismissedAt: string | null;
  closedAt: string | null;
  actionId: number | null;
  /** Open but put off until this date (the inbox hides it until then). */
  snoozedUntil: string | null;
}

export interface ActionRow {
  id: number;
  customerKey: string;
  customerName: string;
  templateId: ActionTemplateId;
  ownerRole: OwnerRole;
  owner: string | null;
  openedAt: string;
  dueAt: string;
  status: ActionStatus;
  sourceKind: 'signal' | 'redScore' | 'manual';
  sourceSignalId: number | null;
  source: ActionSource | null;
  note: string | null;
  closedAt: string | null;
  overdue: boolean;
  hoursOverdue: number;
  repairCheck: RepairCheckResult | null;
  repairCheckedAt: string | null;
}

/**
 * Lifecycle, RFM and tier of a customer from the diagnostic run at the health run's as-of date (or,
 * when none shares it, the latest run, and sameAsOf is false), with the data their rules read.
 */
export interface CustomerStatus {
  healthAsOf: string;
  diagnostic: { runId: number; asOf: string; basis: string; windowDays: number } | null;
  sameAsOf: boolean;
  /** Last purchase (not a return) on or before the health as-of date. */
  lastPurchase: string | null;
  lifecycle: {
    stage: LifecycleStage;
    reasons: LifecycleReason[];
    tenureDays: number | null;
    firstActive: string | null;
    rules: LifecycleRules;
    /** Net spend of the last rules.riskWindowDays to the diagnostic as-of, and of the same span before. */
    recentSpend: number;
    priorSpend: number;
    /** Latest end of the contracts live at the diagnostic as-of (null: none, or open-ended). */
    liveUntil: string | null;
  } | null;
  rfm: {
    r: number;
    f: number | null;
    m: number | null;
    segment: string | null;
    recencyDays: number | null;
    frequency: number | null;
    monetary: number | null;
    lastPurchase: string | null;
  } | null;
  tier: { tier: Tier; reasons: string[] } | null;
  /** Where two views disagree by design, what each rule says (shared/health/status-notes.ts). */
  notes: StatusNote[];
}

export interface CustomerHealth {
  customerKey: string;
  name: string;
  owner: string | null;
  segment: string | null;
  runId: number | null;
  asOf: string | null;
  model: HealthModel | null;
  score: number | null;
  band: Band | null;
  trend: Trend | null;
  measures: MeasureBreakdown[];
  history: { runId: number; asOf: string; modelId: string; score: number | null; band: Band | null }[];
  signals: SignalRow[];
  actions: ActionRow[];
  /** Null until a health run exists. */
  status: CustomerStatus | null;
  /** The run's model sources: why a model measure (churn probability, P(alive), CLV) has no value. */
  sources: HealthRunSources | null;
}

/** The what-if's input: every customer's metric row, flat, so the renderer re-scores locally. */
export interface WhatIfData {
  runId: number;
  asOf: string;
  model: HealthModel;
  /** The model runs the run read: a model measure added in the workshop has data only when its source was read. */
  sources: HealthRunSources | null;
  /** HEALTH_METRICS order; row-major, customer c's metric i at c * metricCount + i; null = no data. */
  metricCount: number;
  metrics: (number | null)[];
  customerKeys: string[];
  names: string[];
  tiers: (string | null)[];
  tierOf: number[];
  owners: (string | null)[];
  ownerOf: number[];
}

export interface Paged<T> {
  items: T[];
  total: number;
}

const modelInput = z.unknown(); // validated by HealthModelSchema in the handler, with issue paths
const statusFilter = z.enum(['open', 'dismissed', 'resolved']);
const actionStatus = z.enum(ACTION_STATUSES);

export const healthChannels = {
  'health.models': channel(z.object({})).returns<HealthModelEntry[]>(),
  'health.saveModel': channel(z.object({ model: modelInput })).returns<HealthModelEntry>(),
  'health.deleteModel': channel(z.object({ id: z.string().min(1) })).returns<{ deleted: boolean }>(),
  'health.exportModel': channel(z.object({ id: z.string().min(1), path: z.string().trim().min(1).optional() })).returns<{
    text: string;
    path: string | null;
  }>(),
  'health.importModel': channel(
    z
      .object({ path: z.string().trim().min(1).optional(), text: z.string().min(1).optional() })
      .refine((a) => a.path !== undefined || a.text !== undefined, { message: 'give a path or the text' }),
  ).returns<HealthModelEntry>(),
  'health.rules': channel(z.object({})).returns<SignalRule[]>(),
  'health.saveRules': channel(z.object({ rules: z.unknown() })).returns<SignalRule[]>(),
  'health.run': channel(
    z.object({
      modelId: z.string().min(1).optional(),
      asOf: isoDate.optional(),
      /** A named parameter set: its signal rules and playbook are used instead of the workspace's, and the run records its name. */
      paramSet: z.string().trim().min(1).max(80).optional(),
      /** The churn-model / CLV run to read instead of the latest dated on or before the as-of. */
      churnRunId: runId.optional(),
      clvRunId: runId.optional(),
      jobId: z.string().optional(),
    }),
    { job: true },
  ).returns<HealthRunSummary>(),
  'health.runs': channel(z.object({})).returns<HealthRunSummary[]>(),
  'health.overview': channel(z.object({ runId: runId.optional() })).returns<HealthOverview>(),
  'health.scores': channel(
    z.object({
      runId: runId.optional(),
      band: z.enum(['red', 'yellow', 'green', 'none']).optional(),
      search: z.string().trim().max(100).optional(),
      limit: z.number().int().min(1).max(1000).default(50),
      offset: z.number().int().min(0).default(0),
    }),
  ).returns<Paged<CustomerScoreRow>>(),
  'health.customer': channel(z.object({ customerKey: z.string().min(1), runId: runId.optional() })).returns<CustomerHealth>(),
  'health.whatIfData': channel(z.object({ runId: runId.optional() })).returns<WhatIfData | null>(),
  'signals.list': channel(
    z.object({
      status: statusFilter.optional(),
      severity: z.enum(SEVERITIES).optional(),
      customerKey: z.string().optional(),
      limit: z.number().int().min(1).max(5000).default(500),
      offset: z.number().int().min(0).default(0),
    }),
  ).returns<Paged<SignalRow> & { counts: Record<Severity, number> }>(),
  'signals.dismiss': channel(
    z.object({ id: z.number().int().positive(), reason: z.string().trim().min(1).max(500), reasonCode: z.enum(DISMISS_REASONS).optional() }),
  ).returns<SignalRow>(),
  'signals.reopen': channel(z.object({ id: z.number().int().positive() })).returns<SignalRow>(),
  /**
   * A page of actions by due time. total: the actions matching the filter; overdue: open or in
   * progress past due (the customer's, or all), whatever the status filter. The board pages each
   * column with its status, limit and offset.
   */
  'actions.list': channel(
    z.object({
      status: actionStatus.optional(),
      customerKey: z.string().optional(),
      overdueOnly: z.boolean().default(false),
      now: dateTime.optional(),
      limit: z.number().int().min(1).max(5000).default(1000),
      offset: z.number().int().min(0).default(0),
    }),
  ).returns<{ items: ActionRow[]; now: string; total: number; overdue: number }>(),
  'actions.create': channel(
    z.object({
      customerKey: z.string().min(1),
      templateId: z.enum(ACTION_TEMPLATE_IDS),
      owner: z.string().trim().max(100).nullable().optional(),
      dueAt: dateTime.optional(),
      signalId: z.number().int().positive().optional(),
      note: z.string().max(2000).optional(),
    }),
  ).returns<ActionRow>(),
  'actions.update': channel(
    z.object({
      id: z.number().int().positive(),
      status: actionStatus.optional(),
      owner: z.string().trim().max(100).nullable().optional(),
      dueAt: dateTime.optional(),
      note: z.string().max(2000).nullable().optional(),
    }),
  ).returns<ActionRow>(),
  'actions.repairCheck': channel(z.object({ id: z.number().int().positive(), checkedAt: dateTime.optional() })).returns<ActionRow>(),
};
