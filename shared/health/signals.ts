// Evaluating early-warning rules on one customer's facts. A rule returns nothing, or a signal with
// its evidence: which facts tipped it, their values and dates, and a catalogue sentence with params.
// Ratio thresholds are compared by cross-multiplying (a·100 ≥ p·b), not by dividing, so "exactly
// 20%" lands on the documented side instead of wherever floating point puts 0.2 × 100.

import { addDays, addMonths, daysBetween } from './dates';
import { sentenceAt } from '../voc/communication';
import type { CustomerFacts, SatisfactionReading, TextEvidence } from './facts';
import { lastTwoPeriods, periodVolume, trailingUnanswered } from './metrics';
import type { SignalRule, SignalRuleId, SignalRuleOf } from './signal-rules';
import type { ActionTemplateId, Severity } from './vocabulary';

export interface EvidenceDatum {
  /** Path into CustomerFacts, e.g. "interactionsLast90", "outreach[7]", "periods[5].spend". */
  fact: string;
  value: string | number | boolean | null;
  date: string | null;
  /** Keyword rules: the keyword that matched. */
  keyword?: string;
  /** Text rules: where the text was written. */
  source?: TextEvidence['source'];
}

export interface SignalEvidence {
  /** Catalogue key in the 'health' namespace: signals.<ruleId>.evidence */
  messageKey: string;
  params: Record<string, string | number>;
  data: EvidenceDatum[];
}

export interface Signal {
  customerKey: string;
  ruleId: SignalRuleId;
  severity: Severity;
  /** The rule's action template; null = the playbook's default for the severity. */
  action: ActionTemplateId | null;
  asOf: string;
  /** When the condition became true, as far as the data tells (null when only the window is known). */
  triggeredOn: string | null;
  evidence: SignalEvidence;
}

interface Hit {
  triggeredOn: string | null;
  params: Record<string, string | number>;
  data: EvidenceDatum[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

function interactionDrop(r: SignalRuleOf<'interactionDrop'>, f: CustomerFacts): Hit | null {
  const { belowPctOfPrevious, minPrevious } = r.params;
  const prev = f.interactionsPrev90;
  const recent = f.interactionsLast90;
  if (prev < minPrevious || !(recent * 100 < belowPctOfPrevious * prev)) return null;
  return {
    triggeredOn: null,
    params: { recent, previous: prev, ratioPct: round1((recent / prev) * 100), thresholdPct: belowPctOfPrevious },
    data: [
      { fact: 'interactionsLast90', value: recent, date: f.asOf },
      { fact: 'interactionsPrev90', value: prev, date: addDays(f.asOf, -90) },
      { fact: 'lastInteractionDate', value: f.lastInteractionDate, date: f.lastInteractionDate },
    ],
  };
}

function unansweredOutreach(r: SignalRuleOf<'unansweredOutreach'>, f: CustomerFacts): Hit | null {
  const streak = trailingUnanswered(f);
  if (streak < r.params.streak) return null;
  const first = f.outreach.length - streak;
  const data: EvidenceDatum[] = [];
  for (let i = first; i < f.outreach.length; i++) {
    const a = f.outreach[i];
    if (a) data.push({ fact: `outreach[${i}].responded`, value: false, date: a.date });
  }
  // The attempt that made the streak reach the threshold is when the customer became 预警.
  const tipping = f.outreach[first + r.params.streak - 1];
  return {
    triggeredOn: tipping?.date ?? null,
    params: { count: streak, threshold: r.params.streak, since: f.outreach[first]?.date ?? '' },
    data,
  };
}

function purchaseVolumeDrop(r: SignalRuleOf<'purchaseVolumeDrop'>, f: CustomerFacts): Hit | null {
  const two = lastTwoPeriods(f);
  if (!two) return null;
  const [p, c] = two;
  // Quantity only when both periods have it; otherwise order counts, and the evidence says so.
  const useQty = r.params.basis === 'quantity' && p.quantity != null && c.quantity != null;
  const prev = periodVolume(p, useQty);
  const cur = periodVolume(c, useQty);
  if (!(prev > 0) || !((prev - cur) * 100 >= r.params.minDropPct * prev)) return null;
  const n = f.periods.length;
  const field = useQty ? 'quantity' : 'orders';
  return {
    triggeredOn: c.start,
    params: {
      basis: field,
      previous: prev,
      current: cur,
      dropPct: round1(((prev - cur) / prev) * 100),
      thresholdPct: r.params.minDropPct,
      previousPeriod: p.start,
      currentPeriod: c.start,
    },
    data: [
      { fact: `periods[${n - 2}].${field}`, value: prev, date: p.start },
      { fact: `periods[${n - 1}].${field}`, value: cur, date: c.start },
    ],
  };
}

function spendDecline(r: SignalRuleOf<'spendDecline'>, f: CustomerFacts): Hit | null {
  const k = r.params.consecutivePeriods;
  const n = f.periods.length;
  if (n < k + 1) return null;
  const keep = 100 - r.params.minDropPct;
  for (let j = n - k; j < n; j++) {
    const before = f.periods[j - 1];
    const after = f.periods[j];
    if (!before || !after || !(after.spend * 100 < before.spend * keep)) return null;
  }
  const data: EvidenceDatum[] = [];
  for (let j = n - k - 1; j < n; j++) {
    const p = f.periods[j];
    if (p) data.push({ fact: `periods[${j}].spend`, value: p.spend, date: p.start });
  }
  const firstP = f.periods[n - k - 1];
  const lastP = f.periods[n - 1];
  return {
    triggeredOn: lastP?.start ?? null,
    params: {
      periods: k,
      from: firstP?.spend ?? 0,
      to: lastP?.spend ?? 0,
      fromPeriod: firstP?.start ?? '',
      toPeriod: lastP?.start ?? '',
    },
    data,
  };
}

function silent(r: SignalRuleOf<'silent'>, f: CustomerFacts): Hit | null {
  // Silence is no contact of any kind (an interaction, an order, a ticket, a survey, platform use):
  // a customer who bought last month is not "treated as churned" because the CRM has no call notes.
  // Nothing on record at all means no data, not six months of silence.
  const last = f.lastContactDate;
  if (last == null) return null;
  const due = addMonths(last, r.params.months);
  if (f.asOf.slice(0, 10) < due) return null;
  return {
    triggeredOn: due,
    params: { lastDate: last, months: r.params.months, days: daysBetween(last, f.asOf), source: f.lastContactSource ?? '' },
    data: [
      { fact: 'lastContactDate', value: f.lastContactSource, date: last },
      { fact: 'lastInteractionDate', value: f.lastInteractionDate, date: f.lastInteractionDate },
      { fact: 'lastOrderDate', value: f.lastOrderDate, date: f.lastOrderDate },
    ],
  };
}

function isLow(x: SatisfactionReading, npsBelow: number, csatBelow: number): boolean {
  return (x.nps != null && x.nps < npsBelow) || (x.csat != null && x.csat < csatBelow);
}

type SatisfactionSeries = 'surveyReadings' | 'ticketRatings';

/** The last `consecutive` readings of one series when every one of them is low; else null. */
function lowStreak(
  f: CustomerFacts,
  series: SatisfactionSeries,
  consecutive: number,
  npsBelow: number,
  csatBelow: number,
): { i: number; x: SatisfactionReading }[] | null {
  const list = f[series];
  const readings: { i: number; x: SatisfactionReading }[] = [];
  for (let i = list.length - 1; i >= 0 && readings.length < consecutive; i--) {
    const x = list[i];
    if (x && (x.nps != null || x.csat != null)) readings.unshift({ i, x });
  }
  if (readings.length < consecutive || !readings.every(({ x }) => isLow(x, npsBelow, csatBelow))) return null;
  return readings;
}

/**
 * Survey answers and ticket ratings are two series, each read on its own: "low twice in a row" means
 * two survey answers in a row, or two ticket ratings in a row. Merged by date, one routine ticket
 * rating between two poor survey answers broke the streak (7 of the demo's 8 planted customers).
 */
function lowSatisfaction(r: SignalRuleOf<'lowSatisfaction'>, f: CustomerFacts): Hit | null {
  const { consecutive, npsBelow, csatBelow } = r.params;
  const streaks = (['surveyReadings', 'ticketRatings'] as const)
    .map((series) => ({ series, readings: lowStreak(f, series, consecutive, npsBelow, csatBelow) }))
    .filter((s): s is { series: SatisfactionSeries; readings: { i: number; x: SatisfactionReading }[] } => s.readings !== null);
  const first = streaks[0];
  if (!first) return null;
  let triggeredOn: string | null = null;
  for (const s of streaks) {
    const d = s.readings[s.readings.length - 1]?.x.date ?? null;
    if (d !== null && (triggeredOn === null || d < triggeredOn)) triggeredOn = d;
  }
  return {
    triggeredOn,
    params: { count: consecutive, npsBelow, csatBelow, series: streaks.map((s) => (s.series === 'surveyReadings' ? 'survey' : 'ticket')).join('+') },
    data: streaks.flatMap(({ series, readings }) =>
      readings.map(({ i, x }) => ({
        fact: `${series}[${i}]`,
        value: [x.nps != null ? `NPS ${x.nps}` : null, x.csat != null ? `CSAT ${x.csat}` : null].filter((v) => v !== null).join(' · '),
        date: x.date,
      })),
    ),
  };
}

function noNewDemand(r: SignalRuleOf<'noNewDemand'>, f: CustomerFacts): Hit | null {
  if (f.lastDemandDate == null) return null;
  const due = addMonths(f.lastDemandDate, r.params.months);
  if (f.asOf.slice(0, 10) < due) return null;
  return {
    triggeredOn: due,
    params: { lastDate: f.lastDemandDate, months: r.params.months },
    data: [{ fact: 'lastDemandDate', value: f.lastDemandDate, date: f.lastDemandDate }],
  };
}

function demandFeedbackDelay(r: SignalRuleOf<'demandFeedbackDelay'>, f: CustomerFacts): Hit | null {
  const late = f.demandFeedback.map((d, i) => ({ d, i })).filter(({ d }) => d.waitDays > r.params.maxDays);
  if (late.length === 0) return null;
  let worst = late[0] as (typeof late)[number];
  for (const x of late) if (x.d.waitDays > worst.d.waitDays) worst = x;
  return {
    triggeredOn: addDays(worst.d.raisedOn, r.params.maxDays + 1),
    params: {
      waitDays: worst.d.waitDays,
      raisedOn: worst.d.raisedOn,
      maxDays: r.params.maxDays,
      count: late.length,
      answered: worst.d.answeredOn ?? '',
    },
    data: late.map(({ d, i }) => ({ fact: `demandFeedback[${i}].waitDays`, value: d.waitDays, date: d.raisedOn })),
  };
}

function serviceSlowdown(r: SignalRuleOf<'serviceSlowdown'>, f: CustomerFacts): Hit | null {
  const recent = f.responseHoursRecent;
  const base = f.responseHoursBaseline;
  if (recent == null || base == null || !(base > 0) || f.ticketsRecent < r.params.minRecentTickets) return null;
  if (!(recent * 100 >= base * (100 + r.params.minSlowdownPct))) return null;
  return {
    triggeredOn: null,
    params: {
      recentHours: round1(recent),
      baselineHours: round1(base),
      slowerPct: round1((recent / base - 1) * 100),
      thresholdPct: r.params.minSlowdownPct,
      tickets: f.ticketsRecent,
    },
    data: [
      { fact: 'responseHoursRecent', value: recent, date: f.asOf },
      { fact: 'responseHoursBaseline', value: base, date: null },
      { fact: 'ticketsRecent', value: f.ticketsRecent, date: f.asOf },
    ],
  };
}

function usageDrop(r: SignalRuleOf<'usageDrop'>, f: CustomerFacts): Hit | null {
  const prev = f.loginsPrevious;
  const cur = f.loginsRecent;
  if (prev == null || cur == null || !(prev > 0)) return null;
  if (!((prev - cur) * 100 >= r.params.minDropPct * prev)) return null;
  return {
    triggeredOn: null,
    params: { previous: prev, current: cur, dropPct: round1(((prev - cur) / prev) * 100), thresholdPct: r.params.minDropPct },
    data: [
      { fact: 'loginsPrevious', value: prev, date: null },
      { fact: 'loginsRecent', value: cur, date: f.asOf },
    ],
  };
}

function contractEnding(r: SignalRuleOf<'contractEnding'>, f: CustomerFacts): Hit | null {
  // Already renewed contracts are safe; contracts already past their end are churn, not renewal prep.
  const ending = f.contracts
    .map((c, i) => ({ c, i, days: daysBetween(f.asOf, c.endDate) }))
    .filter(({ c, days }) => !c.renewed && days >= 0 && days <= r.params.withinDays)
    .sort((a, b) => a.days - b.days);
  const first = ending[0];
  if (!first) return null;
  return {
    triggeredOn: addDays(first.c.endDate, -r.params.withinDays),
    params: {
      contractKey: first.c.contractKey,
      endDate: first.c.endDate,
      daysLeft: first.days,
      withinDays: r.params.withinDays,
      count: ending.length,
    },
    data: ending.map(({ c, i }) => ({ fact: `contracts[${i}].endDate`, value: c.contractKey, date: c.endDate })),
  };
}

const EXCERPT_RADIUS = 20;
/** Evidence is the whole sentence holding the keyword (as the voice-of-the-customer scan reports it), up to this long. */
const EVIDENCE_SENTENCE_MAX = 120;

/** The sentence around `at` when it is short enough to quote whole; else a window of EXCERPT_RADIUS either side. */
function evidenceExcerpt(text: string, at: number, length: number): string {
  const sentence = sentenceAt(text, at);
  if (sentence.length > 0 && sentence.length <= EVIDENCE_SENTENCE_MAX) return sentence;
  const from = Math.max(0, at - EXCERPT_RADIUS);
  const to = Math.min(text.length, at + length + EXCERPT_RADIUS);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

function keywordHit(f: CustomerFacts, keywords: readonly string[], withinDays: number): Hit | null {
  const needles = keywords.map((k) => k.trim().toLowerCase()).filter((k) => k.length > 0);
  const data: EvidenceDatum[] = [];
  f.texts.forEach((t, i) => {
    const age = daysBetween(t.date, f.asOf);
    if (age < 0 || age > withinDays) return;
    const hay = t.text.toLowerCase();
    for (const k of needles) {
      const at = hay.indexOf(k);
      if (at < 0) continue;
      data.push({ fact: `texts[${i}].text`, value: evidenceExcerpt(t.text, at, k.length), date: t.date, keyword: keywords[needles.indexOf(k)] ?? k });
      break; // one datum per text is enough evidence
    }
  });
  if (data.length === 0) return null;
  // texts are oldest first, so the first match is when the customer first said it in the window.
  const first = data[0] as EvidenceDatum;
  return {
    triggeredOn: first.date,
    params: { count: data.length, keyword: first.keyword ?? '', date: first.date ?? '', withinDays },
    data,
  };
}

/** Complaint sentences in interaction notes and ticket texts (survey answers have lowSatisfaction). */
function complaint(r: SignalRuleOf<'complaint'>, f: CustomerFacts): Hit | null {
  const { minSentences, withinDays } = r.params;
  const data: EvidenceDatum[] = [];
  f.texts.forEach((t, i) => {
    if (t.source === 'survey' || !t.complaints?.length) return;
    const age = daysBetween(t.date, f.asOf);
    if (age < 0 || age > withinDays) return;
    for (const s of t.complaints)
      data.push({
        fact: `texts[${i}].text`,
        value: s.length <= EVIDENCE_SENTENCE_MAX ? s : `${s.slice(0, EVIDENCE_SENTENCE_MAX)}…`,
        date: t.date,
        source: t.source,
      });
  });
  if (data.length < minSentences) return null;
  // texts are oldest first: the threshold was reached on the minSentences-th sentence's date.
  const first = data[0] as EvidenceDatum;
  const latest = data[data.length - 1] as EvidenceDatum;
  return {
    triggeredOn: (data[minSentences - 1] as EvidenceDatum).date,
    params: { count: data.length, minSentences, withinDays, date: latest.date ?? '', sentence: String(latest.value), firstDate: first.date ?? '' },
    data,
  };
}

function churnRisk(r: SignalRuleOf<'churnRisk'>, f: CustomerFacts): Hit | null {
  const c = f.churnScore;
  if (!c) return null;
  const { minProbabilityPct, topSharePct } = r.params;
  const topRanks = Math.ceil((c.scored * topSharePct) / 100);
  const byProbability = minProbabilityPct > 0 && c.probability * 100 >= minProbabilityPct;
  const byRank = topSharePct > 0 && c.rank <= topRanks;
  if (!byProbability && !byRank) return null;
  return {
    triggeredOn: c.scoredAsOf,
    params: {
      probabilityPct: round1(c.probability * 100),
      rank: c.rank,
      scored: c.scored,
      runId: c.runId,
      scoredAsOf: c.scoredAsOf,
      thresholdPct: minProbabilityPct,
      topSharePct,
      topRanks,
    },
    data: [
      { fact: 'churnScore.probability', value: Math.round(c.probability * 1000) / 1000, date: c.scoredAsOf },
      { fact: 'churnScore.rank', value: c.rank, date: c.scoredAsOf },
      { fact: 'churnScore.runId', value: c.runId, date: c.scoredAsOf },
    ],
  };
}

function evaluateHit(rule: SignalRule, f: CustomerFacts): Hit | null {
  switch (rule.id) {
    case 'interactionDrop':
      return interactionDrop(rule, f);
    case 'unansweredOutreach':
      return unansweredOutreach(rule, f);
    case 'purchaseVolumeDrop':
      return purchaseVolumeDrop(rule, f);
    case 'spendDecline':
      return spendDecline(rule, f);
    case 'silent':
      return silent(rule, f);
    case 'lowSatisfaction':
      return lowSatisfaction(rule, f);
    case 'noNewDemand':
      return noNewDemand(rule, f);
    case 'demandFeedbackDelay':
      return demandFeedbackDelay(rule, f);
    case 'serviceSlowdown':
      return serviceSlowdown(rule, f);
    case 'usageDrop':
      return usageDrop(rule, f);
    case 'contractEnding':
      return contractEnding(rule, f);
    case 'decisionMakerChange':
      return keywordHit(f, rule.params.keywords, rule.params.withinDays);
    case 'competitorMention':
      return keywordHit(f, rule.params.keywords, rule.params.withinDays);
    case 'complaint':
      return complaint(rule, f);
    case 'churnRisk':
      return churnRisk(rule, f);
    default:
      return assertNever(rule);
  }
}

function assertNever(x: never): never {
  throw new Error(`unhandled signal rule ${JSON.stringify(x)}`);
}

/** One rule on one customer: a signal, or null when the rule is off or its condition does not hold. */
export function evaluateRule(rule: SignalRule, facts: CustomerFacts): Signal | null {
  if (!rule.enabled) return null;
  const hit = evaluateHit(rule, facts);
  if (!hit) return null;
  return {
    customerKey: facts.customerKey,
    ruleId: rule.id,
    severity: rule.severity,
    action: rule.action,
    asOf: facts.asOf,
    triggeredOn: hit.triggeredOn,
    evidence: { messageKey: `signals.${rule.id}.evidence`, params: hit.params, data: hit.data },
  };
}

/** Every enabled rule on one customer, in rule order. */
export function evaluateRules(rules: readonly SignalRule[], facts: CustomerFacts): Signal[] {
  const out: Signal[] = [];
  for (const rule of rules) {
    const s = evaluateRule(rule, facts);
    if (s) out.push(s);
  }
  return out;
}
