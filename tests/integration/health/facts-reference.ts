// The facts implementation before the block-streaming rewrite (per-family GROUP BY / window queries
// over the whole tables), kept only as the reference the new one must agree with.

import type { ReadableDB } from '../../../electron/backend/workspace/connection';
import { addDays, addMonths, daysBetween } from '../../../shared/health/dates';
import {
  DEFAULT_FACTS_WINDOWS,
  emptyFacts,
  type CustomerFacts,
  type FactsWindows,
  type ContactSource,
  type PeriodTotals,
  type SatisfactionReading,
  type TextEvidence,
} from '../../../shared/health/facts';

const DEMAND_PURPOSES = ['需求型', '需求', 'demand'] as const;
/** Usage metric names read as logins: the client's own words vary by system. */
const LOGIN_METRICS = ['logins', 'login', '登录次数', '登录', '登录数', '登录频次', '登錄次數'] as const;

interface CustomerInfo {
  customerKey: string;
  name: string;
  owner: string | null;
  segment: string | null;
}

interface FactsResult {
  asOf: string;
  customers: CustomerInfo[];
  facts: CustomerFacts[];
}

interface FactsOptions {
  windows?: FactsWindows;
  /**
   * Keyword rules only look for these words; texts without any of them are left in the database
   * (100,000 customers' notes are hundreds of MB of strings nobody reads). Omit to pass every text.
   */
  textKeywords?: readonly string[];
  /** Benchmarks: told how long each bulk query (and its folding) took. */
  onQuery?: (label: string, ms: number) => void;
}

const inList = (values: readonly string[]): string => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
const DEMAND_IN = inList(DEMAND_PURPOSES);

function median(sorted: number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** First day of the quarter holding `date`. */
function quarterStart(date: string): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  const qm = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(qm).padStart(2, '0')}-01`;
}

type Row = unknown[];

export function referenceFacts(sqlite: ReadableDB, asOf: string, opts: FactsOptions = {}): FactsResult {
  // The GROUP BYs and window functions sort millions of rows; SQLite's default 2 MB cache spills
  // those sorts to temp files. Give them memory for the duration, then put the settings back.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  const tempStore = sqlite.pragma('temp_store', { simple: true }) as number;
  sqlite.pragma('cache_size = -131072');
  sqlite.pragma('temp_store = MEMORY');
  try {
    return computeFactsInner(sqlite, asOf, opts);
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma(`temp_store = ${tempStore}`);
  }
}

function computeFactsInner(sqlite: ReadableDB, asOf: string, opts: FactsOptions): FactsResult {
  const w = opts.windows ?? DEFAULT_FACTS_WINDOWS;
  const asOfNext = addDays(asOf, 1); // "< asOfNext" keeps datetimes on the as-of day itself
  let queryNo = 0;
  const all = (query: string, params: Record<string, string | number> = {}): Row[] => {
    const t0 = opts.onQuery ? performance.now() : 0;
    const rows = sqlite.prepare(query).raw(true).all(params) as Row[];
    opts.onQuery?.(`q${++queryNo}:${/from\s+(\w+)/i.exec(query)?.[1] ?? '?'}`, performance.now() - t0);
    return rows;
  };

  const customers: CustomerInfo[] = [];
  const byKey = new Map<string, CustomerFacts>();
  for (const [key, name, owner, segment] of all(
    `select customer_key, name, owner, segment from customers
      where (churn_date is null or substr(churn_date, 1, 10) > :asOf)
        and (first_seen is null or substr(first_seen, 1, 10) <= :asOf)
      order by customer_key`,
    { asOf },
  ) as [string, string, string | null, string | null][]) {
    customers.push({ customerKey: key, name, owner, segment });
    byKey.set(key, emptyFacts(key, asOf));
  }
  const get = (key: unknown): CustomerFacts | undefined => byKey.get(key as string);

  // Interactions: the two 90-day windows, last contact, last demand.
  const d90 = addDays(asOf, -w.interactionDays);
  const d180 = addDays(asOf, -2 * w.interactionDays);
  for (const [key, last90, prev90, lastDate, lastDemand] of all(
    `select customer_key, sum(d > :d90), sum(d > :d180 and d <= :d90), max(d), max(case when purpose in (${DEMAND_IN}) then d end)
       from (select customer_key, substr(date, 1, 10) as d, purpose from interactions where date < :asOfNext)
      group by customer_key`,
    { d90, d180, asOfNext },
  )) {
    const f = get(key);
    if (!f) continue;
    f.interactionsLast90 = Number(last90);
    f.interactionsPrev90 = Number(prev90);
    f.lastInteractionDate = lastDate as string | null;
    f.lastDemandDate = lastDemand as string | null;
  }

  // The latest outbound attempts, oldest first.
  for (const [key, d, channel, responded] of all(
    `select customer_key, d, channel, responded from (
        select customer_key, substr(date, 1, 10) as d, channel, responded,
               row_number() over (partition by customer_key order by date desc, id desc) as rn
          from interactions where direction = 'outbound' and date < :asOfNext)
      where rn <= :n order by customer_key, rn desc`,
    { asOfNext, n: w.outreachAttempts },
  )) {
    get(key)?.outreach.push({
      date: d as string,
      channel: channel as string | null,
      responded: responded == null ? null : Number(responded) !== 0,
    });
  }

  // Demand conversion over the last 365 days (outcome known only; see the header).
  const d365 = addDays(asOf, -365);
  const conversionClosed = addDays(asOf, -w.demandConversionDays);
  for (const [key, d, converted] of all(
    `select i.customer_key, substr(i.date, 1, 10) as d,
            exists (select 1 from orders o
                     where o.customer_key = i.customer_key and o.is_return = 0
                       and o.order_date >= substr(i.date, 1, 10)
                       and o.order_date < min(:asOfNext, date(substr(i.date, 1, 10), '+' || :conv || ' days'))) as converted
       from interactions i
      where i.purpose in (${DEMAND_IN}) and i.date >= :from and i.date < :asOfNext`,
    { asOfNext, from: addDays(d365, 1), conv: w.demandConversionDays + 1 },
  )) {
    const f = get(key);
    if (!f) continue;
    const isConverted = Number(converted) !== 0;
    if (isConverted || (d as string) <= conversionClosed) f.demandsLast365++;
    if (isConverted) f.demandsConvertedLast365++;
  }

  // Demand feedback waits for the demands of the last interactionDays.
  for (const [key, d, answered] of all(
    `select i.customer_key, substr(i.date, 1, 10) as d,
            (select min(substr(o.date, 1, 10)) from interactions o
              where o.customer_key = i.customer_key and o.direction = 'outbound' and o.id <> i.id
                and o.date >= i.date and o.date < :asOfNext) as answered
       from interactions i
      where i.purpose in (${DEMAND_IN}) and (i.direction is null or i.direction <> 'outbound')
        and i.date >= :from and i.date < :asOfNext
      order by i.customer_key, i.date`,
    { asOfNext, from: addDays(d90, 1) },
  )) {
    const raisedOn = d as string;
    const answeredOn = answered as string | null;
    get(key)?.demandFeedback.push({ raisedOn, answeredOn, waitDays: daysBetween(raisedOn, answeredOn ?? asOf) });
  }

  // Orders: last year's count, last order, and complete quarters.
  const firstOrder = new Map<string, string>();
  for (const [key, n365, lastDate, firstDate] of all(
    `select customer_key,
            count(distinct case when is_return = 0 and order_date >= :from then order_key end),
            max(case when is_return = 0 then substr(order_date, 1, 10) end),
            min(substr(order_date, 1, 10))
       from orders where order_date < :asOfNext group by customer_key`,
    { asOfNext, from: addDays(d365, 1) },
  )) {
    const f = get(key);
    if (!f) continue;
    f.ordersLast365 = Number(n365);
    f.lastOrderDate = lastDate as string | null;
    if (firstDate) firstOrder.set(key as string, firstDate as string);
  }
  const firstIncomplete = quarterStart(asOfNext);
  const periodStarts: string[] = [];
  for (let i = w.orderPeriods; i >= 1; i--) periodStarts.push(addMonths(firstIncomplete, -3 * i));
  const periodIndex = new Map(periodStarts.map((s, i) => [s, i]));
  const totals = new Map<string, PeriodTotals[]>();
  for (const [key, ym, orders, spend, qty, qtyMissing] of all(
    `select customer_key, substr(order_date, 1, 7) as ym,
            count(distinct case when is_return = 0 then order_key end),
            sum(case when is_return = 1 then -abs(amount) else amount end),
            sum(case when is_return = 1 then -abs(quantity) else quantity end),
            count(*) - count(quantity)
       from orders where order_date >= :from and order_date < :to group by customer_key, ym`,
    { from: periodStarts[0] ?? firstIncomplete, to: firstIncomplete },
  )) {
    if (!byKey.has(key as string)) continue;
    const idx = periodIndex.get(quarterStart(`${ym as string}-01`));
    if (idx === undefined) continue;
    let list = totals.get(key as string);
    if (!list) {
      list = periodStarts.map((start) => ({ start, orders: 0, quantity: 0, spend: 0 }));
      totals.set(key as string, list);
    }
    const p = list[idx] as PeriodTotals;
    p.orders += Number(orders);
    p.spend += Number(spend);
    p.quantity = p.quantity == null || Number(qtyMissing) > 0 ? null : p.quantity + Number(qty ?? 0);
  }
  for (const [key, first] of firstOrder) {
    const f = byKey.get(key);
    if (!f) continue;
    const list = totals.get(key) ?? periodStarts.map((start) => ({ start, orders: 0, quantity: 0, spend: 0 }));
    // Quarters before the first order are before the relationship, not a fall to zero.
    const firstQ = quarterStart(first);
    f.periods = list.filter((p) => p.start >= firstQ);
  }

  // Satisfaction: survey answers and rated tickets as two series, each its latest N, oldest first
  // (ties on a day: the higher row id is the newer reading).
  for (const [key, d, src, nps, csat] of all(
    `select customer_key, d, src, nps, csat from (
        select customer_key, d, src, nps, csat, row_number() over (partition by customer_key, src order by d desc, id desc) as rn from (
          select customer_key, id, substr(date, 1, 10) as d, 'survey' as src, nps, csat from surveys
           where date < :asOfNext and (nps is not null or csat is not null)
          union all
          select customer_key, id, substr(coalesce(resolved_at, opened_at), 1, 10), 'ticket', null, satisfaction from tickets
           where satisfaction is not null and coalesce(resolved_at, opened_at) < :asOfNext))
      where rn <= :n order by customer_key, src, rn desc`,
    { asOfNext, n: w.satisfactionReadings },
  )) {
    const f = get(key);
    if (!f) continue;
    const reading: SatisfactionReading = {
      date: d as string,
      source: src as SatisfactionReading['source'],
      nps: nps == null ? null : Number(nps),
      csat: csat == null ? null : Number(csat),
    };
    (src === 'survey' ? f.surveyReadings : f.ticketRatings).push(reading);
  }

  // Last contact of any kind; on one day the first source in CONTACT_SOURCES order names it.
  for (const [key, d, src] of all(
    `select customer_key, d, src from (
        select customer_key, d, src, row_number() over (partition by customer_key order by d desc, rank) as rn from (
          select customer_key, max(substr(date, 1, 10)) as d, 'interaction' as src, 0 as rank from interactions where date < :asOfNext group by customer_key
          union all
          select customer_key, max(substr(order_date, 1, 10)), 'order', 1 from orders where order_date < :asOfNext group by customer_key
          union all
          select customer_key, max(substr(opened_at, 1, 10)), 'ticket', 2 from tickets where opened_at < :asOfNext group by customer_key
          union all
          select customer_key, max(substr(date, 1, 10)), 'survey', 3 from surveys where date < :asOfNext group by customer_key
          union all
          select customer_key, max(substr(period, 1, 7)) || '-01', 'usage', 4 from usage
           where value > 0 and substr(period, 1, 7) <= :month group by customer_key))
      where rn = 1`,
    { asOfNext, month: asOf.slice(0, 7) },
  )) {
    const f = get(key);
    if (!f) continue;
    f.lastContactDate = d as string;
    f.lastContactSource = src as ContactSource;
  }

  // Rolling spend: net (returns subtract) over the last spendWindowDays to as-of and the span before.
  const spendRecentFrom = addDays(asOf, -w.spendWindowDays + 1);
  for (const [key, recent, prior] of all(
    `select customer_key,
            coalesce(sum(case when order_date >= :recentFrom then (case when is_return = 1 then -abs(amount) else amount end) end), 0),
            coalesce(sum(case when order_date >= :priorFrom and order_date < :recentFrom then (case when is_return = 1 then -abs(amount) else amount end) end), 0)
       from orders where order_date < :asOfNext group by customer_key`,
    { asOfNext, recentFrom: spendRecentFrom, priorFrom: addDays(spendRecentFrom, -w.spendWindowDays) },
  )) {
    const f = get(key);
    if (!f) continue;
    f.spendRecent = Number(recent);
    f.spendPrior = Number(prior);
  }

  // Order rhythm: the mean gap over the last N distinct order days, (last − first) / (n − 1), n >= 3.
  for (const [key, first, last, n] of all(
    `select customer_key, min(d), max(d), count(*) from (
        select customer_key, d, row_number() over (partition by customer_key order by d desc) as rn from (
          select distinct customer_key, substr(order_date, 1, 10) as d from orders where is_return = 0 and order_date < :asOfNext))
      where rn <= :n group by customer_key having count(*) >= 3`,
    { asOfNext, n: w.rhythmOrderDays },
  )) {
    const f = get(key);
    if (f) f.orderRhythmDays = daysBetween(first as string, last as string) / (Number(n) - 1);
  }

  // Service: median first-response hours, recent window vs the baseline before it.
  const recentFrom = addDays(asOf, -w.serviceRecentDays + 1);
  const baseFrom = addDays(recentFrom, -w.serviceBaselineDays);
  let curKey: string | null = null;
  let recent: number[] = [];
  let base: number[] = [];
  const flush = (): void => {
    const f = curKey == null ? undefined : byKey.get(curKey);
    if (f) {
      f.responseHoursRecent = median(recent);
      f.responseHoursBaseline = median(base);
      f.ticketsRecent = recent.length;
    }
    recent = [];
    base = [];
  };
  for (const [key, isRecent, hours] of all(
    `select customer_key, opened_at >= :recentFrom, (julianday(replace(first_response_at, 'T', ' ')) - julianday(replace(opened_at, 'T', ' '))) * 24 as h
       from tickets
      where first_response_at is not null and opened_at >= :baseFrom and opened_at < :asOfNext
        and julianday(replace(first_response_at, 'T', ' ')) >= julianday(replace(opened_at, 'T', ' '))
      order by customer_key, 2, 3`,
    { recentFrom, baseFrom, asOfNext },
  )) {
    if (key !== curKey) {
      flush();
      curKey = key as string;
    }
    (Number(isRecent) ? recent : base).push(Number(hours));
  }
  flush();

  // Usage: logins over the last usageMonths complete months vs the same span before. A span with no
  // row counts as 0 only when the other span has one (on the platform but stopped logging in).
  const monthNow = `${asOfNext.slice(0, 7)}-01`;
  const recentStart = addMonths(monthNow, -w.usageMonths).slice(0, 7);
  const previousStart = addMonths(monthNow, -2 * w.usageMonths).slice(0, 7);
  for (const [key, isRecent, value] of all(
    `select customer_key, substr(period, 1, 7) >= :recentStart, sum(value) from usage
      where metric in (${inList(LOGIN_METRICS)}) and substr(period, 1, 7) >= :previousStart and substr(period, 1, 7) < :monthNow
      group by customer_key, 2`,
    { recentStart, previousStart, monthNow: monthNow.slice(0, 7) },
  )) {
    const f = get(key);
    if (!f) continue;
    if (Number(isRecent)) {
      f.loginsRecent = Number(value);
      f.loginsPrevious ??= 0;
    } else {
      f.loginsPrevious = Number(value);
      f.loginsRecent ??= 0;
    }
  }

  // Contracts still live at as-of with an end date ahead. "Renewed": another contract names it in
  // renewal_of, or a later contract of the same customer and product runs past its end.
  const renewedKeys = new Set(all(`select distinct renewal_of from contracts where renewal_of is not null`).map((r) => r[0] as string));
  for (const [key, contractKey, endDate, mrr, laterCover] of all(
    `select c.customer_key, c.contract_key, substr(c.end_date, 1, 10), c.mrr,
            exists (select 1 from contracts n where n.customer_key = c.customer_key and n.id <> c.id
                     and n.start_date > c.start_date and n.end_date > c.end_date and n.product is c.product
                     and (n.cancelled_date is null or n.cancelled_date > c.end_date))
       from contracts c
      where c.end_date is not null and c.start_date < :asOfNext and substr(c.end_date, 1, 10) >= :asOf
        and (c.cancelled_date is null or substr(c.cancelled_date, 1, 10) > :asOf)
      order by c.customer_key, c.end_date`,
    { asOf, asOfNext },
  )) {
    get(key)?.contracts.push({
      contractKey: contractKey as string,
      endDate: endDate as string,
      mrr: Number(mrr),
      renewed: renewedKeys.has(contractKey as string) || Number(laterCover) !== 0,
    });
  }

  // Projects live at as-of or closed within the last year (delivery smoothness outlives go-live).
  for (const [key, issues, issueRows, delay] of all(
    `select customer_key, sum(open_issues), count(open_issues),
            max(case when planned_end is null then null
                     else max(0, julianday(min(coalesce(substr(actual_end, 1, 10), :asOf), :asOf)) - julianday(substr(planned_end, 1, 10))) end)
       from projects
      where (coalesce(actual_start, planned_start) is null or substr(coalesce(actual_start, planned_start), 1, 10) <= :asOf)
        and (actual_end is null or substr(actual_end, 1, 10) > :from)
      group by customer_key`,
    { asOf, from: d365 },
  )) {
    const f = get(key);
    if (!f) continue;
    f.openProjectIssues = Number(issueRows) > 0 ? Number(issues) : null;
    f.projectDelayDays = delay == null ? null : Math.round(Number(delay));
  }

  // Free text of the last textDays for the keyword rules, oldest first.
  const textFrom = addDays(asOf, -w.textDays);
  const needles = opts.textKeywords?.map((k) => k.trim()).filter((k) => k.length > 0);
  const likeAny = (col: string): string =>
    needles === undefined
      ? ''
      : needles.length === 0
        ? ' and 0'
        : ` and (${needles.map((k) => `instr(lower(${col}), ${inList([k.toLowerCase()])}) > 0`).join(' or ')})`;
  for (const [key, d, src, text] of all(
    `select customer_key, substr(date, 1, 10), 'interaction', text from interactions
      where text is not null and text <> '' and date >= :textFrom and date < :asOfNext${likeAny('text')}
     union all
     select customer_key, substr(date, 1, 10), 'survey', comment from surveys
      where comment is not null and comment <> '' and date >= :textFrom and date < :asOfNext${likeAny('comment')}
     union all
     select customer_key, substr(opened_at, 1, 10), 'ticket', category from tickets
      where category is not null and category <> '' and opened_at >= :textFrom and opened_at < :asOfNext${likeAny('category')}`,
    { textFrom, asOfNext },
  )) {
    get(key)?.texts.push({ date: d as string, source: src as TextEvidence['source'], text: text as string });
  }
  for (const f of byKey.values()) if (f.texts.length > 1) f.texts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  return { asOf, customers, facts: customers.map((c) => byKey.get(c.customerKey) as CustomerFacts) };
}
