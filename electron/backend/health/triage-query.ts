// The triage lists' SQL: signals or actions joined to what the consultant filters them by (the
// customer's owner and segment, the tier of the diagnostic run, the band and 12-month revenue of the
// latest health run, the churn risk of the latest churn run), filtered in the engine and paged, with
// the count of matches per filter value. Each dimension is one SQL expression; a filter is "any of"
// its values, null standing for "not set". Run ids and rank cut-offs are integers the engine looked
// up, written into the statement; everything the user typed is a bound parameter.

import type { ReadableDB } from '../workspace/connection';
import type { TriageContext } from '../../../shared/contract/triage';
import { churnRiskRanks, FACETS, type ActionFilter, type Facet, type FacetCounts, type SignalFilter } from '../../../shared/health/triage';

type Param = string | number;
/** The tables a row's customer dimensions come from: customers, the health score, the diagnostic row, the churn score. */
export type Alias = 'c' | 'hs' | 'dc' | 'cs';
export const ALL_ALIASES: readonly Alias[] = ['c', 'hs', 'dc', 'cs'];
export interface Clause {
  facet: Facet | null;
  sql: string;
  params: Param[];
  /** The joins the clause reads: a count or a page joins only what its filters and sort read (each join is one row a key). */
  uses: readonly Alias[];
}

/** The latest health, diagnostic and churn runs the lists read, and today's date. */
export function triageContext(sqlite: ReadableDB, today: string): TriageContext {
  const h = sqlite.prepare('select id, as_of from health_run where finished_at is not null order by as_of desc, id desc limit 1').get() as
    { id: number; as_of: string } | undefined;
  const d = (h ? sqlite.prepare('select id, as_of from diagnostic_run where as_of = ? order by id desc limit 1').get(h.as_of) : undefined) as
    { id: number; as_of: string } | undefined;
  const dLatest =
    d ?? (sqlite.prepare('select id, as_of from diagnostic_run order by as_of desc, id desc limit 1').get() as { id: number; as_of: string } | undefined);
  // A churn run whose evaluation failed (probable leakage, no better than the base rate) is treated as
  // absent, as the health run treats it (model-scores.ts): its probabilities would rank customers and
  // weigh revenue at stake on a model that did not pass. The latest such run is named so the filter says why.
  type ChurnRow = { id: number; scored_as_of: string; status: string; customers: number };
  const latest = sqlite.prepare('select id, scored_as_of, status, customers from churn_run order by id desc limit 1').get() as ChurnRow | undefined;
  const c =
    latest?.status === 'ok'
      ? latest
      : (sqlite.prepare(`select id, scored_as_of, status, customers from churn_run where status = 'ok' order by id desc limit 1`).get() as
          ChurnRow | undefined);
  const ranks = churnRiskRanks(c?.customers ?? 0);
  return {
    healthRun: h ? { id: h.id, asOf: h.as_of } : null,
    diagnosticRun: dLatest ? { id: dLatest.id, asOf: dLatest.as_of } : null,
    churnRun: c ? { id: c.id, scoredAsOf: c.scored_as_of, status: c.status, scored: c.customers, highRank: ranks.high, mediumRank: ranks.medium } : null,
    churnRunRejected: latest && latest.status !== 'ok' ? { id: latest.id, status: latest.status } : null,
    stakeBasis: c && c.customers > 0 ? 'churn' : h ? 'revenue12m' : null,
    today,
  };
}

const int = (n: number | undefined | null): number => (typeof n === 'number' && Number.isInteger(n) ? n : -1);

/**
 * The joins that bring a row's customer dimensions; `key` is the row's customer key column. Each
 * matches at most one row per key (customers by its unique key, the others by their primary keys),
 * so leaving out a join nobody reads changes no count.
 */
export function customerJoins(ctx: TriageContext, key: string, uses: Iterable<Alias> = ALL_ALIASES): string {
  const want = new Set(uses);
  const joins: Record<Alias, string> = {
    c: `left join customers c on c.customer_key = ${key}`,
    hs: `left join health_score hs on hs.run_id = ${int(ctx.healthRun?.id)} and hs.customer_key = ${key}`,
    dc: `left join diagnostic_customer dc on dc.run_id = ${int(ctx.diagnosticRun?.id)} and dc.customer_key = ${key}`,
    cs: `left join churn_score cs on cs.run_id = ${int(ctx.churnRun?.id)} and cs.customer_key = ${key}`,
  };
  return ALL_ALIASES.filter((a) => want.has(a))
    .map((a) => joins[a])
    .join('\n    ');
}

export function usesOf(clauses: readonly Clause[], ...more: (readonly Alias[])[]): Set<Alias> {
  const out = new Set<Alias>();
  for (const c of clauses) for (const a of c.uses) out.add(a);
  for (const m of more) for (const a of m) out.add(a);
  return out;
}

/** The joins a churn-risk expression reads (none when no run scored anyone: it is a constant). */
export function churnRiskUses(ctx: TriageContext): Alias[] {
  return ctx.churnRun && ctx.churnRun.scored > 0 ? ['cs'] : [];
}

export function stakeUses(ctx: TriageContext): Alias[] {
  return [ctx.stakeBasis === 'churn' ? 'cs' : 'hs'];
}

export function churnRiskSql(ctx: TriageContext): string {
  const r = ctx.churnRun;
  if (!r || r.scored === 0) return `'none'`;
  return `(case when cs.rank is null then 'none' when cs.rank <= ${int(r.highRank)} then 'high' when cs.rank <= ${int(r.mediumRank)} then 'medium' else 'low' end)`;
}

export function stakeSql(ctx: TriageContext): string {
  return ctx.stakeBasis === 'churn' ? 'cs.revenue_at_stake' : 'hs.revenue_12m';
}

/** The customer columns every triage row carries (CustomerTriageFields). */
export function customerColumns(ctx: TriageContext): string {
  return `c.owner as customer_owner, dc.tier as tier, c.segment as segment, hs.band as band, ${churnRiskSql(ctx)} as churn_risk,
          cs.probability as churn_probability, hs.revenue_12m as revenue_12m, ${stakeSql(ctx)} as stake`;
}

export interface CustomerDbFields {
  customer_owner: string | null;
  tier: string | null;
  segment: string | null;
  band: 'red' | 'yellow' | 'green' | null;
  churn_risk: 'high' | 'medium' | 'low' | 'none';
  churn_probability: number | null;
  revenue_12m: number | null;
  stake: number | null;
}

export function customerFields(r: CustomerDbFields) {
  return {
    customerOwner: r.customer_owner,
    tier: r.tier,
    segment: r.segment,
    band: r.band,
    churnRisk: r.churn_risk,
    churnProbability: r.churn_probability,
    revenue12m: r.revenue_12m,
    revenueAtStake: r.stake,
  };
}

interface Dimension {
  sql: string;
  uses: Alias[];
}

/** A dimension as SQL, for a list whose rows are `g` (signals) or `a` (actions). */
function dimensions(kind: 'signal' | 'action', ctx: TriageContext): Record<Facet, Dimension> {
  return {
    severity: { sql: kind === 'signal' ? 'g.severity' : `json_extract(a.source, '$.severity')`, uses: [] },
    ruleId: { sql: kind === 'signal' ? 'g.rule_id' : `json_extract(a.source, '$.ruleId')`, uses: [] },
    owner: kind === 'signal' ? { sql: 'coalesce(g.owner, c.owner)', uses: ['c'] } : { sql: 'a.owner', uses: [] },
    tier: { sql: 'dc.tier', uses: ['dc'] },
    segment: { sql: 'c.segment', uses: ['c'] },
    band: { sql: `coalesce(hs.band, 'none')`, uses: ['hs'] },
    churnRisk: { sql: churnRiskSql(ctx), uses: churnRiskUses(ctx) },
  };
}

function anyOf(facet: Facet, dim: Dimension, values: readonly (string | null)[] | undefined): Clause | null {
  if (!values || values.length === 0) return null;
  const set = values.filter((v): v is string => v !== null);
  const parts: string[] = [];
  if (set.length) parts.push(`${dim.sql} in (${set.map(() => '?').join(', ')})`);
  if (set.length < values.length) parts.push(`${dim.sql} is null`);
  return { facet, sql: `(${parts.join(' or ')})`, params: set, uses: dim.uses };
}

const like = (s: string): string => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

function commonClauses(kind: 'signal' | 'action', ctx: TriageContext, f: SignalFilter | ActionFilter): Clause[] {
  const dim = dimensions(kind, ctx);
  const out: Clause[] = [];
  for (const facet of FACETS) {
    const c = anyOf(facet, dim[facet], f[facet] as (string | null)[] | undefined);
    if (c) out.push(c);
  }
  if (f.search) {
    const key = kind === 'signal' ? 'g.customer_key' : 'a.customer_key';
    out.push({ facet: null, sql: `(${key} like ? escape '\\' or c.name like ? escape '\\')`, params: [like(f.search), like(f.search)], uses: ['c'] });
  }
  return out;
}

export function signalClauses(ctx: TriageContext, f: SignalFilter): Clause[] {
  const view: Clause =
    f.view === 'open'
      ? { facet: null, sql: `g.status = 'open' and (g.snoozed_until is null or g.snoozed_until <= ?)`, params: [ctx.today], uses: [] }
      : f.view === 'snoozed'
        ? { facet: null, sql: `g.status = 'open' and g.snoozed_until > ?`, params: [ctx.today], uses: [] }
        : { facet: null, sql: 'g.status = ?', params: [f.view], uses: [] };
  return [view, ...commonClauses('signal', ctx, f)];
}

export function actionClauses(ctx: TriageContext, f: ActionFilter, now: string): Clause[] {
  const out: Clause[] = [];
  const notSnoozed = `(a.snoozed_until is null or a.snoozed_until <= ?)`;
  if (f.status === 'snoozed') out.push({ facet: null, sql: `a.status in ('open', 'inProgress') and a.snoozed_until > ?`, params: [ctx.today], uses: [] });
  else if (f.status === 'open' || f.status === 'inProgress')
    out.push({ facet: null, sql: `a.status = ? and ${notSnoozed}`, params: [f.status, ctx.today], uses: [] });
  else if (f.status) out.push({ facet: null, sql: 'a.status = ?', params: [f.status], uses: [] });
  if (f.overdueOnly)
    out.push({ facet: null, sql: `a.status in ('open', 'inProgress') and a.due_at < ? and ${notSnoozed}`, params: [now, ctx.today], uses: [] });
  if (f.customerKey) out.push({ facet: null, sql: 'a.customer_key = ?', params: [f.customerKey], uses: [] });
  return [...out, ...commonClauses('action', ctx, f)];
}

export function whereOf(clauses: Clause[]): { sql: string; params: Param[] } {
  return { sql: clauses.length ? `where ${clauses.map((c) => c.sql).join(' and ')}` : '', params: clauses.flatMap((c) => c.params) };
}

/** Most values a facet lists (owners and segments can run to hundreds). */
const FACET_VALUES = 200;

/**
 * Counts per value of each dimension, under every other filter but its own: picking a second
 * severity shows what it would add, as a spreadsheet's filter drop-down does.
 */
export function facetCounts(sqlite: ReadableDB, kind: 'signal' | 'action', ctx: TriageContext, clauses: Clause[]): FacetCounts {
  const dim = dimensions(kind, ctx);
  const out = {} as FacetCounts;
  for (const facet of FACETS) {
    const others = clauses.filter((c) => c.facet !== facet);
    const w = whereOf(others);
    const from = fromOf(kind, ctx, usesOf(others, dim[facet].uses));
    out[facet] = (
      sqlite
        .prepare(`select ${dim[facet].sql} as v, count(*) as n ${from} ${w.sql} group by v order by n desc, v limit ${FACET_VALUES}`)
        .raw(true)
        .all(...w.params) as [string | null, number][]
    ).map(([value, count]) => ({ value, count }));
  }
  return out;
}

/** The list's table with the joins `uses` needs. */
export function fromOf(kind: 'signal' | 'action', ctx: TriageContext, uses: Iterable<Alias>): string {
  return kind === 'signal'
    ? `from health_signal g ${customerJoins(ctx, 'g.customer_key', uses)}`
    : `from health_action a ${customerJoins(ctx, 'a.customer_key', uses)}`;
}
