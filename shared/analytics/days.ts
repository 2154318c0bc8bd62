// Day numbers: whole days since 1970-01-01, read from canonical 'YYYY-MM-DD' dates as UTC wall clock.
// Every hot loop in shared/analytics compares integers, never strings or Date objects, because a full
// run walks millions of customer-days; SQL produces the same number with
// CAST(julianday(date) - 2440587.5 AS INTEGER).

export type DayNumber = number;

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Day number of the date part of a canonical date or datetime; NaN when unreadable. */
export function toDay(iso: string): DayNumber {
  const m = DATE_RE.exec(iso);
  if (!m) return Number.NaN;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/** 'YYYY-MM-DD' of a day number. */
export function fromDay(day: DayNumber): string {
  const d = new Date(day * DAY_MS);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${dd}`;
}

/** A contract with no end stays live for ever; Infinity compares correctly with any day number. */
export const OPEN_END: DayNumber = Number.POSITIVE_INFINITY;

/** Index of the last element of the ascending range values[from, to) that is <= x, or from - 1. */
export function lastAtOrBefore(values: ArrayLike<number>, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
