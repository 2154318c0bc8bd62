// The churn model's evaluation plots, shared by the churn section and the report. Pure options
// (no formatter functions) so the PDF renders the same picture server-side.
import type { LiftRow, ReliabilityRow } from '../churn/types';
import { baseOption, bottomLegend, CHART_FONT_FAMILY, CHART_THEME, gridTop, roundTo, type ChartOption } from './theme';

export interface GainsChartInput {
  title?: string;
  subtitle?: string;
  lift: readonly LiftRow[];
  /** Series names in the reader's language. */
  modelName: string;
  randomName: string;
  xName: string;
  yName: string;
}

const axisText = { color: CHART_THEME.mutedText, fontFamily: CHART_FONT_FAMILY };
const percentAxis = (name: string) => ({
  type: 'value' as const,
  min: 0,
  max: 100,
  name,
  nameLocation: 'middle' as const,
  nameGap: 30,
  nameTextStyle: axisText,
  axisLabel: { ...axisText, formatter: '{value}%' },
  splitLine: { lineStyle: { color: CHART_THEME.splitLine } },
});

/**
 * Cumulative gains: share of all churned customers found in the riskiest x% of customers ranked by
 * the model, against the diagonal a random ranking would give.
 */
export function buildGainsChart(input: GainsChartInput): ChartOption {
  const points: [number, number][] = [
    [0, 0],
    ...input.lift.map((r): [number, number] => [roundTo(100 * r.cumulativeShare, 1), roundTo(100 * r.cumulativeGain, 1)]),
  ];
  return {
    ...baseOption(input.title, input.subtitle),
    tooltip: { trigger: 'axis' },
    legend: { ...bottomLegend(), data: [input.modelName, input.randomName] },
    grid: { left: 56, right: 24, top: gridTop(input.title, input.subtitle), bottom: 64 },
    xAxis: percentAxis(input.xName),
    yAxis: percentAxis(input.yName),
    series: [
      {
        type: 'line',
        name: input.modelName,
        data: points,
        symbolSize: 6,
        lineStyle: { width: 2, color: CHART_THEME.palette[0] },
        itemStyle: { color: CHART_THEME.palette[0] },
      },
      {
        type: 'line',
        name: input.randomName,
        data: [
          [0, 0],
          [100, 100],
        ],
        symbol: 'none',
        lineStyle: { type: 'dashed', color: CHART_THEME.tones.neutral },
        itemStyle: { color: CHART_THEME.tones.neutral },
      },
    ],
  };
}

export interface CalibrationChartInput {
  title?: string;
  subtitle?: string;
  reliability: readonly ReliabilityRow[];
  observedName: string;
  perfectName: string;
  xName: string;
  yName: string;
  /** The same bins before recalibration (the model's own probabilities), drawn hollow beside them. */
  before?: readonly ReliabilityRow[];
  beforeName?: string;
}

/**
 * Calibration: observed churn rate against mean predicted probability per bin; points on the
 * diagonal mean the probabilities can be read as rates. Bubble size follows the bin's customers.
 */
export function buildCalibrationChart(input: CalibrationChartInput): ChartOption {
  const rows = input.reliability.filter((r) => r.customers > 0);
  const before = input.before && input.beforeName ? input.before.filter((r) => r.customers > 0) : null;
  const most = Math.max(1, ...rows.map((r) => r.customers), ...(before ?? []).map((r) => r.customers));
  const beforeSeries =
    before && input.beforeName
      ? [
          {
            type: 'scatter' as const,
            name: input.beforeName,
            data: before.map((r) => ({
              value: [roundTo(100 * r.meanPredicted, 1), roundTo(100 * r.observedRate, 1), r.customers],
              symbolSize: Math.round(8 + 20 * Math.sqrt(r.customers / most)),
            })),
            itemStyle: { color: 'transparent', borderColor: CHART_THEME.tones.neutral, borderWidth: 1.5 },
          },
        ]
      : [];
  return {
    ...baseOption(input.title, input.subtitle),
    tooltip: { trigger: 'item' },
    legend: { ...bottomLegend(), data: [input.observedName, ...(beforeSeries.length ? [input.beforeName as string] : []), input.perfectName] },
    grid: { left: 56, right: 24, top: gridTop(input.title, input.subtitle), bottom: 64 },
    xAxis: percentAxis(input.xName),
    yAxis: percentAxis(input.yName),
    series: [
      {
        type: 'scatter',
        name: input.observedName,
        // [mean predicted %, observed %, customers]: the third value sizes the bubble and shows in the tooltip.
        data: rows.map((r) => ({
          value: [roundTo(100 * r.meanPredicted, 1), roundTo(100 * r.observedRate, 1), r.customers],
          symbolSize: Math.round(8 + 20 * Math.sqrt(r.customers / most)),
        })),
        itemStyle: { color: CHART_THEME.palette[0], opacity: 0.85 },
      },
      ...beforeSeries,
      {
        type: 'line',
        name: input.perfectName,
        data: [
          [0, 0],
          [100, 100],
        ],
        symbol: 'none',
        lineStyle: { type: 'dashed', color: CHART_THEME.tones.neutral },
        itemStyle: { color: CHART_THEME.tones.neutral },
      },
    ],
  };
}
