// Reads for the voice of the customer: survey answers in scope and the customers with the dimensions
// a figure can be broken down by (segment, tier, owner, industry, region, imported category
// attributes). Tier comes from the latest diagnostics run: it is computed, not imported.

import type { ReadableDB } from '../workspace/connection';
import type { VocCustomer, VocResponse } from '../../../shared/voc/breakdown';
import type { VocScope } from '../../../shared/voc/types';

export const BUILT_IN_DIMENSIONS = ['segment', 'tier', 'owner', 'industry', 'region'] as const;

function scopeWhere(scope: VocScope, col: string): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (scope.from) {
    parts.push(`substr(${col}, 1, 10) >= :from`);
    params.from = scope.from;
  }
  if (scope.to) {
    parts.push(`substr(${col}, 1, 10) <= :to`);
    params.to = scope.to;
  }
  return { sql: parts.length ? `and ${parts.join(' and ')}` : '', params };
}

/** Survey answers with a score or a comment, oldest first. */
export function readResponses(sqlite: ReadableDB, scope: VocScope): VocResponse[] {
  const w = scopeWhere(scope, 'date');
  const rows = sqlite
    .prepare(
      `select customer_key, substr(date, 1, 10), nps, csat, comment from surveys
        where (nps is not null or csat is not null or comment is not null) ${w.sql}
        order by date, id`,
    )
    .raw(true)
    .all(w.params) as [string, string, number | null, number | null, string | null][];
  return rows.map(([customerKey, date, nps, csat, comment]) => ({ customerKey, date, nps, csat, comment: comment && comment.trim() ? comment.trim() : null }));
}

export function latestDiagnosticRunId(sqlite: ReadableDB): number | null {
  return (sqlite.prepare(`select max(id) as id from diagnostic_run`).get() as { id: number | null }).id;
}

/** Every customer with its dimensions. */
export function readVocCustomers(sqlite: ReadableDB): { customers: VocCustomer[]; tierRunId: number | null; attributeNames: string[] } {
  const tierRunId = latestDiagnosticRunId(sqlite);
  const tiers = new Map<string, string | null>();
  if (tierRunId !== null) {
    for (const [k, t] of sqlite.prepare(`select customer_key, tier from diagnostic_customer where run_id = ?`).raw(true).all(tierRunId) as [
      string,
      string | null,
    ][])
      tiers.set(k, t);
  }
  const attributeNames = (sqlite.prepare(`select name from customer_attribute_def where type = 'category' order by name`).pluck().all() as string[]) ?? [];
  const attrs = new Map<string, Record<string, string | null>>();
  if (attributeNames.length > 0) {
    const rows = sqlite
      .prepare(`select a.customer_key, a.name, a.value from customer_attribute a join customer_attribute_def d on d.name = a.name where d.type = 'category'`)
      .raw(true)
      .all() as [string, string, string | number | null][];
    for (const [k, n, v] of rows) {
      const m = attrs.get(k) ?? {};
      m[`attr:${n}`] = v == null ? null : String(v);
      attrs.set(k, m);
    }
  }
  const rows = sqlite
    .prepare(
      `select customer_key, name, substr(first_seen, 1, 10), substr(churn_date, 1, 10), segment, owner, industry, region from customers order by customer_key`,
    )
    .raw(true)
    .all() as [string, string, string | null, string | null, string | null, string | null, string | null, string | null][];
  const customers = rows.map(([customerKey, name, firstSeen, churnDate, segment, owner, industry, region]) => ({
    customerKey,
    name,
    firstSeen,
    churnDate,
    dims: { segment, owner, industry, region, tier: tiers.get(customerKey) ?? null, ...(attrs.get(customerKey) ?? {}) },
  }));
  return { customers, tierRunId, attributeNames };
}

export interface RawComment {
  source: 'survey' | 'interaction' | 'ticket';
  rowId: number;
  customerKey: string;
  date: string;
  nps: number | null;
  text: string;
}

/**
 * The texts themes are found in. Surveys: the comment. Interactions: the note. Tickets: the category
 * (the client's ticket export holds no free text; its category is the customer's problem in a word).
 */
export function* readComments(sqlite: ReadableDB, sources: readonly RawComment['source'][], scope: VocScope): Generator<RawComment> {
  if (sources.includes('survey')) {
    const w = scopeWhere(scope, 'date');
    for (const [rowId, customerKey, date, nps, text] of sqlite
      .prepare(
        `select id, customer_key, substr(date, 1, 10), nps, comment from surveys where comment is not null and trim(comment) <> '' ${w.sql} order by date, id`,
      )
      .raw(true)
      .iterate(w.params) as Iterable<[number, string, string, number | null, string]>)
      yield { source: 'survey', rowId, customerKey, date, nps, text };
  }
  if (sources.includes('interaction')) {
    const w = scopeWhere(scope, 'date');
    for (const [rowId, customerKey, date, text] of sqlite
      .prepare(`select id, customer_key, substr(date, 1, 10), text from interactions where text is not null and trim(text) <> '' ${w.sql} order by date, id`)
      .raw(true)
      .iterate(w.params) as Iterable<[number, string, string, string]>)
      yield { source: 'interaction', rowId, customerKey, date, nps: null, text };
  }
  if (sources.includes('ticket')) {
    const w = scopeWhere(scope, 'opened_at');
    for (const [rowId, customerKey, date, text] of sqlite
      .prepare(
        `select id, customer_key, substr(opened_at, 1, 10), category from tickets where category is not null and trim(category) <> '' ${w.sql} order by opened_at, id`,
      )
      .raw(true)
      .iterate(w.params) as Iterable<[number, string, string, string]>)
      yield { source: 'ticket', rowId, customerKey, date, nps: null, text };
  }
}
