// Which periods a run's trend holds, always ending with the period of the as-of date (the KPIs and
// breakdowns read that period): the last N (12 by default), every period of the data, or from a
// period the consultant picks, the same choices the cohort matrix offers (cohort-range.ts). Periods
// before the first data are never listed (edges.ts), so a yearly trend of four years of data spans
// four years however many are asked for.

import { cohortBoundDays } from './cohort-range';
import type { DayNumber } from './days';
import { periodsWithData, type DataHistory } from './edges';
import { periodAt, periodIndexOf, type Grain, type Period } from './periods';

export interface TrendSelection {
  /** The last N periods; null = every period of the data. */
  periodCount: number | null;
  /** A period key or a date to start from; wins over the count when set. */
  periodFrom: string | null;
}

/** Period index of the trend's first period (before trimming to the data). */
export function trendFirstIndex(sel: TrendSelection, grain: Grain, asOfDay: DayNumber, history: DataHistory): number {
  const last = periodIndexOf(asOfDay, grain);
  const from = sel.periodFrom ? cohortBoundDays(sel.periodFrom) : null;
  if (from) return Math.min(last, periodIndexOf(from.first, grain));
  if (sel.periodCount !== null) return last - Math.max(1, sel.periodCount) + 1;
  return history.startDay !== null ? Math.min(last, periodIndexOf(history.startDay, grain)) : last;
}

export function trendPeriods(sel: TrendSelection, grain: Grain, asOfDay: DayNumber, history: DataHistory): Period[] {
  const last = periodIndexOf(asOfDay, grain);
  const out: Period[] = [];
  for (let i = trendFirstIndex(sel, grain, asOfDay, history); i <= last; i += 1) out.push(periodAt(i, grain, asOfDay));
  return periodsWithData(out, history);
}
