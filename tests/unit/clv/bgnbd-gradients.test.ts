// The BG/NBD figures' analytic log-parameter gradients (used by the delta-method intervals) against
// central differences of the figures themselves, on CDNOW-like parameters and histories from a new
// customer to a frequent one, by day and by week.
import { describe, expect, it } from 'vitest';
import { bgnbdFigureGradients } from '../../../shared/clv/bgnbd-gradients';
import { countParams, purchaseFigures, unitsPerMonth, type FigureOptions } from '../../../shared/clv/predict';

const theta = [0.243, 4.414, 0.793, 2.426];
const histories = [
  { x: 0, tx: 0, T: 38.86 },
  { x: 2, tx: 30.43, T: 38.86 },
  { x: 1, tx: 2, T: 30 },
  { x: 7, tx: 35, T: 38 },
  { x: 15, tx: 20, T: 77 },
];
const logit = (p: number): number => Math.log(p / (1 - p));

function figures(th: readonly number[], c: { x: number; tx: number; T: number }, o: FigureOptions) {
  const f = purchaseFigures(countParams('bgnbd', th), c, o, false);
  return { alive: f.pAlive, purchases: Math.log(f.expectedPurchases), discounted: Math.log(f.discountedPurchases) };
}

describe('BG/NBD analytic figure gradients', () => {
  for (const options of [
    { unit: 'week', horizonMonths: 12, discount: 0.01 },
    { unit: 'day', horizonMonths: 6, discount: 0.02 },
  ] as FigureOptions[]) {
    it(`match central differences in log θ (${options.unit}, ${options.horizonMonths} months)`, () => {
      // Weeks: rescale the day-like parameters so the histories stay meaningful.
      const month = unitsPerMonth(options.unit);
      const times = Float64Array.from({ length: options.horizonMonths }, (_, i) => (i + 1) * month);
      const weights = Float64Array.from({ length: options.horizonMonths }, (_, i) => 1 / (1 + options.discount) ** (i + 1));
      for (const c of histories) {
        const g = bgnbdFigureGradients(countParams('bgnbd', theta).params as never, c.x, c.tx, c.T, times, weights);
        const h = 1e-5;
        for (let j = 0; j < 4; j += 1) {
          const up = figures(
            theta.map((v, i) => (i === j ? v * Math.exp(h) : v)),
            c,
            options,
          );
          const down = figures(
            theta.map((v, i) => (i === j ? v * Math.exp(-h) : v)),
            c,
            options,
          );
          const numeric = {
            purchases: (up.purchases - down.purchases) / (2 * h),
            discounted: (up.discounted - down.discounted) / (2 * h),
            alive: c.x > 0 ? (logit(up.alive) - logit(down.alive)) / (2 * h) : 0,
          };
          expect(g.logPurchases?.[j]).toBeCloseTo(numeric.purchases, 6);
          expect(g.logDiscounted?.[j]).toBeCloseTo(numeric.discounted, 6);
          if (c.x > 0) expect(g.logitAlive?.[j]).toBeCloseTo(numeric.alive, 6);
        }
        if (c.x === 0) expect(g.logitAlive).toBeNull();
      }
    });
  }
});
