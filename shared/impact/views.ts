// What the impact channels return: the shapes the UI, the CLI, the reports and the fee statement read.

import type { FeeBreakdown, FeeTerms, SensitivityRow } from './fee';
import type { Grain, IndicatorComparisonRow, IndicatorId, IndicatorUnit, IndicatorValue, PeriodWindow } from './indicators';
import type { RepairSuccess } from './repairs';

export interface BaselineSummary {
  id: number;
  label: string | null;
  asOf: string;
  grain: Grain;
  tolerance: number;
  frozenAt: string;
  period: PeriodWindow;
  values: IndicatorValue[];
}

export interface IndicatorSeriesPoint {
  period: PeriodWindow;
  values: IndicatorValue[];
}

export interface IndicatorsReport {
  asOf: string;
  grain: Grain;
  period: PeriodWindow;
  tolerance: number;
  baseline: BaselineSummary | null;
  rows: IndicatorComparisonRow[];
  /** The last periods of the grain ending at asOf, oldest first (12 months, 8 quarters or 3 years). */
  series: IndicatorSeriesPoint[];
  /** Settings the values rest on. */
  settings: { activityWindowDays: number; renewalGraceDays: number; strategicShare: number; coreTopShare: number };
  /** Flags beyond the tolerance: the seed's trigger for an analysis. */
  deviations: number;
}

export interface RepairSuccessReport extends RepairSuccess {
  asOf: string;
  /** Win-back rate of churned customers over the year to asOf (indicator winBack). */
  winBack: IndicatorValue;
  /** High-risk repair success over the year to asOf (indicator highRiskRepairSuccess). */
  highRiskRate: IndicatorValue;
}

export interface FeeStatement {
  terms: FeeTerms;
  indicator: IndicatorId;
  unit: IndicatorUnit;
  baseline: number;
  baselineSource: 'terms' | 'frozen';
  baselineAsOf: string | null;
  baselinePeriod: PeriodWindow | null;
  current: IndicatorValue;
  measurementPeriod: PeriodWindow;
  points: number;
  breakdown: FeeBreakdown;
  sensitivity: SensitivityRow[];
  computedAt: string;
}
