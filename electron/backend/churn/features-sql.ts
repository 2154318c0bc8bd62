// Churn features of every in-scope customer at a date, from data dated before it only: the health
// facts (computeFacts reads nothing on or after the day after `asOf`), the early-warning rules
// evaluated on those facts, spend and tenure from the orders and contracts, and the customer
// attributes the import keeps (industry, segment, region, owner).

import type { ReadableDB } from '../workspace/connection';
import { computeFacts, type FactsResult } from '../health/facts-sql';
import { textSignalSetup } from '../health/text-signals';
import { evaluateRules, HEALTH_METRICS, metricValue, MODEL_SIGNAL_RULES, type CustomerFacts, type HealthMetric, type SignalRule } from '../../../shared/health';
import type { CategoricalFeature, NumericFeature, RawFeatureSet } from '../../../shared/churn/design';
import { addDays } from './dates';

/** Values exported as the file stood, not dated history: a past cutoff must not see them. */
const SNAPSHOT_METRICS: ReadonlySet<HealthMetric> = new Set<HealthMetric>(['openProjectIssues']);
/**
 * Signal counts are what the health run derives from the rules; the rules enter one flag each instead.
 * Model measures (churn probability, P(alive), CLV percentile) come from stored model runs, not data
 * dated before the cutoff: a past cutoff has none, and a churn model must not learn from its own output.
 */
const LEFT_OUT: ReadonlySet<HealthMetric> = new Set<HealthMetric>(['heavySignals', 'otherSignals', 'churnProbabilityPct', 'pAlivePct', 'clvPercentile']);

export const ATTRIBUTE_COLUMNS = ['industry', 'segment', 'region', 'owner'] as const;

export interface FeatureSnapshot {
  asOf: string;
  raw: RawFeatureSet;
  names: (string | null)[];
  owners: (string | null)[];
  /** Revenue of the 365 days to asOf, or 12 × live MRR when larger. */
  revenue12m: Float64Array;
  facts: CustomerFacts[];
}

/** Facts as a health run reads them (text-signals.ts: lexicon words, complaint sentences) and the rules it evaluates. */
export function ruleFactsAt(sqlite: ReadableDB, asOf: string, rules: readonly SignalRule[]): FactsResult & { rules: SignalRule[] } {
  const text = textSignalSetup(sqlite, rules);
  return {
    ...computeFacts(sqlite, asOf, { textKeywords: text.textKeywords, ...(text.complaintsIn ? { complaintsIn: text.complaintsIn } : {}) }),
    rules: text.rules,
  };
}

export function featuresAt(sqlite: ReadableDB, asOf: string, ruleSet: readonly SignalRule[]): FeatureSnapshot {
  const { customers, facts, rules } = ruleFactsAt(sqlite, asOf, ruleSet);
  const keys = customers.map((c) => c.customerKey);
  const n = keys.length;
  const index = new Map(keys.map((k, i) => [k, i]));
  const numeric: NumericFeature[] = [];
  for (const metric of HEALTH_METRICS) {
    if (LEFT_OUT.has(metric)) continue;
    const values = new Float64Array(n);
    facts.forEach((f, i) => (values[i] = metricValue(f, metric) ?? NaN));
    numeric.push({ ref: { id: `m:${metric}`, key: `health:metrics.${metric}` }, values, snapshot: SNAPSHOT_METRICS.has(metric) });
  }
  // Spend of the last 365 days and the 365 before, tenure, live MRR and tickets: dated, before asOf.
  const next = addDays(asOf, 1);
  const yearAgo = addDays(asOf, -364);
  const twoYearsAgo = addDays(asOf, -729);
  const spend = new Float64Array(n).fill(NaN);
  const spendPrev = new Float64Array(n).fill(NaN);
  const firstDay = new Array<string | null>(n).fill(null);
  for (const [k, cur, prev, first] of sqlite
    .prepare(
      `select customer_key,
              sum(case when order_date >= :yearAgo then amount else 0 end),
              sum(case when order_date >= :twoYearsAgo and order_date < :yearAgo then amount else 0 end),
              min(substr(order_date, 1, 10))
         from orders where order_date < :next group by customer_key`,
    )
    .raw(true)
    .iterate({ yearAgo, twoYearsAgo, next }) as IterableIterator<[string, number, number, string]>) {
    const i = index.get(k);
    if (i === undefined) continue;
    spend[i] = cur;
    spendPrev[i] = prev;
    firstDay[i] = first;
  }
  const mrr = new Float64Array(n);
  for (const [k, live, first] of sqlite
    .prepare(
      `select customer_key,
              sum(case when start_date < :next and (end_date is null or substr(end_date, 1, 10) >= :asOf)
                        and (cancelled_date is null or substr(cancelled_date, 1, 10) > :asOf) then mrr else 0 end),
              min(substr(start_date, 1, 10))
         from contracts where start_date < :next group by customer_key`,
    )
    .raw(true)
    .iterate({ next, asOf }) as IterableIterator<[string, number, string]>) {
    const i = index.get(k);
    if (i === undefined) continue;
    mrr[i] = live;
    const f = firstDay[i];
    if (f === null || f === undefined || first < f) firstDay[i] = first;
  }
  const tickets = new Float64Array(n);
  const escalated = new Float64Array(n);
  // Resolution time counts only tickets resolved before asOf: a later resolution is not known yet.
  const resolutionHours = new Float64Array(n).fill(NaN);
  for (const [k, c, e, h] of sqlite
    .prepare(
      `select customer_key, count(*), sum(coalesce(escalated, 0) > 0),
              avg(case when resolved_at is not null and resolved_at < :next then (julianday(resolved_at) - julianday(opened_at)) * 24 end)
         from tickets where opened_at >= :yearAgo and opened_at < :next group by customer_key`,
    )
    .raw(true)
    .iterate({ yearAgo, next }) as IterableIterator<[string, number, number, number | null]>) {
    const i = index.get(k);
    if (i === undefined) continue;
    tickets[i] = c;
    escalated[i] = e;
    if (h !== null) resolutionHours[i] = h;
  }
  // Contraction: contracts that ended or were cancelled in the last 365 days (dated on or before asOf).
  const contractsEnded = new Float64Array(n);
  for (const [k, c] of sqlite
    .prepare(
      `select customer_key, count(*) from contracts
        where min(coalesce(substr(cancelled_date, 1, 10), '9999-12-31'), coalesce(substr(end_date, 1, 10), '9999-12-31')) between :yearAgo and :asOf
        group by customer_key`,
    )
    .raw(true)
    .iterate({ yearAgo, asOf }) as IterableIterator<[string, number]>) {
    const i = index.get(k);
    if (i !== undefined) contractsEnded[i] = c;
  }
  const trend = new Float64Array(n);
  const tenure = new Float64Array(n);
  const revenue12m = new Float64Array(n);
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  for (let i = 0; i < n; i += 1) {
    const prev = spendPrev[i] as number;
    trend[i] = prev > 0 ? (((spend[i] as number) - prev) / prev) * 100 : NaN;
    const f = firstDay[i];
    tenure[i] = f ? Math.round((asOfMs - Date.parse(`${f}T00:00:00Z`)) / 86_400_000) : NaN;
    revenue12m[i] = Math.max(Number.isNaN(spend[i] as number) ? 0 : (spend[i] as number), 12 * (mrr[i] as number));
  }
  numeric.push(
    { ref: { id: 'spend365', key: 'churn:features.spend365' }, values: spend },
    { ref: { id: 'spendTrendYoY', key: 'churn:features.spendTrendYoY' }, values: trend },
    { ref: { id: 'tenureDays', key: 'churn:features.tenureDays' }, values: tenure },
    { ref: { id: 'mrr', key: 'churn:features.mrr' }, values: mrr },
    { ref: { id: 'tickets365', key: 'churn:features.tickets365' }, values: tickets },
    { ref: { id: 'escalated365', key: 'churn:features.escalated365' }, values: escalated },
    { ref: { id: 'resolutionHours365', key: 'churn:features.resolutionHours365' }, values: resolutionHours },
    { ref: { id: 'contractsEnded365', key: 'churn:features.contractsEnded365' }, values: contractsEnded },
  );
  // One flag per enabled early-warning rule, as the rule would have fired at asOf; rules that read a
  // stored model (the churn-risk rule) are left out: a model must not learn from an earlier model.
  const enabled = rules.filter((r) => r.enabled && !MODEL_SIGNAL_RULES.has(r.id));
  const flags = enabled.map(() => new Float64Array(n));
  facts.forEach((f, i) => {
    const fired = new Set(evaluateRules(enabled, f).map((s) => s.ruleId));
    enabled.forEach((r, j) => ((flags[j] as Float64Array)[i] = fired.has(r.id) ? 1 : 0));
  });
  enabled.forEach((r, j) => numeric.push({ ref: { id: `signal:${r.id}`, key: `health:signals.${r.id}.name` }, values: flags[j] as Float64Array }));

  const attrs = new Map<string, (string | null)[]>();
  const owners = new Array<string | null>(n).fill(null);
  for (const c of ATTRIBUTE_COLUMNS) attrs.set(c, new Array<string | null>(n).fill(null));
  for (const [k, industry, segment, region, owner] of sqlite
    .prepare(`select customer_key, industry, segment, region, owner from customers`)
    .raw(true)
    .iterate() as IterableIterator<[string, string | null, string | null, string | null, string | null]>) {
    const i = index.get(k);
    if (i === undefined) continue;
    [industry, segment, region, owner].forEach((v, j) => ((attrs.get(ATTRIBUTE_COLUMNS[j] as string) as (string | null)[])[i] = v));
    owners[i] = owner;
  }
  const categorical: CategoricalFeature[] = ATTRIBUTE_COLUMNS.map((c) => ({
    ref: { id: `attr:${c}`, key: 'churn:features.attribute', params: { column: c } },
    values: attrs.get(c) as (string | null)[],
  }));
  return { asOf, raw: { keys, numeric, categorical }, names: customers.map((c) => c.name), owners, revenue12m, facts };
}

/** Revenue of the 365 days to asOf, or 12 × live MRR when larger, per key (0 when none). */
export function revenue12mAt(sqlite: ReadableDB, asOf: string, keys: readonly string[]): Float64Array {
  const index = new Map(keys.map((k, i) => [k, i]));
  const out = new Float64Array(keys.length);
  const next = addDays(asOf, 1);
  const yearAgo = addDays(asOf, -364);
  const add = (k: string, v: number, mul: number) => {
    const i = index.get(k);
    if (i !== undefined) out[i] = Math.max(out[i] as number, v * mul);
  };
  for (const [k, v] of sqlite
    .prepare(`select customer_key, sum(amount) from orders where order_date >= ? and order_date < ? group by customer_key`)
    .raw(true)
    .iterate(yearAgo, next) as IterableIterator<[string, number]>)
    add(k, v, 1);
  for (const [k, v] of sqlite
    .prepare(
      `select customer_key, sum(mrr) from contracts where start_date < :next and (end_date is null or substr(end_date, 1, 10) >= :asOf)
          and (cancelled_date is null or substr(cancelled_date, 1, 10) > :asOf) group by customer_key`,
    )
    .raw(true)
    .iterate({ next, asOf }) as IterableIterator<[string, number]>)
    add(k, v, 12);
  return out;
}

/** The rows of a snapshot whose keys pass `keep`, in the same order. */
export function subsetSnapshot(s: FeatureSnapshot, keep: (key: string, i: number) => boolean): FeatureSnapshot {
  const rows: number[] = [];
  s.raw.keys.forEach((k, i) => keep(k, i) && rows.push(i));
  const pickF = (v: Float64Array) => Float64Array.from(rows, (i) => v[i] as number);
  return {
    asOf: s.asOf,
    raw: {
      keys: rows.map((i) => s.raw.keys[i] as string),
      numeric: s.raw.numeric.map((f) => ({ ...f, values: pickF(f.values) })),
      categorical: s.raw.categorical.map((f) => ({ ...f, values: rows.map((i) => f.values[i] ?? null) })),
    },
    names: rows.map((i) => s.names[i] ?? null),
    owners: rows.map((i) => s.owners[i] ?? null),
    revenue12m: pickF(s.revenue12m),
    facts: rows.map((i) => s.facts[i] as CustomerFacts),
  };
}
