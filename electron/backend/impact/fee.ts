// The outcome-based fee over the workspace: the terms checked, the indicator measured at the
// measurement date, the baseline from the terms or the frozen one, and the fee with its sensitivity.

import type { ReadableDB, WritableDB } from '../workspace/connection';
import { WorkbenchError } from '../errors';
import { feeFor, feeSensitivity, improvementPoints, validateFeeTerms, type FeeTerms } from '../../../shared/impact/fee';
import { computeIndicators, periodEnding } from '../../../shared/impact/indicators';
import type { FeeStatement } from '../../../shared/impact/views';
import { createTranslator } from '../../../shared/i18n/translate';
import { getBaseline, indicatorSettings } from './indicators';
import { indicatorDataSteps } from './data';
import { runSteps, type Steps } from './steps';

const zh = createTranslator('zh-CN');
const en = createTranslator('en');

type Params = Record<string, string | number>;

/** The detail in both languages; zhParams when a parameter is itself a sentence (a reason). */
function termsError(field: string, key: string, params: Params = {}, zhParams: Params = params): WorkbenchError {
  return new WorkbenchError('FEE_TERMS_INVALID', {
    field,
    detail: en(`impact:fee.issues.${key}`, params),
    'detail@zh-CN': zh(`impact:fee.issues.${key}`, zhParams),
  });
}

export function checkFeeTerms(input: unknown): FeeTerms {
  const v = validateFeeTerms(input);
  if (!v.ok) {
    const first = v.issues[0] as (typeof v.issues)[number];
    throw termsError(first.field, first.reason, first.params);
  }
  return v.terms;
}

export function computeFee(sqlite: ReadableDB, input: unknown, now: string): FeeStatement {
  return runSteps(feeSteps(sqlite, input, now));
}

/** The statement with a step after each table read (a job's checkpoints); the terms are checked before any reading. */
export function* feeSteps(sqlite: ReadableDB, input: unknown, now: string): Steps<FeeStatement> {
  const terms = checkFeeTerms(input);
  const data = yield* indicatorDataSteps(sqlite);
  yield { phase: 'fee', done: 0, total: null };
  const settings = indicatorSettings();
  const measurementPeriod = periodEnding(terms.measurementDate, terms.grain);
  const current = computeIndicators(data, measurementPeriod, settings).find((v) => v.id === terms.indicator);
  if (!current || current.value === null) {
    const reason = `impact:indicators.absent.${current?.absentReason ?? 'unknown'}`;
    const p = { indicator: en(`impact:indicators.names.${terms.indicator}`), date: terms.measurementDate };
    throw termsError(
      'indicator',
      'indicatorAbsent',
      { ...p, reason: en(reason) },
      { ...p, indicator: zh(`impact:indicators.names.${terms.indicator}`), reason: zh(reason) },
    );
  }
  let baseline: number;
  let baselineAsOf: string | null = null;
  let baselinePeriod = null;
  let source: FeeStatement['baselineSource'];
  if (terms.baseline === 'frozen') {
    const b = getBaseline(sqlite);
    if (!b) throw new WorkbenchError('BASELINE_NOT_FOUND', {});
    const values = b.grain === terms.grain ? b.values : computeIndicators(data, periodEnding(b.asOf, terms.grain), settings);
    const v = values.find((x) => x.id === terms.indicator);
    if (!v || v.value === null) throw termsError('baseline', 'baselineAbsent', { indicator: terms.indicator, date: b.asOf });
    baseline = v.value;
    baselineAsOf = b.asOf;
    baselinePeriod = periodEnding(b.asOf, terms.grain);
    source = 'frozen';
  } else {
    // A rate may be written as 82 (percent) or 0.82; NPS is in points either way.
    baseline = current.unit === 'percent' && Math.abs(terms.baseline) > 1 ? terms.baseline / 100 : terms.baseline;
    source = 'terms';
  }
  const points = improvementPoints(baseline, current.value, current.unit);
  return {
    terms,
    indicator: terms.indicator,
    unit: current.unit,
    baseline,
    baselineSource: source,
    baselineAsOf,
    baselinePeriod,
    current,
    measurementPeriod,
    points,
    breakdown: feeFor(points, terms),
    sensitivity: feeSensitivity(baseline, points, current.unit, terms),
    computedAt: now,
  };
}

export function getFeeTerms(sqlite: ReadableDB): FeeTerms | null {
  const r = sqlite.prepare(`select terms from fee_terms where id = 1`).get() as { terms: string } | undefined;
  if (!r) return null;
  const v = validateFeeTerms(JSON.parse(r.terms));
  return v.ok ? v.terms : null;
}

export function saveFeeTerms(sqlite: WritableDB, input: unknown, now: string): FeeTerms {
  const terms = checkFeeTerms(input);
  sqlite
    .prepare(
      `insert into fee_terms (id, terms, updated_at) values (1, ?, ?) on conflict (id) do update set terms = excluded.terms, updated_at = excluded.updated_at`,
    )
    .run(JSON.stringify(terms), now);
  return terms;
}
