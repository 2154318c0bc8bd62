// A named set of analysis parameters: what a consultant tunes per client (RFM scoring, cut points
// and segment rules, tier thresholds and triggers, lifecycle rules, early-warning rules with their
// severities, and the playbook that says which action a signal opens). Saved in the workspace,
// exported and imported as a JSON file, and named by every diagnostic and health run that used it.
// Run-specific choices (as-of date, grain, cohort range, activity window) stay with the run form.

import { z } from 'zod';
import { LifecycleParamsSchema, RfmParamsSchema, TierParamsSchema } from '../analytics/params';
import { PlaybookSchema, DEFAULT_PLAYBOOK } from '../health/playbook';
import { SignalRuleSetSchema, defaultSignalRules, type SignalRule } from '../health/signal-rules';

export const PARAM_SET_FORMAT = 'rwb.param-set';
export const PARAM_SET_VERSION = 1;

export const ParamSetNameSchema = z.string().trim().min(1).max(80);

export const ParamSetSchema = z.object({
  format: z.literal(PARAM_SET_FORMAT).default(PARAM_SET_FORMAT),
  version: z.literal(PARAM_SET_VERSION).default(PARAM_SET_VERSION),
  name: ParamSetNameSchema,
  description: z.string().trim().max(2000).nullable().default(null),
  rfm: RfmParamsSchema.prefault({}),
  tiers: TierParamsSchema.prefault({}),
  lifecycle: LifecycleParamsSchema.prefault({}),
  signals: SignalRuleSetSchema.default(() => defaultSignalRules()),
  playbook: PlaybookSchema.default(() => PlaybookSchema.parse(DEFAULT_PLAYBOOK)),
});

export type ParamSet = z.infer<typeof ParamSetSchema>;
export type ParamSetInput = z.input<typeof ParamSetSchema>;

/** The built-in defaults under a name, the starting point of a new set. */
export function defaultParamSet(name: string): ParamSet {
  return ParamSetSchema.parse({ name });
}

export interface ParamSetIssue {
  path: string;
  message: string;
}

export type ParamSetParse = { ok: true; set: ParamSet } | { ok: false; issues: ParamSetIssue[] };

/** A file's text as a parameter set; the issues name where the document is wrong (at most 5). */
export function parseParamSetText(text: string): ParamSetParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, issues: [{ path: '', message: `not JSON (${err instanceof Error ? err.message : String(err)})` }] };
  }
  if (typeof json === 'object' && json !== null && 'format' in json && (json as { format: unknown }).format !== PARAM_SET_FORMAT) {
    return { ok: false, issues: [{ path: 'format', message: `expected "${PARAM_SET_FORMAT}"` }] };
  }
  const parsed = ParamSetSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  }
  return { ok: true, set: parsed.data };
}

/** The file a set is exported as: stable key order, two-space indents, a final newline. */
export function paramSetText(set: ParamSet): string {
  return `${JSON.stringify(ParamSetSchema.parse(set), null, 2)}\n`;
}

/** The rule of a set by id (every set holds each rule once: SignalRuleSetSchema). */
export function ruleOf(set: Pick<ParamSet, 'signals'>, id: SignalRule['id']): SignalRule | undefined {
  return set.signals.find((r) => r.id === id);
}
