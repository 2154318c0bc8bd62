// The outcome-based fee on terms with tiers, a cap and a floor.
import { describe, expect, it } from 'vitest';
import { feeFor, feeSensitivity, improvementPoints, validateFeeTerms, type FeeTerms } from '../../../shared/impact/fee';

// Retention from 80% to 86.5% = 6.5 points. Bands: 0–2 points at 10,000/pt, 2–5 at 20,000/pt, over 5
// at 30,000/pt; fixed 50,000; cap 250,000; floor 60,000.
const tiered = {
  indicator: 'strategicRetention',
  baseline: 0.8,
  measurementDate: '2026-12-31',
  grain: 'year',
  fixedFee: 50_000,
  schedule: {
    kind: 'tiers',
    tiers: [
      { fromPoints: 0, toPoints: 2, ratePerPoint: 10_000 },
      { fromPoints: 2, toPoints: 5, ratePerPoint: 20_000 },
      { fromPoints: 5, toPoints: null, ratePerPoint: 30_000 },
    ],
  },
  cap: 250_000,
  floor: 60_000,
};

const valid = (input: unknown): FeeTerms => {
  const v = validateFeeTerms(input);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.terms;
};

describe('fee schedule', () => {
  const terms = valid(tiered);
  it('bands are marginal, like a tax table', () => {
    const points = improvementPoints(0.8, 0.865, 'percent');
    expect(points).toBeCloseTo(6.5, 10);
    const f = feeFor(points, terms);
    expect(f.bands.map((b) => b.points)).toEqual([2, 3, expect.closeTo(1.5, 10)]);
    // 2 × 10,000 + 3 × 20,000 + 1.5 × 30,000 = 125,000; + 50,000 fixed = 175,000 (between floor and cap)
    expect(f.variable).toBeCloseTo(125_000, 6);
    expect(f.fee).toBeCloseTo(175_000, 6);
    expect(f.limitedBy).toBeNull();
  });
  it('the cap holds a large improvement', () => {
    const f = feeFor(12, terms); // 20,000 + 60,000 + 210,000 + 50,000 = 340,000 → 250,000
    expect(f.beforeLimits).toBeCloseTo(340_000, 6);
    expect(f.fee).toBe(250_000);
    expect(f.limitedBy).toBe('cap');
  });
  it('the floor holds when retention fell: the shared risk', () => {
    const f = feeFor(improvementPoints(0.8, 0.78, 'percent'), terms);
    expect(f.points).toBeCloseTo(-2, 10);
    expect(f.earningPoints).toBe(0);
    expect(f.variable).toBe(0);
    expect(f.fee).toBe(60_000);
    expect(f.limitedBy).toBe('floor');
  });
  it('per point, NPS in points', () => {
    const t = valid({ indicator: 'nps', baseline: 10, measurementDate: '2026-12-31', schedule: { kind: 'perPoint', ratePerPoint: 1000 } });
    expect(feeFor(improvementPoints(10, 17.5, 'points'), t).fee).toBe(7500);
    expect(t.grain).toBe('quarter');
    expect(t.floor).toBe(0);
  });
  it('the sensitivity table brackets the actual improvement', () => {
    const rows = feeSensitivity(0.8, 6.5, 'percent', terms);
    const actual = rows.find((r) => r.actual);
    expect(actual?.fee).toBeCloseTo(175_000, 6);
    expect(actual?.value).toBeCloseTo(0.865, 10);
    expect(rows[0]?.limitedBy).toBe('floor');
    expect(rows.at(-1)?.limitedBy).toBe('cap');
    expect(rows.map((r) => r.points)).toEqual([...rows.map((r) => r.points)].sort((a, b) => a - b));
  });
});

describe('terms checked with a field and a reason', () => {
  const issues = (input: unknown) => {
    const v = validateFeeTerms(input);
    return v.ok ? [] : v.issues.map((i) => [i.field, i.reason]);
  };
  it('cap below floor', () => expect(issues({ ...tiered, cap: 10_000 })).toEqual([['cap', 'capBelowFloor']]));
  it('bands with a gap, an empty band, a first band not at 0', () => {
    const tiers = [
      { fromPoints: 1, toPoints: 2, ratePerPoint: 1 },
      { fromPoints: 3, toPoints: 3, ratePerPoint: 1 },
    ];
    expect(issues({ ...tiered, schedule: { kind: 'tiers', tiers } })).toEqual([
      ['schedule.tiers.0.fromPoints', 'firstBandNotZero'],
      ['schedule.tiers.1', 'emptyBand'],
      ['schedule.tiers.1.fromPoints', 'bandGap'],
    ]);
  });
  it('an unknown indicator, a bad date, a negative rate', () => {
    expect(issues({ ...tiered, indicator: 'profit' })[0]).toEqual(['indicator', 'schema']);
    expect(issues({ ...tiered, measurementDate: '2026-13-01' })[0]).toEqual(['measurementDate', 'schema']);
    expect(issues({ ...tiered, schedule: { kind: 'perPoint', ratePerPoint: -1 } })[0]).toEqual(['schedule.ratePerPoint', 'schema']);
  });
});
