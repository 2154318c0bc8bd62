// Value parsers for client exports. Each returns {ok:true,value} or {ok:false,code,params}: a value
// that cannot be read is an error for its row (the reject table shows the code and the raw value),
// never a silent zero or null. Blank cells are the caller's business (see field-parser.ts): a parser
// handed a blank cell answers 'value_required'.
import { cleanText, type RawCell } from './text';

export type ValueErrorCode =
  | 'value_required'
  | 'excel_error'
  | 'date_unrecognised'
  | 'date_impossible'
  | 'date_out_of_range'
  | 'date_ambiguous'
  | 'time_impossible'
  | 'money_unrecognised'
  | 'money_bad_grouping'
  | 'money_other_currency'
  | 'number_unrecognised'
  | 'number_not_integer'
  | 'number_out_of_range'
  | 'boolean_unrecognised'
  | 'nps_out_of_range'
  | 'enum_unrecognised'
  | 'text_too_long';

export type ValueErrorParams = Record<string, string | number>;
export interface ValueError {
  ok: false;
  code: ValueErrorCode;
  params: ValueErrorParams;
}
export interface ValueOk<T> {
  ok: true;
  value: T;
}
export type Parsed<T> = ValueOk<T> | ValueError;

export function fail(code: ValueErrorCode, params: ValueErrorParams = {}): ValueError {
  return { ok: false, code, params };
}
function ok<T>(value: T): ValueOk<T> {
  return { ok: true, value };
}

/**
 * The per-cell form: the value itself, or a ValueError. Success allocates nothing, which matters over
 * ten million cells (the garbage collector was a sixth of an import's time with a wrapper per cell).
 * Values are strings, numbers, booleans or string arrays, never objects with ok:false, so the two
 * cannot be confused.
 */
export type Read<T> = T | ValueError;

export function isValueError(r: unknown): r is ValueError {
  return typeof r === 'object' && r !== null && !Array.isArray(r) && (r as { ok?: unknown }).ok === false;
}

function wrap<T>(r: Read<T>): Parsed<T> {
  return isValueError(r) ? r : { ok: true, value: r };
}

const EXCEL_ERRORS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA']);

/** Cell text ready for parsing, or an error for blanks and Excel error values (#N/A ...). No wrapper object: this runs per cell. */
function textOf(raw: RawCell): string | ValueError {
  if (raw === null) return fail('value_required');
  const t = cleanText(typeof raw === 'string' ? raw : String(raw));
  if (t.length === 0) return fail('value_required');
  if (t.charCodeAt(0) === 35 /* # */ && EXCEL_ERRORS.has(t.toUpperCase())) return fail('excel_error', { value: t });
  return t;
}

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
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
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
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2_958_466) return fail('date_out_of_range', { value: raw, min: MIN_YEAR, max: MAX_YEAR });
  let day = Math.floor(serial);
  // Round the fraction to whole seconds: 14:30 is stored as 0.6041666...
  let secs = Math.round((serial - day) * 86_400);
  if (secs === 86_400) {
    day += 1;
    secs = 0;
  }
  if (!date1904 && day === 60) return fail('date_impossible', { value: raw });
  const ms = date1904 ? EPOCH_1904 + day * MS_PER_DAY : (day < 60 ? EPOCH_1900 + (day + 1) * MS_PER_DAY : EPOCH_1900 + day * MS_PER_DAY);
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

// ---------------------------------------------------------------------------------------------
// Money and numbers

export interface MoneyOptions {
  /** The engagement's currency (ISO code). An amount marked with another currency is rejected, not converted. */
  currency?: string;
}

const CURRENCY_PREFIX: ReadonlyArray<readonly [string, string]> = [
  ['人民币', 'CNY'], ['rmb', 'CNY'], ['cny', 'CNY'], ['¥', 'CNY'],
  ['us$', 'USD'], ['usd', 'USD'], ['hk$', 'HKD'], ['hkd', 'HKD'], ['$', 'USD'],
  ['eur', 'EUR'], ['€', 'EUR'], ['gbp', 'GBP'], ['£', 'GBP'], ['jpy', 'JPY'],
];
// Checked longest first, so 美元 is not read as 元.
const CURRENCY_SUFFIX: ReadonlyArray<readonly [string, string]> = ([
  ['人民币', 'CNY'], ['元', 'CNY'], ['块', 'CNY'], ['rmb', 'CNY'], ['cny', 'CNY'],
  ['美元', 'USD'], ['usd', 'USD'], ['港元', 'HKD'], ['港币', 'HKD'], ['hkd', 'HKD'],
  ['欧元', 'EUR'], ['eur', 'EUR'], ['英镑', 'GBP'], ['gbp', 'GBP'], ['日元', 'JPY'], ['jpy', 'JPY'],
] as Array<readonly [string, string]>).sort((a, b) => b[0].length - a[0].length);
// Longest first so 千万 wins over 万.
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ['千万', 7], ['百万', 6], ['亿', 8], ['万', 4], ['千', 3], ['w', 4], ['k', 3],
];
// Measure words on quantities and counts: 5件, 2台, 10箱, 3次.
const MEASURE_WORD = /[件个台套箱瓶包次人份只支张本条盒袋单笔家户]$/;

const PLAIN_NUMBER = /^\d+(?:\.\d+)?$|^\.\d+$/;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?e[+-]?\d+$/;
const MINUS = /^[-−–]/;

interface AmountText {
  negative: boolean;
  currency: string | null;
  exponent: number;
  digits: string;
}

/** Pull sign, currency, multiplier and parentheses off an amount; what is left must be a plain number. */
function splitAmount(t0: string, allowCurrency: boolean, allowMeasureWord: boolean): Parsed<AmountText> | null {
  let t = t0.toLowerCase().replace(/\s+/g, '');
  let negative = false;
  let currency: string | null = null;
  let exponent = 0;
  const takeParens = (): boolean => {
    if (t.length > 2 && t.startsWith('(') && t.endsWith(')')) {
      t = t.slice(1, -1);
      return true;
    }
    return false;
  };
  const takeMinus = (): boolean => {
    if (MINUS.test(t)) {
      t = t.slice(1);
      return true;
    }
    if (t.startsWith('+')) t = t.slice(1);
    return false;
  };
  let signs = 0;
  if (takeParens()) signs++;
  if (takeMinus()) signs++;
  if (allowCurrency) {
    for (const [token, code] of CURRENCY_PREFIX) {
      if (t.startsWith(token)) {
        currency = code;
        t = t.slice(token.length);
        break;
      }
    }
    if (takeMinus()) signs++;
    if (takeParens()) signs++;
    for (const [token, code] of CURRENCY_SUFFIX) {
      if (t.endsWith(token)) {
        if (currency !== null && currency !== code) return fail('money_unrecognised', { value: t0 });
        currency = code;
        t = t.slice(0, -token.length);
        break;
      }
    }
  }
  if (allowMeasureWord && MEASURE_WORD.test(t)) t = t.slice(0, -1);
  for (const [token, exp] of MULTIPLIERS) {
    if (t.endsWith(token) && t.length > token.length) {
      exponent = exp;
      t = t.slice(0, -token.length);
      break;
    }
  }
  // SAP and some ERPs write negatives with a trailing minus: 1,234.00-
  if (t.length > 1 && t.endsWith('-')) {
    t = t.slice(0, -1);
    signs++;
  }
  if (signs > 1) return fail(allowCurrency ? 'money_unrecognised' : 'number_unrecognised', { value: t0 });
  negative = signs === 1;
  return ok({ negative, currency, exponent, digits: t });
}

/** -?digits(.digits)? by char codes (a regex per cell is measurable over a million rows). */
function isPlainDecimal(t: string): boolean {
  const n = t.length;
  let i = t.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let dot = -1;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && dot < 0) dot = i;
    else return false;
  }
  // '5.' and '.5' go the slow way ('.5' is accepted there, '5.' is not).
  return digits > 0 && dot !== n - 1 && dot !== (t.charCodeAt(0) === 45 ? 1 : 0);
}

/** Shift the decimal point right by `exponent` places on the digit string, so 1.15万 is 11500 exactly. */
function scaleDecimal(digits: string, exponent: number): number {
  if (exponent === 0) return Number(digits);
  const [intPart = '', fracPart = ''] = digits.split('.');
  const moved = fracPart.padEnd(exponent, '0');
  const whole = `${intPart}${moved.slice(0, exponent)}`;
  const rest = moved.slice(exponent);
  return Number(rest.length > 0 ? `${whole}.${rest}` : whole);
}

function readAmount(raw: RawCell, allowCurrency: boolean, opts: MoneyOptions, allowMeasureWord: boolean): Read<number> {
  const bad = allowCurrency ? 'money_unrecognised' : 'number_unrecognised';
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : fail(bad, { value: String(raw) });
  if (typeof raw === 'boolean') return fail(bad, { value: String(raw) });
  const t = textOf(raw);
  if (typeof t !== 'string') return t;
  // Fast path: the plain decimals that make up most large exports.
  if (isPlainDecimal(t)) return Number(t);
  const split = splitAmount(t, allowCurrency, allowMeasureWord);
  if (split === null) return fail(bad, { value: t });
  if (!split.ok) return split;
  const { negative, currency, exponent, digits } = split.value;
  const expected = opts.currency ?? 'CNY';
  if (currency !== null && currency !== expected) return fail('money_other_currency', { value: t, currency, expected });
  let value: number;
  if (PLAIN_NUMBER.test(digits)) value = scaleDecimal(digits, exponent);
  else if (GROUPED_NUMBER.test(digits)) value = scaleDecimal(digits.replace(/,/g, ''), exponent);
  else if (exponent === 0 && SCIENTIFIC.test(digits)) value = Number(digits);
  // Commas that are not thousands groups (1,23 or 12,3456) may be a decimal comma or a typo: reject, never guess.
  else if (/^[\d,]+(?:\.\d+)?$/.test(digits) && digits.includes(',')) return fail(allowCurrency ? 'money_bad_grouping' : 'number_unrecognised', { value: t });
  else return fail(bad, { value: t });
  if (!Number.isFinite(value)) return fail(bad, { value: t });
  return negative && value !== 0 ? -value : value;
}

/** ¥1,234.50, 1,234.50元, RMB 1234.5, 1.2万, 3亿, (1,234.00), -1,234, 1,234.00-, １２３４．５ -> a number. */
export function readMoney(raw: RawCell, opts: MoneyOptions = {}): Read<number> {
  return readAmount(raw, true, opts, false);
}
export function parseMoney(raw: RawCell, opts: MoneyOptions = {}): Parsed<number> {
  return wrap(readMoney(raw, opts));
}

/** A decimal number; thousands separators, 万/亿 and a trailing measure word (5件) are accepted. */
export function readNumber(raw: RawCell): Read<number> {
  return readAmount(raw, false, {}, true);
}
export function parseNumber(raw: RawCell): Parsed<number> {
  return wrap(readNumber(raw));
}

export function readInteger(raw: RawCell): Read<number> {
  const n = readNumber(raw);
  if (typeof n !== 'number') return n;
  return Number.isInteger(n) ? n : fail('number_not_integer', { value: String(raw) });
}
export function parseInteger(raw: RawCell): Parsed<number> {
  return wrap(readInteger(raw));
}

export function checkRange(value: number, min: number | undefined, max: number | undefined, raw: RawCell): Read<number> {
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    return fail('number_out_of_range', { value: String(raw), min: min ?? '', max: max ?? '' });
  }
  return value;
}

/** Net Promoter answer: an integer 0-10 (9分 accepted). */
export function readNps(raw: RawCell): Read<number> {
  let cell = raw;
  if (typeof cell === 'string') {
    const t = cleanText(cell);
    cell = t.endsWith('分') ? t.slice(0, -1) : t;
  }
  const n = readNumber(cell);
  if (typeof n !== 'number') return n;
  if (!Number.isInteger(n) || n < 0 || n > 10) return fail('nps_out_of_range', { value: String(raw) });
  return n;
}
export function parseNps(raw: RawCell): Parsed<number> {
  return wrap(readNps(raw));
}

// ---------------------------------------------------------------------------------------------
// Booleans

const TRUE_WORDS = new Set(['是', '有', '对', '已', '需要', 'y', 'yes', 'true', 't', '1', '√', '✓', '✔', '☑']);
const FALSE_WORDS = new Set(['否', '无', '没有', '不是', '错', '未', '不需要', 'n', 'no', 'false', 'f', '0', '×', '✗', '✘', '☐']);

/** 是/否, 有/无, Y/N, yes/no, true/false, 1/0, √/×. Anything else is an error, not false. */
export function readBoolean(raw: RawCell): Read<boolean> {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : fail('boolean_unrecognised', { value: String(raw) });
  const text = textOf(raw);
  if (typeof text !== 'string') return text;
  const t = text.toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return fail('boolean_unrecognised', { value: text });
}
export function parseBoolean(raw: RawCell): Parsed<boolean> {
  return wrap(readBoolean(raw));
}

// ---------------------------------------------------------------------------------------------
// Enums and text

/** Match a value to one of an enum's canonical values through its synonyms (case and width folded). */
export function readEnum(raw: RawCell, values: Readonly<Record<string, readonly string[]>>): Read<string> {
  const text = textOf(raw);
  if (typeof text !== 'string') return text;
  const t = text.toLowerCase().replace(/\s+/g, '');
  for (const [canonical, synonyms] of Object.entries(values)) {
    if (t === canonical.toLowerCase()) return canonical;
    for (const s of synonyms) if (t === s.toLowerCase().replace(/\s+/g, '')) return canonical;
  }
  return fail('enum_unrecognised', { value: text, allowed: Object.keys(values).join(', ') });
}
export function parseEnum(raw: RawCell, values: Readonly<Record<string, readonly string[]>>): Parsed<string> {
  return wrap(readEnum(raw, values));
}

export const MAX_TEXT_LENGTH = 100_000;

/** Text as written (trimmed). Numbers from Excel print without a trailing .0 (an id 1001 stays '1001'). */
export function readText(raw: RawCell): Read<string> {
  const text = textOf(raw);
  if (typeof text !== 'string') return text;
  return text.length > MAX_TEXT_LENGTH ? fail('text_too_long', { max: MAX_TEXT_LENGTH }) : text;
}
export function parseText(raw: RawCell): Parsed<string> {
  return wrap(readText(raw));
}

/** Tags written in one cell: 'VIP,华东；重点' -> ['VIP','华东','重点']. */
export function readTags(raw: RawCell): Read<string[]> {
  const text = textOf(raw);
  if (typeof text !== 'string') return text;
  const tags = text.split(/[,;|、，；\n]+/).map((s) => s.trim()).filter((s) => s.length > 0);
  return [...new Set(tags)];
}
export function parseTags(raw: RawCell): Parsed<string[]> {
  return wrap(readTags(raw));
}
