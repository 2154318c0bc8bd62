// 95% intervals for each customer's P(alive), expected purchases, expected spend and CLV, and for the
// book's totals, from the uncertainty of the fitted parameters.
//
// Method: the delta method on a scale where the figure is unbounded (logit for P(alive), log for the
// others), with the log-parameters' covariance from the fit's Hessian, so an interval is always inside
// (0, 1) or (0, ∞) and asymmetric like the figure. Why not a parametric bootstrap (draw parameter sets
// from that covariance, re-evaluate every customer, take percentiles)? It would re-evaluate each
// distinct purchase history a few hundred times (100,000 customers: ~47,000 histories × 12 monthly
// expectations × 200 draws), and its numbers would change from run to run unless seeded; the delta
// method needs one evaluation per count parameter (4) and is deterministic, so a stored run reproduces.
// The unit test checks these intervals against such a bootstrap on CDNOW.
//
// What an interval means: where the customer's EXPECTED value lies given how precisely the data pin
// the parameters down; it is not the range of what the customer will actually buy (purchases are
// random around the expectation, and that spread is far wider). The count and spend fits are separate
// likelihoods (Gamma-Gamma assumes spend independent of the purchase process), so their parameters
// are treated as uncorrelated: CLV's variance on the log scale is the sum of the two parts.
import type { ModelFitResult } from './fit';
import type { GammaGammaParams } from './gamma-gamma';
import type { CountModel } from './models';
import { bgnbdFigureGradients } from './bgnbd-gradients';
import { countParams, historyKey, purchaseFigures, unitsPerMonth, type FigureCache, type FigureOptions, type PurchaseFigures } from './predict';

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;
/** Step in log θ for the forward differences: truncation ~1e-5 relative, rounding ~1e-11. */
const STEP = 1e-5;

export interface Bounds {
  low: number;
  high: number;
}

export interface CustomerIntervals {
  pAlive: Bounds | null;
  expectedPurchases: Bounds | null;
  expectedSpend: Bounds | null;
  clv: Bounds | null;
}

/** Why a run has no intervals: the count fit gives no usable covariance (boundary, not converged, singular). */
export type IntervalsWithheld = 'no-covariance' | 'fit-not-at-maximum';

/** d(logit P(alive)), d(log E[Y]), d(log discounted purchases) by each log-parameter of the count model. */
interface CountGradients {
  logitAlive: Float64Array | null;
  logPurchases: Float64Array | null;
  logDiscounted: Float64Array | null;
}

const logit = (p: number): number => Math.log(p) - Math.log1p(-p);
const expit = (v: number): number => 1 / (1 + Math.exp(-v));

function quadratic(g: Float64Array, cov: readonly number[]): number {
  const n = g.length;
  let v = 0;
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) v += (g[i] as number) * (cov[i * n + j] as number) * (g[j] as number);
  }
  return Math.max(0, v);
}

/** exp(log value ± z·sd): null for a non-positive value or an unusable variance. */
function logBounds(value: number, variance: number): Bounds | null {
  if (!(value > 0) || !Number.isFinite(variance)) return null;
  const sd = Math.sqrt(variance);
  return { low: value * Math.exp(-Z95 * sd), high: value * Math.exp(Z95 * sd) };
}

/**
 * Gradient of log E[M | x, m̄] in (log p, log q, log v), analytic: E = P + w(m̄ − P) with the population
 * mean P = pv/(q−1) and the weight w = px/(px+q−1) (w = 0 without positive repeat spend).
 */
export function spendLogGradient(g: GammaGammaParams, x: number, m: number): Float64Array | null {
  const { p, q, v } = g;
  if (!(q > 1)) return null;
  const P = (p * v) / (q - 1);
  const own = x > 0 && m > 0;
  const w = own ? (p * x) / (p * x + q - 1) : 0;
  const E = P + w * (m - P);
  const d = own ? p * x + q - 1 : 1;
  const dwdp = own ? (x * (q - 1)) / (d * d) : 0;
  const dwdq = own ? -(p * x) / (d * d) : 0;
  const dEdp = (1 - w) * (v / (q - 1)) + dwdp * (m - P);
  const dEdq = (1 - w) * (-(p * v) / ((q - 1) * (q - 1))) + dwdq * (m - P);
  const dEdv = (1 - w) * (p / (q - 1));
  return Float64Array.of((p * dEdp) / E, (q * dEdq) / E, (v * dEdv) / E);
}

export interface IntervalEstimator {
  /** One customer's intervals; the point figures come from the cache customerFigures filled. */
  customer(c: { x: number; tx: number; T: number; monetary: number }, expectedSpend: number | null): CustomerIntervals;
  /** Intervals of the sums over every customer passed to customer() so far (their gradients add). */
  totals(): { expectedPurchases: Bounds | null; clv: Bounds | null };
}

export interface IntervalInput {
  model: CountModel;
  countFit: ModelFitResult;
  spendFit: ModelFitResult | null;
  options: FigureOptions;
  /** The figure cache customerFigures filled: the point figures are read from it, not recomputed. */
  cache: FigureCache;
}

/** Null (with the reason) when the count fit gives no basis for intervals. */
export function intervalEstimator(input: IntervalInput): IntervalEstimator | IntervalsWithheld {
  const { countFit, spendFit } = input;
  if (countFit.status === 'boundary' || countFit.status === 'not-converged' || countFit.status === 'not-enough-data') return 'fit-not-at-maximum';
  const countCov = countFit.logCovariance ?? null;
  if (countCov === null || countFit.parameters.length === 0) return 'no-covariance';
  const theta = countFit.parameters.map((p) => p.value);
  const n = theta.length;
  const m = countParams(input.model, theta);
  const spendUsable = spendFit !== null && spendFit.parameters.length === 3 && (spendFit.status === 'converged' || spendFit.status === 'flat');
  const spendCov = spendUsable ? (spendFit.logCovariance ?? null) : null;
  const spend: GammaGammaParams | null =
    spendFit && spendFit.parameters.length === 3
      ? { p: spendFit.parameters[0]?.value as number, q: spendFit.parameters[1]?.value as number, v: spendFit.parameters[2]?.value as number }
      : null;
  // Each log-parameter stepped once; the shifted models are built once, not per customer.
  const shifted = theta.map((_, j) =>
    countParams(
      input.model,
      theta.map((v, i) => (i === j ? v * Math.exp(STEP) : v)),
    ),
  );
  const gradients = new Map<number | string, CountGradients>();
  // BG/NBD: analytic gradients over the month ends (bgnbd-gradients.ts); Pareto/NBD: forward differences.
  const month = unitsPerMonth(input.options.unit);
  const times = Float64Array.from({ length: input.options.horizonMonths }, (_, i) => (i + 1) * month);
  const weights = Float64Array.from({ length: input.options.horizonMonths }, (_, i) => 1 / Math.pow(1 + input.options.discount, i + 1));

  const countGradients = (c: { x: number; tx: number; T: number }, base: PurchaseFigures): CountGradients => {
    const key = historyKey(c);
    const known = gradients.get(key);
    if (known) return known;
    if (m.model === 'bgnbd') {
      const analytic = bgnbdFigureGradients(m.params, c.x, c.tx, c.T, times, weights);
      if (!(base.expectedPurchases > 0)) analytic.logPurchases = null;
      if (!(base.discountedPurchases > 0)) analytic.logDiscounted = null;
      gradients.set(key, analytic);
      return analytic;
    }
    const aliveInside = base.pAlive > 1e-12 && base.pAlive < 1 - 1e-12;
    const g: CountGradients = {
      logitAlive: aliveInside ? new Float64Array(n) : null,
      logPurchases: base.expectedPurchases > 0 ? new Float64Array(n) : null,
      logDiscounted: base.discountedPurchases > 0 ? new Float64Array(n) : null,
    };
    for (let j = 0; j < n; j += 1) {
      const f = purchaseFigures(shifted[j] as ReturnType<typeof countParams>, c, input.options, false);
      if (g.logitAlive) g.logitAlive[j] = f.pAlive > 0 && f.pAlive < 1 ? (logit(f.pAlive) - logit(base.pAlive)) / STEP : NaN;
      if (g.logPurchases) g.logPurchases[j] = (Math.log(f.expectedPurchases) - Math.log(base.expectedPurchases)) / STEP;
      if (g.logDiscounted) g.logDiscounted[j] = (Math.log(f.discountedPurchases) - Math.log(base.discountedPurchases)) / STEP;
    }
    gradients.set(key, g);
    return g;
  };

  // Natural-scale gradients of the totals: Σ value × d log value.
  const totalPurchasesGradient = new Float64Array(n);
  let totalPurchases = 0;
  const totalClvCountGradient = new Float64Array(n);
  const totalClvSpendGradient = new Float64Array(3);
  let totalClv = 0;
  let clvComplete = spendCov !== null;

  return {
    customer(c, expectedSpend) {
      const base = input.cache.get(historyKey(c)) ?? purchaseFigures(m, c, input.options);
      const g = countGradients(c, base);
      let pAlive: Bounds | null = null;
      if (g.logitAlive) {
        const sd = Math.sqrt(quadratic(g.logitAlive, countCov));
        if (Number.isFinite(sd)) {
          const centre = logit(base.pAlive);
          pAlive = { low: expit(centre - Z95 * sd), high: expit(centre + Z95 * sd) };
        }
      } else pAlive = { low: base.pAlive, high: base.pAlive };
      const expectedPurchases = g.logPurchases ? logBounds(base.expectedPurchases, quadratic(g.logPurchases, countCov)) : null;
      if (g.logPurchases) {
        totalPurchases += base.expectedPurchases;
        for (let j = 0; j < n; j += 1)
          totalPurchasesGradient[j] = (totalPurchasesGradient[j] as number) + base.expectedPurchases * (g.logPurchases[j] as number);
      }
      let spendBounds: Bounds | null = null;
      let clv: Bounds | null = null;
      const gs = spend && spendCov && expectedSpend !== null ? spendLogGradient(spend, c.x, c.monetary) : null;
      if (gs && spendCov && expectedSpend !== null) {
        const spendVariance = quadratic(gs, spendCov);
        spendBounds = logBounds(expectedSpend, spendVariance);
        if (g.logDiscounted) {
          const value = expectedSpend * base.discountedPurchases;
          clv = logBounds(value, quadratic(g.logDiscounted, countCov) + spendVariance);
          totalClv += value;
          for (let j = 0; j < n; j += 1) totalClvCountGradient[j] = (totalClvCountGradient[j] as number) + value * (g.logDiscounted[j] as number);
          for (let k = 0; k < 3; k += 1) totalClvSpendGradient[k] = (totalClvSpendGradient[k] as number) + value * (gs[k] as number);
        }
      } else clvComplete = false;
      return { pAlive, expectedPurchases, expectedSpend: spendBounds, clv };
    },
    totals() {
      const purchases = totalPurchases > 0 ? logBounds(totalPurchases, quadratic(totalPurchasesGradient, countCov) / (totalPurchases * totalPurchases)) : null;
      let clv: Bounds | null = null;
      if (clvComplete && spendCov && totalClv > 0) {
        const variance = (quadratic(totalClvCountGradient, countCov) + quadratic(totalClvSpendGradient, spendCov)) / (totalClv * totalClv);
        clv = logBounds(totalClv, variance);
      }
      return { expectedPurchases: purchases, clv };
    },
  };
}

/** Why a stored run shows no intervals, as a clv:intervals.withheld.* key; null when it has them. */
export function intervalsWithheld(result: { intervals?: { withheld: IntervalsWithheld | null } | undefined }): IntervalsWithheld | 'old-run' | null {
  if (!result.intervals) return 'old-run';
  return result.intervals.withheld;
}
