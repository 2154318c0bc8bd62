// Folding one block's streamed rows into CustomerFacts, one function per table. Rows arrive ordered
// by customer_key (then date, then id where it matters), so each customer's rows are contiguous and
// in date order; per-customer state lives only while that customer's rows go by.
//
// Each fold reproduces what the per-table GROUP BY / window queries used to compute, including their
// tie-breaks: dates compare as the stored strings (canonical ASCII, so JS and SQLite order agree),
// day-level facts use the first 10 characters, float sums use SQLite's compensated sum.

import { addDays, addMonths, daysBetween } from '../../../shared/health/dates';
import {
  CONTACT_SOURCES,
  type ContactSource,
  type CustomerFacts,
  type DemandFeedback,
  type FactsWindows,
  type PeriodTotals,
  type SatisfactionReading,
  type TextEvidence,
} from '../../../shared/health/facts';
import { SqliteRealSum } from './sqlite-sum';

export type Row = unknown[];

/** The window edges of one as-of date, computed once per run. */
export interface FactsBounds {
  asOf: string;
  asOfNext: string; // "< asOfNext" keeps datetimes on the as-of day itself
  d90: string;
  d180: string;
  /** Demands from this day on (raw date >=) have a conversion outcome to look for. */
  convFrom: string;
  conversionClosed: string;
  feedbackFrom: string;
  orders365From: string;
  periodStarts: string[];
  firstIncomplete: string;
  recentFrom: string;
  baseFrom: string;
  textFrom: string;
  usageMonthNow: string;
  usageRecentStart: string;
  usagePreviousStart: string;
  outreachAttempts: number;
  rhythmOrderDays: number;
  /** Rolling spend windows: [spendRecentFrom, asOf] and [spendPriorFrom, spendRecentFrom). */
  spendRecentFrom: string;
  spendPriorFrom: string;
  /** Order amounts are read from this day on: the quarters window and the rolling windows. */
  amountsFrom: string;
  /** Usage months up to this one ('YYYY-MM', the as-of month) count as contact. */
  usageContactMonth: string;
}

const CONTACT_RANK = new Map<ContactSource, number>(CONTACT_SOURCES.map((s, i) => [s, i]));

/** Keeps the latest contact day; on one day the source listed first in CONTACT_SOURCES names it. */
export function noteContact(f: CustomerFacts, day: string, source: ContactSource): void {
  const cur = f.lastContactDate;
  if (cur === null || day > cur || (day === cur && (CONTACT_RANK.get(source) as number) < (CONTACT_RANK.get(f.lastContactSource as ContactSource) as number))) {
    f.lastContactDate = day;
    f.lastContactSource = source;
  }
}

/**
 * Mean days between consecutive distinct days of `days` (ascending, may repeat) over the last `n`
 * distinct ones; null with fewer than 3.
 */
export function orderRhythm(days: readonly string[], n: number): number | null {
  let count = 0;
  let last: string | null = null;
  let first: string | null = null;
  for (let i = days.length - 1; i >= 0 && count < n; i--) {
    const d = days[i] as string;
    if (d === first) continue;
    if (last === null) last = d;
    first = d;
    count++;
  }
  if (count < 3 || last === null || first === null) return null;
  return daysBetween(first, last) / (count - 1);
}

/** First day of the quarter holding `date`. */
export function quarterStart(date: string): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  const qm = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(qm).padStart(2, '0')}-01`;
}

export function factsBounds(asOf: string, w: FactsWindows): FactsBounds {
  const asOfNext = addDays(asOf, 1);
  const d90 = addDays(asOf, -w.interactionDays);
  const d365 = addDays(asOf, -365);
  const firstIncomplete = quarterStart(asOfNext);
  const periodStarts: string[] = [];
  for (let i = w.orderPeriods; i >= 1; i--) periodStarts.push(addMonths(firstIncomplete, -3 * i));
  const recentFrom = addDays(asOf, -w.serviceRecentDays + 1);
  const monthNow = `${asOfNext.slice(0, 7)}-01`;
  const spendRecentFrom = addDays(asOf, -w.spendWindowDays + 1);
  const spendPriorFrom = addDays(spendRecentFrom, -w.spendWindowDays);
  const quartersFrom = periodStarts[0] ?? firstIncomplete;
  return {
    asOf,
    asOfNext,
    d90,
    d180: addDays(asOf, -2 * w.interactionDays),
    convFrom: addDays(d365, 1),
    conversionClosed: addDays(asOf, -w.demandConversionDays),
    feedbackFrom: addDays(d90, 1),
    orders365From: addDays(d365, 1),
    periodStarts,
    firstIncomplete,
    recentFrom,
    baseFrom: addDays(recentFrom, -w.serviceBaselineDays),
    textFrom: addDays(asOf, -w.textDays),
    usageMonthNow: monthNow.slice(0, 7),
    usageRecentStart: addMonths(monthNow, -w.usageMonths).slice(0, 7),
    usagePreviousStart: addMonths(monthNow, -2 * w.usageMonths).slice(0, 7),
    outreachAttempts: w.outreachAttempts,
    rhythmOrderDays: w.rhythmOrderDays,
    spendRecentFrom,
    spendPriorFrom,
    amountsFrom: spendPriorFrom < quartersFrom ? spendPriorFrom : quartersFrom,
    usageContactMonth: asOf.slice(0, 7),
  };
}

function median(sorted: number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Calls `each(facts, first, end)` for every run of rows sharing a customer in `byKey`. */
function groups(rows: Row[], byKey: ReadonlyMap<string, CustomerFacts>, each: (f: CustomerFacts, first: number, end: number) => void): void {
  let i = 0;
  while (i < rows.length) {
    const key = rows[i]![0] as string;
    let end = i + 1;
    while (end < rows.length && rows[end]![0] === key) end++;
    const f = byKey.get(key);
    if (f) each(f, i, end);
    i = end;
  }
}

/**
 * Orders (customer_key, order_key, order_date, is_return, amount, quantity) with order_date < asOfNext,
 * by customer and date: last year's count, last order, complete quarters. Returns each customer's
 * non-return order dates, ascending, for demand conversion.
 */
export function foldOrders(rows: Row[], byKey: ReadonlyMap<string, CustomerFacts>, b: FactsBounds): Map<string, string[]> {
  const dates = new Map<string, string[]>();
  const periodIndex = new Map(b.periodStarts.map((s, i) => [s, i]));
  const from = b.periodStarts[0] ?? b.firstIncomplete;
  groups(rows, byKey, (f, first, end) => {
    const mine: string[] = [];
    const orderDays: string[] = [];
    let lastAny: string | null = null;
    const recentSpend = new SqliteRealSum();
    const priorSpend = new SqliteRealSum();
    const last365 = new Set<string>();
    let lastDate: string | null = null;
    let firstDate: string | null = null;
    let list: PeriodTotals[] | null = null;
    // One calendar month at a time, added to its quarter when the month ends: the old query grouped
    // by month, and sums/distinct counts per month are what the quarters were built from.
    let ym: string | null = null;
    let monthOrders = new Set<string>();
    let spend = new SqliteRealSum();
    let qty = new SqliteRealSum();
    let qtyMissing = 0;
    const closeMonth = (): void => {
      if (ym === null) return;
      const idx = periodIndex.get(quarterStart(`${ym}-01`));
      if (idx !== undefined) {
        list ??= b.periodStarts.map((start) => ({ start, orders: 0, quantity: 0, spend: 0 }));
        const p = list[idx] as PeriodTotals;
        p.orders += monthOrders.size;
        p.spend += Number(spend.value());
        p.quantity = p.quantity == null || qtyMissing > 0 ? null : p.quantity + Number(qty.value() ?? 0);
      }
      ym = null;
    };
    for (let i = first; i < end; i++) {
      const r = rows[i]!;
      const orderKey = r[1] as string;
      const date = r[2] as string;
      const isReturn = r[3] as number;
      const d = date.slice(0, 10);
      if (lastAny === null || d > lastAny) lastAny = d;
      if (date >= b.spendPriorFrom) {
        const amount = r[4] as number;
        const net = isReturn === 1 ? -Math.abs(amount) : amount;
        if (date >= b.spendRecentFrom) recentSpend.add(net);
        else priorSpend.add(net);
      }
      if (isReturn === 0) {
        mine.push(date);
        orderDays.push(d);
        if (date >= b.orders365From) last365.add(orderKey);
        if (lastDate === null || d > lastDate) lastDate = d;
      }
      if (firstDate === null || d < firstDate) firstDate = d;
      if (date >= from && date < b.firstIncomplete) {
        const m = date.slice(0, 7);
        if (m !== ym) {
          closeMonth();
          ym = m;
          monthOrders = new Set();
          spend = new SqliteRealSum();
          qty = new SqliteRealSum();
          qtyMissing = 0;
        }
        if (isReturn === 0) monthOrders.add(orderKey);
        const amount = r[4] as number;
        const quantity = r[5] as number | null;
        spend.add(isReturn === 1 ? -Math.abs(amount) : amount);
        if (quantity == null) qtyMissing++;
        else qty.add(isReturn === 1 ? -Math.abs(quantity) : quantity);
      }
    }
    closeMonth();
    f.ordersLast365 = last365.size;
    f.lastOrderDate = lastDate;
    f.orderRhythmDays = orderRhythm(orderDays, b.rhythmOrderDays);
    f.spendRecent = Number(recentSpend.value() ?? 0);
    f.spendPrior = Number(priorSpend.value() ?? 0);
    if (lastAny !== null) noteContact(f, lastAny, 'order');
    if (firstDate !== null) {
      const all: PeriodTotals[] = list ?? b.periodStarts.map((start) => ({ start, orders: 0, quantity: 0, spend: 0 }));
      // Quarters before the first order are before the relationship, not a fall to zero.
      const firstQ = quarterStart(firstDate);
      f.periods = all.filter((p) => p.start >= firstQ);
    }
    dates.set(f.customerKey, mine);
  });
  return dates;
}

/** Index of the first element >= x in an ascending array. */
function lowerBound(sorted: readonly string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Interactions (customer_key, date, flags, channel of outbound rows, conversionBound, matchingText,
 * id) with date < asOfNext, by customer, date, id: the 90-day windows, last contact and
 * demand, the latest outreach, demand conversion and feedback, and texts (sorted with the surveys').
 */
export function foldInteractions(
  rows: Row[],
  byKey: ReadonlyMap<string, CustomerFacts>,
  orderDates: ReadonlyMap<string, string[]>,
  b: FactsBounds,
  textIds: Map<TextEvidence, number>,
): void {
  const n = b.outreachAttempts;
  groups(rows, byKey, (f, first, end) => {
    const orders = orderDates.get(f.customerKey) ?? [];
    let last90 = 0;
    let prev90 = 0;
    let lastDate: string | null = null;
    let lastDemand: string | null = null;
    let lastOutboundRaw: string | null = null;
    let waiting: DemandFeedback[] = [];
    const feedback: DemandFeedback[] = [];
    for (let i = first; i < end; i++) {
      const r = rows[i]!;
      const date = r[1] as string;
      const flags = r[2] as number;
      const isDemand = (flags & 1) !== 0;
      const outbound = (flags & 2) !== 0;
      const d = date.slice(0, 10);
      if (d > b.d90) last90++;
      else if (d > b.d180) prev90++;
      if (lastDate === null || d > lastDate) lastDate = d;
      if (isDemand && (lastDemand === null || d > lastDemand)) lastDemand = d;

      if (outbound) {
        f.outreach.push({ date: d, channel: r[3] as string | null, responded: flags & 4 ? (flags & 8) !== 0 : null });
        if (f.outreach.length > n) f.outreach.shift();
        // Rows come in date order, so every demand still waiting was raised on or before this day.
        for (const x of waiting) x.answeredOn = d;
        waiting = [];
        lastOutboundRaw = date;
      }

      if (isDemand && date >= b.convFrom) {
        const bound = r[4] as string | null;
        const next = orders[lowerBound(orders, d)];
        const converted = bound !== null && next !== undefined && next < bound;
        if (converted || d <= b.conversionClosed) f.demandsLast365++;
        if (converted) f.demandsConvertedLast365++;
      }
      if (isDemand && !outbound && date >= b.feedbackFrom) {
        // An outbound contact stamped with the very same date answers it too (">=" on the date).
        const x: DemandFeedback = { raisedOn: d, answeredOn: lastOutboundRaw === date ? d : null, waitDays: 0 };
        feedback.push(x);
        if (x.answeredOn === null) waiting.push(x);
      }

      const text = r[5];
      if (text != null) {
        const t: TextEvidence = { date: d, source: 'interaction', text: text as string };
        textIds.set(t, r[6] as number);
        f.texts.push(t);
      }
    }
    for (const x of feedback) x.waitDays = daysBetween(x.raisedOn, x.answeredOn ?? b.asOf);
    f.demandFeedback = feedback;
    f.interactionsLast90 = last90;
    f.interactionsPrev90 = prev90;
    f.lastInteractionDate = lastDate;
    f.lastDemandDate = lastDemand;
    if (lastDate !== null) noteContact(f, lastDate, 'interaction');
  });
}

type Reading = SatisfactionReading & { id: number };

/**
 * Tickets (customer_key, satisfaction, readingDay and id of rated tickets, first response minus opening
 * in days, isRecent, openedDay when opened by as-of, matching category text, id): median
 * first-response hours (recent window vs the baseline before it); the category joins the texts;
 * returns the rated tickets as satisfaction readings for foldSurveys.
 */
export function foldTickets(rows: Row[], byKey: ReadonlyMap<string, CustomerFacts>, textIds?: Map<TextEvidence, number>): Map<string, Reading[]> {
  const readings = new Map<string, Reading[]>();
  groups(rows, byKey, (f, first, end) => {
    const recent: number[] = [];
    const base: number[] = [];
    const mine: Reading[] = [];
    for (let i = first; i < end; i++) {
      const r = rows[i]!;
      if (r[1] != null) mine.push({ id: r[3] as number, date: r[2] as string, source: 'ticket', nps: null, csat: Number(r[1]) });
      const days = r[4] as number | null;
      if (days != null && days >= 0) (Number(r[5]) ? recent : base).push(days * 24);
      const opened = r[6] as string | null;
      if (opened != null) noteContact(f, opened, 'ticket');
      const text = r[7] as string | null | undefined;
      if (text != null && opened != null) {
        const t: TextEvidence = { date: opened, source: 'ticket', text };
        textIds?.set(t, r[8] as number);
        f.texts.push(t);
      }
    }
    if (recent.length + base.length > 0) {
      recent.sort((x, y) => x - y);
      base.sort((x, y) => x - y);
      f.responseHoursRecent = median(recent);
      f.responseHoursBaseline = median(base);
      f.ticketsRecent = recent.length;
    }
    if (mine.length > 0) readings.set(f.customerKey, mine);
  });
  return readings;
}

// Oldest first within one series: by day, then row id (the later row is the newer reading).
function byReadingAge(a: Reading, b: Reading): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id - b.id;
}

function latestReadings(list: Reading[], keep: number): SatisfactionReading[] {
  list.sort(byReadingAge);
  return list.slice(Math.max(0, list.length - keep)).map(({ date, source, nps, csat }) => ({ date, source, nps, csat }));
}

const SOURCE_RANK: Record<TextEvidence['source'], number> = { interaction: 0, survey: 1, ticket: 2 };

/**
 * Surveys (customer_key, id, day, nps, csat, matchingComment) with date < asOfNext, by customer and
 * date: the latest N survey readings and the latest N ticket ratings, each its own series; survey
 * days as contact; comments joined to texts.
 */
export function foldSurveys(
  rows: Row[],
  byKey: ReadonlyMap<string, CustomerFacts>,
  ticketReadings: ReadonlyMap<string, Reading[]>,
  keep: number,
  textIds: Map<TextEvidence, number>,
): void {
  for (const [key, list] of ticketReadings) {
    const f = byKey.get(key);
    if (f) f.ticketRatings = latestReadings(list, keep);
  }
  groups(rows, byKey, (f, first, end) => {
    const mine: Reading[] = [];
    for (let i = first; i < end; i++) {
      const r = rows[i]!;
      const [, id, d, nps, csat, comment] = r as [string, number, string, number | null, number | null, string | null];
      noteContact(f, d, 'survey');
      if (nps != null || csat != null) {
        mine.push({ id, date: d, source: 'survey', nps: nps == null ? null : Number(nps), csat: csat == null ? null : Number(csat) });
      }
      if (comment != null) {
        const t: TextEvidence = { date: d, source: 'survey', text: comment };
        textIds.set(t, id);
        f.texts.push(t);
      }
    }
    if (mine.length > 0) f.surveyReadings = latestReadings(mine, keep);
  });
}

/**
 * Texts oldest first: by day, interactions before survey comments, then row id (what a stable sort
 * by day of "interactions in table order, then surveys in table order" gave).
 */
export function sortTexts(facts: readonly CustomerFacts[], textIds: ReadonlyMap<TextEvidence, number>): void {
  for (const f of facts) {
    if (f.texts.length < 2) continue;
    f.texts.sort((a, x) => {
      if (a.date !== x.date) return a.date < x.date ? -1 : 1;
      if (a.source !== x.source) return SOURCE_RANK[a.source] - SOURCE_RANK[x.source];
      return (textIds.get(a) ?? 0) - (textIds.get(x) ?? 0);
    });
  }
}

/** Usage (customer_key, recent sum, previous sum) of the login metrics, one row per customer. */
export function foldUsage(rows: Row[], byKey: ReadonlyMap<string, CustomerFacts>): void {
  for (const [key, recent, previous] of rows) {
    const f = byKey.get(key as string);
    if (!f) continue;
    // A span with no row counts as 0 only when the other span has one (on the platform but stopped
    // logging in).
    f.loginsRecent = recent == null ? 0 : Number(recent);
    f.loginsPrevious = previous == null ? 0 : Number(previous);
  }
}

/** Usage (customer_key, latest month with a positive value up to the as-of month): its first day is contact. */
export function foldUsageContact(rows: Row[], byKey: ReadonlyMap<string, CustomerFacts>): void {
  for (const [key, month] of rows) {
    const f = byKey.get(key as string);
    if (f && month != null) noteContact(f, `${month as string}-01`, 'usage');
  }
}

/** Contracts (customer_key, contract_key, endDay, mrr, laterCover) live at as-of, by customer and end. */
export function foldContracts(rows: Row[], byKey: ReadonlyMap<string, CustomerFacts>, renewedKeys: ReadonlySet<string>): void {
  for (const [key, contractKey, endDate, mrr, laterCover] of rows) {
    byKey.get(key as string)?.contracts.push({
      contractKey: contractKey as string,
      endDate: endDate as string,
      mrr: Number(mrr),
      renewed: renewedKeys.has(contractKey as string) || Number(laterCover) !== 0,
    });
  }
}

/** Projects (customer_key, sum issues, issue rows, worst delay) grouped by customer. */
export function foldProjects(rows: Row[], byKey: ReadonlyMap<string, CustomerFacts>): void {
  for (const [key, issues, issueRows, delay] of rows) {
    const f = byKey.get(key as string);
    if (!f) continue;
    f.openProjectIssues = Number(issueRows) > 0 ? Number(issues) : null;
    f.projectDelayDays = delay == null ? null : Math.round(Number(delay));
  }
}
