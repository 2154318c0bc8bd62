// RFM as of a date: recency = days since the last purchase (an order with a positive total) on or
// before the date; frequency = distinct such orders; monetary = net value of all orders (returns
// subtract). Scores 1-5 by quintiles or by editable cut points; segments are rule tables over the
// scores, so a consultant can read and change them. Customers with no purchase on or before the date
// are not scored (they appear as 'unscored' in movement matrices).

import { fromDay, type DayNumber } from './days';
import { ratio, type Figure } from './figures';
import type { PurchaseLedger } from './inputs';

export type Score = 1 | 2 | 3 | 4 | 5;

/** Inclusive score ranges; a rule matches when all three hold. The first matching rule wins. */
export interface SegmentRule {
  id: string;
  r: readonly [number, number];
  f: readonly [number, number];
  m: readonly [number, number];
}

const ANY = [1, 5] as const;

/**
 * The usual named segments on the recency × frequency grid (every one of the 25 R/F cells belongs to
 * exactly one segment; monetary is not used, as in the common RFM segment map). Labels live in the
 * catalogue under rfm.segments.<id>.
 */
export const CLASSIC_SEGMENT_RULES: readonly SegmentRule[] = [
  { id: 'champions', r: [5, 5], f: [4, 5], m: ANY },
  { id: 'loyal', r: [3, 4], f: [4, 5], m: ANY },
  { id: 'potentialLoyalists', r: [4, 5], f: [2, 3], m: ANY },
  { id: 'newCustomers', r: [5, 5], f: [1, 1], m: ANY },
  { id: 'promising', r: [4, 4], f: [1, 1], m: ANY },
  { id: 'needAttention', r: [3, 3], f: [3, 3], m: ANY },
  { id: 'aboutToSleep', r: [3, 3], f: [1, 2], m: ANY },
  { id: 'cannotLose', r: [1, 2], f: [5, 5], m: ANY },
  { id: 'atRisk', r: [1, 2], f: [3, 4], m: ANY },
  { id: 'hibernating', r: [2, 2], f: [1, 2], m: ANY },
  { id: 'lost', r: [1, 1], f: [1, 2], m: ANY },
];

/**
 * The three value groups (价值分群: 高价值忠诚型 / 潜力培育型 / 沉睡唤醒型), which the account-care method
 * derives from RFM without giving cut-offs. Chosen reading: sleeping = not bought recently (R <= 2) whatever they spent;
 * high-value loyal = recent AND frequent AND high spend (R >= 3, F >= 4, M >= 4); everyone else recent
 * is potential to nurture. Editable like any rule table.
 */
export const VALUE_GROUP_RULES: readonly SegmentRule[] = [
  { id: 'dormantReactivate', r: [1, 2], f: ANY, m: ANY },
  { id: 'highValueLoyal', r: [3, 5], f: [4, 5], m: [4, 5] },
  { id: 'potentialNurture', r: [3, 5], f: ANY, m: ANY },
];

export const UNCLASSIFIED = 'unclassified';
export const UNSCORED = 'unscored';

export interface RfmCuts {
  /** Ascending days: recency <= cuts[0] scores 5, <= cuts[1] 4, <= cuts[2] 3, <= cuts[3] 2, else 1. */
  recency: readonly [number, number, number, number];
  /** Ascending: value >= cuts[3] scores 5, >= cuts[2] 4, >= cuts[1] 3, >= cuts[0] 2, else 1. */
  frequency: readonly [number, number, number, number];
  monetary: readonly [number, number, number, number];
}

export interface RfmOptions {
  scoring: 'quintiles' | 'cuts';
  cuts: RfmCuts;
  /** Frequency and monetary count only orders in the last N days (null = all history). */
  lookbackDays: number | null;
  classicRules: readonly SegmentRule[];
  valueGroupRules: readonly SegmentRule[];
}

export interface RfmRow {
  customerIndex: number;
  customerKey: string;
  lastPurchase: string;
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: Score;
  f: Score;
  m: Score;
  /** Id in CLASSIC_SEGMENT_RULES (or the edited table), or 'unclassified'. */
  segment: string;
  /** Id in VALUE_GROUP_RULES (or the edited table), or 'unclassified'. */
  valueGroup: string;
}

export interface RfmRaw {
  customerIndex: number;
  lastPurchaseDay: DayNumber;
  recencyDays: number;
  frequency: number;
  monetary: number;
}

/** Raw R, F, M for every customer with a purchase on or before the as-of day (one pass over the ledger). */
export function rfmRaw(ledger: PurchaseLedger, asOfDay: DayNumber, lookbackDays: number | null = null): RfmRaw[] {
  const out: RfmRaw[] = [];
  const since = lookbackDays === null ? Number.NEGATIVE_INFINITY : asOfDay - lookbackDays + 1;
  for (let i = 0; i < ledger.customerKeys.length; i += 1) {
    let last = -1;
    let f = 0;
    let m = 0;
    for (let j = ledger.offsets[i] as number, e = ledger.offsets[i + 1] as number; j < e; j += 1) {
      const d = ledger.days[j] as number;
      if (d > asOfDay) break;
      const p = ledger.purchases[j] as number;
      if (p > 0) last = d;
      if (d >= since) {
        f += p;
        m += ledger.amounts[j] as number;
      }
    }
    if (last < 0 || (lookbackDays !== null && f === 0)) continue;
    out.push({ customerIndex: i, lastPurchaseDay: last, recencyDays: asOfDay - last, frequency: f, monetary: m });
  }
  return out;
}

/**
 * Quintile scores, 1 (worst) to 5 (best). Values are ranked from worst to best; a tie group takes the
 * score of its first position, floor(position × 5 / n) + 1, so equal values always score the same
 * whatever the input order, and a large tie at the bottom (many one-order customers) stays at 1
 * rather than being split arbitrarily across scores.
 */
export function quintileScores(values: ArrayLike<number>, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i += 1) idx[i] = i;
  const sign = higherIsBetter ? 1 : -1;
  idx.sort((a, b) => sign * ((values[a] as number) - (values[b] as number)));
  const out = new Uint8Array(n);
  let groupScore = 1;
  for (let pos = 0; pos < n; pos += 1) {
    const i = idx[pos] as number;
    if (pos === 0 || values[i] !== values[idx[pos - 1] as number]) groupScore = Math.floor((pos * 5) / n) + 1;
    out[i] = groupScore;
  }
  return out;
}

/** Cut-point score; see RfmCuts for the direction of each measure. */
export function cutScore(value: number, cuts: readonly number[], higherIsBetter: boolean): Score {
  let k = 0;
  if (higherIsBetter) {
    for (const c of cuts) if (value >= c) k += 1;
    return (1 + k) as Score;
  }
  for (const c of cuts) if (value > c) k += 1;
  return (5 - k) as Score;
}

export function segmentOf(rules: readonly SegmentRule[], r: number, f: number, m: number): string {
  for (const rule of rules) {
    if (r >= rule.r[0] && r <= rule.r[1] && f >= rule.f[0] && f <= rule.f[1] && m >= rule.m[0] && m <= rule.m[1]) {
      return rule.id;
    }
  }
  return UNCLASSIFIED;
}

export function scoreRfm(ledger: PurchaseLedger, asOfDay: DayNumber, options: RfmOptions): RfmRow[] {
  const raw = rfmRaw(ledger, asOfDay, options.lookbackDays);
  let rs: ArrayLike<number>;
  let fs: ArrayLike<number>;
  let ms: ArrayLike<number>;
  if (options.scoring === 'quintiles') {
    rs = quintileScores(
      raw.map((x) => x.recencyDays),
      false,
    );
    fs = quintileScores(
      raw.map((x) => x.frequency),
      true,
    );
    ms = quintileScores(
      raw.map((x) => x.monetary),
      true,
    );
  } else {
    const c = options.cuts;
    rs = raw.map((x) => cutScore(x.recencyDays, c.recency, false));
    fs = raw.map((x) => cutScore(x.frequency, c.frequency, true));
    ms = raw.map((x) => cutScore(x.monetary, c.monetary, true));
  }
  return raw.map((x, k) => {
    const r = rs[k] as Score;
    const f = fs[k] as Score;
    const m = ms[k] as Score;
    return {
      customerIndex: x.customerIndex,
      customerKey: ledger.customerKeys[x.customerIndex] as string,
      lastPurchase: fromDay(x.lastPurchaseDay),
      recencyDays: x.recencyDays,
      frequency: x.frequency,
      monetary: x.monetary,
      r,
      f,
      m,
      segment: segmentOf(options.classicRules, r, f, m),
      valueGroup: segmentOf(options.valueGroupRules, r, f, m),
    };
  });
}

export type SegmentScheme = 'classic' | 'valueGroups';

export interface SegmentSummary {
  segment: string;
  count: number;
  /** count / scored customers */
  share: number;
  monetary: number;
  /** monetary / total monetary of scored customers; absent when that total is not positive. */
  monetaryShare: Figure;
}

const segmentField = (scheme: SegmentScheme) => (scheme === 'classic' ? 'segment' : 'valueGroup');

/** Counts and value per segment, in the rule table's order, then 'unclassified' if any. */
export function segmentSummary(rows: readonly RfmRow[], scheme: SegmentScheme, rules: readonly SegmentRule[]): SegmentSummary[] {
  const field = segmentField(scheme);
  const acc = new Map<string, { count: number; monetary: number }>();
  for (const id of [...rules.map((r) => r.id), UNCLASSIFIED]) acc.set(id, { count: 0, monetary: 0 });
  let total = 0;
  for (const row of rows) {
    const a = acc.get(row[field]) ?? { count: 0, monetary: 0 };
    a.count += 1;
    a.monetary += row.monetary;
    acc.set(row[field], a);
    total += row.monetary;
  }
  return [...acc.entries()]
    .filter(([id, a]) => id !== UNCLASSIFIED || a.count > 0)
    .map(([segment, a]) => ({
      segment,
      count: a.count,
      share: rows.length > 0 ? a.count / rows.length : 0,
      monetary: a.monetary,
      monetaryShare: ratio(a.monetary, total, 'no-revenue'),
    }));
}

export interface SegmentMovement {
  /** Row and column labels: the rule ids, 'unclassified', then 'unscored' (no purchase by that date). */
  segments: string[];
  /** counts[from][to]: customers in segment `from` at the first date and `to` at the second. */
  counts: number[][];
}

/**
 * Movement between two as-of dates. Both row sets must come from ledgers with the same customer order.
 * With quintile scoring each date is ranked against its own population, so a customer can move
 * without changing behaviour; cut points give movements that reflect behaviour only.
 */
export function segmentMovement(before: readonly RfmRow[], after: readonly RfmRow[], scheme: SegmentScheme, rules: readonly SegmentRule[]): SegmentMovement {
  const field = segmentField(scheme);
  const segments = [...rules.map((r) => r.id), UNCLASSIFIED, UNSCORED];
  const pos = new Map(segments.map((s, i) => [s, i]));
  const counts = segments.map(() => segments.map(() => 0));
  const unscored = pos.get(UNSCORED) as number;
  const unclassified = pos.get(UNCLASSIFIED) as number;
  // Flat arrays by customer index (one pass each, no per-customer Map): a run has 100,000 customers.
  let size = 0;
  for (const r of before) size = Math.max(size, r.customerIndex + 1);
  for (const r of after) size = Math.max(size, r.customerIndex + 1);
  const from = new Int32Array(size).fill(-1);
  const to = new Int32Array(size).fill(-1);
  for (const r of before) from[r.customerIndex] = pos.get(r[field]) ?? unclassified;
  for (const r of after) to[r.customerIndex] = pos.get(r[field]) ?? unclassified;
  for (let i = 0; i < size; i += 1) {
    const f = from[i] as number;
    const t = to[i] as number;
    if (f < 0 && t < 0) continue;
    const row = counts[f < 0 ? unscored : f] as number[];
    const col = t < 0 ? unscored : t;
    row[col] = (row[col] as number) + 1;
  }
  return { segments, counts };
}
