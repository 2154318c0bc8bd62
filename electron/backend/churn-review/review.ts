// The churn review (流失复盘) of one period: the churned customers ranked by lost revenue with what
// was on record before each loss, the traits over-represented among the churned, and revenue churn
// and downsell rates by both of Gainsight's definitions. Seed sentences: "每月复盘客户流失案例，追溯
// 销售与项目环节的疏漏" and "每周分析TOP20流失客户的共同特征".
//
// A customer has churned when the CRM gives a churn date (customers.churn_date): the review is of
// losses the client recorded, not of the model's guesses. Order data without any churn date are
// reviewed by the diagnostic run's activity definition (last purchase + its window: activityChurn),
// and the review states which definition it used. History comes only from what is stored
// before the churn date (signals, actions, health and churn-model runs, surveys, notes, tickets): an
// event dated on or after it never appears in the customer's timeline.

import type { ReadableDB, WritableDB } from '../workspace/connection';
import { checkpoint } from '../jobs';
import { WorkbenchError } from '../errors';
import { periodBounds } from '../../../shared/voc/breakdown';
import { npsClass } from '../../../shared/voc/nps';
import { segmenterWords, type VocConfig } from '../../../shared/voc/config';
import { themeIndex, themesOf } from '../../../shared/voc/themes';
import { findCommunicationSignals } from '../../../shared/voc/communication';
import { overRepresentedTraits, type TraitInput } from '../../../shared/churn-review/traits';
import { revenueRates, type CustomerArr, type DueContract } from '../../../shared/churn-review/rates';
import {
  REVIEW_PERIOD_PATTERN,
  type ChurnDefinition,
  type ChurnedCustomer,
  type ChurnReview,
  type ChurnReviewParams,
  type ChurnReviewSummary,
  type TimelineEvent,
} from '../../../shared/churn-review/types';
import { domainSegmenter } from '../voc/segment';
import { latestDiagnosticRunId } from '../voc/inputs-sql';
import { loadRun } from '../diagnostics/runs-repo';
import { defaultAsOf } from '../diagnostics/defaults';

const DAY = 86_400_000;
/** Contract values are stored as floats (MRR = yearly ÷ 12): sums are rounded to cents so 999,999.99 reads 1,000,000. */
const cents = (x: number): number => Math.round(x * 100) / 100;
const addDays = (d: string, n: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
const addMonths = (d: string, n: number): string => {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}-01`;
};

/** Months of history kept in a timeline for surveys, notes and tickets (signals and runs: all). */
const TEXT_HISTORY_DAYS = 365;
/** A recurring contract counts as lost when it was live in the 90 days before the churn date. */
const RECURRING_LOOKBACK_DAYS = 90;
const ONE_OFF_LOOKBACK_DAYS = 365;

interface CustomerRow {
  key: string;
  name: string;
  segment: string | null;
  industry: string | null;
  region: string | null;
  owner: string | null;
  firstSeen: string | null;
  churnDate: string | null;
  reason: string | null;
}

export function reviewPeriod(period: string): { start: string; end: string } {
  if (!REVIEW_PERIOD_PATTERN.test(period)) throw new WorkbenchError('CHURN_REVIEW_PERIOD', { period });
  return periodBounds(period);
}

function readCustomers(sqlite: ReadableDB): CustomerRow[] {
  return (
    sqlite
      .prepare(
        `select customer_key, name, segment, industry, region, owner, substr(first_seen, 1, 10), substr(churn_date, 1, 10), churn_reason from customers order by customer_key`,
      )
      .raw(true)
      .all() as [string, string, string | null, string | null, string | null, string | null, string | null, string | null, string | null][]
  ).map(([key, name, segment, industry, region, owner, firstSeen, churnDate, reason]) => ({
    key,
    name,
    segment,
    industry,
    region,
    owner,
    firstSeen,
    churnDate,
    reason,
  }));
}

interface ContractRow {
  key: string;
  customerKey: string;
  start: string;
  /** The day it stopped: cancelled, else ended; null = open-ended. */
  stop: string | null;
  end: string | null;
  mrr: number;
  renewalOf: string | null;
}

function readContracts(sqlite: ReadableDB): ContractRow[] {
  return (
    sqlite
      .prepare(
        `select contract_key, customer_key, substr(start_date, 1, 10), substr(coalesce(cancelled_date, end_date), 1, 10), substr(end_date, 1, 10), mrr, renewal_of from contracts`,
      )
      .raw(true)
      .all() as [string, string, string, string | null, string | null, number, string | null][]
  ).map(([key, customerKey, start, stop, end, mrr, renewalOf]) => ({ key, customerKey, start, stop, end, mrr: mrr ?? 0, renewalOf }));
}

const liveOn = (c: ContractRow, day: string): boolean => c.start <= day && (c.stop === null || c.stop >= day);

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

function tenureBand(days: number | null): string {
  if (days === null) return '';
  if (days < 365) return '<1y';
  if (days < 3 * 365) return '1-3y';
  return '3y+';
}

/**
 * Churn by the diagnostic run's activity definition, for order data without any churn date: a
 * customer churned on the day its last purchase (positive amount) on or before the period's end, capped
 * at the run's as-of date, stopped keeping it active: that purchase + the run's window. A day after
 * the cap is not a churn yet. Customers with no purchase by then were not customers yet and are left out.
 */
function activityChurn(sqlite: ReadableDB, customers: readonly CustomerRow[], periodEnd: string): { customers: CustomerRow[]; definition: ChurnDefinition } {
  const purchases = Number(sqlite.prepare(`select count(*) from orders where amount > 0`).pluck().get() ?? 0);
  if (purchases === 0) throw new WorkbenchError('CHURN_REVIEW_NO_CHURN', {});
  const runId = latestDiagnosticRunId(sqlite);
  if (runId === null) throw new WorkbenchError('CHURN_REVIEW_NEEDS_DIAGNOSTICS', {});
  const run = loadRun(sqlite, runId);
  const asOf = run.asOf.slice(0, 10);
  const windowDays = run.results.windowDays;
  const cap = periodEnd < asOf ? periodEnd : asOf;
  const last = new Map(
    sqlite
      .prepare(`select customer_key, max(substr(order_date, 1, 10)) from orders where amount > 0 and substr(order_date, 1, 10) <= ? group by customer_key`)
      .raw(true)
      .all(cap) as [string, string][],
  );
  const out: CustomerRow[] = [];
  for (const c of customers) {
    const p = last.get(c.key);
    if (p === undefined) continue;
    const lapse = addDays(p, windowDays);
    out.push({ ...c, churnDate: lapse <= cap ? lapse : null });
  }
  return { customers: out, definition: { kind: 'activity', diagnosticRunId: runId, windowDays, asOf } };
}

const lastDayOfMonth = (y: number, m: number): string => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);

/**
 * The period a review takes when none is given: the last complete period (of the latest diagnostic
 * run's grain, else a month) on or before the as-of date (that run's, else the diagnostics default).
 */
export function defaultReviewPeriod(sqlite: ReadableDB): { period: string; asOf: string } {
  const runId = latestDiagnosticRunId(sqlite);
  const run = runId === null ? null : loadRun(sqlite, runId);
  const asOf = run ? run.asOf.slice(0, 10) : defaultAsOf(sqlite);
  const grain = run?.results.grain ?? 'month';
  let y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  if (grain === 'year') return { period: String(asOf === `${y}-12-31` ? y : y - 1), asOf };
  if (grain === 'quarter') {
    let q = Math.ceil(m / 3);
    if (asOf !== lastDayOfMonth(y, q * 3)) q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
    return { period: `${y}-Q${q}`, asOf };
  }
  let mm = asOf === lastDayOfMonth(y, m) ? m : m - 1;
  if (mm === 0) {
    mm = 12;
    y -= 1;
  }
  return { period: `${y}-${String(mm).padStart(2, '0')}`, asOf };
}

export interface ReviewOptions {
  params: ChurnReviewParams;
  config: VocConfig;
  now: string;
  progress?: (phase: string, done: number, total: number | null) => void;
  signal?: { readonly aborted: boolean };
}

export async function computeChurnReview(sqlite: ReadableDB, opts: ReviewOptions): Promise<Omit<ChurnReview, 'id' | 'createdAt'>> {
  const { params } = opts;
  const period = reviewPeriod(params.period);
  const traitWindow = { start: addMonths(period.end, 1 - params.traitMonths), end: period.end };
  opts.progress?.('churnReview.read', 0, null);
  const recorded = readCustomers(sqlite);
  // The CRM's churn dates when there are any; else churn as diagnostics defines it (orders + window).
  const { customers, definition } = recorded.some((c) => c.churnDate !== null)
    ? { customers: recorded, definition: { kind: 'recorded' } as ChurnDefinition }
    : activityChurn(sqlite, recorded, period.end);
  const contracts = readContracts(sqlite);
  const contractsByCustomer = groupBy(contracts, (c) => c.customerKey);
  const tierRun = latestDiagnosticRunId(sqlite);
  const tiers = new Map<string, string | null>(
    tierRun === null
      ? []
      : (sqlite.prepare(`select customer_key, tier from diagnostic_customer where run_id = ?`).raw(true).all(tierRun) as [string, string | null][]),
  );
  const attrRows = sqlite
    .prepare(`select a.customer_key, a.name, a.value from customer_attribute a join customer_attribute_def d on d.name = a.name where d.type = 'category'`)
    .raw(true)
    .all() as [string, string, string | number | null][];
  const attrs = groupBy(attrRows, (r) => r[0]);

  const onBook = customers.filter((c) => (c.firstSeen === null || c.firstSeen <= period.end) && (c.churnDate === null || c.churnDate >= period.start));
  const churned = onBook.filter((c) => c.churnDate !== null && c.churnDate >= period.start && c.churnDate <= period.end);

  // Lost revenue of each churned customer.
  const orderSum = sqlite.prepare(`select coalesce(sum(amount), 0) from orders where customer_key = ? and order_date >= ? and order_date < ?`).pluck();
  const lost = churned.map((c) => {
    const churnDate = c.churnDate as string;
    const from = addDays(churnDate, -RECURRING_LOOKBACK_DAYS);
    const recurring = (contractsByCustomer.get(c.key) ?? [])
      .filter((k) => k.start < churnDate && (k.stop === null || k.stop >= from))
      .reduce((s, k) => s + 12 * k.mrr, 0);
    const oneOff = Number(orderSum.get(c.key, addDays(churnDate, -ONE_OFF_LOOKBACK_DAYS), churnDate) ?? 0);
    return { c, recurring: cents(recurring), oneOff: cents(oneOff), total: cents(recurring + oneOff) };
  });
  lost.sort((a, b) => b.total - a.total || a.c.key.localeCompare(b.c.key));
  await checkpoint(opts.signal);

  const seg = domainSegmenter(segmenterWords(opts.config));
  const cut = (s: string) => seg.cut(s);
  const healthRuns = Number(sqlite.prepare(`select count(*) from health_run`).pluck().get() ?? 0);
  const churnRuns = Number(sqlite.prepare(`select count(*) from churn_run`).pluck().get() ?? 0);
  const top = lost.slice(0, params.top);
  opts.progress?.('churnReview.timelines', 0, top.length);
  const rows: ChurnedCustomer[] = [];
  for (const [i, l] of top.entries()) {
    rows.push(customerHistory(sqlite, l.c, { recurring: l.recurring, oneOff: l.oneOff }, tiers.get(l.c.key) ?? null, opts.config, cut));
    if (i % 5 === 4) {
      await checkpoint(opts.signal);
      opts.progress?.('churnReview.timelines', i + 1, top.length);
    }
  }

  // Churn reasons the CRM recorded.
  const reasons = [...groupBy(lost, (l) => l.c.reason ?? '').entries()]
    .map(([reason, list]) => ({ reason, customers: list.length, lostRevenue: cents(list.reduce((s, l) => s + l.total, 0)) }))
    .sort((a, b) => b.customers - a.customers || b.lostRevenue - a.lostRevenue);

  // Traits: churned vs retained over the trait window.
  opts.progress?.('churnReview.traits', 0, null);
  await checkpoint(opts.signal);
  const traits = traitTable(sqlite, customers, traitWindow, tiers, attrs, opts.config, cut);
  const traitResult = overRepresentedTraits(traits.inputs, traits.churned, traits.retained, { minSupport: params.minSupport, alpha: 0.1 });

  // Revenue rates of the period.
  const churnedKeys = new Set(churned.map((c) => c.key));
  const arr: CustomerArr[] = onBook.map((c) => {
    const list = contractsByCustomer.get(c.key) ?? [];
    return {
      customerKey: c.key,
      arrStart: cents(list.filter((k) => liveOn(k, period.start)).reduce((s, k) => s + 12 * k.mrr, 0)),
      arrEnd: cents(list.filter((k) => liveOn(k, period.end)).reduce((s, k) => s + 12 * k.mrr, 0)),
      churned: churnedKeys.has(c.key),
    };
  });
  const renewals = groupBy(
    contracts.filter((k) => k.renewalOf !== null),
    (k) => k.renewalOf as string,
  );
  const due: DueContract[] = contracts
    .filter((k) => k.end !== null && k.end >= period.start && k.end <= period.end && (k.stop === null || k.stop >= k.end))
    .map((k) => ({
      contractKey: k.key,
      customerKey: k.customerKey,
      arr: cents(12 * k.mrr),
      renewedArr: cents((renewals.get(k.key) ?? []).reduce((s, r) => s + 12 * r.mrr, 0)),
      churned: churnedKeys.has(k.customerKey),
    }));

  const unwarned = rows.filter((r) => r.signalsBefore === 0).length;
  return {
    params,
    period,
    traitWindow,
    onBook: onBook.length,
    churnedCount: churned.length,
    churnRatePct: onBook.length ? (100 * churned.length) / onBook.length : null,
    lostRevenue: cents(lost.reduce((s, l) => s + l.total, 0)),
    customers: rows,
    reasons,
    traits: {
      churned: traits.churned,
      retained: traits.retained,
      belowSupport: traitResult.belowSupport,
      minSupport: params.minSupport,
      rows: traitResult.traits,
    },
    rates: revenueRates(arr, due),
    unwarned,
    healthRuns,
    churnRuns,
    themeNames: Object.fromEntries(opts.config.themes.map((t) => [t.id, { ...t.name }])),
    definition,
  };
}

/** The first text value of a stored signal's evidence (a keyword rule's sentence); '' when none. */
function evidenceText(json: string): string {
  try {
    const ev = JSON.parse(json) as { data?: { value?: unknown }[] };
    const first = ev.data?.find((d) => typeof d.value === 'string');
    return typeof first?.value === 'string' ? first.value : '';
  } catch {
    return '';
  }
}

/** One churned customer's record before the churn date. */
export function customerHistory(
  sqlite: ReadableDB,
  c: CustomerRow,
  lost: { recurring: number; oneOff: number },
  tier: string | null,
  config: VocConfig,
  cut: (s: string) => readonly string[],
): ChurnedCustomer {
  const churnDate = c.churnDate as string;
  const since = addDays(churnDate, -TEXT_HISTORY_DAYS);
  const events: TimelineEvent[] = [];
  const signals = sqlite
    .prepare(
      `select s.id, s.rule_id, s.severity, substr(coalesce(s.triggered_on, s.as_of), 1, 10) as day, s.evidence,
              exists (select 1 from health_action a where a.source_signal_id = s.id and substr(a.opened_at, 1, 10) < :churn) as acted
         from health_signal s
        where s.customer_key = :key and substr(coalesce(s.triggered_on, s.as_of), 1, 10) < :churn
        order by day, s.id`,
    )
    .all({ key: c.key, churn: churnDate }) as { id: number; rule_id: string; severity: string; day: string; evidence: string; acted: number }[];
  for (const s of signals) {
    events.push({ date: s.day, kind: 'signal', code: s.rule_id, detail: evidenceText(s.evidence), severity: s.severity, actedOn: s.acted === 1 });
  }
  const actions = sqlite
    .prepare(
      `select template_id, status, substr(opened_at, 1, 10) as day, substr(closed_at, 1, 10) as closed, owner from health_action
        where customer_key = ? and substr(opened_at, 1, 10) < ? order by opened_at, id`,
    )
    .all(c.key, churnDate) as { template_id: string; status: string; day: string; closed: string | null; owner: string | null }[];
  let actionsDone = 0;
  for (const a of actions) {
    const done = a.status === 'done' && a.closed !== null && a.closed < churnDate;
    if (done) actionsDone++;
    events.push({ date: a.day, kind: 'action', code: a.template_id, detail: a.owner ?? '', severity: null, actedOn: done });
  }
  const health = sqlite
    .prepare(
      `select substr(r.as_of, 1, 10) as day, s.band, s.score from health_score s join health_run r on r.id = s.run_id
        where s.customer_key = ? and substr(r.as_of, 1, 10) < ? order by r.as_of, r.id`,
    )
    .all(c.key, churnDate) as { day: string; band: string | null; score: number | null }[];
  for (const h of health)
    events.push({
      date: h.day,
      kind: 'health',
      code: h.band ?? 'none',
      detail: h.score == null ? '' : String(Math.round(h.score)),
      severity: null,
      actedOn: null,
    });
  const risk = sqlite
    .prepare(
      `select substr(r.scored_as_of, 1, 10) as day, s.probability from churn_score s join churn_run r on r.id = s.run_id
        where s.customer_key = ? and substr(r.scored_as_of, 1, 10) < ? order by r.scored_as_of, r.id`,
    )
    .all(c.key, churnDate) as { day: string; probability: number }[];
  for (const r of risk)
    events.push({ date: r.day, kind: 'churnRisk', code: 'probability', detail: `${(100 * r.probability).toFixed(1)}%`, severity: null, actedOn: null });
  const surveys = sqlite
    .prepare(
      `select substr(date, 1, 10) as day, nps, csat, comment from surveys where customer_key = ? and substr(date, 1, 10) < ? and substr(date, 1, 10) >= ? order by date, id`,
    )
    .all(c.key, churnDate, since) as { day: string; nps: number | null; csat: number | null; comment: string | null }[];
  for (const s of surveys) {
    events.push({
      date: s.day,
      kind: 'survey',
      code: s.nps == null ? 'csat' : npsClass(s.nps),
      detail: [s.nps != null ? `NPS ${s.nps}` : null, s.csat != null ? `CSAT ${s.csat}` : null, s.comment?.trim() || null]
        .filter((x) => x !== null)
        .join(' · '),
      severity: null,
      actedOn: null,
    });
  }
  const notes = sqlite
    .prepare(
      `select substr(date, 1, 10) as day, text from interactions where customer_key = ? and substr(date, 1, 10) < ? and substr(date, 1, 10) >= ? and text is not null order by date, id`,
    )
    .all(c.key, churnDate, since) as { day: string; text: string }[];
  for (const n of notes) {
    for (const h of findCommunicationSignals(n.text, cut, config.signals))
      events.push({ date: n.day, kind: 'communication', code: h.kind, detail: h.sentence, severity: null, actedOn: null });
  }
  const tickets = sqlite
    .prepare(
      `select substr(opened_at, 1, 10) as day, category, escalated, satisfaction from tickets
        where customer_key = ? and substr(opened_at, 1, 10) < ? and substr(opened_at, 1, 10) >= ? and (escalated = 1 or satisfaction <= 2)
        order by opened_at, id`,
    )
    .all(c.key, churnDate, since) as { day: string; category: string | null; escalated: number | null; satisfaction: number | null }[];
  for (const t of tickets) {
    events.push({
      date: t.day,
      kind: 'ticket',
      code: t.escalated === 1 ? 'escalated' : 'lowRating',
      detail: [t.category, t.satisfaction != null ? `CSAT ${t.satisfaction}` : null].filter((x) => x).join(' · '),
      severity: null,
      actedOn: null,
    });
  }
  events.sort((a, b) => a.date.localeCompare(b.date));
  const lastSurvey = surveys[surveys.length - 1] ?? null;
  const lastComment =
    [...surveys]
      .reverse()
      .find((s) => s.comment && s.comment.trim())
      ?.comment?.trim() ?? null;
  return {
    customerKey: c.key,
    name: c.name,
    churnDate,
    reason: c.reason,
    tier,
    segment: c.segment,
    industry: c.industry,
    owner: c.owner,
    tenureDays: c.firstSeen ? daysBetween(c.firstSeen, churnDate) : null,
    lostRecurring: lost.recurring,
    lostOneOff: lost.oneOff,
    lostRevenue: lost.recurring + lost.oneOff,
    lastNps: lastSurvey?.nps ?? null,
    lastCsat: lastSurvey?.csat ?? null,
    lastSurveyDate: lastSurvey?.day ?? null,
    lastComment,
    lastHealthBand: health[health.length - 1]?.band ?? null,
    lastChurnProbability: risk[risk.length - 1]?.probability ?? null,
    signalsBefore: signals.length,
    actionsBefore: actions.length,
    actionsDone,
    timeline: events,
  };
}

/**
 * Traits of every customer on the book during the window: churned = churn date inside it. Behaviour
 * traits (a signal fired, the last answer a detractor, a theme in their comments) count only what
 * was on record before the customer's churn date, or before the window's end for retained customers.
 */
function traitTable(
  sqlite: ReadableDB,
  customers: readonly CustomerRow[],
  window: { start: string; end: string },
  tiers: ReadonlyMap<string, string | null>,
  attrs: ReadonlyMap<string, [string, string, string | number | null][]>,
  config: VocConfig,
  cut: (s: string) => readonly string[],
): { inputs: TraitInput[]; churned: number; retained: number } {
  const pop = customers.filter((c) => (c.firstSeen === null || c.firstSeen <= window.end) && (c.churnDate === null || c.churnDate >= window.start));
  const isChurned = (c: CustomerRow) => c.churnDate !== null && c.churnDate <= window.end;
  const cutoff = (c: CustomerRow) => (isChurned(c) ? (c.churnDate as string) : addDays(window.end, 1));
  const counts = new Map<string, { dimension: string; value: string; churnedWith: number; retainedWith: number }>();
  const add = (dimension: string, value: string, churned: boolean) => {
    if (value === '') return;
    const k = `${dimension}\u0000${value}`;
    const e = counts.get(k) ?? { dimension, value, churnedWith: 0, retainedWith: 0 };
    if (churned) e.churnedWith++;
    else e.retainedWith++;
    counts.set(k, e);
  };
  const signalsOf = groupBy(
    sqlite.prepare(`select customer_key, rule_id, substr(coalesce(triggered_on, as_of), 1, 10) from health_signal`).raw(true).all() as [
      string,
      string,
      string,
    ][],
    (r) => r[0],
  );
  const surveysOf = groupBy(
    sqlite.prepare(`select customer_key, substr(date, 1, 10), nps, comment from surveys order by date, id`).raw(true).all() as [
      string,
      string,
      number | null,
      string | null,
    ][],
    (r) => r[0],
  );
  const index = themeIndex(config.themes);
  const order = new Map(config.themes.map((t, i) => [t.id, i]));
  let churnedN = 0;
  for (const c of pop) {
    const ch = isChurned(c);
    if (ch) churnedN++;
    const before = cutoff(c);
    add('segment', c.segment ?? '', ch);
    add('industry', c.industry ?? '', ch);
    add('region', c.region ?? '', ch);
    add('owner', c.owner ?? '', ch);
    add('tier', tiers.get(c.key) ?? '', ch);
    add('tenure', tenureBand(c.firstSeen ? daysBetween(c.firstSeen, before) : null), ch);
    for (const [, name, value] of attrs.get(c.key) ?? []) add(`attr:${name}`, value == null ? '' : String(value), ch);
    for (const rule of new Set((signalsOf.get(c.key) ?? []).filter((s) => s[2] < before).map((s) => s[1]))) add('signal', rule, ch);
    const answers = (surveysOf.get(c.key) ?? []).filter((s) => s[1] < before);
    const last = [...answers].reverse().find((s) => s[2] != null);
    if (last && last[2] != null) add('nps', npsClass(last[2]), ch);
    const themes = new Set<string>();
    for (const s of answers) if (s[3] && s[2] != null && s[2] <= 6) for (const t of themesOf(cut(s[3]), index, order)) themes.add(t);
    for (const t of themes) add('theme', t, ch);
  }
  return { inputs: [...counts.values()], churned: churnedN, retained: pop.length - churnedN };
}

export async function runChurnReview(sqlite: WritableDB, opts: ReviewOptions): Promise<ChurnReview> {
  const review = await computeChurnReview(sqlite, opts);
  const id = Number(
    sqlite
      .prepare(`insert into churn_review (created_at, period, params, churned, lost_revenue, results) values (?, ?, ?, ?, ?, ?)`)
      .run(opts.now, opts.params.period, JSON.stringify(opts.params), review.churnedCount, review.lostRevenue, JSON.stringify(review)).lastInsertRowid,
  );
  return { id, createdAt: opts.now, ...review };
}

export function loadChurnReview(sqlite: ReadableDB, id: number | null): ChurnReview | null {
  const row = (
    id === null
      ? sqlite.prepare(`select id, created_at, results from churn_review order by id desc limit 1`).get()
      : sqlite.prepare(`select id, created_at, results from churn_review where id = ?`).get(id)
  ) as { id: number; created_at: string; results: string } | undefined;
  if (!row) {
    if (id !== null) throw new WorkbenchError('NOT_FOUND', { what: 'churn review', id });
    return null;
  }
  return { ...(JSON.parse(row.results) as Omit<ChurnReview, 'id' | 'createdAt'>), id: row.id, createdAt: row.created_at };
}

export function listChurnReviews(sqlite: ReadableDB): ChurnReviewSummary[] {
  return (
    sqlite.prepare(`select id, created_at, period, churned, lost_revenue from churn_review order by id desc`).all() as {
      id: number;
      created_at: string;
      period: string;
      churned: number;
      lost_revenue: number;
    }[]
  ).map((r) => ({ id: r.id, createdAt: r.created_at, period: r.period, churned: r.churned, lostRevenue: r.lost_revenue }));
}
