// Difference-in-differences on hand-built panels.
import { describe, expect, it } from 'vitest';
import { differenceInDifferences, type PanelRow } from '../../../shared/impact/did';

describe('difference-in-differences', () => {
  // Card & Krueger, "Minimum Wages and Employment", AER 84(4), 1994, Table 3: full-time-equivalent
  // employment per store, New Jersey (treated) 20.44 before and 21.03 after, Pennsylvania (comparison)
  // 23.33 and 21.17; DiD 2.76 (their rounded means give 0.59 − (−2.16) = 2.75). A hand-built panel of
  // four stores per state with exactly those means.
  it('reproduces the minimum-wage estimate from its 2×2 means', () => {
    const rows: PanelRow[] = [];
    const nj = [
      [19.44, 20.03],
      [21.44, 22.03],
      [20.94, 21.53],
      [19.94, 20.53],
    ];
    const pa = [
      [22.33, 20.67],
      [24.33, 21.67],
      [23.83, 20.17],
      [22.83, 22.17],
    ];
    nj.forEach(([b, a], i) =>
      rows.push(
        { unit: `nj${i}`, group: 'treatment', period: '1992-02', value: b as number },
        { unit: `nj${i}`, group: 'treatment', period: '1992-11', value: a as number },
      ),
    );
    pa.forEach(([b, a], i) =>
      rows.push(
        { unit: `pa${i}`, group: 'comparison', period: '1992-02', value: b as number },
        { unit: `pa${i}`, group: 'comparison', period: '1992-11', value: a as number },
      ),
    );
    const r = differenceInDifferences(rows, '1992-11');
    expect(r.treatmentPre).toBeCloseTo(20.44, 10);
    expect(r.treatmentPost).toBeCloseTo(21.03, 10);
    expect(r.comparisonPre).toBeCloseTo(23.33, 10);
    expect(r.comparisonPost).toBeCloseTo(21.17, 10);
    expect(r.estimate).toBeCloseTo(2.75, 10);
    expect(r.prePeriods).toBe(1);
    expect(r.preTrendSlope).toBeNull();
  });

  it('an effect of 5 on parallel trends: estimate 5, flat pre-period gap', () => {
    // Three pre months and two post months; both groups rise by 2 a month, treated start 10 higher,
    // and the treated gain 5 from 2026-04. Unit noise is symmetric so the means stay exact.
    const rows: PanelRow[] = [];
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
    for (let u = 0; u < 6; u += 1) {
      const treated = u < 3;
      const noise = [-1, 0, 1][u % 3] as number;
      months.forEach((m, k) => {
        const value = 100 + 2 * k + (treated ? 10 : 0) + (treated && k >= 3 ? 5 : 0) + noise;
        rows.push({ unit: `c${u}`, group: treated ? 'treatment' : 'comparison', period: m, value });
      });
    }
    // A customer seen only after the start cannot show a change: dropped, and counted.
    rows.push({ unit: 'late', group: 'treatment', period: '2026-05', value: 999 });
    const r = differenceInDifferences(rows, '2026-04');
    expect(r.estimate).toBeCloseTo(5, 10);
    expect(r.unitsDropped).toBe(1);
    expect(r.treatmentUnits).toBe(3);
    expect(r.prePeriods).toBe(3);
    expect(r.preTrendSlope).toBeCloseTo(0, 10);
    const pre = r.periods.filter((p) => !p.post);
    expect(pre.map((p) => p.gap)).toEqual([10, 10, 10]);
    expect(pre.map((p) => p.gapChange)).toEqual([null, 0, 0]);
    expect(r.test.ciLow).toBeLessThanOrEqual(5);
    expect(r.test.ciHigh).toBeGreaterThanOrEqual(5);
  });

  it('diverging pre-trends show as a slope in the gap', () => {
    const rows: PanelRow[] = [];
    ['2026-01', '2026-02', '2026-03', '2026-04'].forEach((m, k) => {
      rows.push({ unit: 't', group: 'treatment', period: m, value: 10 + 3 * k }, { unit: 'c', group: 'comparison', period: m, value: 10 + k });
      rows.push({ unit: 't2', group: 'treatment', period: m, value: 11 + 3 * k }, { unit: 'c2', group: 'comparison', period: m, value: 11 + k });
    });
    const r = differenceInDifferences(rows, '2026-04');
    expect(r.preTrendSlope).toBeCloseTo(2, 10);
    expect(r.periods.filter((p) => !p.post).map((p) => p.gapChange)).toEqual([null, 2, 2]);
  });
});
