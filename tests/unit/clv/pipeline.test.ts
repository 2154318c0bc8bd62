// A whole run on the CDNOW lines: the hold-out test comes first and tracks the actual repeat purchases.
import { describe, expect, it } from 'vitest';
import { runClv } from '../../../shared/clv/pipeline';
import { ClvParamsSchema } from '../../../shared/clv/types';
import { cdnowLines } from './cdnow';

describe('CLV run on CDNOW (weeks, 39-week calibration, 39-week hold-out)', () => {
  const r = runClv(cdnowLines(), ClvParamsSchema.parse({ unit: 'week', asOf: '1998-06-30', holdoutDays: 273 }));

  it('forecasts the hold-out within 10% and says the model suits the data', () => {
    expect(r.evaluation.calibrationFit?.status).toBe('converged');
    expect(r.evaluation.holdoutActual).toBe(1756);
    const error = ((r.evaluation.holdoutPredicted as number) - 1756) / 1756;
    expect(Math.abs(error)).toBeLessThan(0.1);
    expect(r.evaluation.verdict).toBe('suits');
    // Spend is nearly independent of frequency here, as Gamma-Gamma assumes.
    expect(Math.abs(r.evaluation.spendCorrelation as number)).toBeLessThan(0.3);
  });

  it('tracks cumulative repeat purchases week by week, the calibration part within 5% at its end', () => {
    const t = r.evaluation.tracking;
    expect(t).toHaveLength(78);
    const lastCal = t.filter((p) => !p.holdout).at(-1);
    expect(lastCal).toBeDefined();
    const calError = ((lastCal?.cumulativePredicted ?? 0) - (lastCal?.cumulativeActual ?? 0)) / (lastCal?.cumulativeActual ?? 1);
    expect(Math.abs(calError)).toBeLessThan(0.05);
    expect(t.reduce((s, p) => s + p.actual, 0)).toBe(t.at(-1)?.cumulativeActual);
  });

  it('conditional expectations by frequency rise with frequency like the actuals', () => {
    const b = r.evaluation.buckets;
    expect(b.map((x) => x.frequency)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (let i = 1; i < b.length; i += 1) expect(b[i]?.predicted).toBeGreaterThan(b[i - 1]?.predicted as number);
    for (const x of b) expect(Math.abs(x.predicted - x.actual)).toBeLessThan(0.5);
  });

  it('scores every customer: P(alive) in [0, 1], falling by the horizon without a purchase, CLV positive', () => {
    expect(r.scores).toHaveLength(2349);
    for (const s of r.scores) {
      expect(s.pAlive).toBeGreaterThanOrEqual(0);
      expect(s.pAlive).toBeLessThanOrEqual(1);
      expect(s.pAliveAtHorizon).toBeLessThanOrEqual(s.pAlive + 1e-12);
      expect(s.clv).toBeGreaterThan(0);
    }
    const one = r.scores.find((s) => s.x === 0);
    expect(one?.pAlive).toBe(1); // BG/NBD: nobody drops out before a repeat purchase
  });
});
