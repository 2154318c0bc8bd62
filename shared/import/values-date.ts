// Dates and times as clients write them: 2024-03-01, 2024/3/1, 2024年3月1日, 20240301, Excel serials.
import { cleanText, type RawCell } from './text';
import { fail, ok, wrap, textOf, type Parsed, type Read, type ValueError } from './value-result';

// ---------------------------------------------------------------------------------------------
// Dates

export interface DateOptions {
  /** How to read 03/04/2024: month first (US) or day first (UK). Unset: ambiguous values are rejected. */
  slashOrder?: 'mdy' | 'dmy';
  /** The workbook uses the 1904 date system (old Mac Excel): serial 0 = 1904-01-01. */
  date1904?: boolean;
}

interface DateParts {
  y: number;
  m: number;
  d: number;
  time: { h: number; mi: number; s: number } | null;
}

// Plausible range for client data; a year outside it is a typo (20224) or a mis-mapped column.
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const TIME = String.raw`(?:(上午|下午|am|pm)\s*)?(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.\d+)?秒?|分)?\s*(am|pm|上午|下午)?\s*(?:z|[+-]\d{2}:?\d{2})?`;
const ISO_LIKE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})日?(?:(?:t|\s+)${TIME})?$`);
const CHINESE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?:\s*${TIME})?$`);
const COMPACT = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})(?:(?:t|\s+)${TIME})?$`);
const COMPACT_TIME = /^(\d{4})(\d{2})(\d{2})t?(\d{2})(\d{2})(\d{2})$/;
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:\s+${TIME})?$`);
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s,-]+(\d{4})(?:\s+${TIME})?$`);
const MONTH_NAME_DAY = new RegExp(String.raw`^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s+${TIME})?$`);
const TEXT_SERIAL = /^\d{5}(?:\.\d+)?$/;
const YEAR_MONTH = /^(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月?|(\d{2}))$/;

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : ([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0);
}

function checkDay(y: number, m: number, d: number, raw: string): ValueError | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return fail('date_impossible', { value: raw });
  if (y < MIN_YEAR || y > MAX_YEAR) return fail('date_out_of_range', { value: raw, min: MIN_YEAR, max: MAX_YEAR });
  return null;
}

/** Time groups start at index i: [ampm-before, h, mi, s, ampm-after]. */
function readTime(g: RegExpExecArray, i: number, raw: string): Parsed<DateParts['time']> {
  if (g[i + 1] === undefined) return ok(null);
  let h = Number(g[i + 1]);
  const mi = Number(g[i + 2]);
  const s = g[i + 3] === undefined ? 0 : Number(g[i + 3]);
  const ampm = g[i] ?? g[i + 4];
  if (ampm !== undefined) {
    if (h < 1 || h > 12) return fail('time_impossible', { value: raw });
    const pm = ampm === 'pm' || ampm === '下午';
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
  }
  if (h > 23 || mi > 59 || s > 59) return fail('time_impossible', { value: raw });
  return ok({ h, mi, s });
}

function partsFrom(y: number, m: number, d: number, g: RegExpExecArray, timeAt: number, raw: string): Parsed<DateParts> {
  const bad = checkDay(y, m, d, raw);
  if (bad) return bad;
  const time = readTime(g, timeAt, raw);
  if (!time.ok) return time;
  return ok({ y, m, d, time: time.value });
}

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * Excel serial date to parts. The 1900 system counts 1900-02-29, a day that never was (Lotus 1-2-3's
 * leap-year bug kept for compatibility): serials from 61 on are days since 1899-12-30, serials 1-59 days
 * since 1899-12-31, and 60 itself is rejected.
 */
export function excelSerialToParts(serial: number, date1904 = false): Parsed<DateParts> {
  const raw = String(serial);
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2_958_466)
    return fail('date_out_of_range', { value: raw, min: MIN_YEAR, max: MAX_YEAR });
  let day = Math.floor(serial);
  // Round the fraction to whole seconds: 14:30 is stored as 0.6041666...
  let secs = Math.round((serial - day) * 86_400);
  if (secs === 86_400) {
    day += 1;
    secs = 0;
  }
  if (!date1904 && day === 60) return fail('date_impossible', { value: raw });
  const ms = date1904 ? EPOCH_1904 + day * MS_PER_DAY : day < 60 ? EPOCH_1900 + (day + 1) * MS_PER_DAY : EPOCH_1900 + day * MS_PER_DAY;
  const dt = new Date(ms);
  const y = dt.getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) return fail('date_out_of_range', { value: raw, min: MIN_YEAR, max: MAX_YEAR });
  const time = Number.isInteger(serial) ? null : { h: Math.floor(secs / 3600), mi: Math.floor((secs % 3600) / 60), s: secs % 60 };
  return ok({ y, m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), time });
}

function parseDateParts(raw: RawCell, opts: DateOptions): Parsed<DateParts> {
  if (typeof raw === 'number') {
    // Many Chinese ERPs store dates as the number 20240301; no serial that large is a plausible date.
    if (Number.isInteger(raw) && raw >= 19_000_101 && raw <= 21_991_231) return parseDateParts(String(raw), opts);
    return excelSerialToParts(raw, opts.date1904);
  }
  if (typeof raw === 'boolean') return fail('date_unrecognised', { value: String(raw) });
  const t = textOf(raw);
  if (typeof t !== 'string') return t;

  // Fast path for the commonest shape, 2024-03-01, which a million-row file repeats a million times.
  if (t.length === 10 && t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45) {
    const y = Number(t.slice(0, 4));
    const m = Number(t.slice(5, 7));
    const d = Number(t.slice(8, 10));
    if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && /^\d{4}-\d{2}-\d{2}$/.test(t)) {
      const bad = checkDay(y, m, d, t);
      return bad ?? ok({ y, m, d, time: null });
    }
  }

  const lower = t.toLowerCase();
  let g = ISO_LIKE.exec(lower);
  if (g) return partsFrom(Number(g[1]), Number(g[3]), Number(g[4]), g, 5, t);
  g = CHINESE.exec(lower);
  if (g) return partsFrom(Number(g[1]), Number(g[2]), Number(g[3]), g, 4, t);
  g = COMPACT_TIME.exec(lower);
  if (g) {
    const bad = checkDay(Number(g[1]), Number(g[2]), Number(g[3]), t);
    if (bad) return bad;
    const [h, mi, s] = [Number(g[4]), Number(g[5]), Number(g[6])];
    if (h > 23 || mi > 59 || s > 59) return fail('time_impossible', { value: t });
    return ok({ y: Number(g[1]), m: Number(g[2]), d: Number(g[3]), time: { h, mi, s } });
  }
  g = COMPACT.exec(lower);
  if (g) return partsFrom(Number(g[1]), Number(g[2]), Number(g[3]), g, 4, t);
  g = YEAR_LAST.exec(lower);
  if (g) {
    const a = Number(g[1]);
    const b = Number(g[3]);
    const y = Number(g[4]);
    let order = opts.slashOrder;
    if (a > 12 && b > 12) return fail('date_impossible', { value: t });
    if (a > 12 && b <= 12) order = 'dmy';
    else if (b > 12 && a <= 12) order = 'mdy';
    else if (a !== b && order === undefined) return fail('date_ambiguous', { value: t });
    return order === 'dmy' ? partsFrom(y, b, a, g, 5, t) : partsFrom(y, a, b, g, 5, t);
  }
  g = DAY_MONTH_NAME.exec(lower);
  if (g) {
    const m = MONTHS[g[2] ?? ''];
    if (m !== undefined) return partsFrom(Number(g[3]), m, Number(g[1]), g, 4, t);
  }
  g = MONTH_NAME_DAY.exec(lower);
  if (g) {
    const m = MONTHS[g[1] ?? ''];
    if (m !== undefined) return partsFrom(Number(g[3]), m, Number(g[2]), g, 4, t);
  }
  // Serials typed or exported as text: five digits only (1927-05-18 .. 2173-10-14), so a year such as
  // 2024 or an amount is never taken for a date.
  if (TEXT_SERIAL.test(t)) return excelSerialToParts(Number(t), opts.date1904);
  return fail('date_unrecognised', { value: t });
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
function formatDay(p: DateParts): string {
  return `${p.y}-${pad2(p.m)}-${pad2(p.d)}`;
}

/** Is this exactly a valid 'YYYY-MM-DD' (checked by char codes: a million-row file repeats this a million times)? */
function isIsoDay(t: string): boolean {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return false;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    y = y * 10 + c;
  }
  const m1 = t.charCodeAt(5) - 48;
  const m2 = t.charCodeAt(6) - 48;
  const d1 = t.charCodeAt(8) - 48;
  const d2 = t.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** A calendar day, 'YYYY-MM-DD'. A time of day in the source is dropped: day-level fields are compared as days. */
export function readDate(raw: RawCell, opts: DateOptions = {}): Read<string> {
  if (typeof raw === 'string' && isIsoDay(raw)) return raw;
  const p = parseDateParts(raw, opts);
  return p.ok ? formatDay(p.value) : p;
}
export function parseDate(raw: RawCell, opts: DateOptions = {}): Parsed<string> {
  return wrap(readDate(raw, opts));
}

/** 'YYYY-MM-DDTHH:mm:ss' where the source had a time, else 'YYYY-MM-DD'. No time-zone conversion: times are as written. */
export function readDateTime(raw: RawCell, opts: DateOptions = {}): Read<string> {
  if (typeof raw === 'string' && isIsoDay(raw)) return raw;
  const p = parseDateParts(raw, opts);
  if (!p.ok) return p;
  const { time } = p.value;
  return time === null ? formatDay(p.value) : `${formatDay(p.value)}T${pad2(time.h)}:${pad2(time.mi)}:${pad2(time.s)}`;
}
export function parseDateTime(raw: RawCell, opts: DateOptions = {}): Parsed<string> {
  return wrap(readDateTime(raw, opts));
}

/** A period (usage month): a full date, or a year and month (2024-03, 2024年3月, 202403) meaning its first day. */
export function readPeriod(raw: RawCell, opts: DateOptions = {}): Read<string> {
  if (typeof raw === 'string') {
    const t = cleanText(raw);
    const g = YEAR_MONTH.exec(t);
    if (g) {
      const y = Number(g[1]);
      const m = Number(g[2] ?? g[3] ?? g[4]);
      const bad = checkDay(y, m, 1, t);
      return bad ?? `${y}-${pad2(m)}-01`;
    }
  }
  return readDate(raw, opts);
}
export function parsePeriod(raw: RawCell, opts: DateOptions = {}): Parsed<string> {
  return wrap(readPeriod(raw, opts));
}
