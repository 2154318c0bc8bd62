// Triage of the signal inbox and the action board: the filters both lists share, the reasons a
// signal is dismissed for, the churn-risk levels read from the latest churn-model run, and the bulk
// steps. Pure data and zod schemas: the contract, the engine's SQL builder, the UI and the CLI all
// read the same definitions.

import { z } from 'zod';
import { SEVERITIES } from './vocabulary';
import { DEFAULT_SIGNAL_RULES, type SignalRuleId } from './signal-rules';
import { ACTION_STATUSES } from './playbook';

export const BANDS_OR_NONE = ['red', 'yellow', 'green', 'none'] as const;

/**
 * Churn risk by rank among the customers the latest churn run scored: the top 10% (the lift
 * table's first decile) are high, the next 20% medium, the rest low; 'none' = not scored (no run,
 * a run that withheld its scores, or a customer outside it). Ranks, not probability cut-offs: a
 * calibrated probability of 0.3 is high risk at a 5% base rate and ordinary at 40%.
 */
export const CHURN_RISKS = ['high', 'medium', 'low', 'none'] as const;
export type ChurnRisk = (typeof CHURN_RISKS)[number];
export const CHURN_RISK_SHARES = { high: 0.1, medium: 0.3 } as const;

/** Ranks up to which a customer is high / medium risk among `scored` customers. */
export function churnRiskRanks(scored: number): { high: number; medium: number } {
  return { high: Math.ceil(scored * CHURN_RISK_SHARES.high), medium: Math.ceil(scored * CHURN_RISK_SHARES.medium) };
}

export function churnRiskOf(rank: number | null, scored: number): ChurnRisk {
  if (rank === null || scored <= 0) return 'none';
  const r = churnRiskRanks(scored);
  return rank <= r.high ? 'high' : rank <= r.medium ? 'medium' : 'low';
}

/** Why a signal is dismissed: a code from this list, and a note (required for 'other'). */
export const DISMISS_REASONS = ['known', 'dataIssue', 'handled', 'notRelevant', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export const DismissReasonSchema = z
  .object({ code: z.enum(DISMISS_REASONS), note: z.string().trim().max(500).default('') })
  .refine((r) => r.code !== 'other' || r.note.length > 0, { message: 'a dismissal for another reason needs its note', path: ['note'] });
export type DismissReasonInput = z.input<typeof DismissReasonSchema>;

/** Where a signal stands in the inbox: open and snoozed are both status 'open', split on the snooze date. */
export const SIGNAL_VIEWS = ['open', 'snoozed', 'dismissed', 'resolved'] as const;
export type SignalView = (typeof SIGNAL_VIEWS)[number];

/** Every early-warning rule's id (the default set holds each rule once). */
export const RULE_IDS = DEFAULT_SIGNAL_RULES.map((r) => r.id) as [SignalRuleId, ...SignalRuleId[]];

/** null in a list = "not set in the client's data" (no owner, no tier, no segment). */
const values = <T extends z.ZodType>(t: T) => z.array(t.nullable()).max(500).optional();

/** The dimensions both lists filter on, each "any of" the values given. */
const commonFilter = {
  severity: z.array(z.enum(SEVERITIES)).max(3).optional(),
  ruleId: z.array(z.enum(RULE_IDS)).max(50).optional(),
  owner: values(z.string().max(100)),
  tier: values(z.string().max(40)),
  segment: values(z.string().max(200)),
  band: z.array(z.enum(BANDS_OR_NONE)).max(4).optional(),
  churnRisk: z.array(z.enum(CHURN_RISKS)).max(4).optional(),
  /** Customer id or name, part of it. */
  search: z.string().trim().max(100).optional(),
};

export const SignalFilterSchema = z.object({ view: z.enum(SIGNAL_VIEWS).default('open'), ...commonFilter });
export type SignalFilter = z.output<typeof SignalFilterSchema>;
export type SignalFilterInput = z.input<typeof SignalFilterSchema>;

export const ACTION_VIEWS = [...ACTION_STATUSES, 'snoozed'] as const;
export const ActionFilterSchema = z.object({
  /** A board column; 'snoozed' = open or in progress, put off to a later date. */
  status: z.enum(ACTION_VIEWS).optional(),
  overdueOnly: z.boolean().default(false),
  customerKey: z.string().optional(),
  ...commonFilter,
});
export type ActionFilter = z.output<typeof ActionFilterSchema>;
export type ActionFilterInput = z.input<typeof ActionFilterSchema>;

/** The dimensions a list counts its matches by ("counts shown per filter"). */
export const FACETS = ['severity', 'ruleId', 'owner', 'tier', 'segment', 'band', 'churnRisk'] as const;
export type Facet = (typeof FACETS)[number];
export type FacetCounts = Record<Facet, { value: string | null; count: number }[]>;

export const SIGNAL_SORTS = ['severity', 'revenue', 'recent', 'customer'] as const;
export type SignalSort = (typeof SIGNAL_SORTS)[number];
export const ACTION_SORTS = ['due', 'revenue', 'customer'] as const;
export type ActionSort = (typeof ACTION_SORTS)[number];

export const SIGNAL_BULK_OPS = ['assign', 'snooze', 'dismiss', 'close'] as const;
export type SignalBulkOp = (typeof SIGNAL_BULK_OPS)[number];
export const ACTION_BULK_OPS = ['assign', 'snooze', 'close'] as const;
export type ActionBulkOp = (typeof ACTION_BULK_OPS)[number];

/** Closing an action: done (the work was done) or cancelled (no longer needed). */
export const ACTION_CLOSE_OUTCOMES = ['done', 'cancelled'] as const;

/** The filter dimensions that are set (for labels, audit entries and export titles). */
export function activeFilters(f: Partial<Record<Facet | 'search', unknown>>): string[] {
  return [...FACETS, 'search' as const].filter((k) => {
    const v = f[k];
    return Array.isArray(v) ? v.length > 0 : typeof v === 'string' && v.length > 0;
  });
}
