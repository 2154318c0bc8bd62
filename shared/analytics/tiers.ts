// Customer tiers from seed 001 (企业客户关系维护与跟进计划):
//   战略级 strategic  "年合作规模占比超15%、具备行业标桿效应": over 15% of the year's revenue (strictly over,
//                     as 超 says), or flagged as a benchmark customer;
//   核心级 core       "合作稳定、需求明确但存在增量空间": a stable relationship (customer for at least a year)
//                     among the top revenue earners (default: the top 20% of paying customers by yearly
//                     revenue; the seed gives no figure, so this is the workbench's editable default);
//   潜力级 potential  "合作初期或规模较小，但行业成长性强": early in the relationship (under a year), or in
//                     an industry the consultant lists as fast-growing;
//   普通级 ordinary   everyone else;
//   upgrade trigger   "单次采购超阈值…自动转入核心级": a single order over the threshold in the year lifts an
//                     ordinary or potential customer to core. The seed names no amount and any default
//                     would be an invented currency figure, so it is off (null) until set.
// "Year" = the 365 days ending at the as-of date; revenue is net of returns.

import type { ActivitySpans } from './activity';
import { firstActiveDay } from './activity';
import type { DayNumber } from './days';
import type { PurchaseLedger } from './inputs';
import { mrrAt, type MrrTimeline } from './revenue-retention';

export const TIERS = ['strategic', 'core', 'potential', 'ordinary'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_REASONS = ['revenue-share', 'benchmark', 'top-revenue', 'early-tenure', 'growth-industry', 'single-order-upgrade', 'default'] as const;
export type TierReason = (typeof TIER_REASONS)[number];

export interface TierThresholds {
  /** The key-account tiering article's threshold: 15%. Strictly over. */
  strategicShare: number;
  benchmarkIsStrategic: boolean;
  /** Share of paying, non-strategic customers (by yearly revenue, descending) that can be core. */
  coreTopShare: number;
  coreMinTenureDays: number;
  potentialMaxTenureDays: number;
  growthIndustries: readonly string[];
  /** A single order strictly over this amount upgrades to core; null = trigger off. */
  upgradeOrderAmount: number | null;
  /** Length of the revenue year in days. */
  yearDays: number;
}

export interface TierFacts {
  customerIndex: number;
  customerKey: string;
  yearlyRevenue: number;
  maxSingleOrder: number;
  /** Days since the customer first became a customer. */
  tenureDays: number;
  isBenchmark: boolean;
  industry: string | null;
}

export interface CustomerTierAttributes {
  isBenchmark: boolean;
  industry: string | null;
}

/**
 * Facts for every customer who had become a customer by the as-of day (first purchase, or first
 * activity span when `spans` is given, e.g. contracts). One pass over the ledger.
 */
export function tierFactsFromLedger(
  ledger: PurchaseLedger,
  asOfDay: DayNumber,
  yearDays: number,
  attributes: (customerKey: string) => CustomerTierAttributes | undefined,
  spans?: ActivitySpans,
): TierFacts[] {
  const out: TierFacts[] = [];
  const since = asOfDay - yearDays + 1;
  for (let i = 0; i < ledger.customerKeys.length; i += 1) {
    let first = spans ? (firstActiveDay(spans, i) ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    let revenue = 0;
    let maxOrder = 0;
    for (let j = ledger.offsets[i] as number, e = ledger.offsets[i + 1] as number; j < e; j += 1) {
      const d = ledger.days[j] as number;
      if (d > asOfDay) break;
      if (!spans && (ledger.purchases[j] as number) > 0 && d < first) first = d;
      if (d >= since) {
        revenue += ledger.amounts[j] as number;
        maxOrder = Math.max(maxOrder, ledger.maxOrder[j] as number);
      }
    }
    if (!(first <= asOfDay)) continue;
    const key = ledger.customerKeys[i] as string;
    const attr = attributes(key);
    out.push({
      customerIndex: i,
      customerKey: key,
      yearlyRevenue: revenue,
      maxSingleOrder: maxOrder,
      tenureDays: asOfDay - first,
      isBenchmark: attr?.isBenchmark ?? false,
      industry: attr?.industry ?? null,
    });
  }
  return out;
}

/**
 * Facts from contracts alone (no orders): the year's scale is the annual recurring value at the as-of
 * date (12 × MRR), tenure runs from the first paying day, and there is no single-order trigger.
 */
export function tierFactsFromContracts(
  t: MrrTimeline,
  asOfDay: DayNumber,
  attributes: (customerKey: string) => CustomerTierAttributes | undefined,
): TierFacts[] {
  const out: TierFacts[] = [];
  for (let i = 0; i < t.customerKeys.length; i += 1) {
    const from = t.offsets[i] as number;
    if (from === (t.offsets[i + 1] as number) || (t.days[from] as number) > asOfDay) continue;
    const key = t.customerKeys[i] as string;
    const attr = attributes(key);
    out.push({
      customerIndex: i,
      customerKey: key,
      yearlyRevenue: 12 * mrrAt(t, i, asOfDay),
      maxSingleOrder: 0,
      tenureDays: asOfDay - (t.days[from] as number),
      isBenchmark: attr?.isBenchmark ?? false,
      industry: attr?.industry ?? null,
    });
  }
  return out;
}

export interface TierRow {
  customerIndex: number;
  customerKey: string;
  tier: Tier;
  /** Why, in the order the rules fired (the first is the deciding one). */
  reasons: TierReason[];
  yearlyRevenue: number;
  /** yearlyRevenue / total yearly revenue of all tiered customers; null when that total is not positive. */
  revenueShare: number | null;
}

export function assignTiers(facts: readonly TierFacts[], t: TierThresholds): TierRow[] {
  let total = 0;
  for (const f of facts) total += f.yearlyRevenue;
  const share = (f: TierFacts) => (total > 0 ? f.yearlyRevenue / total : null);
  const rows: TierRow[] = facts.map((f) => {
    const s = share(f);
    const reasons: TierReason[] = [];
    if (s !== null && s > t.strategicShare) reasons.push('revenue-share');
    if (t.benchmarkIsStrategic && f.isBenchmark) reasons.push('benchmark');
    return {
      customerIndex: f.customerIndex,
      customerKey: f.customerKey,
      tier: reasons.length > 0 ? 'strategic' : 'ordinary',
      reasons,
      yearlyRevenue: f.yearlyRevenue,
      revenueShare: s,
    };
  });
  // Core: the top coreTopShare of paying non-strategic customers; everyone tied with the last one is in.
  const paying = facts
    .map((f, k) => ({ f, k }))
    .filter(({ f, k }) => (rows[k] as TierRow).tier !== 'strategic' && f.yearlyRevenue > 0)
    .sort((a, b) => b.f.yearlyRevenue - a.f.yearlyRevenue);
  const take = Math.ceil(paying.length * t.coreTopShare);
  const bar = take > 0 ? (paying[take - 1] as { f: TierFacts }).f.yearlyRevenue : Number.POSITIVE_INFINITY;
  const growth = new Set(t.growthIndustries);
  facts.forEach((f, k) => {
    const row = rows[k] as TierRow;
    if (row.tier === 'strategic') return;
    if (f.yearlyRevenue > 0 && f.yearlyRevenue >= bar && f.tenureDays >= t.coreMinTenureDays) {
      row.tier = 'core';
      row.reasons.push('top-revenue');
      return;
    }
    if (f.tenureDays < t.potentialMaxTenureDays) row.reasons.push('early-tenure');
    if (f.industry !== null && growth.has(f.industry)) row.reasons.push('growth-industry');
    row.tier = row.reasons.length > 0 ? 'potential' : 'ordinary';
    if (t.upgradeOrderAmount !== null && f.maxSingleOrder > t.upgradeOrderAmount) {
      row.tier = 'core';
      row.reasons.push('single-order-upgrade');
      // The trigger decides the tier, so it goes first; the others stay as context.
      row.reasons.unshift(row.reasons.pop() as TierReason);
      return;
    }
    if (row.tier === 'ordinary') row.reasons.push('default');
  });
  return rows;
}

export interface TierSummary {
  tier: Tier;
  count: number;
  yearlyRevenue: number;
  /** Share of tiered customers. */
  customerShare: number;
  /** Share of total yearly revenue; null when that total is not positive. */
  revenueShare: number | null;
}

export function tierSummary(rows: readonly TierRow[]): TierSummary[] {
  let total = 0;
  for (const r of rows) total += r.yearlyRevenue;
  return TIERS.map((tier) => {
    let count = 0;
    let revenue = 0;
    for (const r of rows) {
      if (r.tier !== tier) continue;
      count += 1;
      revenue += r.yearlyRevenue;
    }
    return {
      tier,
      count,
      yearlyRevenue: revenue,
      customerShare: rows.length > 0 ? count / rows.length : 0,
      revenueShare: total > 0 ? revenue / total : null,
    };
  });
}
