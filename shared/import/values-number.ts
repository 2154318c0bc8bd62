// Money and numbers as clients write them: ¥1,234.50, 1.2万, (1,234.00), full-width digits.
import { cleanText, type RawCell } from './text';
import { fail, ok, wrap, textOf, type Parsed, type Read } from './value-result';

// ---------------------------------------------------------------------------------------------
// Money and numbers

export interface MoneyOptions {
  /** The engagement's currency (ISO code). An amount marked with another currency is rejected, not converted. */
  currency?: string;
}

const CURRENCY_PREFIX: ReadonlyArray<readonly [string, string]> = [
  ['人民币', 'CNY'],
  ['rmb', 'CNY'],
  ['cny', 'CNY'],
  ['¥', 'CNY'],
  ['us$', 'USD'],
  ['usd', 'USD'],
  ['hk$', 'HKD'],
  ['hkd', 'HKD'],
  ['$', 'USD'],
  ['eur', 'EUR'],
  ['€', 'EUR'],
  ['gbp', 'GBP'],
  ['£', 'GBP'],
  ['jpy', 'JPY'],
];
// Checked longest first, so 美元 is not read as 元.
const CURRENCY_SUFFIX: ReadonlyArray<readonly [string, string]> = (
  [
    ['人民币', 'CNY'],
    ['元', 'CNY'],
    ['块', 'CNY'],
    ['rmb', 'CNY'],
    ['cny', 'CNY'],
    ['美元', 'USD'],
    ['usd', 'USD'],
    ['港元', 'HKD'],
    ['港币', 'HKD'],
    ['hkd', 'HKD'],
    ['欧元', 'EUR'],
    ['eur', 'EUR'],
    ['英镑', 'GBP'],
    ['gbp', 'GBP'],
    ['日元', 'JPY'],
    ['jpy', 'JPY'],
  ] as Array<readonly [string, string]>
).sort((a, b) => b[0].length - a[0].length);
// Longest first so 千万 wins over 万.
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ['千万', 7],
  ['百万', 6],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
  ['w', 4],
  ['k', 3],
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
  return ok({ negative: signs === 1, currency, exponent, digits: t });
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
