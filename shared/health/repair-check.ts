// Seed 001 修复效果追踪: "每一次风险修复后，需在1个月内开展'信任重建验证'，通过客户的需求提报量、
// 合作金额增长、NPS评分变化等指标，评估修复效果是否可持续。若指标未改善，需重新诊断问题根源".
//
// The rule, as implemented:
// - The check is due one calendar month after the action closed; asked earlier it says notYetDue.
// - Three indicators compare the window before the action with the window after it closed:
//   demand count and order value as rates per 30 days (windows may differ in length), NPS as the
//   mean reading. Each is improved / same / worse beyond a tolerance, or NA when a side has no data.
// - held: at least one indicator improved and none worsened.
//   partial: some improved and some worsened (not sustainable yet: re-diagnose).
//   notHeld: nothing improved ("若指标未改善" → re-diagnose the root cause).
//   insufficientData: all three NA.

import { addMonths } from './dates';

export interface RepairWindow {
  days: number; // window length, > 0
  demandCount: number | null; // 需求型 interactions; null = no interaction data for the window
  orderValue: number | null; // net order amount; null = no order data
  npsMean: number | null; // mean NPS of readings in the window; null = no reading
}

export interface RepairCheckInput {
  closedAt: string; // action closed, 'YYYY-MM-DD' or datetime
  checkedAt: string; // when the check runs
  before: RepairWindow;
  after: RepairWindow;
}

export interface RepairTolerances {
  /** Demands per 30 days: a change within ± this is "same". */
  demandPer30: number;
  /** Order value per 30 days: relative change within ± this percent is "same". */
  orderValuePct: number;
  /** NPS mean (0-10 scale): a change within ± this is "same". */
  nps: number;
}

export const DEFAULT_REPAIR_TOLERANCES: RepairTolerances = { demandPer30: 0, orderValuePct: 5, nps: 0.5 };

export const REPAIR_INDICATORS = ['demandCount', 'orderValue', 'nps'] as const;
export type RepairIndicator = (typeof REPAIR_INDICATORS)[number];
export type IndicatorChange = 'improved' | 'same' | 'worse' | 'na';
export type RepairVerdict = 'held' | 'partial' | 'notHeld' | 'insufficientData' | 'notYetDue';

export interface IndicatorComparison {
  indicator: RepairIndicator;
  before: number | null; // per 30 days for counts and value, mean for NPS
  after: number | null;
  change: IndicatorChange;
}

export interface RepairCheckResult {
  verdict: RepairVerdict;
  /** true for held, false for partial / notHeld, null when it cannot be said yet. */
  held: boolean | null;
  dueOn: string; // closedAt + 1 month
  indicators: IndicatorComparison[];
  /** Catalogue key in the 'health' namespace: repair.verdicts.<verdict> */
  messageKey: string;
}

export function repairCheckDueOn(closedAt: string): string {
  return addMonths(closedAt, 1);
}

const per30 = (v: number | null, days: number): number | null => (v == null || !(days > 0) ? null : (v * 30) / days);

function compare(before: number | null, after: number | null, tolerance: number, relative: boolean): IndicatorChange {
  if (before == null || after == null) return 'na';
  const d = after - before;
  const band = relative ? (Math.abs(before) * tolerance) / 100 : tolerance;
  if (d > band) return 'improved';
  if (d < -band) return 'worse';
  return 'same';
}

export function repairCheck(input: RepairCheckInput, tol: RepairTolerances = DEFAULT_REPAIR_TOLERANCES): RepairCheckResult {
  const dueOn = repairCheckDueOn(input.closedAt);
  const { before: b, after: a } = input;
  const rows: [RepairIndicator, number | null, number | null, number, boolean][] = [
    ['demandCount', per30(b.demandCount, b.days), per30(a.demandCount, a.days), tol.demandPer30, false],
    ['orderValue', per30(b.orderValue, b.days), per30(a.orderValue, a.days), tol.orderValuePct, true],
    ['nps', b.npsMean, a.npsMean, tol.nps, false],
  ];
  const indicators = rows.map(([indicator, before, after, t, rel]) => ({
    indicator,
    before,
    after,
    change: compare(before, after, t, rel),
  }));
  let verdict: RepairVerdict;
  if (input.checkedAt.slice(0, 10) < dueOn) verdict = 'notYetDue';
  else {
    const improved = indicators.some((i) => i.change === 'improved');
    const worse = indicators.some((i) => i.change === 'worse');
    if (indicators.every((i) => i.change === 'na')) verdict = 'insufficientData';
    else if (improved && !worse) verdict = 'held';
    else if (improved && worse) verdict = 'partial';
    else verdict = 'notHeld';
  }
  const held = verdict === 'held' ? true : verdict === 'partial' || verdict === 'notHeld' ? false : null;
  return { verdict, held, dueOn, indicators, messageKey: `repair.verdicts.${verdict}` };
}
