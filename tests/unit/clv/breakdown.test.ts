import { describe, expect, it } from 'vitest';
import { clvBreakdown, niceStep, type BreakdownCustomer } from '../../../shared/clv/breakdown';
import { aliveBandLabel, valueBandLabel } from '../../../shared/clv/breakdown-labels';

const order = { segments: ['champions', 'loyal', 'lost'], tiers: ['strategic', 'core', 'potential', 'ordinary'] };
const diag = { id: 7, asOf: '2025-06-30' };

/** 20 customers: CLV 1..20 (book 210), P(alive) i/20, segments and tiers by hand; one not in the diagnostic run; one without a CLV. */
function customers(): BreakdownCustomer[] {
  const rows: BreakdownCustomer[] = [];
  for (let i = 1; i <= 20; i += 1)
    rows.push({ clv: i, pAlive: (i - 1) / 20, segment: i > 15 ? 'champions' : i > 5 ? 'loyal' : 'lost', tier: i === 20 ? null : i > 10 ? 'core' : 'ordinary' });
  rows.push({ clv: null, pAlive: 0.9, segment: 'lost', tier: 'ordinary' });
  return rows;
}

describe('clv breakdown', () => {
  it('shares of the top 10% / 20% of customers by CLV', () => {
    const b = clvBreakdown(3, customers(), diag, order);
    expect(b.customers).toBe(21);
    expect(b.withoutClv).toBe(1);
    expect(b.bookValue).toBe(210);
    // 20 customers with a CLV: the top 10% are 2 (20 + 19 = 39), the top 20% are 4 (20+19+18+17 = 74).
    expect(b.distribution.top10Customers).toBe(2);
    expect(b.distribution.top10Share).toBeCloseTo(39 / 210, 12);
    expect(b.distribution.top20Customers).toBe(4);
    expect(b.distribution.top20Share).toBeCloseTo(74 / 210, 12);
    expect(b.distribution.medianClv).toBe(10.5);
  });

  it('value bands partition the customers with a CLV and the book', () => {
    const b = clvBreakdown(3, customers(), diag, order);
    const bands = b.distribution.bands;
    expect(bands.reduce((s, x) => s + x.customers, 0)).toBe(20);
    expect(bands.reduce((s, x) => s + x.value, 0)).toBeCloseTo(210, 9);
    expect(bands.reduce((s, x) => s + x.valueShare, 0)).toBeCloseTo(1, 12);
    expect(bands.at(-1)?.high).toBeNull();
    for (const x of bands.slice(0, -1)) expect(x.high).toBe(x.low + (bands[1]!.low - bands[0]!.low));
    // Every customer sits in the band its CLV falls in.
    const step = bands[1]!.low;
    expect(bands[0]!.customers).toBe(customers().filter((c) => c.clv !== null && c.clv < step).length);
    expect(valueBandLabel(bands.at(-1)!, String)).toMatch(/^≥ /);
  });

  it('segments and tiers: counts, value, shares of all customers and the book; not in the run last', () => {
    const b = clvBreakdown(3, customers(), diag, order);
    expect(b.segments.map((g) => g.key)).toEqual(['champions', 'loyal', 'lost']);
    const champions = b.segments[0]!;
    expect(champions.customers).toBe(5);
    expect(champions.value).toBe(16 + 17 + 18 + 19 + 20);
    expect(champions.customerShare).toBeCloseTo(5 / 21, 12);
    expect(champions.valueShare).toBeCloseTo(90 / 210, 12);
    const lost = b.segments[2]!;
    expect(lost.customers).toBe(6); // CLV 1..5 and the one without a CLV
    expect(lost.meanClv).toBe(3); // mean over the five with a CLV
    expect(b.tiers.map((g) => g.key)).toEqual(['core', 'ordinary', null]);
    expect(b.tiers[2]).toMatchObject({ key: null, customers: 1, value: 20 });
    expect(b.tiers[1]).toMatchObject({ key: 'ordinary', customers: 11, value: 55 });
  });

  it('no diagnostic run: no segment or tier groups', () => {
    const b = clvBreakdown(3, customers(), null, order);
    expect(b.diagnosticRun).toBeNull();
    expect(b.segments).toEqual([]);
    expect(b.tiers).toEqual([]);
  });

  it('P(alive) bands <25%, 25–50%, 50–75%, >=75% with the edges in the upper band', () => {
    const b = clvBreakdown(3, customers(), diag, order);
    // P(alive) = 0, 0.05, ..., 0.95 and 0.9: five below 0.25, 0.25..0.45 five, 0.5..0.7 five, 0.75..0.95 five + 1.
    expect(b.alive.map((a) => a.customers)).toEqual([5, 5, 5, 6]);
    expect(b.alive.map((a) => a.value)).toEqual([15, 40, 65, 90]);
    expect(b.alive.map(aliveBandLabel)).toEqual(['< 25%', '25% – 50%', '50% – 75%', '≥ 75%']);
    expect(b.alive.reduce((s, a) => s + a.customerShare, 0)).toBeCloseTo(1, 12);
  });

  it('too few customers: no top shares; empty run: no bands, no NaN', () => {
    const few = clvBreakdown(1, customers().slice(0, 5), diag, order);
    expect(few.distribution.top10Share).toBeNull();
    const none = clvBreakdown(1, [], null, order);
    expect(none.distribution.bands).toEqual([]);
    expect(none.distribution.medianClv).toBeNull();
    expect(none.alive.every((a) => a.customers === 0 && a.customerShare === 0 && a.valueShare === 0)).toBe(true);
  });

  it('round steps', () => {
    expect([0.3, 1, 1.5, 3, 7, 12, 4500].map(niceStep)).toEqual([0.5, 1, 2, 5, 10, 20, 5000]);
  });
});
