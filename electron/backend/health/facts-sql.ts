// CustomerFacts for every customer as of a date, from the canonical tables.
//
// Customers are taken in key order, a block at a time (keyset paging on the unique customer_key
// index). For a block, each table is read once as a range scan of its (customer_key, date) index —
// rows arrive grouped by customer and in date order — and folded into the block's facts in JS
// (facts-fold.ts). No GROUP BY, window function or correlated subquery sorts millions of rows, and
// only one block's facts are alive at a time: a caller scores and stores a block, then drops it.
// 100,000 customers cost ~20 blocks × 7 range scans.
//
// Definitions the seeds leave open, fixed here (and quoted in the health catalogue's help):
// - A demand (需求) is an interaction whose purpose is 需求型 (DEMAND_PURPOSES).
// - Demand conversion: a demand counts as converted when the customer places a (non-return) order on
//   the day of the demand or within `demandConversionDays` after it. A demand raised less than that
//   many days before as-of and not yet converted has no outcome yet; it is left out of both the
//   numerator and the denominator, so a customer is not marked down for demands still in play.
//   demandsLast365 therefore counts the demands of the last 365 days whose outcome is known.
// - Demand feedback: a demand the customer raised (an inbound 需求型 interaction, or one with no
//   direction recorded) waits from its day to our next outbound interaction (any purpose) on the same
//   day or later; with none yet, to as-of. An outbound 需求型 contact is our own follow-up on a need,
//   not a request waiting for an answer. Only demands of the last `interactionDays` are passed, so a
//   demand answered late a year ago does not keep a delay signal open forever.
// - Customers in scope: every customer except those churned on or before as-of or first seen after it.

import type { ReadableDB } from '../workspace/connection';
import { addDays } from '../../../shared/health/dates';
import { DEFAULT_FACTS_WINDOWS, emptyFacts, type CustomerFacts, type FactsWindows, type TextEvidence } from '../../../shared/health/facts';
import {
  factsBounds,
  foldContracts,
  foldInteractions,
  foldOrders,
  foldProjects,
  foldSurveys,
  foldTickets,
  foldUsage,
  foldUsageContact,
  sortTexts,
  type Row,
} from './facts-fold';

export const DEMAND_PURPOSES = ['需求型', '需求', 'demand'] as const;
/** Usage metric names read as logins: the client's own words vary by system. */
export const LOGIN_METRICS = ['logins', 'login', '登录次数', '登录', '登录数', '登录频次', '登錄次數'] as const;

export interface CustomerInfo {
  customerKey: string;
  name: string;
  owner: string | null;
  segment: string | null;
}

export interface FactsResult {
  asOf: string;
  customers: CustomerInfo[];
  facts: CustomerFacts[];
}

/** One block of customers in key order, facts[i] belonging to customers[i]. */
export type FactsBlock = FactsResult;

export interface FactsOptions {
  windows?: FactsWindows;
  /**
   * Keyword rules only look for these words; texts without any of them are left in the database
   * (100,000 customers' notes are hundreds of MB of strings nobody reads). Omit to pass every text.
   */
  textKeywords?: readonly string[];
  /** The complaint rule's detector (text-signals.ts): each loaded interaction or ticket text gets its complaint sentences. */
  complaintsIn?: (text: string) => string[];
  /** Customers per block (default 4096): bounds memory; larger blocks only save a few queries. */
  blockSize?: number;
  /** Benchmarks: told how long each table's reads (and their folding) took, summed over blocks. */
  onQuery?: (label: string, ms: number) => void;
}

const inList = (values: readonly string[]): string => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
const DEMAND_IN = inList(DEMAND_PURPOSES);
const IN_SCOPE = `(churn_date is null or substr(churn_date, 1, 10) > :asOf) and (first_seen is null or substr(first_seen, 1, 10) <= :asOf)`;

/** Customers in scope at as-of (for progress totals). */
export function countCustomersInScope(sqlite: ReadableDB, asOf: string): number {
  return Number((sqlite.prepare(`select count(*) from customers where ${IN_SCOPE}`).pluck().get({ asOf }) as number | bigint) ?? 0);
}

/**
 * Streams facts block by block (customers in key order). Returns the number of customers. The
 * callback may write to the database (the statements here are stepped to completion before it runs).
 */
export function forEachFactsBlock(sqlite: ReadableDB, asOf: string, opts: FactsOptions, onBlock: (block: FactsBlock) => void): number {
  const blocks = factsBlocks(sqlite, asOf, opts);
  for (;;) {
    const next = blocks.next();
    if (next.done) return next.value;
    onBlock(next.value);
  }
}

/**
 * The same blocks as a generator, for a consumer that awaits between blocks (a job's checkpoints).
 * No statement is left open across a yield: every read is stepped to completion first, so the
 * connection is free for other calls while the consumer waits.
 */
export function* factsBlocks(sqlite: ReadableDB, asOf: string, opts: FactsOptions): Generator<FactsBlock, number, void> {
  const w = opts.windows ?? DEFAULT_FACTS_WINDOWS;
  const blockSize = Math.max(1, opts.blockSize ?? 4096);
  const b = factsBounds(asOf, w);
  const asOfNext = b.asOfNext;

  // Keyword filter stays in SQL: SQLite's lower() folds ASCII only, and the rules were written
  // against exactly that matching; it also keeps unmatched notes out of JS memory.
  const needles = opts.textKeywords?.map((k) => k.trim()).filter((k) => k.length > 0);
  const matches = (col: string): string =>
    needles === undefined ? '1' : needles.length === 0 ? '0' : `(${needles.map((k) => `instr(lower(${col}), ${inList([k.toLowerCase()])}) > 0`).join(' or ')})`;

  const firstPage = sqlite.prepare(`select customer_key, name, owner, segment from customers where ${IN_SCOPE} order by customer_key limit :n`).raw(true);
  const nextPage = sqlite
    .prepare(`select customer_key, name, owner, segment from customers where customer_key > :after and ${IN_SCOPE} order by customer_key limit :n`)
    .raw(true);
  // Each statement walks its (customer_key, date) index over the block's key range; rows of keys in
  // the range that are not in scope are skipped by the fold.
  const q = {
    orders: sqlite
      .prepare(
        // Amounts only from the earlier of the quarters window and the rolling spend windows,
        // quantities only inside the quarters (years of history stay in SQLite).
        `select customer_key, order_key, order_date, is_return,
                case when order_date >= :amountsFrom then amount end,
                case when order_date >= :periodsFrom and order_date < :periodsTo then quantity end
           from orders
          where customer_key between :lo and :hi and order_date < :asOfNext
          order by customer_key, order_date`,
      )
      .raw(true),
    interactions: sqlite
      .prepare(
        // Columns only where a fact uses them: turning SQLite values into JS values is most of the cost.
        // flags: 1 demand, 2 outbound, 4 response recorded, 8 responded.
        `select customer_key, date,
                coalesce(purpose in (${DEMAND_IN}), 0) + 2 * coalesce(direction = 'outbound', 0)
                  + 4 * (responded is not null) + 8 * coalesce(responded <> 0, 0),
                case when direction = 'outbound' then channel end,
                case when purpose in (${DEMAND_IN}) and date >= :convFrom
                     then min(:asOfNext, date(substr(date, 1, 10), '+' || :conv || ' days')) end,
                case when text is not null and text <> '' and date >= :textFrom and ${matches('text')} then text end, id
           from interactions
          where customer_key between :lo and :hi and date < :asOfNext
          order by customer_key, date, id`,
      )
      .raw(true),
    surveys: sqlite
      .prepare(
        `select customer_key, id, substr(date, 1, 10), nps, csat,
                case when comment is not null and comment <> '' and date >= :textFrom and ${matches('comment')} then comment end
           from surveys
          where customer_key between :lo and :hi and date < :asOfNext
          order by customer_key, date, id`,
      )
      .raw(true),
    // Satisfaction columns only on rated tickets; the response time as one julianday difference (its
    // sign is the old "first response not before opening" test, its × 24 is done in JS on the same
    // double, so the hours come out bit for bit as before).
    tickets: sqlite
      .prepare(
        `select customer_key,
                case when satisfaction is not null and coalesce(resolved_at, opened_at) < :asOfNext then satisfaction end,
                case when satisfaction is not null and coalesce(resolved_at, opened_at) < :asOfNext then substr(coalesce(resolved_at, opened_at), 1, 10) end,
                case when satisfaction is not null and coalesce(resolved_at, opened_at) < :asOfNext then id end,
                case when first_response_at is not null and opened_at >= :baseFrom and opened_at < :asOfNext
                     then julianday(replace(first_response_at, 'T', ' ')) - julianday(replace(opened_at, 'T', ' ')) end,
                opened_at >= :recentFrom,
                case when opened_at < :asOfNext then substr(opened_at, 1, 10) end,
                -- a ticket's text is its category (the only free text the ticket table keeps)
                case when category is not null and category <> '' and opened_at >= :textFrom and opened_at < :asOfNext and ${matches('category')} then category end,
                id
           from tickets
          where customer_key between :lo and :hi
          order by customer_key, opened_at, id`,
      )
      .raw(true),
    // Logins summed in SQL, grouped in index order (no sort): one row per customer instead of one
    // per month and metric, and sum() is SQLite's own.
    usage: sqlite
      .prepare(
        `select customer_key, sum(case when substr(period, 1, 7) >= :recentStart then value end),
                sum(case when substr(period, 1, 7) < :recentStart then value end)
           from usage
          where customer_key between :lo and :hi and metric in (${inList(LOGIN_METRICS)})
            and substr(period, 1, 7) >= :previousStart and substr(period, 1, 7) < :monthNow
          group by customer_key`,
      )
      .raw(true),
    // The latest month with any usage (a customer on the platform is not silent), up to as-of's month.
    usageContact: sqlite
      .prepare(
        `select customer_key, max(substr(period, 1, 7)) from usage
          where customer_key between :lo and :hi and value > 0 and substr(period, 1, 7) <= :month
          group by customer_key`,
      )
      .raw(true),
    // "Renewed": another contract names it in renewal_of, or a later contract of the same customer
    // and product runs past its end.
    contracts: sqlite
      .prepare(
        `select c.customer_key, c.contract_key, substr(c.end_date, 1, 10), c.mrr,
                exists (select 1 from contracts n where n.customer_key = c.customer_key and n.id <> c.id
                         and n.start_date > c.start_date and n.end_date > c.end_date and n.product is c.product
                         and (n.cancelled_date is null or n.cancelled_date > c.end_date))
           from contracts c
          where c.customer_key between :lo and :hi
            and c.end_date is not null and c.start_date < :asOfNext and substr(c.end_date, 1, 10) >= :asOf
            and (c.cancelled_date is null or substr(c.cancelled_date, 1, 10) > :asOf)
          order by c.customer_key, c.end_date`,
      )
      .raw(true),
    // Projects live at as-of or closed within the last year (delivery smoothness outlives go-live).
    projects: sqlite
      .prepare(
        `select customer_key, sum(open_issues), count(open_issues),
                max(case when planned_end is null then null
                         else max(0, julianday(min(coalesce(substr(actual_end, 1, 10), :asOf), :asOf)) - julianday(substr(planned_end, 1, 10))) end)
           from projects
          where customer_key between :lo and :hi
            and (coalesce(actual_start, planned_start) is null or substr(coalesce(actual_start, planned_start), 1, 10) <= :asOf)
            and (actual_end is null or substr(actual_end, 1, 10) > :from)
          group by customer_key`,
      )
      .raw(true),
  };

  const spent = new Map<string, number>();
  const timed = <T>(label: string, f: () => T): T => {
    if (!opts.onQuery) return f();
    const t0 = performance.now();
    const r = f();
    spent.set(label, (spent.get(label) ?? 0) + performance.now() - t0);
    return r;
  };

  const renewedKeys = timed(
    'contracts.renewal_of',
    () => new Set(sqlite.prepare(`select distinct renewal_of from contracts where renewal_of is not null`).pluck().all() as string[]),
  );

  let total = 0;
  let after: string | null = null;
  for (;;) {
    const page = timed(
      'customers',
      () =>
        (after === null ? firstPage.all({ asOf, n: blockSize }) : nextPage.all({ asOf, n: blockSize, after })) as [
          string,
          string,
          string | null,
          string | null,
        ][],
    );
    if (page.length === 0) break;
    const customers: CustomerInfo[] = page.map(([customerKey, name, owner, segment]) => ({ customerKey, name, owner, segment }));
    const facts = customers.map((c) => emptyFacts(c.customerKey, asOf));
    const byKey = new Map<string, CustomerFacts>(facts.map((f) => [f.customerKey, f]));
    const lo = customers[0]!.customerKey;
    const hi = customers[customers.length - 1]!.customerKey;
    after = hi;
    const range = { lo, hi };

    const textIds = new Map<TextEvidence, number>();
    // Orders first: demand conversion (interactions) looks up each customer's order dates.
    const orderDates = timed('orders', () =>
      foldOrders(
        q.orders.all({
          ...range,
          asOfNext,
          amountsFrom: b.amountsFrom,
          periodsFrom: b.periodStarts[0] ?? b.firstIncomplete,
          periodsTo: b.firstIncomplete,
        }) as Row[],
        byKey,
        b,
      ),
    );
    timed('interactions', () =>
      foldInteractions(
        q.interactions.all({ ...range, asOfNext, convFrom: b.convFrom, conv: w.demandConversionDays + 1, textFrom: b.textFrom }) as Row[],
        byKey,
        orderDates,
        b,
        textIds,
      ),
    );
    const ticketReadings = timed('tickets', () =>
      foldTickets(q.tickets.all({ ...range, asOfNext, baseFrom: b.baseFrom, recentFrom: b.recentFrom, textFrom: b.textFrom }) as Row[], byKey, textIds),
    );
    timed('surveys', () =>
      foldSurveys(q.surveys.all({ ...range, asOfNext, textFrom: b.textFrom }) as Row[], byKey, ticketReadings, w.satisfactionReadings, textIds),
    );
    sortTexts(facts, textIds);
    const complaintsIn = opts.complaintsIn;
    if (complaintsIn)
      timed('complaints', () => {
        for (const f of facts) for (const t of f.texts) if (t.source !== 'survey') t.complaints = complaintsIn(t.text);
      });
    timed('usage', () =>
      foldUsage(q.usage.all({ ...range, recentStart: b.usageRecentStart, previousStart: b.usagePreviousStart, monthNow: b.usageMonthNow }) as Row[], byKey),
    );
    timed('usageContact', () => foldUsageContact(q.usageContact.all({ ...range, month: b.usageContactMonth }) as Row[], byKey));
    timed('contracts', () => foldContracts(q.contracts.all({ ...range, asOf, asOfNext }) as Row[], byKey, renewedKeys));
    timed('projects', () => foldProjects(q.projects.all({ ...range, asOf, from: addDays(asOf, -365) }) as Row[], byKey));

    total += customers.length;
    const handedOver = opts.onQuery ? performance.now() : 0;
    yield { asOf, customers, facts };
    if (opts.onQuery) spent.set('consumer', (spent.get('consumer') ?? 0) + performance.now() - handedOver);
    if (page.length < blockSize) break;
  }
  for (const [label, ms] of spent) opts.onQuery?.(label, ms);
  return total;
}

/** Every customer's facts at once: for tests and small workspaces. Runs stream forEachFactsBlock. */
export function computeFacts(sqlite: ReadableDB, asOf: string, opts: FactsOptions = {}): FactsResult {
  const customers: CustomerInfo[] = [];
  const facts: CustomerFacts[] = [];
  forEachFactsBlock(sqlite, asOf, opts, (block) => {
    for (const c of block.customers) customers.push(c);
    for (const f of block.facts) facts.push(f);
  });
  return { asOf, customers, facts };
}

/** The date health runs default to: the latest dated fact in the workspace (exports are taken on a
 *  day, and "the last 90 days" should end there, not at today's date weeks later), capped at today. */
export function defaultAsOf(sqlite: ReadableDB, today: string): string {
  const row = sqlite
    .prepare(
      `select max(d) from (
         select max(substr(order_date, 1, 10)) as d from orders
         union all select max(substr(date, 1, 10)) from interactions
         union all select max(substr(opened_at, 1, 10)) from tickets
         union all select max(substr(date, 1, 10)) from surveys)`,
    )
    .raw(true)
    .get() as [string | null] | undefined;
  const latest = row?.[0] ?? null;
  return latest && latest < today ? latest : today;
}
