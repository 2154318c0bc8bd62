import type { Locale } from '../errors';
import { axisLabelTemplate, labelFor, plotValue, type ChartUnit } from './axis-units';
import { baseOption, bottomLegend, CHART_FONT_FAMILY, CHART_THEME, gridTop, type ChartOption } from './theme';

export interface TrendSeries {
  name: string;
  kind: 'line' | 'bar';
  /** One value per category; null = no value for that period (a gap, not a zero). */
  values: readonly (number | null)[];
  /** Which y axis; a second quantity (e.g. active customers beside a rate) goes right. */
  axis?: 'left' | 'right';
  /** Print the value on each point; keep it for short series, the PDF has no tooltip. */
  showLabels?: boolean;
}

export interface TrendAxis {
  name?: string;
  unit: ChartUnit;
  /** Fix the scale (in the plotted unit, i.e. 0-100 for percent); default lets ECharts choose. */
  min?: number;
  max?: number;
}

export interface TrendChartInput {
  title?: string;
  subtitle?: string;
  categories: readonly string[];
  series: readonly TrendSeries[];
  leftAxis: TrendAxis;
  rightAxis?: TrendAxis;
  locale: Locale;
  currency?: string;
}

const CONTEXT_BARS = ['#C7D5E4', '#D6E6E3', '#EADFC4'] as const;

function paletteAt(i: number): string {
  return CHART_THEME.palette[i % CHART_THEME.palette.length] ?? CHART_THEME.palette[0];
}

/** Line/bar trend over periods, e.g. retention rate (line, left, %) with active customers (bar, right). */
export function buildTrendChart(input: TrendChartInput): ChartOption {
  const axisFor = (s: TrendSeries): TrendAxis => (s.axis === 'right' && input.rightAxis ? input.rightAxis : input.leftAxis);
  const yAxis = (axis: TrendAxis, position: 'left' | 'right', showSplit: boolean) => ({
    type: 'value' as const,
    position,
    ...(axis.name ? { name: axis.name } : {}),
    nameTextStyle: { fontFamily: CHART_FONT_FAMILY, color: CHART_THEME.mutedText, fontSize: 11 },
    ...(axis.min === undefined ? {} : { min: axis.min }),
    ...(axis.max === undefined ? {} : { max: axis.max }),
    axisLabel: { formatter: axisLabelTemplate(axis.unit), color: CHART_THEME.mutedText, fontFamily: CHART_FONT_FAMILY },
    axisLine: { show: false },
    splitLine: { show: showSplit, lineStyle: { color: CHART_THEME.splitLine } },
  });
  const hasRight = input.rightAxis !== undefined && input.series.some((s) => s.axis === 'right');
  // Beside a line, bars are context (e.g. the customer base behind a rate): light tints keep the eye
  // on the line. Lines take the strong palette colours in order.
  const mixed = input.series.some((s) => s.kind === 'line') && input.series.some((s) => s.kind === 'bar');
  let lineIndex = 0;
  let barIndex = 0;
  return {
    ...baseOption(input.title, input.subtitle),
    tooltip: { trigger: 'axis' },
    legend: { ...bottomLegend(), data: input.series.map((s) => s.name) },
    grid: { left: 56, right: hasRight ? 56 : 24, top: gridTop(input.title, input.subtitle), bottom: 56, containLabel: false },
    xAxis: {
      type: 'category',
      data: [...input.categories],
      axisLine: { lineStyle: { color: CHART_THEME.axisLine } },
      axisTick: { alignWithLabel: true },
      axisLabel: { color: CHART_THEME.mutedText, fontFamily: CHART_FONT_FAMILY, hideOverlap: true },
    },
    yAxis: hasRight && input.rightAxis ? [yAxis(input.leftAxis, 'left', true), yAxis(input.rightAxis, 'right', false)] : [yAxis(input.leftAxis, 'left', true)],
    series: input.series.map((s) => {
      const axis = axisFor(s);
      const data = s.values.map((v) => {
        const plotted = plotValue(v, axis.unit);
        return s.showLabels && plotted !== null
          ? { value: plotted, label: { show: true, formatter: labelFor(v, axis.unit, input.locale, input.currency) } }
          : plotted;
      });
      const common = {
        name: s.name,
        yAxisIndex: s.axis === 'right' && hasRight ? 1 : 0,
        data,
        label: { show: false, fontFamily: CHART_FONT_FAMILY, fontSize: 10, color: CHART_THEME.text, position: 'top' as const },
      };
      if (s.kind === 'line') {
        const color = paletteAt(lineIndex++);
        return {
          ...common,
          label: { ...common.label, textBorderColor: '#FFFFFF', textBorderWidth: 2 },
          type: 'line' as const,
          smooth: false,
          symbol: 'circle',
          symbolSize: 6,
          itemStyle: { color },
          lineStyle: { width: 2.5, color },
          connectNulls: false,
          z: 3,
        };
      }
      const color = mixed ? (CONTEXT_BARS[barIndex++ % CONTEXT_BARS.length] ?? CONTEXT_BARS[0]) : paletteAt(lineIndex++);
      return { ...common, type: 'bar' as const, barMaxWidth: 28, itemStyle: { color, borderRadius: [2, 2, 0, 0] } };
    }),
  };
}
