import { describe, expect, it } from 'vitest';
import {
  excelSerialToParts,
  parseBoolean,
  parseDate,
  parseDateTime,
  parseEnum,
  parseInteger,
  parseMoney,
  parseNps,
  parseNumber,
  parsePeriod,
  parseTags,
  parseText,
  type Parsed,
} from '../../../shared/import/values';
import type { RawCell } from '../../../shared/import/text';

function value<T>(p: Parsed<T>): T {
  if (!p.ok) throw new Error(`expected ok, got ${p.code} ${JSON.stringify(p.params)}`);
  return p.value;
}
function code<T>(p: Parsed<T>): string {
  if (p.ok) throw new Error(`expected an error, got ${JSON.stringify(p.value)}`);
  return p.code;
}

describe('parseDate', () => {
  it.each<[RawCell, string]>([
    ['2024-03-01', '2024-03-01'],
    ['2024/3/1', '2024-03-01'],
    ['2024.3.1', '2024-03-01'],
    ['2024-3-1', '2024-03-01'],
    ['2024年3月1日', '2024-03-01'],
    ['2024年03月01号', '2024-03-01'],
    ['20240301', '2024-03-01'],
    [20240301, '2024-03-01'], // ERP number cell
    ['２０２４－０３－０１', '2024-03-01'], // full-width
    ['  2024/03/01  ', '2024-03-01'],
    ['2024-03-01 14:30:00', '2024-03-01'], // time dropped for day fields
    ['2024-03-01T14:30:00', '2024-03-01'],
    ['2024/3/1 下午 2:30', '2024-03-01'],
    ['2024-02-29', '2024-02-29'], // leap year
    ['2000-02-29', '2000-02-29'], // divisible by 400
    ['1 Mar 2024', '2024-03-01'],
    ['01-Mar-2024', '2024-03-01'],
    ['March 1, 2024', '2024-03-01'],
    ['25/12/2024', '2024-12-25'], // day > 12 decides the order
    ['12/25/2024', '2024-12-25'],
    ['3/3/2024', '2024-03-03'], // same either way
    // Excel serials: 45352 = 2024-03-01 (checked in Excel: =DATE(2024,3,1) shows 45352).
    [45352, '2024-03-01'],
    ['45352', '2024-03-01'],
    [45352.75, '2024-03-01'],
    [61, '1900-03-01'],
    [59, '1900-02-28'],
    [1, '1900-01-01'],
  ])('%j -> %s', (raw, expected) => {
    expect(value(parseDate(raw))).toBe(expected);
  });

  it.each<[RawCell, string]>([
    ['2024-02-30', 'date_impossible'],
    ['2023-02-29', 'date_impossible'],
    ['1900-02-29', 'date_impossible'], // 1900 is not a leap year
    ['2024-13-01', 'date_impossible'],
    ['2024-00-10', 'date_impossible'],
    ['2024年4月31日', 'date_impossible'],
    ['20240230', 'date_impossible'],
    ['2024-03-01 25:00', 'time_impossible'],
    ['2024-03-01 12:61', 'time_impossible'],
    [60, 'date_impossible'], // Excel's 1900-02-29 that never was
    ['03/04/2024', 'date_ambiguous'],
    ['31/13/2024', 'date_impossible'],
    ['1899-12-31', 'date_out_of_range'],
    ['2300-01-01', 'date_out_of_range'],
    [0, 'date_out_of_range'],
    [-5, 'date_out_of_range'],
    ['2024', 'date_unrecognised'], // a year is not a day, nor serial 2024
    ['24-03-01', 'date_unrecognised'], // two-digit years are not guessed
    ['下周一', 'date_unrecognised'],
    ['2024-03/01', 'date_unrecognised'],
    ['#N/A', 'excel_error'],
    ['', 'value_required'],
    ['   ', 'value_required'],
    [null, 'value_required'],
    [true, 'date_unrecognised'],
  ])('%j is rejected with %s', (raw, expected) => {
    expect(code(parseDate(raw))).toBe(expected);
  });

  it('reads d/m/y or m/d/y when told which', () => {
    expect(value(parseDate('03/04/2024', { slashOrder: 'dmy' }))).toBe('2024-04-03');
    expect(value(parseDate('03/04/2024', { slashOrder: 'mdy' }))).toBe('2024-03-04');
  });

  it('uses the 1904 date system when the workbook does', () => {
    expect(value(parseDate(0, { date1904: true }))).toBe('1904-01-01');
    expect(value(parseDate(43890, { date1904: true }))).toBe('2024-03-01'); // 45352 - 1462
  });
});

describe('parseDateTime', () => {
  it.each<[RawCell, string]>([
    ['2024-03-01', '2024-03-01'],
    ['2024-03-01 14:30', '2024-03-01T14:30:00'],
    ['2024-03-01 14:30:15', '2024-03-01T14:30:15'],
    ['2024-03-01T14:30:15.123Z', '2024-03-01T14:30:15'], // as written, no zone shift
    ['2024/3/1 9:05', '2024-03-01T09:05:00'],
    ['2024/3/1 下午 2:30', '2024-03-01T14:30:00'],
    ['2024/3/1 上午 12:10', '2024-03-01T00:10:00'],
    ['2024/3/1 2:30 PM', '2024-03-01T14:30:00'],
    ['2024年3月1日 14时30分', '2024-03-01T14:30:00'],
    ['2024年3月1日 14:30:05', '2024-03-01T14:30:05'],
    ['20240301143005', '2024-03-01T14:30:05'],
    ['20240301 14:30', '2024-03-01T14:30:00'],
    [45352.604166666664, '2024-03-01T14:30:00'], // 14:30 = 0.6041666...
    [45352.5, '2024-03-01T12:00:00'],
    [45352.99999999, '2024-03-02T00:00:00'], // rounds to the next midnight, not 23:59:60
    ['2024-03-01 00:00:00', '2024-03-01T00:00:00'],
  ])('%j -> %s', (raw, expected) => {
    expect(value(parseDateTime(raw))).toBe(expected);
  });

  it('rejects 13 PM', () => {
    expect(code(parseDateTime('2024/3/1 13:00 PM'))).toBe('time_impossible');
  });
});

describe('parsePeriod', () => {
  it.each<[RawCell, string]>([
    ['2024-03', '2024-03-01'],
    ['2024/3', '2024-03-01'],
    ['2024年3月', '2024-03-01'],
    ['202403', '2024-03-01'],
    ['2024-03-15', '2024-03-15'],
    [45352, '2024-03-01'],
  ])('%j -> %s', (raw, expected) => {
    expect(value(parsePeriod(raw))).toBe(expected);
  });
  it('rejects month 13', () => {
    expect(code(parsePeriod('2024-13'))).toBe('date_impossible');
  });
});

describe('parseMoney', () => {
  it.each<[RawCell, number]>([
    ['1234.50', 1234.5],
    ['-1234.5', -1234.5],
    ['¥1,234.50', 1234.5],
    ['￥1,234.50', 1234.5],
    ['1,234.50元', 1234.5],
    ['RMB 1,234.50', 1234.5],
    ['CNY1234', 1234],
    ['人民币1234元', 1234],
    ['1.2万', 12000],
    ['1.15万', 11500], // exact, not 11499.999999999998
    ['1.2万元', 12000],
    ['¥1.2万', 12000],
    ['3亿', 300000000],
    ['2.5千', 2500],
    ['5k', 5000],
    ['1.5w', 15000],
    ['(1,234.00)', -1234],
    ['（1,234.00）', -1234], // full-width parentheses
    ['¥(1,234.00)', -1234],
    ['-1,234', -1234],
    ['−1,234', -1234], // U+2212 minus sign
    ['-¥1,234.50', -1234.5],
    ['¥-1,234.50', -1234.5],
    ['1,234.00-', -1234], // SAP trailing minus
    ['１２３４．５', 1234.5],
    ['１，２３４．５０元', 1234.5],
    ['1,234,567.89', 1234567.89],
    ['0', 0],
    ['.5', 0.5],
    ['1.2E+05', 120000], // Excel's CSV export of a large number
    [1234.5, 1234.5],
    [-20, -20],
  ])('%j -> %d', (raw, expected) => {
    expect(value(parseMoney(raw))).toBe(expected);
  });

  it.each<[RawCell, string]>([
    ['1,23', 'money_bad_grouping'],
    ['12,3456.00', 'money_bad_grouping'],
    ['1.234,56', 'money_unrecognised'], // a decimal comma is not guessed
    ['abc', 'money_unrecognised'],
    ['12%', 'money_unrecognised'],
    ['1.2.3', 'money_unrecognised'],
    ['--5', 'money_unrecognised'],
    ['(-5)', 'money_unrecognised'],
    ['元', 'money_unrecognised'],
    ['万', 'money_unrecognised'],
    ['$1,234.50', 'money_other_currency'],
    ['1234美元', 'money_other_currency'],
    ['¥5美元', 'money_unrecognised'],
    ['', 'value_required'],
    [null, 'value_required'],
    [true, 'money_unrecognised'],
    ['#VALUE!', 'excel_error'],
  ])('%j is rejected with %s', (raw, expected) => {
    expect(code(parseMoney(raw))).toBe(expected);
  });

  it('accepts another currency when it is the engagement currency', () => {
    expect(value(parseMoney('$1,234.50', { currency: 'USD' }))).toBe(1234.5);
    expect(code(parseMoney('¥1,234.50', { currency: 'USD' }))).toBe('money_other_currency');
  });
});

describe('parseNumber and parseInteger', () => {
  it.each<[RawCell, number]>([
    ['3', 3],
    ['1,200', 1200],
    ['５件', 5],
    ['10箱', 10],
    ['2.5', 2.5],
    ['1.2万', 12000],
    ['-3', -3],
    [7, 7],
  ])('number %j -> %d', (raw, expected) => {
    expect(value(parseNumber(raw))).toBe(expected);
  });
  it('rejects currency in a plain number and non-numbers', () => {
    expect(code(parseNumber('¥5'))).toBe('number_unrecognised');
    expect(code(parseNumber('三'))).toBe('number_unrecognised');
    expect(code(parseNumber('12%'))).toBe('number_unrecognised');
  });
  it('integers must be whole', () => {
    expect(value(parseInteger('12'))).toBe(12);
    expect(value(parseInteger('12.0'))).toBe(12);
    expect(code(parseInteger('12.5'))).toBe('number_not_integer');
  });
});

describe('parseNps', () => {
  it.each<[RawCell, number]>([
    ['0', 0],
    ['10', 10],
    ['9分', 9],
    ['９', 9],
    [7, 7],
    ['8.0', 8],
  ])('%j -> %d', (raw, expected) => {
    expect(value(parseNps(raw))).toBe(expected);
  });
  it.each<[RawCell, string]>([
    ['11', 'nps_out_of_range'],
    ['-1', 'nps_out_of_range'],
    ['8.5', 'nps_out_of_range'],
    ['很好', 'number_unrecognised'],
    ['', 'value_required'],
  ])('%j is rejected with %s', (raw, expected) => {
    expect(code(parseNps(raw))).toBe(expected);
  });
});

describe('parseBoolean', () => {
  it.each<[RawCell, boolean]>([
    ['是', true],
    ['否', false],
    ['Y', true],
    ['n', false],
    ['Yes', true],
    ['NO', false],
    ['true', true],
    ['FALSE', false],
    ['1', true],
    ['0', false],
    ['有', true],
    ['无', false],
    ['√', true],
    ['×', false],
    ['Ｙ', true],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
  ])('%j -> %s', (raw, expected) => {
    expect(value(parseBoolean(raw))).toBe(expected);
  });
  it.each<[RawCell, string]>([
    ['也许', 'boolean_unrecognised'],
    ['2', 'boolean_unrecognised'],
    [2, 'boolean_unrecognised'],
    ['', 'value_required'],
  ])('%j is rejected with %s', (raw, expected) => {
    expect(code(parseBoolean(raw))).toBe(expected);
  });
});

describe('parseEnum, parseText, parseTags', () => {
  const period = { month: ['月', '按月', 'monthly'], year: ['年', '按年', 'annual'] };
  it('maps synonyms to the canonical value', () => {
    expect(value(parseEnum('按年', period))).toBe('year');
    expect(value(parseEnum('Monthly', period))).toBe('month');
    expect(value(parseEnum('month', period))).toBe('month');
    const bad = parseEnum('季度', period);
    expect(bad).toEqual({ ok: false, code: 'enum_unrecognised', params: { value: '季度', allowed: 'month, year' } });
  });
  it('keeps text as written, numbers without .0', () => {
    expect(value(parseText('  上海某某科技  '))).toBe('上海某某科技');
    expect(value(parseText(1001))).toBe('1001');
    expect(code(parseText('#N/A'))).toBe('excel_error');
  });
  it('splits tags on Chinese and ASCII separators', () => {
    expect(value(parseTags('VIP,华东；重点、VIP'))).toEqual(['VIP', '华东', '重点']);
  });
});

describe('excelSerialToParts', () => {
  it('converts serials with times to whole seconds', () => {
    expect(value(excelSerialToParts(45352.604166666664))).toEqual({ y: 2024, m: 3, d: 1, time: { h: 14, mi: 30, s: 0 } });
  });
});
