import type { Locale } from '../errors';
import { labelFor, plotValue, type ChartUnit } from './axis-units';
import { baseOption, CHART_FONT_FAMILY, CHART_THEME, gridTop, type ChartOption } from './theme';

export interface CohortHeatmapInput {
  title?: string;
  /** Shown under the title; pass the translated partial-period note here, e.g. "* 未完整周期". */
  subtitle?: string;
  /** Row labels, oldest cohort first (drawn at the top). */
  cohorts: readonly string[];
  /** Column labels: period 0, 1, 2, ... */
  periods: readonly string[];
  /** values[cohort][period]; null = not yet observable (right-hand triangle), drawn as an empty cell. */
  values: readonly (readonly (number | null)[])[];
  /** Same shape: true where the period is not complete yet, so the rate will still move. */
  partial?: readonly (readonly boolean[])[];
  unit: ChartUnit;
  /** Top of the colour scale in the input unit; default 1 for percent, else the largest value. */
  max?: number;
  axisNames?: { cohorts?: string; periods?: string };
  locale: Locale;
  currency?: string;
  /** Appended to a partial cell's label; default "*". */
  partialMark?: string;
}

/** Cohort matrix heatmap: the same picture in the dashboard, the PDF and the Excel image. */
export function buildCohortHeatmap(input: CohortHeatmapInput): ChartOption {
  const mark = input.partialMark ?? '*';
  const data: {
    value: [number, number, number];
    label: { formatter: string; color?: string };
    itemStyle?: { opacity: number; borderType: 'dashed'; borderColor: string; borderWidth: number };
  }[] = [];
  let observedMax = 0;
  for (const row of input.values) for (const v of row) if (v !== null && Number.isFinite(v)) observedMax = Math.max(observedMax, plotValue(v, input.unit) ?? 0);
  const scaleMax = input.max !== undefined ? (plotValue(input.max, input.unit) ?? 100) : input.unit === 'percent' ? 100 : Math.max(observedMax, 1);
  input.cohorts.forEach((_, y) => {
    input.periods.forEach((__, x) => {
      const raw = input.values[y]?.[x] ?? null;
      const plotted = plotValue(raw, input.unit);
      if (plotted === null) return;
      const partial = input.partial?.[y]?.[x] === true;
      data.push({
        value: [x, y, plotted],
        label: {
          formatter: labelFor(raw, input.unit, input.locale, input.currency, input.unit === 'percent' ? 0 : undefined) + (partial ? mark : ''),
          // White on the dark end of the ramp; a partial cell is drawn faded, so it keeps dark text.
          color: !partial && plotted >= scaleMax * 0.55 ? '#FFFFFF' : CHART_THEME.text,
        },
        ...(partial ? { itemStyle: { opacity: 0.55, borderType: 'dashed' as const, borderColor: CHART_THEME.partialBorder, borderWidth: 1.5 } } : {}),
      });
    });
  });
  const max = scaleMax;
  const axisText = { color: CHART_THEME.mutedText, fontFamily: CHART_FONT_FAMILY, fontSize: 11 };
  return {
    ...baseOption(input.title, input.subtitle),
    grid: { left: 88, right: 24, top: gridTop(input.title, input.subtitle) + 8, bottom: 64 },
    xAxis: {
      type: 'category',
      data: [...input.periods],
      position: 'top',
      ...(input.axisNames?.periods ? { name: input.axisNames.periods, nameLocation: 'middle', nameGap: 24 } : {}),
      nameTextStyle: axisText,
      axisLabel: axisText,
      axisLine: { show: false },
      axisTick: { show: false },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: [...input.cohorts],
      inverse: true,
      ...(input.axisNames?.cohorts ? { name: input.axisNames.cohorts, nameLocation: 'end' } : {}),
      nameTextStyle: axisText,
      axisLabel: axisText,
      axisLine: { show: false },
      axisTick: { show: false },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 10,
      itemHeight: 160,
      text: [input.unit === 'percent' ? `${Math.round(max)}%` : String(Math.round(max)), '0'],
      textStyle: axisText,
      inRange: { color: [...CHART_THEME.heatRamp] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: true, fontFamily: CHART_FONT_FAMILY, fontSize: 10 },
        itemStyle: { borderColor: '#FFFFFF', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: CHART_THEME.text, borderWidth: 1 } },
      },
    ],
  };
}
