// The indicator system of the key-account maintenance article (企业客户关系维护与跟进计划, 效果评估与
// 持续迭代): 客户留存类 strategic-tier retention and core-tier renewal; 价值增长类 ARPU growth and
// cross-sell conversion; 口碑传播类 NPS and referral share; 风险防控类 high-risk repair success and
// win-back rate; reviewed monthly, quarterly and yearly. Each is computed over one period (the month,
// quarter or year ending at the as-of date) from the data present; when the data it needs is missing
// it says which, instead of printing a zero.
//
// Definitions (the article names the indicators, not their formulae; these are the workbench's, each
// stated with its denominator in the UI):
// - strategicRetention: customers in the strategic tier at the period's start (seed tiering, tiers.ts,
//   revenue = net orders plus annualised live contract value) who were active then, and are still
//   active at its end / those customers. Active = a positive order in the activity window (365 days)
//   or a live contract, and no churn date on or before the day.
// - coreRenewal: contracts of core-tier customers ending in the period that were renewed (a contract
//   names them in renewal_of, their status says renewed, or the customer starts another contract within
//   the grace days after the end) / core-tier contracts ending in the period.
// - arpuGrowth: revenue per paying customer in the period / the same in the period before − 1.
// - crossSell: customers who bought in the year before the period and bought a category (else product)
//   in the period they had never bought before / customers who bought in the year before.
// - nps: % promoters (9–10) − % detractors (0–6) of the period's survey answers, in points.
// - referralShare: new customers of the period (first paying order in it) acquired by referral (order
//   channel, customer tag or segment says 转介绍 / 推荐 / referral) / new customers of the period.
// - highRiskRepairSuccess: actions for high-risk customers (a heavy signal, or a red health score)
//   closed in the period whose one-month repair check held / those with a check verdict.
// - winBack: customers churned or lapsed before the period (churn date, or no order for the activity
//   window and no live contract) who bought again in it / those customers.

import { assignTiers, type TierFacts, type TierThresholds } from '../analytics/tiers';
import { addDays, addMonths } from '../health/dates';

export const INDICATOR_IDS = [
  'strategicRetention',
  'coreRenewal',
  'arpuGrowth',
  'crossSell',
  'nps',
  'referralShare',
  'highRiskRepairSuccess',
  'winBack',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export const INDICATOR_FAMILIES: Record<IndicatorId, 'retention' | 'value' | 'advocacy' | 'risk'> = {
  strategicRetention: 'retention',
  coreRenewal: 'retention',
  arpuGrowth: 'value',
  crossSell: 'value',
  nps: 'advocacy',
  referralShare: 'advocacy',
  highRiskRepairSuccess: 'risk',
  winBack: 'risk',
};

export const GRAINS = ['month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];
const GRAIN_MONTHS: Record<Grain, number> = { month: 1, quarter: 3, year: 12 };

/** Below this many in the denominator a value is shown but marked as resting on too little data. */
export const SMALL_DENOMINATOR = 10;

export interface IndicatorCustomer {
  key: string;
  isBenchmark: boolean;
  industry: string | null;
  segment: string | null;
  tags: string[];
  firstSeen: string | null;
  churnDate: string | null;
}
export interface IndicatorOrder {
  customerKey: string;
  date: string;
  /** Net: returns negative. */
  amount: number;
  category: string | null;
  product: string | null;
  channel: string | null;
}
export interface IndicatorContract {
  key: string;
  customerKey: string;
  start: string;
  end: string | null;
  cancelled: string | null;
  mrr: number;
  status: string | null;
  renewalOf: string | null;
}
export interface IndicatorSurvey {
  customerKey: string;
  date: string;
  nps: number;
}
export interface IndicatorRepair {
  customerKey: string;
  highRisk: boolean;
  closedAt: string | null;
  /** repair-check verdict, null when not checked. */
  verdict: 'held' | 'partial' | 'notHeld' | 'insufficientData' | 'notYetDue' | null;
}

export interface IndicatorData {
  customers: IndicatorCustomer[];
  orders: IndicatorOrder[];
  contracts: IndicatorContract[];
  surveys: IndicatorSurvey[];
  repairs: IndicatorRepair[];
}

export interface IndicatorSettings {
  activityWindowDays: number;
  renewalGraceDays: number;
  tiers: TierThresholds;
}

export type IndicatorUnit = 'percent' | 'points';

export interface IndicatorValue {
  id: IndicatorId;
  unit: IndicatorUnit;
  /** A share as a fraction (0.82) for percent; NPS points (−100..100) for points; null when absent. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Catalogue key suffix under impact:indicators.absent.* when value is null. */
  absentReason: string | null;
  /** true when the denominator is below SMALL_DENOMINATOR. */
  small: boolean;
}

export interface PeriodWindow {
  /** First day (inclusive). */
  from: string;
  /** Last day (inclusive). */
  to: string;
}

/** The period of the grain ending on asOf: n months back from the day after it, so a month-end gives calendar months. */
export function periodEnding(asOf: string, grain: Grain): PeriodWindow {
  return { from: addMonths(addDays(asOf, 1), -GRAIN_MONTHS[grain]), to: asOf };
}

/** The `count` periods of the grain ending on asOf, oldest first. */
export function periodSeries(asOf: string, grain: Grain, count: number): PeriodWindow[] {
  const out: PeriodWindow[] = [];
  let end = asOf;
  for (let i = 0; i < count; i += 1) {
    const p = periodEnding(end, grain);
    out.unshift(p);
    end = addDays(p.from, -1);
  }
  return out;
}

const REFERRAL = /转介绍|推荐|介绍|referr/i;
const RENEWED_STATUS = /已续约|续约|续签|renew/i;

const absent = (id: IndicatorId, unit: IndicatorUnit, reason: string): IndicatorValue => ({
  id,
  unit,
  value: null,
  numerator: null,
  denominator: null,
  absentReason: reason,
  small: false,
});
const ratio = (id: IndicatorId, num: number, den: number, emptyReason: string): IndicatorValue =>
  den > 0
    ? { id, unit: 'percent', value: num / den, numerator: num, denominator: den, absentReason: null, small: den < SMALL_DENOMINATOR }
    : absent(id, 'percent', emptyReason);

const dayCache = new Map<string, number>();
/** Whole days between two 'YYYY-MM-DD' dates (b − a), cached: the indicators compare dates in tight loops. */
function daysBetween(a: string, b: string): number {
  const n = (s: string): number => {
    let v = dayCache.get(s);
    if (v === undefined) {
      v = Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000;
      if (dayCache.size > 100_000) dayCache.clear();
      dayCache.set(s, v);
    }
    return v;
  };
  return n(b) - n(a);
}

/** Index of the data by customer, sorted, built once per data set (indexFor) and reused across periods. */
class Index {
  private readonly tierCache = new Map<string, Map<string, string>>();
  private readonly firstCache = new Map<string, string | null>();
  readonly ordersBy = new Map<string, IndicatorOrder[]>();
  readonly contractsBy = new Map<string, IndicatorContract[]>();
  readonly customersBy = new Map<string, IndicatorCustomer>();
  constructor(readonly data: IndicatorData) {
    for (const c of data.customers) this.customersBy.set(c.key, c);
    // Group first, then sort each customer's few orders (only when out of order), instead of sorting
    // every order of the engagement.
    for (const o of data.orders) {
      let list = this.ordersBy.get(o.customerKey);
      if (!list) {
        list = [];
        this.ordersBy.set(o.customerKey, list);
      }
      list.push(o);
    }
    for (const list of this.ordersBy.values()) {
      let sorted = true;
      for (let i = 1; i < list.length && sorted; i += 1) if ((list[i] as IndicatorOrder).date < (list[i - 1] as IndicatorOrder).date) sorted = false;
      if (!sorted) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    for (const k of data.contracts) {
      const list = this.contractsBy.get(k.customerKey) ?? [];
      list.push(k);
      this.contractsBy.set(k.customerKey, list);
    }
  }
  private allKeys: string[] | null = null;
  private referredKeys: Set<string> | null = null;
  /** Customers acquired by referral: a tag or segment, or an order channel, says so. */
  referred(): Set<string> {
    if (!this.referredKeys) {
      const s = new Set<string>();
      for (const c of this.data.customers) if (c.tags.some((t) => REFERRAL.test(t)) || (c.segment !== null && REFERRAL.test(c.segment))) s.add(c.key);
      for (const o of this.data.orders) if (o.channel !== null && REFERRAL.test(o.channel)) s.add(o.customerKey);
      this.referredKeys = s;
    }
    return this.referredKeys;
  }
  keys(): string[] {
    this.allKeys ??= [...new Set<string>([...this.customersBy.keys(), ...this.ordersBy.keys(), ...this.contractsBy.keys()])];
    return this.allKeys;
  }
  contractEnd(k: IndicatorContract): string | null {
    if (k.cancelled && (!k.end || k.cancelled < k.end)) return k.cancelled;
    return k.end;
  }
  liveContract(key: string, day: string): IndicatorContract | null {
    for (const k of this.contractsBy.get(key) ?? []) {
      const end = this.contractEnd(k);
      if (k.start <= day && (end === null || end >= day) && k.mrr > 0) return k;
    }
    return null;
  }
  churned(key: string, day: string): boolean {
    const c = this.customersBy.get(key);
    return !!c?.churnDate && c.churnDate <= day;
  }
  lastOrderOnOrBefore(key: string, day: string): string | null {
    let last: string | null = null;
    for (const o of this.ordersBy.get(key) ?? []) {
      if (o.date > day) break;
      if (o.amount > 0) last = o.date;
    }
    return last;
  }
  active(key: string, day: string, windowDays: number): boolean {
    if (this.churned(key, day)) return false;
    if (this.liveContract(key, day)) return true;
    const last = this.lastOrderOnOrBefore(key, day);
    return last !== null && daysBetween(last, day) < windowDays;
  }
  revenue(key: string, from: string, to: string): number {
    let s = 0;
    const orders = this.ordersBy.get(key) ?? [];
    // Orders are sorted by date: start at the first one on or after `from`.
    let lo = 0;
    let hi = orders.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((orders[mid] as IndicatorOrder).date < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < orders.length; i += 1) {
      const o = orders[i] as IndicatorOrder;
      if (o.date > to) break;
      s += o.amount;
    }
    for (const k of this.contractsBy.get(key) ?? []) {
      const end = this.contractEnd(k) ?? to;
      const a = k.start > from ? k.start : from;
      const b = end < to ? end : to;
      if (b >= a) s += (k.mrr * (daysBetween(a, b) + 1)) / (365 / 12);
    }
    return s;
  }
  firstPaying(key: string): string | null {
    const cached = this.firstCache.get(key);
    if (cached !== undefined) return cached;
    let first: string | null = null;
    for (const o of this.ordersBy.get(key) ?? []) {
      if (o.amount > 0) {
        first = o.date;
        break;
      }
    }
    for (const k of this.contractsBy.get(key) ?? []) if (k.mrr > 0 && (first === null || k.start < first)) first = k.start;
    this.firstCache.set(key, first);
    return first;
  }
  tiersAt(day: string, t: TierThresholds): Map<string, string> {
    const key = `${day}\u0000${JSON.stringify(t)}`;
    let tiers = this.tierCache.get(key);
    if (!tiers) {
      tiers = this.computeTiers(day, t);
      this.tierCache.set(key, tiers);
    }
    return tiers;
  }
  private computeTiers(day: string, t: TierThresholds): Map<string, string> {
    const since = addDays(day, -t.yearDays + 1);
    const facts: TierFacts[] = [];
    this.keys().forEach((key, i) => {
      const first = this.firstPaying(key);
      if (first === null || first > day) return;
      let maxOrder = 0;
      for (const o of this.ordersBy.get(key) ?? []) if (o.date >= since && o.date <= day && o.amount > maxOrder) maxOrder = o.amount;
      const c = this.customersBy.get(key);
      facts.push({
        customerIndex: i,
        customerKey: key,
        yearlyRevenue: this.revenue(key, since, day),
        maxSingleOrder: maxOrder,
        tenureDays: daysBetween(first, day),
        isBenchmark: c?.isBenchmark ?? false,
        industry: c?.industry ?? null,
      });
    });
    return new Map(assignTiers(facts, t).map((r) => [r.customerKey, r.tier]));
  }
}

function strategicRetention(ix: Index, p: PeriodWindow, s: IndicatorSettings): IndicatorValue {
  if (!ix.data.orders.length && !ix.data.contracts.length) return absent('strategicRetention', 'percent', 'needsRevenue');
  const start = addDays(p.from, -1);
  const tiers = ix.tiersAt(start, s.tiers);
  let den = 0;
  let num = 0;
  for (const [key, tier] of tiers) {
    if (tier !== 'strategic' || !ix.active(key, start, s.activityWindowDays)) continue;
    den += 1;
    if (ix.active(key, p.to, s.activityWindowDays)) num += 1;
  }
  return ratio('strategicRetention', num, den, 'noStrategic');
}

function coreRenewal(ix: Index, p: PeriodWindow, s: IndicatorSettings): IndicatorValue {
  if (!ix.data.contracts.length) return absent('coreRenewal', 'percent', 'needsContracts');
  const renewedKeys = new Set(ix.data.contracts.map((k) => k.renewalOf).filter((k): k is string => !!k));
  const start = addDays(p.from, -1);
  const tiers = ix.tiersAt(start, s.tiers);
  let den = 0;
  let num = 0;
  for (const k of ix.data.contracts) {
    if (!k.end || k.end < p.from || k.end > p.to || tiers.get(k.customerKey) !== 'core') continue;
    if (k.cancelled && k.cancelled < k.end) continue; // cancelled early: not up for renewal
    den += 1;
    const graceEnd = addDays(k.end, s.renewalGraceDays);
    const next = (ix.contractsBy.get(k.customerKey) ?? []).some(
      (o) => o !== k && o.start > k.start && o.start <= graceEnd && o.start >= addDays(k.end as string, -60),
    );
    if (renewedKeys.has(k.key) || (k.status !== null && RENEWED_STATUS.test(k.status)) || next) num += 1;
  }
  return ratio('coreRenewal', num, den, 'noCoreEnding');
}

function arpu(ix: Index, from: string, to: string): { revenue: number; payers: number } {
  let revenue = 0;
  let payers = 0;
  for (const key of ix.keys()) {
    const r = ix.revenue(key, from, to);
    if (r > 0) {
      revenue += r;
      payers += 1;
    }
  }
  return { revenue, payers };
}

function arpuGrowth(ix: Index, p: PeriodWindow): IndicatorValue {
  if (!ix.data.orders.length && !ix.data.contracts.length) return absent('arpuGrowth', 'percent', 'needsRevenue');
  const days = daysBetween(p.from, p.to) + 1;
  const prevTo = addDays(p.from, -1);
  const prevFrom = addDays(prevTo, -days + 1);
  const now = arpu(ix, p.from, p.to);
  const before = arpu(ix, prevFrom, prevTo);
  if (now.payers === 0 || before.payers === 0) return absent('arpuGrowth', 'percent', 'noPayersBothPeriods');
  const a = now.revenue / now.payers;
  const b = before.revenue / before.payers;
  return {
    id: 'arpuGrowth',
    unit: 'percent',
    value: a / b - 1,
    numerator: a,
    denominator: b,
    absentReason: null,
    small: Math.min(now.payers, before.payers) < SMALL_DENOMINATOR,
  };
}

function crossSell(ix: Index, p: PeriodWindow): IndicatorValue {
  const itemOf = (o: IndicatorOrder): string | null => o.category ?? o.product;
  if (!ix.data.orders.some((o) => itemOf(o) !== null)) return absent('crossSell', 'percent', 'needsCategories');
  const yearBefore = addDays(p.from, -365);
  let den = 0;
  let num = 0;
  for (const [, orders] of ix.ordersBy) {
    const seen = new Set<string>();
    let boughtYearBefore = false;
    let converted = false;
    for (const o of orders) {
      if (o.amount <= 0) continue;
      const item = itemOf(o);
      if (o.date < p.from) {
        if (item) seen.add(item);
        if (o.date >= yearBefore) boughtYearBefore = true;
      } else if (o.date <= p.to && item && !seen.has(item)) converted = true;
    }
    if (!boughtYearBefore) continue;
    den += 1;
    if (converted) num += 1;
  }
  return ratio('crossSell', num, den, 'noBuyersBefore');
}

function nps(ix: Index, p: PeriodWindow): IndicatorValue {
  if (!ix.data.surveys.length) return absent('nps', 'points', 'needsSurveys');
  let n = 0;
  let promoters = 0;
  let detractors = 0;
  for (const s of ix.data.surveys) {
    if (s.date < p.from || s.date > p.to) continue;
    n += 1;
    if (s.nps >= 9) promoters += 1;
    else if (s.nps <= 6) detractors += 1;
  }
  if (n === 0) return absent('nps', 'points', 'noSurveysInPeriod');
  return {
    id: 'nps',
    unit: 'points',
    value: ((promoters - detractors) / n) * 100,
    numerator: promoters - detractors,
    denominator: n,
    absentReason: null,
    small: n < SMALL_DENOMINATOR,
  };
}

function referralShare(ix: Index, p: PeriodWindow): IndicatorValue {
  const referred = ix.referred();
  if (referred.size === 0) return absent('referralShare', 'percent', 'needsReferralSource');
  let den = 0;
  let num = 0;
  for (const key of ix.keys()) {
    const first = ix.firstPaying(key);
    if (first === null || first < p.from || first > p.to) continue;
    den += 1;
    if (referred.has(key)) num += 1;
  }
  return ratio('referralShare', num, den, 'noNewCustomers');
}

function highRiskRepairSuccess(ix: Index, p: PeriodWindow): IndicatorValue {
  const high = ix.data.repairs.filter((r) => r.highRisk);
  if (!high.length) return absent('highRiskRepairSuccess', 'percent', 'needsHighRiskActions');
  let den = 0;
  let num = 0;
  for (const r of high) {
    if (!r.closedAt || r.closedAt.slice(0, 10) < p.from || r.closedAt.slice(0, 10) > p.to) continue;
    if (r.verdict !== 'held' && r.verdict !== 'partial' && r.verdict !== 'notHeld') continue;
    den += 1;
    if (r.verdict === 'held') num += 1;
  }
  return ratio('highRiskRepairSuccess', num, den, 'noCheckedRepairs');
}

function winBack(ix: Index, p: PeriodWindow, s: IndicatorSettings): IndicatorValue {
  if (!ix.data.orders.length) return absent('winBack', 'percent', 'needsOrders');
  const start = addDays(p.from, -1);
  let den = 0;
  let num = 0;
  for (const key of ix.keys()) {
    const first = ix.firstPaying(key);
    if (first === null || first > start) continue;
    const c = ix.customersBy.get(key);
    const churnedBefore = !!c?.churnDate && c.churnDate <= start;
    const lapsed = !ix.liveContract(key, start) && !ix.active(key, start, s.activityWindowDays);
    if (!churnedBefore && !lapsed) continue;
    den += 1;
    const since = churnedBefore && c?.churnDate ? (c.churnDate > p.from ? c.churnDate : p.from) : p.from;
    if ((ix.ordersBy.get(key) ?? []).some((o) => o.amount > 0 && o.date >= since && o.date <= p.to)) num += 1;
  }
  return ratio('winBack', num, den, 'noChurnedBefore');
}

/** All eight indicators over one period. */
const indexes = new WeakMap<IndicatorData, Index>();
function indexFor(data: IndicatorData): Index {
  let ix = indexes.get(data);
  if (!ix) {
    ix = new Index(data);
    indexes.set(data, ix);
  }
  return ix;
}

export function computeIndicators(data: IndicatorData, period: PeriodWindow, settings: IndicatorSettings): IndicatorValue[] {
  const ix = indexFor(data);
  return [
    strategicRetention(ix, period, settings),
    coreRenewal(ix, period, settings),
    arpuGrowth(ix, period),
    crossSell(ix, period),
    nps(ix, period),
    referralShare(ix, period),
    highRiskRepairSuccess(ix, period),
    winBack(ix, period, settings),
  ];
}

export type DeviationFlag = 'above' | 'below' | 'within' | 'na';

export interface IndicatorComparisonRow {
  id: IndicatorId;
  unit: IndicatorUnit;
  baseline: IndicatorValue | null;
  current: IndicatorValue;
  /** current − baseline, in the indicator's unit (a fraction for percent, points for NPS). */
  change: number | null;
  /** change / |baseline|; null when the baseline is 0 or absent. */
  relativeChange: number | null;
  /** Beyond ± tolerance of the baseline (seed: "偏离基准线15%时触发分析流程"). */
  flag: DeviationFlag;
}

export function compareToBaseline(baseline: readonly IndicatorValue[] | null, current: readonly IndicatorValue[], tolerance: number): IndicatorComparisonRow[] {
  return current.map((c) => {
    const b = baseline?.find((x) => x.id === c.id) ?? null;
    const change = b?.value != null && c.value != null ? c.value - b.value : null;
    const relativeChange = change !== null && b?.value ? change / Math.abs(b.value) : null;
    let flag: DeviationFlag = 'na';
    if (relativeChange !== null) flag = relativeChange > tolerance ? 'above' : relativeChange < -tolerance ? 'below' : 'within';
    return { id: c.id, unit: c.unit, baseline: b, current: c, change, relativeChange, flag };
  });
}
