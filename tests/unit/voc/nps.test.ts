import { describe, expect, it } from 'vitest';
import { csatOf, npsFromCounts, npsIfDetractorsPassive, npsOf, NPS_Z95 } from '../../../shared/voc/nps';
import { periodBounds, periodKey, vocByDimension, vocByPeriod, type VocCustomer, type VocResponse } from '../../../shared/voc/breakdown';

describe('NPS', () => {
  it('0..10 answered once each: 2 promoters, 2 passives, 7 detractors, NPS −45.45 with its multinomial interval', () => {
    const f = npsOf([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(f).toMatchObject({ responses: 11, promoters: 2, passives: 2, detractors: 7, thin: true });
    expect(f.nps).toBeCloseTo(-45.4545, 3);
    // Var = [pP + pD − (pP − pD)²] / n = (9/11 − 25/121) / 11 = 74/1331; se = 100·√(74/1331) = 23.579
    expect(f.se).toBeCloseTo(100 * Math.sqrt(74 / 1331), 9);
    expect(f.se).toBeCloseTo(23.579, 3);
    expect(f.low).toBeCloseTo(-45.4545 - NPS_Z95 * 23.5789, 2); // −91.67
    expect(f.high).toBeCloseTo(0.757, 2);
  });

  it('clips the interval to ±100 and ignores answers off the 0–10 scale', () => {
    const f = npsOf([10, 10, 9, null, 11, -1, Number.NaN]);
    expect(f.responses).toBe(3);
    expect(f.nps).toBe(100);
    expect(f.high).toBe(100);
    expect(f.se).toBe(0);
  });

  it('no answers: no figure', () => {
    expect(npsFromCounts(0, 0, 0)).toMatchObject({ nps: null, low: null, high: null, thin: true });
  });

  it('a theme’s detractors moved to passive raise NPS by 100·d/n', () => {
    const f = npsFromCounts(30, 40, 30); // NPS 0
    expect(npsIfDetractorsPassive(f, 10)).toBeCloseTo(10, 9);
    expect(npsIfDetractorsPassive(f, 999)).toBeCloseTo(30, 9); // never more than the detractors there are
  });

  it('CSAT is the share of 4 and 5 on 1–5, with the mean', () => {
    const c = csatOf([1, 2, 3, 4, 5, 5, null, 0, 6]);
    expect(c).toMatchObject({ responses: 6, satisfied: 3, csat: 50 });
    expect(c.mean).toBeCloseTo(20 / 6, 9);
  });
});

describe('NPS by period and dimension', () => {
  const customers: VocCustomer[] = [
    { customerKey: 'A', name: 'A', firstSeen: '2024-01-01', churnDate: null, dims: { segment: '大型' } },
    { customerKey: 'B', name: 'B', firstSeen: '2024-01-01', churnDate: '2024-02-10', dims: { segment: '大型' } },
    { customerKey: 'C', name: 'C', firstSeen: '2024-05-01', churnDate: null, dims: { segment: '小型' } },
    { customerKey: 'D', name: 'D', firstSeen: '2024-01-01', churnDate: null, dims: { segment: null } },
  ];
  const responses: VocResponse[] = [
    { customerKey: 'A', date: '2024-01-05', nps: 10, csat: 5, comment: null },
    { customerKey: 'A', date: '2024-02-05', nps: 3, csat: 2, comment: '太慢' },
    { customerKey: 'B', date: '2024-02-01', nps: 0, csat: 1, comment: null },
    { customerKey: 'C', date: '2024-05-20', nps: 9, csat: 4, comment: null },
  ];

  it('period keys and bounds', () => {
    expect(periodKey('2026-09-30', 'month')).toBe('2026-09');
    expect(periodKey('2026-09-30', 'quarter')).toBe('2026-Q3');
    expect(periodBounds('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(periodBounds('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodBounds('2026')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('by month: answers counted, respondents distinct, response rate over customers on the book', () => {
    const rows = vocByPeriod(responses, customers, 'month');
    expect(rows.map((r) => r.key)).toEqual(['2024-01', '2024-02', '2024-05']);
    const feb = rows[1]!;
    expect(feb.nps).toMatchObject({ responses: 2, detractors: 2, nps: -100 });
    expect(feb.customerKeys).toEqual(['A', 'B']);
    // A, B (churned 2024-02-10, still on the book in February), D; C arrives in May.
    expect(feb.base).toBe(3);
    expect(feb.responseRate).toBeCloseTo((100 * 2) / 3, 9);
    const may = rows[2]!;
    expect(may.base).toBe(3); // A, C, D (B churned before May)
  });

  it('by segment, with customers without a value under ""', () => {
    const rows = vocByDimension(responses, customers, 'segment');
    const big = rows.find((r) => r.key === '大型')!;
    expect(big.nps.responses).toBe(3);
    expect(big.base).toBe(2);
    expect(big.customerKeys).toEqual(['A', 'B']);
    expect(rows.find((r) => r.key === '小型')!.nps.nps).toBe(100);
  });
});
