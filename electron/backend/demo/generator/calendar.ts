// Dates as UTC day numbers: no time zone or DST can shift a generated date between machines.

export const DAY_MS = 86_400_000;

export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

function parts(day: number): { y: number; m: number; d: number; wd: number } {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), wd: dt.getUTCDay() };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** 2024-03-05 */
export function isoDate(day: number): string {
  const { y, m, d } = parts(day);
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** 2024/3/5, the way the CRM writes dates. */
export function slashDate(day: number): string {
  const { y, m, d } = parts(day);
  return `${y}/${m}/${d}`;
}

/** 20240305 for document numbers. */
export function compactDate(day: number): string {
  return isoDate(day).replaceAll('-', '');
}

/** 2024-03-05 14:22 from a day number and minutes after midnight. */
export function dateTime(day: number, minutes: number): string {
  const extraDays = Math.floor(minutes / 1440);
  const rest = minutes - extraDays * 1440;
  return `${isoDate(day + extraDays)} ${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`;
}

export function isWeekend(day: number): boolean {
  const wd = parts(day).wd;
  return wd === 0 || wd === 6;
}

/** Moves a Saturday or Sunday to the next Monday: B2B orders and visits happen on workdays. */
export function nextWorkday(day: number): number {
  let d = day;
  while (isWeekend(d)) d++;
  return d;
}

export function yearOf(day: number): number {
  return parts(day).y;
}

export function monthOfYear(day: number): number {
  return parts(day).m;
}

// The engagement window: three years of exports ending on the as-of date.
export const WINDOW_START = dayOf(2023, 11, 1);
export const AS_OF = dayOf(2026, 10, 31);
export const MONTHS = 36; // month index 0 = 2023-11, 35 = 2026-10

export function monthStart(m: number): number {
  const y = 2023 + Math.floor((10 + m) / 12);
  const mo = ((10 + m) % 12) + 1;
  return dayOf(y, mo, 1);
}

export function monthIndexOf(day: number): number {
  const { y, m } = parts(day);
  return (y - 2023) * 12 + (m - 11);
}

/** 2026-09, the usage export's month column. */
export function monthLabel(m: number): string {
  return isoDate(monthStart(m)).slice(0, 7);
}

/** Adds calendar months, clamping the day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: number, months: number): number {
  const { y, m, d } = parts(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return dayOf(ny, nm, Math.min(d, last));
}
