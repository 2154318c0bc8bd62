// The activity window for purchase-based ("non-contractual") data, derived from the data when the
// consultant leaves it unset. A customer who has not bought for longer than most customers ever wait
// between two purchases has probably lapsed: so the window is a high percentile (P90) of the gaps
// between a customer's consecutive purchase days, rounded UP to a figure a consultant can say aloud
// (30, 60, 90, 120, 180, 270, 365 days, then whole years). Gaps are measured up to the as-of date; in
// a short history long gaps cannot be seen yet, so the run states how many gaps and customers the
// figure rests on. Without a single repeat purchase nothing can be derived and the window stays at 365
// days (seed 003's year), which the run says too.

import type { DayNumber } from './days';
import type { PurchaseLedger } from './inputs';

export const WINDOW_PERCENTILE = 0.9;
export const FALLBACK_WINDOW_DAYS = 365;
const ROUND_STEPS = [30, 60, 90, 120, 180, 270, 365] as const;

export const ACTIVITY_WINDOW_SOURCES = ['set', 'derived', 'fallback'] as const;
export type ActivityWindowSource = (typeof ACTIVITY_WINDOW_SOURCES)[number];

/** How the run's activity window was chosen; stored with the run and shown beside its figures. */
export interface ActivityWindow {
  days: number;
  source: ActivityWindowSource;
  /** The percentile used (0.9), null when the window was set or no gap exists. */
  percentile: number | null;
  /** The percentile before rounding, in days. */
  percentileDays: number | null;
  /** Gaps between consecutive purchase days measured, and the repeat customers they come from. */
  gaps: number;
  repeatCustomers: number;
  /** Median gap in days (the data's rhythm), null without gaps. */
  medianGapDays: number | null;
}

/** Rounds a day count up to the next step a consultant can quote (30, 60, ..., 365, 730, ...). */
export function roundWindowUp(days: number): number {
  for (const s of ROUND_STEPS) if (days <= s) return s;
  return Math.ceil(days / 365) * 365;
}

/** Nearest-rank percentile of ascending values (Hyndman & Fan type 1): the value at rank ceil(p·n). */
function nearestRank(sorted: Int32Array, p: number): number {
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] as number;
}

/** The gaps, in days, between consecutive purchase days of each customer, up to the as-of day. */
export function purchaseGaps(ledger: PurchaseLedger, asOfDay: DayNumber): { gaps: Int32Array; repeatCustomers: number } {
  const gaps: number[] = [];
  let repeatCustomers = 0;
  for (let i = 0; i < ledger.customerKeys.length; i += 1) {
    let prev = Number.NaN;
    let had = false;
    for (let j = ledger.offsets[i] as number, e = ledger.offsets[i + 1] as number; j < e; j += 1) {
      if ((ledger.purchases[j] as number) <= 0) continue;
      const d = ledger.days[j] as number;
      if (d > asOfDay) break;
      if (!Number.isNaN(prev)) {
        gaps.push(d - prev);
        had = true;
      }
      prev = d;
    }
    if (had) repeatCustomers += 1;
  }
  return { gaps: Int32Array.from(gaps).sort(), repeatCustomers };
}

export function deriveActivityWindow(ledger: PurchaseLedger, asOfDay: DayNumber): ActivityWindow {
  const { gaps, repeatCustomers } = purchaseGaps(ledger, asOfDay);
  if (gaps.length === 0) {
    return { days: FALLBACK_WINDOW_DAYS, source: 'fallback', percentile: null, percentileDays: null, gaps: 0, repeatCustomers: 0, medianGapDays: null };
  }
  const p = nearestRank(gaps, WINDOW_PERCENTILE);
  return {
    days: roundWindowUp(p),
    source: 'derived',
    percentile: WINDOW_PERCENTILE,
    percentileDays: p,
    gaps: gaps.length,
    repeatCustomers,
    medianGapDays: nearestRank(gaps, 0.5),
  };
}

/** The window a run uses: the consultant's when set, else the derived one (with its basis). */
export function resolveActivityWindow(ledger: PurchaseLedger, asOfDay: DayNumber, setDays: number | null): ActivityWindow {
  const derived = deriveActivityWindow(ledger, asOfDay);
  if (setDays === null) return derived;
  // The derived figures stay beside the consultant's choice, so the run can show what the data suggest.
  return { ...derived, days: setDays, source: 'set' };
}

/**
 * The catalogue key (analytics:window.<key>) and parameters that state a run's window and its basis,
 * the same sentence on the dashboard, in the CLI and in reports. `int` formats counts (grouped
 * thousands in the reader's locale). A null window is the contract basis.
 */
export function windowStatement(w: ActivityWindow | null, int: (n: number) => string): { key: string; params: Record<string, string> } {
  if (!w) return { key: 'analytics:window.contract', params: {} };
  const params = {
    days: int(w.days),
    percentile: String(Math.round((w.percentile ?? WINDOW_PERCENTILE) * 100)),
    gaps: int(w.gaps),
    customers: int(w.repeatCustomers),
    pDays: w.percentileDays === null ? '—' : int(w.percentileDays),
    median: w.medianGapDays === null ? '—' : int(w.medianGapDays),
  };
  if (w.source === 'set' && w.percentileDays !== null) {
    return { key: 'analytics:window.setWithData', params: { ...params, suggested: int(roundWindowUp(w.percentileDays)) } };
  }
  return { key: `analytics:window.${w.source}`, params };
}
