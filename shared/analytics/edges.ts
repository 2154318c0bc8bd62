// The edges of a client's export. An export starts on some day; customers who bought or held a
// contract before it are invisible, so what a run says about the first stretch of the data is
// left-censored:
//   purchase data  a customer is active for `window` days after a purchase, so S at a period's start
//                  is complete only when the period starts at least one window after the first data
//                  day. Before that, S misses every customer whose last purchase predates the export
//                  and nobody can lapse yet (with a 365-day window on 13 months, every month read
//                  100%): the rates are absent with 'history-shorter-than-window', never 100%;
//   contract data  contracts carry their start dates, so only the period holding the first contract
//                  start is censored (its "new" customers may be older ones).
// In both, customers first seen in a censored period are "first seen", not acquisitions, and cohorts
// of censored periods are marked. Rules that need tenure (core tier, mature stage) cannot be met by
// anyone when the history is shorter than the tenure they ask for; the run says so.

import type { ActivityBasis } from './activity';
import { toDay, type DayNumber } from './days';
import type { Period } from './periods';
import type { RetentionPeriod } from './retention';

export interface DataHistory {
  /** First data day of the activity basis (first order, or first contract start); null without data. */
  startDay: DayNumber | null;
  /** A period starting fewer than this many days after startDay is left-censored. */
  censorDays: number;
}

export function dataHistory(basis: ActivityBasis, firstOrderDate: string | null, firstContractDate: string | null, windowDays: number): DataHistory {
  const first = basis === 'contractual' ? firstContractDate : firstOrderDate;
  return { startDay: first ? toDay(first) : null, censorDays: basis === 'contractual' ? 1 : windowDays };
}

/** True when the period (or cohort) starting on `periodStartDay` is left-censored. */
export function isLeftCensored(h: DataHistory, periodStartDay: DayNumber): boolean {
  return h.startDay !== null && periodStartDay - h.startDay < h.censorDays;
}

/**
 * Drops the periods that end before the first data day (a trend of empty months before the data says
 * nothing; a yearly axis spanned twelve years for four years of data). At least the last period stays.
 */
export function periodsWithData(periods: readonly Period[], h: DataHistory): Period[] {
  if (h.startDay === null) return [...periods];
  const start = h.startDay;
  const kept = periods.filter((p) => p.endDay >= start);
  return kept.length > 0 ? kept : periods.slice(-1);
}

/**
 * Marks the censored periods; on purchase data their rates become absent with the reason. The counts
 * stay (they are what the data hold), the rates do not (they would read as retention).
 */
export function censorRetention(rows: readonly RetentionPeriod[], h: DataHistory, basis: ActivityBasis): RetentionPeriod[] {
  return rows.map((r) => {
    // A period wholly before the data (an as-of date before it) is empty, not censored: its own
    // reason (no customers at the start) and the as-of notice say so.
    if (!isLeftCensored(h, r.period.startDay) || (h.startDay !== null && r.period.endDay < h.startDay)) return r;
    if (basis === 'contractual') return { ...r, leftCensored: true };
    const absent = { value: null, reason: 'history-shorter-than-window' as const };
    return { ...r, leftCensored: true, retentionRate: absent, churnRate: absent };
  });
}

export const RUN_NOTICES = [
  'as-of-before-data',
  'as-of-after-data',
  'history-shorter-than-window',
  'first-period-left-censored',
  'core-tier-tenure-unjudgeable',
  'mature-stage-tenure-unjudgeable',
  'window-fallback',
] as const;
export type RunNoticeCode = (typeof RUN_NOTICES)[number];

/** A warning stored with the run and shown with its figures (labels: analytics notices.<code>). */
export interface RunNotice {
  code: RunNoticeCode;
  params: Record<string, string | number>;
}

export interface NoticeInputs {
  basis: ActivityBasis;
  asOf: string;
  firstDate: string | null;
  lastDate: string | null;
  windowDays: number;
  windowFallback: boolean;
  retention: readonly RetentionPeriod[];
  coreMinTenureDays: number;
  matureDays: number;
}

export function runNotices(x: NoticeInputs): RunNotice[] {
  const out: RunNotice[] = [];
  const asOfDay = toDay(x.asOf);
  if (x.firstDate && asOfDay < toDay(x.firstDate)) out.push({ code: 'as-of-before-data', params: { asOf: x.asOf, first: x.firstDate } });
  if (x.lastDate && asOfDay > toDay(x.lastDate)) out.push({ code: 'as-of-after-data', params: { asOf: x.asOf, last: x.lastDate } });
  const censored = x.retention.filter((r) => r.leftCensored);
  if (x.basis === 'non-contractual' && censored.length > 0 && x.firstDate) {
    const from = (censored[0] as RetentionPeriod).period.key;
    const to = (censored[censored.length - 1] as RetentionPeriod).period.key;
    out.push({
      code: 'history-shorter-than-window',
      params: { periods: censored.length, from, to, range: from === to ? from : `${from} – ${to}`, windowDays: x.windowDays, first: x.firstDate },
    });
  } else if (x.basis === 'contractual' && censored.length > 0 && x.firstDate) {
    out.push({ code: 'first-period-left-censored', params: { period: (censored[0] as RetentionPeriod).period.key, first: x.firstDate } });
  }
  if (x.firstDate) {
    const historyDays = asOfDay - toDay(x.firstDate);
    if (historyDays < x.coreMinTenureDays) out.push({ code: 'core-tier-tenure-unjudgeable', params: { historyDays, tenureDays: x.coreMinTenureDays } });
    if (historyDays < x.matureDays) out.push({ code: 'mature-stage-tenure-unjudgeable', params: { historyDays, tenureDays: x.matureDays } });
  }
  if (x.basis === 'non-contractual' && x.windowFallback) out.push({ code: 'window-fallback', params: { windowDays: x.windowDays } });
  return out;
}
