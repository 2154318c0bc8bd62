// Date arithmetic for signals and actions. Canonical dates are 'YYYY-MM-DD' (or with 'THH:mm:ss');
// they are wall-clock values with no zone, so every computation runs on UTC components: a 48-hour
// deadline is 48 wall-clock hours whatever zone the laptop is in, and tests are deterministic.

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** Milliseconds since the epoch of a canonical date or datetime read as UTC wall clock; NaN if unreadable. */
export function wallClockMs(value: string): number {
  const m = DATE_RE.exec(value);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
}

/** Whole days since 1970-01-01 of the date part. */
export function dayNumber(value: string): number {
  return Math.floor(wallClockMs(value) / DAY_MS);
}

/** Days from `from` to `to` (date parts only); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${formatDate(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function addDays(date: string, days: number): string {
  return formatDate(wallClockMs(date) + days * DAY_MS);
}

export function addHours(dateTime: string, hours: number): string {
  return formatDateTime(wallClockMs(dateTime) + hours * HOUR_MS);
}

/**
 * Calendar months, clamped to the month's last day (2024-01-31 + 1 month = 2024-02-29), because the
 * seeds speak in months ("6个月无互动", "连续2个月未产生新需求") and 6 × 30 days would drift.
 */
export function addMonths(date: string, months: number): string {
  const ms = wallClockMs(date);
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return formatDate(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)));
}

/** Completed calendar months from `from` to `to` (0 when `to` is before the first monthiversary). */
export function monthsBetween(from: string, to: string): number {
  const a = new Date(wallClockMs(from));
  const b = new Date(wallClockMs(to));
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (months > 0 && addMonths(from, months) > to.slice(0, 10)) months -= 1;
  return Math.max(0, months);
}
