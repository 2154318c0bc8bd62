// Per-customer figures from fitted parameters: P(alive) now and at a later date (if the customer has
// not bought by then), expected repeat purchases over a horizon, expected spend per occasion and the
// discounted value of the horizon's purchases. Pure functions of the parameters and the summary.
import { bgnbdExpectedPurchases, bgnbdExpectedPurchasesNew, bgnbdPAlive, type BgNbdParams } from './bgnbd';
import { gammaGammaExpectedSpend, type GammaGammaParams } from './gamma-gamma';
import type { CountModel } from './models';
import { pnbdExpectedPurchases, pnbdExpectedPurchasesNew, pnbdPAlive, type ParetoNbdParams } from './pnbd';
import type { TimeUnit } from './summary';

/** Average month length, so a 12-month horizon is one year in either unit. */
export const DAYS_PER_MONTH = 365.25 / 12;

export function unitsPerMonth(unit: TimeUnit): number {
  return unit === 'day' ? DAYS_PER_MONTH : DAYS_PER_MONTH / 7;
}

export type CountParams = { model: 'bgnbd'; params: BgNbdParams } | { model: 'pnbd'; params: ParetoNbdParams };

export function countParams(model: CountModel, values: readonly number[]): CountParams {
  const [p0, p1, p2, p3] = values as [number, number, number, number];
  return model === 'bgnbd' ? { model, params: { r: p0, alpha: p1, a: p2, b: p3 } } : { model, params: { r: p0, alpha: p1, s: p2, beta: p3 } };
}

export function pAlive(m: CountParams, x: number, tx: number, T: number): number {
  return m.model === 'bgnbd' ? bgnbdPAlive(m.params, x, tx, T) : pnbdPAlive(m.params, x, tx, T);
}

export function expectedPurchases(m: CountParams, t: number, x: number, tx: number, T: number): number {
  return m.model === 'bgnbd' ? bgnbdExpectedPurchases(m.params, t, x, tx, T) : pnbdExpectedPurchases(m.params, t, x, tx, T);
}

/** E[X(t)] of a customer t units after their first purchase (for the tracking plot). */
export function expectedPurchasesNew(m: CountParams, t: number): number {
  return m.model === 'bgnbd' ? bgnbdExpectedPurchasesNew(m.params, t) : pnbdExpectedPurchasesNew(m.params, t);
}

export interface CustomerFigures {
  pAlive: number;
  /** P(alive) at the end of the horizon if no purchase is made before then. */
  pAliveAtHorizon: number;
  expectedPurchases: number;
  /** Gamma-Gamma's expected spend per occasion; null without a spend model. */
  expectedSpend: number | null;
  /** Σ over months of expected purchases in the month × expected spend / (1 + discount)^month. */
  clv: number | null;
}

export interface FigureOptions {
  unit: TimeUnit;
  horizonMonths: number;
  /** Monthly discount rate, e.g. 0.01. */
  discount: number;
}

/** What depends on (x, tₓ, T) alone; customers who share them share it (CDNOW: 2,357 customers, 1,016 distinct). */
export interface PurchaseFigures {
  pAlive: number;
  pAliveAtHorizon: number;
  expectedPurchases: number;
  /** Σ over months of expected purchases in the month / (1 + discount)^month: CLV per unit of spend. */
  discountedPurchases: number;
}

export type FigureCache = Map<number | string, PurchaseFigures>;

/** One key per purchase history (x, tₓ, T): whole-unit values pack into a number, which a Map hashes fast. */
export function historyKey(c: { x: number; tx: number; T: number }): number | string {
  return Number.isInteger(c.x) && Number.isInteger(c.tx) && Number.isInteger(c.T) && c.tx < 65536 && c.T < 65536 && c.x < 1048576 && c.tx >= 0 && c.T >= 0
    ? (c.x * 65536 + c.tx) * 65536 + c.T
    : `${c.x}|${c.tx}|${c.T}`;
}

/** `atHorizon: false` leaves P(alive) at the horizon out (NaN): the intervals' shifted evaluations do not need it. */
export function purchaseFigures(m: CountParams, c: { x: number; tx: number; T: number }, options: FigureOptions, atHorizon = true): PurchaseFigures {
  const month = unitsPerMonth(options.unit);
  const horizon = options.horizonMonths * month;
  const alive = pAlive(m, c.x, c.tx, c.T);
  // Pareto/NBD's expectation is P(alive) times a closed form: reuse P(alive) for every month.
  const e =
    m.model === 'pnbd'
      ? (t: number): number => pnbdExpectedPurchases(m.params, t, c.x, c.tx, c.T, alive)
      : (t: number): number => bgnbdExpectedPurchases(m.params, t, c.x, c.tx, c.T);
  let discountedPurchases = 0;
  let previous = 0;
  for (let i = 1; i <= options.horizonMonths; i += 1) {
    const cumulative = e(i * month);
    discountedPurchases += (cumulative - previous) / Math.pow(1 + options.discount, i);
    previous = cumulative;
  }
  return { pAlive: alive, pAliveAtHorizon: atHorizon ? pAlive(m, c.x, c.tx, c.T + horizon) : NaN, expectedPurchases: previous, discountedPurchases };
}

export function customerFigures(
  m: CountParams,
  spend: GammaGammaParams | null,
  c: { x: number; tx: number; T: number; monetary: number },
  options: FigureOptions,
  cache?: FigureCache,
): CustomerFigures {
  let figures: PurchaseFigures | undefined;
  const key = historyKey(c);
  if (cache) figures = cache.get(key);
  if (!figures) {
    figures = purchaseFigures(m, c, options);
    cache?.set(key, figures);
  }
  const expectedSpend = spend ? gammaGammaExpectedSpend(spend, c.x, c.monetary) : null;
  return {
    pAlive: figures.pAlive,
    pAliveAtHorizon: figures.pAliveAtHorizon,
    expectedPurchases: figures.expectedPurchases,
    expectedSpend,
    clv: expectedSpend === null ? null : expectedSpend * figures.discountedPurchases,
  };
}
