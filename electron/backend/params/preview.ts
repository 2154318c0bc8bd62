// The preview channel's engine side: the effect of a parameter set on the latest stored run, without
// running. RFM re-scores the latest diagnostic run's stored rows (recency, frequency, monetary are
// kept per customer); signals evaluate the set's rules and the latest health run's rules on the same
// facts at that run's as-of date. The facts are kept for the next call while the workspace is
// unchanged, so editing a threshold costs one pass over them, not a read of the database.

import type { ReadableDB } from '../workspace/connection';
import { parseStoredParams } from '../../../shared/analytics/stored-params';
import type { ParamSet } from '../../../shared/params/param-set';
import { previewRfm, type ParamPreview, type RfmPreview, type SignalPreview, type SignalRuleCount, type StoredRfmRow } from '../../../shared/params/preview';
import { evaluateRules } from '../../../shared/health/signals';
import { SignalRuleSetSchema, type SignalRule, type SignalRuleId } from '../../../shared/health/signal-rules';
import { SEVERITIES, type Severity } from '../../../shared/health/vocabulary';
import type { CustomerFacts } from '../../../shared/health/facts';
import { latestRunId } from '../diagnostics/runs-repo';
import { factsBlocks } from '../health/facts-sql';
import { getRules } from '../health/store';
import { healthRunAsOf } from '../health/as-of';

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
}
let cache: FactsCache | null = null;

const keywordsOf = (rules: readonly SignalRule[]): string[] =>
  rules.flatMap((r) => (r.enabled && (r.id === 'decisionMakerChange' || r.id === 'competitorMention') ? r.params.keywords : []));

function factsAt(sqlite: ReadableDB, asOf: string, keywords: readonly string[]): CustomerFacts[] {
  // data_version moves when another connection (a job thread, an import) commits; total_changes when
  // this one writes. Either means the facts may be stale.
  const stamp = `${String(sqlite.pragma('data_version', { simple: true }))}:${String(sqlite.prepare('select total_changes()').pluck().get())}`;
  const key = `${asOf}|${stamp}|${[...new Set(keywords)].sort().join('\u0001')}`;
  if (cache && cache.db === sqlite && cache.key === key) return cache.facts;
  const facts: CustomerFacts[] = [];
  for (const block of factsBlocks(sqlite, asOf, { textKeywords: keywords })) for (const f of block.facts) facts.push(f);
  cache = { db: sqlite, key, facts };
  return facts;
}

function customersByRule(
  rules: readonly SignalRule[],
  facts: readonly CustomerFacts[],
): { byRule: Map<SignalRuleId, number>; bySeverity: Record<Severity, number> } {
  const byRule = new Map<SignalRuleId, number>();
  const bySeverity = { light: 0, medium: 0, heavy: 0 } as Record<Severity, number>;
  for (const f of facts) {
    const seen = new Set<Severity>();
    for (const s of evaluateRules(rules, f)) {
      byRule.set(s.ruleId, (byRule.get(s.ruleId) ?? 0) + 1);
      seen.add(s.severity);
    }
    for (const sev of seen) bySeverity[sev]++;
  }
  return { byRule, bySeverity };
}

export function signalPreview(sqlite: ReadableDB, set: Pick<ParamSet, 'signals'>, today: string): SignalPreview {
  const run = sqlite.prepare(`select id, as_of, rules from health_run where finished_at is not null order by as_of desc, id desc limit 1`).get() as
    { id: number; as_of: string; rules: string } | undefined;
  const asOf = run?.as_of ?? healthRunAsOf(sqlite, today);
  const stored = run ? SignalRuleSetSchema.safeParse(JSON.parse(run.rules)) : null;
  const before = stored?.success ? stored.data : getRules(sqlite);
  const facts = factsAt(sqlite, asOf, [...keywordsOf(set.signals), ...keywordsOf(before)]);
  const now = customersByRule(set.signals, facts);
  const was = customersByRule(before, facts);
  const rules: SignalRuleCount[] = set.signals.map((r) => ({
    ruleId: r.id,
    enabled: r.enabled,
    severity: r.severity,
    now: now.byRule.get(r.id) ?? 0,
    was: was.byRule.get(r.id) ?? 0,
  }));
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, { now: now.bySeverity[s], was: was.bySeverity[s] }])) as SignalPreview['bySeverity'];
  return { runId: run?.id ?? null, asOf, customers: facts.length, rules, bySeverity };
}

export function paramPreview(sqlite: ReadableDB, set: ParamSet, parts: { rfm: boolean; signals: boolean }, today: string): ParamPreview {
  const t0 = performance.now();
  const rfm = parts.rfm ? rfmPreview(sqlite, set) : null;
  const signals = parts.signals ? signalPreview(sqlite, set, today) : null;
  return { rfm, signals, ms: Math.round(performance.now() - t0) };
}
