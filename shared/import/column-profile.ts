// What the sample values of one column look like: the evidence for mapping a column by its values
// (a column of dates, of money, of ids) when its header says nothing we know.
import { cleanText, isBlankCell, type RawCell } from './text';
import { parseBoolean, parseDate, parseInteger, parseMoney, parseNps, parseNumber } from './values';

export interface ColumnProfile {
  /** Non-blank sample values. All shares below are over these. */
  nonEmpty: number;
  date: number;
  /** Numbers in the range of Excel serials for 1968-2099 (25000-73000): dates if the header says so. */
  serialLike: number;
  money: number;
  /** Money with a visible money marker: currency, 万/亿, thousands separator or exactly two decimals. */
  moneyMarked: number;
  number: number;
  integer: number;
  boolean: number;
  nps: number;
  /** Short tokens with a digit, no spaces, and a letter or five characters (C0001, 100234): what ids look like. */
  idLike: number;
  distinct: number;
}

const MONEY_MARK = /[¥$€£元万亿]|rmb|cny|\d,\d{3}|\.\d\d$/i;
const ID_LIKE = /^(?=.*\d)[\w\-./#]{2,40}$/;
const DECIMAL = /^\d+\.\d+$/;

function isIdLike(t: string): boolean {
  // Digits-only ids (10023) are kept even though they would also read as serial dates.
  return ID_LIKE.test(t) && !DECIMAL.test(t) && (/[a-z]/i.test(t) || t.length >= 5) && (/^\d+$/.test(t) || !parseDate(t).ok);
}

function isSerialLike(c: RawCell): boolean {
  const v = typeof c === 'number' ? c : typeof c === 'string' && /^\d{5}(\.\d+)?$/.test(cleanText(c)) ? Number(cleanText(c)) : NaN;
  return v >= 25_000 && v <= 73_000;
}

export function profileColumn(values: readonly RawCell[]): ColumnProfile {
  const cells = values.filter((v) => !isBlankCell(v));
  const n = cells.length;
  const share = (pred: (c: RawCell) => boolean): number => (n === 0 ? 0 : cells.filter(pred).length / n);
  const texts = cells.map((c) => cleanText(String(c)));
  return {
    nonEmpty: n,
    // Bare numbers other than 20240301-style days are excluded: quantities would read as serial dates.
    date: share((c) => (typeof c === 'string' ? (/^\d{8}$/.test(cleanText(c)) || !/^\d+(\.\d+)?$/.test(cleanText(c))) && parseDate(c).ok : false)),
    serialLike: share(isSerialLike),
    money: share((c) => parseMoney(c).ok),
    moneyMarked: share((c) => parseMoney(c).ok && (typeof c === 'number' ? !Number.isInteger(c) : MONEY_MARK.test(cleanText(c as string)))),
    number: share((c) => parseNumber(c).ok),
    integer: share((c) => parseInteger(c).ok),
    boolean: share((c) => parseBoolean(c).ok),
    nps: share((c) => parseNps(c).ok),
    idLike: n === 0 ? 0 : texts.filter(isIdLike).length / n,
    distinct: n === 0 ? 0 : new Set(texts).size / n,
  };
}

/**
 * Day-first or month-first for a column of n/n/yyyy dates, decided by the values that can only be read one
 * way (25/12/2024 is day-first). Undefined when nothing decides it or the column contradicts itself.
 */
export function inferSlashOrder(values: readonly RawCell[]): 'mdy' | 'dmy' | undefined {
  let dmy = false;
  let mdy = false;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const g = /^(\d{1,2})[-/.](\d{1,2})[-/.]\d{4}/.exec(cleanText(v));
    if (!g) continue;
    const a = Number(g[1]);
    const b = Number(g[2]);
    if (a > 12 && b <= 12) dmy = true;
    if (b > 12 && a <= 12) mdy = true;
  }
  return dmy === mdy ? undefined : dmy ? 'dmy' : 'mdy';
}
