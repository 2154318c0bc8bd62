// Triage of signals and actions: filtered, grouped and sorted pages with counts per filter, bulk
// steps on a selection or on everything a filter matches, their undo, and the action policy.
// Spread into the contract in ./index.ts. Filters are the zod schemas of shared/health/triage.ts.
import { z } from 'zod';
import { channel } from './define';
import type { ActionRow, SignalRow } from './health';
import type { ActionPolicy } from '../health/action-policy';
import { ActionPolicySchema } from '../health/action-policy';
import type { Band } from '../health/score';
import type { ChurnRisk, FacetCounts } from '../health/triage';
import {
  ACTION_BULK_OPS,
  ACTION_CLOSE_OUTCOMES,
  ACTION_SORTS,
  ActionFilterSchema,
  DismissReasonSchema,
  SIGNAL_BULK_OPS,
  SIGNAL_SORTS,
  SignalFilterSchema,
} from '../health/triage';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** What a customer's triage figures were read from, for the labels that state them. */
export interface TriageContext {
  /** The health run whose band and 12-month revenue the lists use (the latest as-of date). */
  healthRun: { id: number; asOf: string } | null;
  /** The diagnostic run the tier comes from (the health run's as-of date, else the latest). */
  diagnosticRun: { id: number; asOf: string } | null;
  /** The latest churn-model run whose evaluation passed (status ok); scored = customers it gave a probability (0 when it withheld them). */
  churnRun: { id: number; scoredAsOf: string; status: string; scored: number; highRank: number; mediumRank: number } | null;
  /** The latest churn run when its evaluation did not pass (status not ok): not read, named so the lists say why. */
  churnRunRejected: { id: number; status: string } | null;
  /**
   * Revenue at stake: churn probability x 12-month revenue from the churn run when it scored
   * customers; otherwise the whole 12-month revenue from the health run; null when neither exists.
   */
  stakeBasis: 'churn' | 'revenue12m' | null;
  /** Today (the snooze dates compare with it). */
  today: string;
}

/** What the lists add to a row about its customer. */
export interface CustomerTriageFields {
  customerOwner: string | null;
  tier: string | null;
  segment: string | null;
  band: Band | null;
  churnRisk: ChurnRisk;
  churnProbability: number | null;
  revenue12m: number | null;
  /** By the context's stakeBasis. */
  revenueAtStake: number | null;
}

export type TriageSignalRow = SignalRow & CustomerTriageFields;
export type TriageActionRow = ActionRow & CustomerTriageFields & { snoozedUntil: string | null; ruleId: string | null; severity: string | null };

/** One customer with all their matching signals (group by customer). */
export interface CustomerSignalGroup extends CustomerTriageFields {
  customerKey: string;
  customerName: string;
  owner: string | null;
  signals: TriageSignalRow[];
}

export interface TriageStep {
  id: number;
  at: string;
  target: 'signal' | 'action';
  op: string;
  count: number;
  detail: Record<string, unknown>;
  undoneAt: string | null;
  /** The latest step not undone: the one an undo takes back. */
  undoable: boolean;
}

export interface BulkResult {
  stepId: number | null;
  /** Rows changed. */
  count: number;
  /** Rows selected that the step does not apply to (not open, already closed). */
  skipped: number;
}

const pageArgs = {
  limit: z.number().int().min(1).max(5000).default(50),
  offset: z.number().int().min(0).default(0),
  /** Counts per filter value (the first page asks; "show more" does not). */
  facets: z.boolean().default(true),
};

/** The rows a bulk step works on: ids picked on screen, or everything the filter matches, of which the screen showed `expected`. */
const target = <F extends z.ZodType>(filter: F) =>
  z.union([z.object({ ids: z.array(z.number().int().positive()).min(1).max(10000) }), z.object({ filter, expected: z.number().int().min(0) })]);

export const triageChannels = {
  'signals.triage': channel(
    SignalFilterSchema.extend({
      sort: z.enum(SIGNAL_SORTS).default('severity'),
      groupBy: z.enum(['signal', 'customer']).default('signal'),
      ...pageArgs,
    }),
  ).returns<{
    /** groupBy 'signal': the page of signals. */
    items: TriageSignalRow[];
    /** groupBy 'customer': the page of customers, each with their matching signals. */
    groups: CustomerSignalGroup[];
    /** Rows of the mode: signals, or customers when grouped. */
    total: number;
    /** Signals the filter matches (whatever the grouping). */
    signals: number;
    facets: FacetCounts | null;
    context: TriageContext;
  }>(),
  'signals.bulk': channel(
    z.object({
      op: z.enum(SIGNAL_BULK_OPS),
      target: target(SignalFilterSchema),
      owner: z.string().trim().min(1).max(100).nullable().optional(),
      until: isoDate.optional(),
      reason: DismissReasonSchema.optional(),
    }),
  ).returns<BulkResult>(),
  'actions.triage': channel(
    ActionFilterSchema.extend({
      sort: z.enum(ACTION_SORTS).default('due'),
      now: z.string().optional(),
      ...pageArgs,
    }),
  ).returns<{
    items: TriageActionRow[];
    total: number;
    overdue: number;
    facets: FacetCounts | null;
    context: TriageContext;
    now: string;
    /** The health run's as-of date when overdue is judged at its end (historical data), else null (today's clock). */
    overdueAsOf: string | null;
  }>(),
  'actions.bulk': channel(
    z.object({
      op: z.enum(ACTION_BULK_OPS),
      target: target(ActionFilterSchema),
      owner: z.string().trim().min(1).max(100).nullable().optional(),
      until: isoDate.optional(),
      outcome: z.enum(ACTION_CLOSE_OUTCOMES).default('done'),
    }),
  ).returns<BulkResult>(),
  'triage.steps': channel(z.object({ limit: z.number().int().min(1).max(200).default(20) })).returns<TriageStep[]>(),
  /** Takes back the latest bulk step (one step back): rows changed since are left as they are and counted. */
  'triage.undo': channel(z.object({ stepId: z.number().int().positive() })).returns<{ restored: number; skipped: number }>(),
  'health.actionPolicy': channel(z.object({})).returns<{ policy: ActionPolicy; updatedAt: string | null }>(),
  'health.saveActionPolicy': channel(z.object({ policy: ActionPolicySchema })).returns<{ policy: ActionPolicy; updatedAt: string | null }>(),
};
