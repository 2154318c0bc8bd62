// The indicator system over the workspace's data: current values, a frozen baseline, the deviation
// flags and the monthly / quarterly / yearly series.

import type { ReadableDB, WritableDB } from '../workspace/connection';
import type { Row } from '../workspace/schema';
import { WorkbenchError } from '../errors';
import { TierParamsSchema } from '../../../shared/analytics/params';
import {
  compareToBaseline,
  computeIndicators,
  periodEnding,
  periodSeries,
  type Grain,
  type IndicatorData,
  type IndicatorSettings,
  type IndicatorValue,
  type PeriodWindow,
} from '../../../shared/impact/indicators';
import type { BaselineSummary, IndicatorsReport } from '../../../shared/impact/views';
import { dataEnd, indicatorDataSteps, loadIndicatorData } from './data';
import { runSteps, type Steps } from './steps';

export const DEFAULT_TOLERANCE = 0.15;
const SERIES_LENGTH: Record<Grain, number> = { month: 12, quarter: 8, year: 3 };

export function indicatorSettings(): IndicatorSettings {
  return { activityWindowDays: 365, renewalGraceDays: 30, tiers: TierParamsSchema.parse({}) };
}

function toBaseline(r: Row<'indicator_baseline'>): BaselineSummary {
  return {
    id: r.id,
    label: r.label,
    asOf: r.as_of,
    grain: r.grain,
    tolerance: r.tolerance,
    frozenAt: r.frozen_at,
    period: periodEnding(r.as_of, r.grain),
    values: JSON.parse(r.indicators) as IndicatorValue[],
  };
}

export function listBaselines(sqlite: ReadableDB): BaselineSummary[] {
  return (sqlite.prepare(`select * from indicator_baseline order by id desc`).all() as Row<'indicator_baseline'>[]).map(toBaseline);
}

export function getBaseline(sqlite: ReadableDB, id?: number): BaselineSummary | null {
  const r = (
    id === undefined
      ? sqlite.prepare(`select * from indicator_baseline order by id desc limit 1`).get()
      : sqlite.prepare(`select * from indicator_baseline where id = ?`).get(id)
  ) as Row<'indicator_baseline'> | undefined;
  if (!r && id !== undefined) throw new WorkbenchError('NOT_FOUND', { what: '基准线 / baseline', id });
  return r ? toBaseline(r) : null;
}

export function freezeBaseline(
  sqlite: WritableDB,
  args: { asOf: string; grain: Grain; tolerance: number; label: string | null },
  now: string,
): BaselineSummary {
  const values = computeIndicators(loadIndicatorData(sqlite), periodEnding(args.asOf, args.grain), indicatorSettings());
  const id = Number(
    sqlite
      .prepare(`insert into indicator_baseline (label, as_of, grain, tolerance, indicators, frozen_at) values (?, ?, ?, ?, ?, ?)`)
      .run(args.label, args.asOf, args.grain, args.tolerance, JSON.stringify(values), now).lastInsertRowid,
  );
  return getBaseline(sqlite, id) as BaselineSummary;
}

export function setBaselineTolerance(sqlite: WritableDB, id: number, tolerance: number): BaselineSummary {
  if (sqlite.prepare(`update indicator_baseline set tolerance = ? where id = ?`).run(tolerance, id).changes === 0)
    throw new WorkbenchError('NOT_FOUND', { what: '基准线 / baseline', id });
  return getBaseline(sqlite, id) as BaselineSummary;
}

export function deleteBaseline(sqlite: WritableDB, id: number): boolean {
  return sqlite.prepare(`delete from indicator_baseline where id = ?`).run(id).changes > 0;
}

export type IndicatorsArgs = {
  asOf?: string | undefined;
  grain?: Grain | undefined;
  baselineId?: number | undefined;
  tolerance?: number | undefined;
  series?: boolean | undefined;
};

export function indicatorsReport(sqlite: ReadableDB, args: IndicatorsArgs, data?: IndicatorData): IndicatorsReport {
  return runSteps(indicatorsReportSteps(sqlite, args, data));
}

/** The report with a step after reading the data and after each period of the series (a job's checkpoints). */
export function* indicatorsReportSteps(sqlite: ReadableDB, args: IndicatorsArgs, given?: IndicatorData): Steps<IndicatorsReport> {
  const baseline = getBaseline(sqlite, args.baselineId);
  const data = given ?? (yield* indicatorDataSteps(sqlite));
  const grain = args.grain ?? baseline?.grain ?? 'quarter';
  const asOf = args.asOf ?? dataEnd(sqlite) ?? new Date().toISOString().slice(0, 10);
  const settings = indicatorSettings();
  const period = periodEnding(asOf, grain);
  const periods = args.series === false ? [period] : periodSeries(asOf, grain, SERIES_LENGTH[grain]);
  const computed: { period: PeriodWindow; values: IndicatorValue[] }[] = [];
  yield { phase: 'periods', done: 0, total: periods.length };
  for (const p of periods) {
    computed.push({ period: p, values: computeIndicators(data, p, settings) });
    yield { phase: 'periods', done: computed.length, total: periods.length };
  }
  const series = args.series === false ? [] : computed;
  // The series ends with the current period: its values are the current ones, computed once.
  const current = (computed.at(-1) as { values: IndicatorValue[] }).values;
  const tolerance = args.tolerance ?? baseline?.tolerance ?? DEFAULT_TOLERANCE;
  // A baseline frozen at another grain is recomputed at this grain from its date, so like is compared with like.
  const recompute = baseline !== null && baseline.grain !== grain;
  if (recompute) yield { phase: 'baseline', done: 0, total: 1 };
  const baseValues = baseline ? (recompute ? computeIndicators(data, periodEnding(baseline.asOf, grain), settings) : baseline.values) : null;
  const rows = compareToBaseline(baseValues, current, tolerance);
  return {
    asOf,
    grain,
    period,
    tolerance,
    baseline: baseline && baseValues ? { ...baseline, grain, period: periodEnding(baseline.asOf, grain), values: baseValues } : null,
    rows,
    series,
    settings: {
      activityWindowDays: settings.activityWindowDays,
      renewalGraceDays: settings.renewalGraceDays,
      strategicShare: settings.tiers.strategicShare,
      coreTopShare: settings.tiers.coreTopShare,
    },
    deviations: rows.filter((r) => r.flag === 'above' || r.flag === 'below').length,
  };
}
