// Tier thresholds and lifecycle rules previewed on the current data at the latest diagnostic run's
// as-of date, with its activity basis and window: every customer assigned under the run's rules and
// under the set's, the way the run assigns them (shared/analytics/tiers.ts, lifecycle.ts). The
// inputs (customers, the order ledger, contracts) are read once and kept while the workspace is
// unchanged, so editing a threshold costs a pass over the facts, not a read of the database.

import type { ReadableDB } from '../workspace/connection';
import { parseStoredParams } from '../../../shared/analytics/stored-params';
import type { AnalyticsParams } from '../../../shared/analytics/params';
import { contractActivity, purchaseActivity, type ActivitySpans } from '../../../shared/analytics/activity';
import { toDay, type DayNumber } from '../../../shared/analytics/days';
import { padLedger } from '../../../shared/analytics/diagnose';
import type { PurchaseLedger } from '../../../shared/analytics/inputs';
import { lifecycleFacts, type LifecycleFacts } from '../../../shared/analytics/lifecycle';
import { mrrTimeline, type MrrTimeline } from '../../../shared/analytics/revenue-retention';
import { tierFactsFromContracts, tierFactsFromLedger, type CustomerTierAttributes, type TierFacts } from '../../../shared/analytics/tiers';
import { previewLifecycle, previewTiers, type LifecyclePreview, type TierPreview } from '../../../shared/params/movement';
import type { ParamSet } from '../../../shared/params/param-set';
import { latestRunId } from '../diagnostics/runs-repo';
import { loadDiagnosticInputs } from '../diagnostics/inputs-sql';

interface RuleInputs {
  db: ReadableDB;
  key: string;
  asOfDay: DayNumber;
  basis: AnalyticsParams['activity']['basis'];
  ledger: PurchaseLedger;
  timeline: MrrTimeline;
  spans: ActivitySpans;
  hasOrders: boolean;
  attributes: (customerKey: string) => CustomerTierAttributes | undefined;
  /** Facts per revenue-year length and per spend window (the only rule numbers the facts depend on). */
  tierFacts: Map<number, TierFacts[]>;
  lifecycleFacts: Map<number, LifecycleFacts[]>;
}

let cache: RuleInputs | null = null;

function stampOf(sqlite: ReadableDB): string {
  // data_version moves when another connection commits (an import, a job thread's run); total_changes
  // when this one writes.
  return `${String(sqlite.pragma('data_version', { simple: true }))}:${String(sqlite.prepare('select total_changes()').pluck().get())}`;
}

interface LatestRun {
  id: number;
  asOf: string;
  windowDays: number;
  params: AnalyticsParams;
}

function latestRun(sqlite: ReadableDB): LatestRun | null {
  const id = latestRunId(sqlite);
  if (id === null) return null;
  const r = sqlite.prepare(`select as_of, window_days, params from diagnostic_run where id = ?`).get(id) as {
    as_of: string;
    window_days: number;
    params: string;
  };
  return { id, asOf: r.as_of, windowDays: r.window_days, params: parseStoredParams(JSON.parse(r.params)) };
}

function inputsFor(sqlite: ReadableDB, run: LatestRun): RuleInputs {
  const basis = run.params.activity.basis;
  const key = `${run.id}|${stampOf(sqlite)}`;
  if (cache && cache.db === sqlite && cache.key === key) return cache;
  cache = null; // the old inputs can go before the new ones are read
  const inputs = loadDiagnosticInputs(sqlite);
  // The run's own index: customers, order-only customers, then contract-only ones (diagnose.ts).
  const timeline = mrrTimeline(inputs.contracts, inputs.ledger.customerKeys);
  const ledger = padLedger(inputs.ledger, timeline.customerKeys);
  const keys = timeline.customerKeys;
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  const attr = inputs.attributes;
  cache = {
    db: sqlite,
    key,
    asOfDay: toDay(run.asOf),
    basis,
    ledger,
    timeline,
    // The window the run used (its own, or the one it derived), so the "before" is the run's.
    spans: basis === 'contractual' ? contractActivity(inputs.contracts, keys) : purchaseActivity(ledger, run.windowDays),
    hasOrders: ledger.days.length > 0,
    attributes: (k) => {
      const i = index.get(k);
      return i === undefined ? undefined : { isBenchmark: (attr.isBenchmark[i] ?? 0) === 1, industry: attr.industry[i] ?? null };
    },
    tierFacts: new Map(),
    lifecycleFacts: new Map(),
  };
  return cache;
}

function tierFactsOf(x: RuleInputs, yearDays: number): TierFacts[] {
  let f = x.tierFacts.get(yearDays);
  if (!f) {
    f = x.hasOrders
      ? tierFactsFromLedger(x.ledger, x.asOfDay, yearDays, x.attributes, x.basis === 'contractual' ? x.spans : undefined)
      : tierFactsFromContracts(x.timeline, x.asOfDay, x.attributes);
    x.tierFacts.set(yearDays, f);
  }
  return f;
}

function lifecycleFactsOf(x: RuleInputs, rules: ParamSet['lifecycle']): LifecycleFacts[] {
  let f = x.lifecycleFacts.get(rules.riskWindowDays);
  if (!f) {
    f = lifecycleFacts(x.spans, x.hasOrders ? x.ledger : null, x.asOfDay, rules);
    x.lifecycleFacts.set(rules.riskWindowDays, f);
  }
  return f;
}

export interface RulePreviews {
  tiers: TierPreview | null;
  lifecycle: LifecyclePreview | null;
}

/** Tiers and lifecycle stages under the set beside the latest run's rules; null parts without a run. */
export function rulePreviews(sqlite: ReadableDB, set: Pick<ParamSet, 'tiers' | 'lifecycle'>, parts: { tiers: boolean; lifecycle: boolean }): RulePreviews {
  if (!parts.tiers && !parts.lifecycle) return { tiers: null, lifecycle: null };
  const run = latestRun(sqlite);
  if (!run) return { tiers: null, lifecycle: null };
  const x = inputsFor(sqlite, run);
  const was = run.params;
  return {
    tiers: parts.tiers
      ? previewTiers(
          run,
          { facts: tierFactsOf(x, was.tiers.yearDays), thresholds: was.tiers },
          { facts: tierFactsOf(x, set.tiers.yearDays), thresholds: set.tiers },
        )
      : null,
    lifecycle: parts.lifecycle
      ? previewLifecycle(
          { ...run, asOfDay: x.asOfDay, basis: x.basis },
          { facts: lifecycleFactsOf(x, was.lifecycle), rules: was.lifecycle },
          { facts: lifecycleFactsOf(x, set.lifecycle), rules: set.lifecycle },
        )
      : null,
  };
}
