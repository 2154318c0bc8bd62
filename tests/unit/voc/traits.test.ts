import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, fisherUpperTail, overRepresentedTraits } from '../../../shared/churn-review/traits';
import { revenueRates } from '../../../shared/churn-review/rates';

describe('over-represented traits', () => {
  // Hand-built: 100 customers, 20 churned. 30 have the trait: 12 churned, 18 retained.
  it('share ratio, churn-rate lift and the one-sided Fisher p on a hand-built example', () => {
    const { traits, belowSupport } = overRepresentedTraits(
      [
        { dimension: 'segment', value: '小型', churnedWith: 12, retainedWith: 18 },
        { dimension: 'segment', value: '大型', churnedWith: 4, retainedWith: 40 }, // under the support floor of 5
        { dimension: 'owner', value: '王五', churnedWith: 5, retainedWith: 25 },
      ],
      20,
      80,
      { minSupport: 5, alpha: 0.1 },
    );
    expect(belowSupport).toBe(1);
    const t = traits[0]!;
    expect(t.value).toBe('小型');
    expect(t.shareChurned).toBeCloseTo(60, 9); // 12/20
    expect(t.shareRetained).toBeCloseTo(22.5, 9); // 18/80
    expect(t.shareRatio).toBeCloseTo(60 / 22.5, 9); // 2.667
    expect(t.churnRateWith).toBeCloseTo(40, 9); // 12/30
    expect(t.churnRateOverall).toBeCloseTo(20, 9);
    expect(t.lift).toBeCloseTo(2, 9);
    // scipy.stats.hypergeom.sf(11, 100, 20, 30) = fisher_exact([[12,18],[8,62]], 'greater') = 0.0018306094247240
    expect(t.p).toBeCloseTo(0.001830609424724, 12);
    // 王五: 5 of 30 churned (16.7%) is under the 20% base rate: lift below 1, p = hypergeom.sf(4, 100, 20, 30) = 0.79084
    const w = traits[1]!;
    expect(w.lift).toBeCloseTo(5 / 30 / 0.2, 9);
    expect(w.p).toBeCloseTo(0.7908367991741939, 10);
    // BH over the two tested: q(小型) = min(p·2/1, q(王五)) = 0.00366; q(王五) = 0.7908
    expect(t.q).toBeCloseTo(2 * 0.001830609424724, 12);
    expect(w.q).toBeCloseTo(0.7908367991741939, 10);
  });

  it('Benjamini–Hochberg matches scipy.stats.false_discovery_control', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2, 0.5]);
    [0.05, 0.0666666666666667, 0.0666666666666667, 0.25, 0.5].forEach((x, i) => expect(q[i]).toBeCloseTo(x, 12));
  });

  it('Fisher tail edges', () => {
    expect(fisherUpperTail(0, 20, 30, 100)).toBe(1);
    expect(fisherUpperTail(21, 20, 30, 100)).toBe(0);
    expect(fisherUpperTail(20, 20, 20, 100)).toBeGreaterThan(0);
  });
});

describe('revenue churn and downsell by both Gainsight definitions', () => {
  it('of starting revenue and of revenue due for renewal', () => {
    const r = revenueRates(
      [
        { customerKey: 'A', arrStart: 100, arrEnd: 0, churned: true },
        { customerKey: 'B', arrStart: 200, arrEnd: 150, churned: false },
        { customerKey: 'C', arrStart: 700, arrEnd: 800, churned: false },
      ],
      [
        { contractKey: 'A1', customerKey: 'A', arr: 100, renewedArr: 0, churned: true },
        { contractKey: 'B1', customerKey: 'B', arr: 200, renewedArr: 150, churned: false },
        { contractKey: 'C1', customerKey: 'C', arr: 100, renewedArr: 120, churned: false },
      ],
    );
    expect(r.churnOfStarting).toEqual({ numerator: 100, denominator: 1000, pct: 10 });
    expect(r.downsellOfStarting).toEqual({ numerator: 50, denominator: 1000, pct: 5 });
    expect(r.churnOfDue).toEqual({ numerator: 100, denominator: 400, pct: 25 });
    expect(r.downsellOfDue).toEqual({ numerator: 50, denominator: 400, pct: 12.5 });
    expect(revenueRates([], []).churnOfDue.pct).toBeNull();
  });
});
