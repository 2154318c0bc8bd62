// One CLV run from order lines: the hold-out test first (fit on the calibration period, forecast the
// hold-out), then the fit on everything up to as-of that the predictions use, then the figures.
import { groupRepeatData, spendData } from './data';
import { frequencyBuckets, judgeFit, spendFrequencyCorrelation, trackingSeries } from './diagnostics';
import type { ModelFitResult } from './fit';
import { intervalEstimator } from './intervals';
import { fitCountModel, fitGammaGamma } from './models';
import { countParams, customerFigures, expectedPurchases, type FigureCache } from './predict';
import { dateOfDay, dayNumber, summariseCustomers, type OrderLine } from './summary';
import type { ClvCustomer, ClvEvaluation, ClvIntervalSummary, ClvParams, ClvResult } from './types';

export interface RunOptions {
  checkpoint?: () => void;
  progress?: (phase: 'summary' | 'evaluation' | 'fit' | 'customers', done: number, total: number) => void;
  /** Customers who hold a contract: when most modelled customers do, the verdict says the data look contractual. */
  contractCustomers?: ReadonlySet<string>;
}

/** The last order date of the lines, YYYY-MM-DD; null when there is none. */
export function lastOrderDate(lines: readonly OrderLine[]): string | null {
  let last = -Infinity;
  for (const l of lines) {
    const d = dayNumber(l.date);
    if (d > last) last = d;
  }
  return Number.isFinite(last) ? dateOfDay(last) : null;
}

function fitted(fit: ModelFitResult): boolean {
  return fit.parameters.length > 0;
}

export function runClv(lines: readonly OrderLine[], params: ClvParams, options: RunOptions = {}): ClvResult {
  const asOf = params.asOf ?? lastOrderDate(lines) ?? '1970-01-01';
  const asOfDay = dayNumber(asOf);
  options.progress?.('summary', 0, 1);
  const full = summariseCustomers(lines, { unit: params.unit, calibrationEnd: asOf });
  options.checkpoint?.();

  // Evaluation: fit on the calibration period, forecast the hold-out.
  options.progress?.('evaluation', 0, 1);
  let evaluationFit: ModelFitResult | null = null;
  let calibrationEnd: string | null = null;
  let holdoutLength = 0;
  let tracking: ClvEvaluation['tracking'] = [];
  let buckets: ClvEvaluation['buckets'] = [];
  let holdoutActual: number | null = null;
  let holdoutPredicted: number | null = null;
  if (params.holdoutDays > 0) {
    calibrationEnd = dateOfDay(asOfDay - params.holdoutDays);
    const calibration = summariseCustomers(lines, { unit: params.unit, calibrationEnd, observationEnd: asOf });
    holdoutLength = calibration.holdoutLength;
    evaluationFit = fitCountModel(params.model, groupRepeatData(calibration.customers), options.checkpoint);
    if (fitted(evaluationFit)) {
      const m = countParams(
        params.model,
        evaluationFit.parameters.map((p) => p.value),
      );
      tracking = trackingSeries(m, calibration.customers, calibration.repeatOccasionsByPeriod, params.unit, calibration.calibrationEndPeriod, holdoutLength);
      buckets = frequencyBuckets(m, calibration.customers, holdoutLength);
      holdoutActual = 0;
      holdoutPredicted = 0;
      for (const c of calibration.customers) {
        holdoutActual += c.holdoutX ?? 0;
        holdoutPredicted += expectedPurchases(m, holdoutLength, c.x, c.tx, c.T);
      }
    }
  }
  options.checkpoint?.();

  options.progress?.('fit', 0, 1);
  const repeat = groupRepeatData(full.customers);
  const countFit = fitCountModel(params.model, repeat, options.checkpoint);
  const spendInput = spendData(full.customers.map((c) => ({ x: c.x, m: c.monetary })));
  const spendFit = fitGammaGamma(spendInput, options.checkpoint);
  const spendCorrelation = spendFrequencyCorrelation(full.customers);
  if (tracking.length === 0 && fitted(countFit)) {
    // Without a hold-out the tracking plot is an in-sample check of the fit the predictions use.
    const m = countParams(
      params.model,
      countFit.parameters.map((p) => p.value),
    );
    tracking = trackingSeries(m, full.customers, full.repeatOccasionsByPeriod, params.unit, full.calibrationEndPeriod, 0);
  }
  let contractShare: number | null = null;
  if (options.contractCustomers && full.customers.length > 0) {
    let underContract = 0;
    for (const c of full.customers) if (options.contractCustomers.has(c.customerId)) underContract += 1;
    contractShare = underContract / full.customers.length;
  }
  const judged = judgeFit({
    contractShare,
    countStatus: (evaluationFit ?? countFit).status,
    spendFit,
    customers: full.customers.length,
    repeatBuyers: repeat.repeatBuyers,
    holdoutActual,
    holdoutPredicted,
    spendCorrelation,
  });

  options.progress?.('customers', 0, full.customers.length);
  const scores: ClvCustomer[] = [];
  let totalPurchases = 0;
  let totalClv: number | null = null;
  let totalAlive = 0;
  let intervals: ClvIntervalSummary = { method: 'delta', withheld: 'fit-not-at-maximum', expectedPurchases: null, clv: null };
  if (fitted(countFit)) {
    const m = countParams(
      params.model,
      countFit.parameters.map((p) => p.value),
    );
    const spend = fitted(spendFit)
      ? { p: spendFit.parameters[0]?.value as number, q: spendFit.parameters[1]?.value as number, v: spendFit.parameters[2]?.value as number }
      : null;
    const figureOptions = { unit: params.unit, horizonMonths: params.horizonMonths, discount: params.discount };
    const cache: FigureCache = new Map();
    const estimator = intervalEstimator({ model: params.model, countFit, spendFit, options: figureOptions, cache });
    full.customers.forEach((c, i) => {
      if (i % 5000 === 0) {
        options.checkpoint?.();
        options.progress?.('customers', i, full.customers.length);
      }
      const f = customerFigures(m, spend, c, figureOptions, cache);
      totalPurchases += f.expectedPurchases;
      totalAlive += f.pAlive;
      if (f.clv !== null) totalClv = (totalClv ?? 0) + f.clv;
      const b = typeof estimator === 'string' ? null : estimator.customer(c, f.expectedSpend);
      scores.push({
        customerId: c.customerId,
        x: c.x,
        tx: c.tx,
        T: c.T,
        monetary: c.monetary,
        ...f,
        pAliveLow: b?.pAlive?.low ?? null,
        pAliveHigh: b?.pAlive?.high ?? null,
        expectedPurchasesLow: b?.expectedPurchases?.low ?? null,
        expectedPurchasesHigh: b?.expectedPurchases?.high ?? null,
        expectedSpendLow: b?.expectedSpend?.low ?? null,
        expectedSpendHigh: b?.expectedSpend?.high ?? null,
        clvLow: b?.clv?.low ?? null,
        clvHigh: b?.clv?.high ?? null,
      });
    });
    intervals =
      typeof estimator === 'string'
        ? { method: 'delta', withheld: estimator, expectedPurchases: null, clv: null }
        : { method: 'delta', withheld: null, ...estimator.totals() };
  }
  return {
    model: params.model,
    unit: params.unit,
    asOf,
    horizonMonths: params.horizonMonths,
    discount: params.discount,
    customers: full.customers.length,
    repeatBuyers: repeat.repeatBuyers,
    exclusions: full.exclusions,
    spendExcluded: repeat.repeatBuyers - spendInput.rows,
    evaluation: {
      calibrationFit: evaluationFit,
      calibrationEnd,
      holdoutLength,
      tracking,
      buckets,
      holdoutActual,
      holdoutPredicted,
      spendCorrelation,
      verdict: judged.verdict,
      reasons: judged.reasons,
    },
    countFit,
    spendFit,
    totals: { expectedPurchases: totalPurchases, clv: totalClv, meanPAlive: scores.length > 0 ? totalAlive / scores.length : 0 },
    intervals,
    scores,
  };
}
