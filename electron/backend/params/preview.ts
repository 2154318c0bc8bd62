// The preview channel's engine side: the effect of a parameter set on the current data, without
// running. RFM re-scores the latest diagnostic run's stored rows (recency, frequency, monetary are
// kept per customer); tiers and lifecycle re-assign the customers at that run's as-of date
// (rule-preview.ts); signals and the playbook evaluate the set's rules and the latest health run's
// rules on the same facts at that run's as-of date, one customer at a time, and count per rule the
// customers it would fire for against the inbox as it stands (the alert budget), and per action the
// customers the playbook would call for it. The facts and the inbox are kept for the next call while
// the workspace is unchanged, so editing a threshold costs one pass over them, not a read of the database.

import type { ReadableDB } from '../workspace/connection';
import { parseStoredParams } from '../../../shared/analytics/stored-params';
import type { ParamSet } from '../../../shared/params/param-set';
import { ParamSetSchema } from '../../../shared/params/param-set';
import {
  previewRfm,
  type ParamPreview,
  type PlaybookPreview,
  type PreviewParts,
  type RfmPreview,
  type SignalPreview,
  type SignalRuleCount,
  type StoredRfmRow,
} from '../../../shared/params/preview';
import { actionsCalledFor, emptyBudget, newActionTally, tallyActions, tallyRules, type InboxState, type RuleBudget } from '../../../shared/params/budget';
import { evaluateRules, type Signal } from '../../../shared/health/signals';
import { SignalRuleSetSchema, type SignalRuleId } from '../../../shared/health/signal-rules';
import { SEVERITIES, type ActionTemplateId, type Severity } from '../../../shared/health/vocabulary';
import type { CustomerFacts } from '../../../shared/health/facts';
import { DEFAULT_PLAYBOOK, type Playbook } from '../../../shared/health/playbook';
import { HealthModelSchema, type HealthModel } from '../../../shared/health/model';
import { DEFAULT_HEALTH_MODEL } from '../../../shared/health/presets';
import { bandOf, compileModel, scoreRow, type CompiledModel } from '../../../shared/health/score';
import { buildMetricMatrix, fillSignalMetrics, METRIC_COUNT } from '../../../shared/health/metrics';
import { latestRunId } from '../diagnostics/runs-repo';
import { factsBlocks } from '../health/facts-sql';
import { textSignalSetup, type TextSignalSetup } from '../health/text-signals';
import { attachModelScores, loadModelScores } from '../health/model-scores';
import { getRules } from '../health/store';
import { healthRunAsOf } from '../health/as-of';
import { rulePreviews } from './rule-preview';
import { getActionPolicy, runActionPolicy } from '../health/action-policy-store';

export function rfmPreview(sqlite: ReadableDB, set: Pick<ParamSet, 'rfm'>): RfmPreview | null {
  const id = latestRunId(sqlite);
  if (id === null) return null;
  const run = sqlite.prepare(`select as_of, params from diagnostic_run where id = ?`).get(id) as { as_of: string; params: string };
  const params = parseStoredParams(JSON.parse(run.params));
  const rows = sqlite
    .prepare(
      `select recency_days as recencyDays, frequency, monetary, r, f, m, segment, value_group as valueGroup
         from diagnostic_customer where run_id = ? and r is not null`,
    )
    .all(id) as StoredRfmRow[];
  return previewRfm({ id, asOf: run.as_of, lookbackDays: params.rfm.lookbackDays }, rows, set.rfm);
}

interface FactsCache {
  db: ReadableDB;
  key: string;
  facts: CustomerFacts[];
  /** Per customer and rule: what the inbox holds (open or dismissed alerts). */
  inbox: Map<string, Map<SignalRuleId, InboxState>>;
  /** Per customer: the actions open or in progress. */
  live: Map<string, Set<ActionTemplateId>>;
  /** Row-major metric rows of the facts (buildMetricMatrix), made on the first playbook preview. */
  matrix?: Float64Array;
  /** The health run's side, which no edit changes: evaluated once per run, rules, model, playbook and policy. */
  before?: BeforeSide;
}

interface BeforeSide {
  key: string;
  ruleIds: Set<SignalRuleId>[];
  severities: Set<Severity>[];
  /** Per customer, when the playbook side was computed: red under the run's rules, and the actions it opens. */
  red?: Uint8Array;
  actions?: Set<ActionTemplateId>[];
}
let cache: FactsCache | null = null;

function stampOf(sqlite: ReadableDB): string {
  // data_version moves when another connection (a job thread, an import) commits; total_changes when
  // this one writes. Either means the facts may be stale.
  return `${String(sqlite.pragma('data_version', { simple: true }))}:${String(sqlite.prepare('select total_changes()').pluck().get())}`;
}

function factsAt(sqlite: ReadableDB, asOf: string, keywords: readonly string[], text: TextSignalSetup): FactsCache {
  const key = `${asOf}|${stampOf(sqlite)}|${[...new Set(keywords)].sort().join('\u0001')}|${text.complaintsIn ? text.lexiconKey : ''}`;
  if (cache && cache.db === sqlite && cache.key === key) return cache;
  cache = null;
  const facts: CustomerFacts[] = [];
  for (const block of factsBlocks(sqlite, asOf, { textKeywords: keywords, ...(text.complaintsIn ? { complaintsIn: text.complaintsIn } : {}) }))
    for (const f of block.facts) facts.push(f);
  // The churn-risk rule reads the churn run a health run at this as-of would read.
  attachModelScores(facts, loadModelScores(sqlite, asOf));
  const inbox = new Map<string, Map<SignalRuleId, InboxState>>();
  for (const [k, rule, status] of sqlite
    .prepare(`select customer_key, rule_id, status from health_signal where status in ('open', 'dismissed')`)
    .raw(true)
    .all() as [string, SignalRuleId, InboxState][]) {
    let m = inbox.get(k);
    if (!m) inbox.set(k, (m = new Map()));
    // An open alert wins over a dismissed one of the same pair (a run would refresh the open one).
    if (m.get(rule) !== 'open') m.set(rule, status);
  }
  const live = new Map<string, Set<ActionTemplateId>>();
  for (const [k, t] of sqlite.prepare(`select customer_key, template_id from health_action where status in ('open', 'inProgress')`).raw(true).all() as [
    string,
    ActionTemplateId,
  ][]) {
    let s = live.get(k);
    if (!s) live.set(k, (s = new Set()));
    s.add(t);
  }
  cache = { db: sqlite, key, facts, inbox, live };
  return cache;
}

interface HealthRunRow {
  id: number;
  as_of: string;
  rules: string;
  model: string;
  param_set: string | null;
  action_policy: string | null;
}

/** The playbook the run used: its parameter set's, while that set is still stored; else the built-in one. */
function playbookOfRun(sqlite: ReadableDB, run: HealthRunRow | undefined): Playbook {
  if (!run?.param_set) return DEFAULT_PLAYBOOK;
  const row = sqlite.prepare(`select params from param_set where name = ?`).get(run.param_set) as { params: string } | undefined;
  if (!row) return DEFAULT_PLAYBOOK;
  const parsed = ParamSetSchema.safeParse({ ...(JSON.parse(row.params) as object), name: run.param_set });
  return parsed.success ? parsed.data.playbook : DEFAULT_PLAYBOOK;
}

/** Whether a customer's score is red under a model, given their signals (the signal measures read them). */
function redUnder(compiled: CompiledModel, model: HealthModel, row: Float64Array, signals: readonly Signal[]): boolean {
  fillSignalMetrics(
    row,
    0,
    signals.map((s) => s.severity),
  );
  return bandOf(model.bands, scoreRow(compiled, row, 0)) === 'red';
}

export function signalPreview(
  sqlite: ReadableDB,
  set: Pick<ParamSet, 'signals' | 'playbook'>,
  today: string,
  parts: { playbook: boolean },
): { signals: SignalPreview; playbook: PlaybookPreview | null } {
  const run = sqlite
    .prepare(`select id, as_of, rules, model, param_set, action_policy from health_run where finished_at is not null order by as_of desc, id desc limit 1`)
    .get() as HealthRunRow | undefined;
  const asOf = run?.as_of ?? healthRunAsOf(sqlite, today);
  const stored = run ? SignalRuleSetSchema.safeParse(JSON.parse(run.rules)) : null;
  // Both sides read the engagement's lexicon as a run would (text-signals.ts): its signal words join
  // the keyword rules, its complaint words and dictionary find the complaint sentences.
  const textWas = textSignalSetup(sqlite, stored?.success ? stored.data : getRules(sqlite));
  const textNow = textSignalSetup(sqlite, set.signals);
  const before = textWas.rules;
  const rulesNow = textNow.rules;
  const parsedModel = run ? HealthModelSchema.safeParse(JSON.parse(run.model)) : null;
  const model = parsedModel?.success ? parsedModel.data : DEFAULT_HEALTH_MODEL;
  const compiled = compileModel(model);
  const playbookWas = playbookOfRun(sqlite, run);
  // The next run applies the engagement's policy; the last one applied its own (all opened before 0016).
  const policy = getActionPolicy(sqlite).policy;
  const policyWas = run ? runActionPolicy(run.action_policy) : policy;
  const cached = factsAt(sqlite, asOf, [...textNow.textKeywords, ...textWas.textKeywords], textNow.complaintsIn ? textNow : textWas);
  const { facts, inbox, live } = cached;
  // What the run's rules give is the same for every edit: evaluated once and kept with the facts.
  const beforeKey = JSON.stringify([before, model, playbookWas, policyWas]);
  if (cached.before?.key !== beforeKey) {
    const ruleIds: Set<SignalRuleId>[] = [];
    const severities: Set<Severity>[] = [];
    for (const f of facts) {
      const was = evaluateRules(before, f);
      ruleIds.push(new Set(was.map((x) => x.ruleId)));
      severities.push(new Set(was.map((x) => x.severity)));
    }
    cached.before = { key: beforeKey, ruleIds, severities };
  }
  const side = cached.before;
  if (parts.playbook && !cached.matrix) cached.matrix = buildMetricMatrix(facts);
  const matrix = cached.matrix;
  const budgets = new Map<SignalRuleId, RuleBudget>(set.signals.map((r) => [r.id, emptyBudget()]));
  const enabled = new Set(set.signals.filter((r) => r.enabled).map((r) => r.id));
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, { now: 0, was: 0 }])) as SignalPreview['bySeverity'];
  const tally = newActionTally();
  const row = new Float64Array(METRIC_COUNT);
  const fillPlaybook = parts.playbook && !side.red;
  if (fillPlaybook) {
    side.red = new Uint8Array(facts.length);
    side.actions = [];
  }
  for (let c = 0; c < facts.length; c++) {
    const f = facts[c]!;
    const now = evaluateRules(rulesNow, f);
    const wasIds = side.ruleIds[c]!;
    tallyRules(budgets, enabled, new Set(now.map((x) => x.ruleId)), wasIds, inbox.get(f.customerKey));
    for (const sev of new Set<Severity>(now.map((x) => x.severity))) bySeverity[sev].now++;
    for (const sev of side.severities[c]!) bySeverity[sev].was++;
    if (parts.playbook && matrix) {
      const at = c * METRIC_COUNT;
      if (fillPlaybook) {
        const was = evaluateRules(before, f);
        row.set(matrix.subarray(at, at + METRIC_COUNT));
        const redWas = redUnder(compiled, model, row, was);
        side.red![c] = redWas ? 1 : 0;
        side.actions!.push(actionsCalledFor(was, redWas, playbookWas, policyWas));
      }
      row.set(matrix.subarray(at, at + METRIC_COUNT));
      const redNow = redUnder(compiled, model, row, now);
      if (redNow) tally.red.now++;
      if (side.red![c] === 1) tally.red.was++;
      tallyActions(tally, actionsCalledFor(now, redNow, set.playbook, policy), side.actions![c]!, live.get(f.customerKey));
    }
  }
  const rules: SignalRuleCount[] = set.signals.map((r) => ({ ruleId: r.id, enabled: r.enabled, severity: r.severity, ...budgets.get(r.id)! }));
  const playbook: PlaybookPreview | null = parts.playbook
    ? {
        healthRunId: run?.id ?? null,
        policy,
        policyWas,
        modelId: model.id,
        asOf,
        customers: facts.length,
        actions: [...tally.actions.values()].filter((a) => a.now > 0 || a.was > 0),
        total: tally.total,
        red: tally.red,
      }
    : null;
  return { signals: { runId: run?.id ?? null, asOf, customers: facts.length, rules, bySeverity }, playbook };
}

export function paramPreview(sqlite: ReadableDB, set: ParamSet, parts: PreviewParts, today: string): ParamPreview {
  const t0 = performance.now();
  const rfm = parts.rfm ? rfmPreview(sqlite, set) : null;
  const { tiers, lifecycle } = rulePreviews(sqlite, set, parts);
  const health = parts.signals || parts.playbook ? signalPreview(sqlite, set, today, parts) : null;
  return {
    rfm,
    tiers,
    lifecycle,
    signals: parts.signals && health ? health.signals : null,
    playbook: health?.playbook ?? null,
    ms: Math.round(performance.now() - t0),
  };
}
