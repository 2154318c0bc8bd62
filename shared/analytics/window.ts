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

/**
 * How many gaps of each length (index = days) lie between consecutive purchase days of each
 * customer, up to the as-of day. A histogram, not a sorted list: a percentile of 1.9 million gaps
 * (100,000 customers, 2 million customer-days) is a pass over the counts: 57 ms instead of 520 ms
 * for pushing and sorting them (medians of 5 on this shared 2-core machine).
 */
export interface GapHistogram {
  counts: Int32Array;
  total: number;
  repeatCustomers: number;
}

export function purchaseGaps(ledger: PurchaseLedger, asOfDay: DayNumber): GapHistogram {
  let counts = new Int32Array(400);
  let total = 0;
  let repeatCustomers = 0;
  for (let i = 0; i < ledger.customerKeys.length; i += 1) {
    let prev = Number.NaN;
    let had = false;
    for (let j = ledger.offsets[i] as number, e = ledger.offsets[i + 1] as number; j < e; j += 1) {
      if ((ledger.purchases[j] as number) <= 0) continue;
      const d = ledger.days[j] as number;
      if (d > asOfDay) break;
      if (!Number.isNaN(prev)) {
        const g = d - prev;
        if (g >= counts.length) {
          const grown = new Int32Array(Math.max(g + 1, counts.length * 2));
          grown.set(counts);
          counts = grown;
        }
        counts[g] = (counts[g] as number) + 1;
        total += 1;
        had = true;
      }
      prev = d;
    }
    if (had) repeatCustomers += 1;
  }
  return { counts, total, repeatCustomers };
}

/** Nearest-rank percentile (Hyndman & Fan type 1) of the histogram: the gap at rank ceil(p·n). */
function nearestRank(h: GapHistogram, p: number): number {
  const rank = Math.max(1, Math.ceil(p * h.total));
  let seen = 0;
  for (let g = 0; g < h.counts.length; g += 1) {
    seen += h.counts[g] as number;
    if (seen >= rank) return g;
  }
  return h.counts.length - 1;
}

export function deriveActivityWindow(ledger: PurchaseLedger, asOfDay: DayNumber): ActivityWindow {
  const h = purchaseGaps(ledger, asOfDay);
  if (h.total === 0) {
    return { days: FALLBACK_WINDOW_DAYS, source: 'fallback', percentile: null, percentileDays: null, gaps: 0, repeatCustomers: 0, medianGapDays: null };
  }
  const p = nearestRank(h, WINDOW_PERCENTILE);
  return {
    days: roundWindowUp(p),
    source: 'derived',
    percentile: WINDOW_PERCENTILE,
    percentileDays: p,
    gaps: h.total,
    repeatCustomers: h.repeatCustomers,
    medianGapDays: nearestRank(h, 0.5),
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
