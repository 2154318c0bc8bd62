// The lifetime-value model's hold-out tracking plot, shared by the 客户价值 section and the report:
// actual against predicted repeat purchases per period, cumulative or per period, with the hold-out
// shaded. Pure options (no formatter functions) so the PDF renders the same picture server-side.
import type { LineSeriesOption } from 'echarts';
import type { TrackingPoint } from '../clv/diagnostics';
import { dateOfDay, type TimeUnit } from '../clv/summary';
import { baseOption, bottomLegend, CHART_FONT_FAMILY, CHART_THEME, gridTop, roundTo, type ChartOption } from './theme';

export interface ClvTrackingChartInput {
  title?: string;
  subtitle?: string;
  points: readonly TrackingPoint[];
  unit: TimeUnit;
  mode: 'cumulative' | 'incremental';
  /** Names in the reader's language. */
  actualName: string;
  predictedName: string;
  holdoutName: string;
  yName: string;
}

/** The last day of a tracking bucket (a day, or the Sunday of a Monday-based week), YYYY-MM-DD. */
export function trackingPointDate(period: number, unit: TimeUnit): string {
  return dateOfDay(unit === 'day' ? period : period * 7 + 3);
}

const axisText = { color: CHART_THEME.mutedText, fontFamily: CHART_FONT_FAMILY };

export function buildClvTrackingChart(input: ClvTrackingChartInput): ChartOption {
  const categories = input.points.map((p) => trackingPointDate(p.period, input.unit));
  const cumulative = input.mode === 'cumulative';
  const actual = input.points.map((p) => roundTo(cumulative ? p.cumulativeActual : p.actual, 1));
  const predicted = input.points.map((p) => roundTo(cumulative ? p.cumulativePredicted : p.predicted, 1));
  const firstHoldout = input.points.findIndex((p) => p.holdout);
  const holdoutArea: LineSeriesOption['markArea'] =
    firstHoldout >= 0
      ? {
          silent: true,
          itemStyle: { color: 'rgba(224, 165, 38, 0.12)' },
          label: { show: true, position: 'insideTop' as const, color: CHART_THEME.mutedText, fontFamily: CHART_FONT_FAMILY, fontSize: 11 },
          data: [
            [{ name: input.holdoutName, xAxis: categories[firstHoldout] as string }, { xAxis: categories[categories.length - 1] as string }],
          ] as NonNullable<LineSeriesOption['markArea']>['data'],
        }
      : undefined;
  return {
    ...baseOption(input.title, input.subtitle),
    tooltip: { trigger: 'axis' },
    legend: { ...bottomLegend(), data: [input.actualName, input.predictedName] },
    // The y axis's name sits above the plot: room for it below the title and subtitle.
    grid: { left: 64, right: 24, top: gridTop(input.title, input.subtitle) + 22, bottom: 56 },
    xAxis: {
      type: 'category',
      data: categories,
      axisLine: { lineStyle: { color: CHART_THEME.axisLine } },
      axisLabel: { ...axisText, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: input.yName,
      nameTextStyle: { ...axisText, fontSize: 11 },
      axisLabel: axisText,
      splitLine: { lineStyle: { color: CHART_THEME.splitLine } },
    },
    series: [
      {
        type: 'line',
        name: input.actualName,
        data: actual,
        symbol: 'none',
        lineStyle: { width: 2.5, color: CHART_THEME.palette[0] },
        itemStyle: { color: CHART_THEME.palette[0] },
        ...(holdoutArea ? { markArea: holdoutArea } : {}),
      },
      {
        type: 'line',
        name: input.predictedName,
        data: predicted,
        symbol: 'none',
        lineStyle: { width: 2, type: 'dashed', color: CHART_THEME.palette[2] },
        itemStyle: { color: CHART_THEME.palette[2] },
      },
    ],
  };
}

export interface ClvShareBarsInput {
  title?: string;
  subtitle?: string;
  /** Group names in the reader's language, in display order. */
  categories: readonly string[];
  /** Fractions 0..1, one per category. */
  customerShare: readonly number[];
  valueShare: readonly number[];
  customerShareName: string;
  valueShareName: string;
}

/**
 * A CLV breakdown as paired bars: each group's share of the run's customers beside its share of the
 * book value (value bands, segments, tiers, P(alive) bands). Percent values rounded to 0.1; the gap
 * between the two bars is the concentration the reader is looking for.
 */
export function buildClvShareBars(input: ClvShareBarsInput): ChartOption {
  const pctData = (v: readonly number[]): number[] => v.map((x) => roundTo(x * 100, 1));
  // Value labels on every bar read well up to a handful of groups; beyond that they collide (the table and the tooltip carry them).
  const label = {
    show: input.categories.length <= 6,
    position: 'top' as const,
    formatter: '{c}%',
    color: CHART_THEME.mutedText,
    fontFamily: CHART_FONT_FAMILY,
    fontSize: 10,
  };
  return {
    ...baseOption(input.title, input.subtitle),
    tooltip: { trigger: 'axis' },
    legend: { ...bottomLegend(), data: [input.customerShareName, input.valueShareName] },
    grid: { left: 56, right: 24, top: gridTop(input.title, input.subtitle) + 22, bottom: input.categories.length > 6 ? 78 : 60 },
    xAxis: {
      type: 'category',
      data: [...input.categories],
      axisLine: { lineStyle: { color: CHART_THEME.axisLine } },
      axisLabel: { ...axisText, interval: 0, ...(input.categories.length > 6 ? { rotate: 30 } : {}) },
    },
    yAxis: {
      type: 'value',
      name: '%',
      max: 100,
      nameTextStyle: { ...axisText, fontSize: 11 },
      axisLabel: axisText,
      splitLine: { lineStyle: { color: CHART_THEME.splitLine } },
    },
    series: [
      { type: 'bar', name: input.customerShareName, data: pctData(input.customerShare), itemStyle: { color: CHART_THEME.palette[0] }, label },
      { type: 'bar', name: input.valueShareName, data: pctData(input.valueShare), itemStyle: { color: CHART_THEME.palette[2] }, label },
    ],
  };
}
