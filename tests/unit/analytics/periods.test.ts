import { describe, expect, it } from 'vitest';
import {
  fromDay,
  periodAt,
  periodEndDay,
  periodIndexOf,
  periodKey,
  periodStartDay,
  periodsBetween,
  periodsEndingAt,
  toDay,
  type Grain,
} from '../../../shared/analytics';

describe('days', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['2024-02-29', 19782],
    ['2024-03-01T23:59:00', 19783],
  ])('toDay(%s) = %i and back', (iso, day) => {
    expect(toDay(iso)).toBe(day);
    expect(fromDay(day)).toBe(iso.slice(0, 10));
  });
  it('is NaN for an unreadable date', () => expect(toDay('1.3.2024')).toBeNaN());
});

describe('periods', () => {
  it.each<[string, Grain, string, string, string]>([
    ['2024-03-15', 'month', '2024-03', '2024-03-01', '2024-03-31'],
    ['2024-02-10', 'month', '2024-02', '2024-02-01', '2024-02-29'],
    ['2024-03-15', 'quarter', '2024-Q1', '2024-01-01', '2024-03-31'],
    ['2024-11-30', 'quarter', '2024-Q4', '2024-10-01', '2024-12-31'],
    ['2024-03-15', 'year', '2024', '2024-01-01', '2024-12-31'],
    ['1969-12-31', 'month', '1969-12', '1969-12-01', '1969-12-31'],
  ])('%s in a %s is %s = [%s, %s]', (date, grain, key, start, end) => {
    const i = periodIndexOf(toDay(date), grain);
    expect(periodKey(i, grain)).toBe(key);
    expect(fromDay(periodStartDay(i, grain))).toBe(start);
    expect(fromDay(periodEndDay(i, grain))).toBe(end);
  });

  it('flags the last period partial when the as-of date is inside it, and measures up to the as-of date', () => {
    const ps = periodsEndingAt('2024-03-15', 'month', 3);
    expect(ps.map((p) => [p.key, p.partial, fromDay(p.measureEndDay)])).toEqual([
      ['2024-01', false, '2024-01-31'],
      ['2024-02', false, '2024-02-29'],
      ['2024-03', true, '2024-03-15'],
    ]);
  });

  it('does not flag a period whose last day is the as-of date', () => {
    expect(periodsEndingAt('2024-03-31', 'month', 1)[0]).toMatchObject({ key: '2024-03', partial: false });
    expect(periodAt(periodIndexOf(toDay('2024-12-31'), 'year'), 'year', toDay('2024-12-31')).partial).toBe(false);
  });

  it('lists every period between two dates, at any grain', () => {
    expect(periodsBetween('2023-11-20', '2024-02-10', 'quarter').map((p) => [p.key, p.start, p.end, p.partial])).toEqual([
      ['2023-Q4', '2023-10-01', '2023-12-31', false],
      ['2024-Q1', '2024-01-01', '2024-03-31', true],
    ]);
    expect(periodsBetween('2022-06-01', '2024-01-01', 'year').map((p) => p.key)).toEqual(['2022', '2023', '2024']);
  });
});

describe('calendar arithmetic', () => {
  it('agrees with Date for every day from 1960 to 2060', () => {
    for (let day = toDay('1960-01-01'); day <= toDay('2060-12-31'); day += 1) {
      const d = new Date(day * 86_400_000);
      const month = (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
      const i = periodIndexOf(day, 'month');
      if (i !== month) throw new Error(`month of ${fromDay(day)}: ${i} != ${month}`);
      if (d.getUTCDate() === 1 && periodStartDay(i, 'month') !== day) throw new Error(`start of ${fromDay(day)}`);
    }
  });
});
