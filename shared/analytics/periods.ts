// Calendar periods (month, quarter, year) as absolute integer indices, so a cohort offset is a
// subtraction and a customer-period bucket is an integer key. Index 0 is the period holding
// 1970-01-01: month index = (year - 1970) * 12 + month0, quarter = (year - 1970) * 4 + q0, year = year - 1970.

import { fromDay, toDay, type DayNumber } from './days';

export const GRAINS = ['month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

const MONTHS_PER: Record<Grain, number> = { month: 1, quarter: 3, year: 12 };

export interface Period {
  /** Absolute period index for the grain (see file comment). */
  index: number;
  /** '2024-03', '2024-Q1' or '2024'. */
  key: string;
  /** First and last calendar day, 'YYYY-MM-DD' (inclusive). */
  start: string;
  end: string;
  startDay: DayNumber;
  endDay: DayNumber;
  /**
   * The as-of date falls inside the period before its last day: its figures cover only
   * [startDay, measureEndDay] and are flagged, so nobody compares half a month with a whole one.
   */
  partial: boolean;
  /** Last day the figures are measured on: endDay, or the as-of day when partial. */
  measureEndDay: DayNumber;
}

// Civil-calendar conversions without Date objects (H. Hinnant's days_from_civil / civil_from_days):
// cohort building calls these once per customer-day, millions of times.
function monthIndexOfDay(day: DayNumber): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9; // 1..12
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return (y - 1970) * 12 + (m - 1);
}

function dayOfMonthIndex(monthIndex: number): DayNumber {
  const m = (((monthIndex % 12) + 12) % 12) + 1;
  let y = 1970 + Math.floor(monthIndex / 12);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Absolute index of the period of `grain` that holds `day`. */
export function periodIndexOf(day: DayNumber, grain: Grain): number {
  return Math.floor(monthIndexOfDay(day) / MONTHS_PER[grain]);
}

export function periodStartDay(index: number, grain: Grain): DayNumber {
  return dayOfMonthIndex(index * MONTHS_PER[grain]);
}

export function periodEndDay(index: number, grain: Grain): DayNumber {
  return periodStartDay(index + 1, grain) - 1;
}

export function periodKey(index: number, grain: Grain): string {
  switch (grain) {
    case 'month': {
      const y = 1970 + Math.floor(index / 12);
      return `${y}-${String(index - (y - 1970) * 12 + 1).padStart(2, '0')}`;
    }
    case 'quarter': {
      const y = 1970 + Math.floor(index / 4);
      return `${y}-Q${index - (y - 1970) * 4 + 1}`;
    }
    case 'year':
      return String(1970 + index);
    default:
      return assertNever(grain);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value ${String(x)}`);
}

/** The period `index` seen from the as-of day: partial when the as-of day falls inside it before its end. */
export function periodAt(index: number, grain: Grain, asOfDay: DayNumber): Period {
  const startDay = periodStartDay(index, grain);
  const endDay = periodEndDay(index, grain);
  const partial = asOfDay >= startDay && asOfDay < endDay;
  return {
    index,
    key: periodKey(index, grain),
    start: fromDay(startDay),
    end: fromDay(endDay),
    startDay,
    endDay,
    partial,
    measureEndDay: partial ? asOfDay : endDay,
  };
}

/**
 * The `count` periods that end with the one holding the as-of date, oldest first. The last one is
 * partial unless the as-of date is its last day. Periods after the as-of date are never produced.
 */
export function periodsEndingAt(asOf: DayNumber | string, grain: Grain, count: number): Period[] {
  const asOfDay = typeof asOf === 'string' ? toDay(asOf) : asOf;
  const last = periodIndexOf(asOfDay, grain);
  const out: Period[] = [];
  for (let i = last - Math.max(1, count) + 1; i <= last; i += 1) out.push(periodAt(i, grain, asOfDay));
  return out;
}

/** Every period from the one holding `from` through the one holding the as-of date. */
export function periodsBetween(from: DayNumber | string, asOf: DayNumber | string, grain: Grain): Period[] {
  const fromDayN = typeof from === 'string' ? toDay(from) : from;
  const asOfDay = typeof asOf === 'string' ? toDay(asOf) : asOf;
  const first = periodIndexOf(fromDayN, grain);
  const last = periodIndexOf(asOfDay, grain);
  const out: Period[] = [];
  for (let i = first; i <= last; i += 1) out.push(periodAt(i, grain, asOfDay));
  return out;
}
