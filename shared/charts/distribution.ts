import type { Locale } from '../errors';
import { labelFor, plotValue, type ChartUnit } from './axis-units';
import { baseOption, bottomLegend, CHART_FONT_FAMILY, CHART_THEME, gridTop, toneColor, type ChartOption, type Tone } from './theme';

export interface DistributionItem {
  label: string;
  value: number;
  /** Health bands and signal severities carry their meaning in colour: red / yellow / green. */
  tone?: Tone;
}

export interface DistributionChartInput {
  kind: 'bar' | 'pie';
  title?: string;
  subtitle?: string;
  /** Series name (tooltip / legend), e.g. "客户数". */
  seriesName: string;
  items: readonly DistributionItem[];
  unit: ChartUnit;
  /** Bars run left-to-right by default; horizontal suits long segment names. */
  orientation?: 'vertical' | 'horizontal';
  locale: Locale;
  currency?: string;
}

/** Segments, tiers, health bands: bar or pie (as a ring) with the value printed on every item. */
export function buildDistributionChart(input: DistributionChartInput): ChartOption {
  const colorOf = (item: DistributionItem, i: number): string =>
    item.tone ? toneColor(item.tone) : (CHART_THEME.palette[i % CHART_THEME.palette.length] ?? CHART_THEME.palette[0]);
  const labelStyle = { fontFamily: CHART_FONT_FAMILY, fontSize: 11, color: CHART_THEME.text };

  if (input.kind === 'pie') {
    const total = input.items.reduce((s, it) => s + (Number.isFinite(it.value) ? it.value : 0), 0);
    return {
      ...baseOption(input.title, input.subtitle),
      legend: { ...bottomLegend(), data: input.items.map((it) => it.label) },
      series: [
        {
          type: 'pie',
          name: input.seriesName,
          radius: ['38%', '64%'],
          center: ['50%', '52%'],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: '#FFFFFF', borderWidth: 2 },
          label: { ...labelStyle, show: true },
          labelLine: { length: 10, length2: 8 },
          // Share of total computed here, not by ECharts' {d}, so the PDF text holds the exact figure.
          data: input.items.map((it, i) => ({
            name: it.label,
            value: plotValue(it.value, input.unit) ?? 0,
            itemStyle: { color: colorOf(it, i) },
            label: {
              formatter: `${it.label}\n${labelFor(it.value, input.unit, input.locale, input.currency)}${
                total > 0 && input.unit !== 'percent' ? ` (${labelFor(it.value / total, 'percent', input.locale)})` : ''
              }`,
            },
          })),
        },
      ],
    };
  }

  const horizontal = input.orientation === 'horizontal';
  const categoryAxis = {
    type: 'category' as const,
    data: input.items.map((it) => it.label),
    axisLine: { lineStyle: { color: CHART_THEME.axisLine } },
    axisTick: { show: false },
    axisLabel: { color: CHART_THEME.mutedText, fontFamily: CHART_FONT_FAMILY, interval: 0 },
    ...(horizontal ? { inverse: true } : {}),
  };
  const valueAxis = {
    type: 'value' as const,
    axisLabel: { formatter: input.unit === 'percent' ? '{value}%' : '{value}', color: CHART_THEME.mutedText, fontFamily: CHART_FONT_FAMILY },
    splitLine: { lineStyle: { color: CHART_THEME.splitLine } },
  };
  return {
    ...baseOption(input.title, input.subtitle),
    tooltip: { trigger: 'axis' },
    grid: { left: horizontal ? 16 : 48, right: horizontal ? 56 : 16, top: gridTop(input.title, input.subtitle), bottom: 32, containLabel: horizontal },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [
      {
        type: 'bar',
        name: input.seriesName,
        barMaxWidth: 36,
        label: { ...labelStyle, show: true, position: horizontal ? 'right' : 'top' },
        data: input.items.map((it, i) => ({
          value: plotValue(it.value, input.unit) ?? 0,
          itemStyle: { color: colorOf(it, i), borderRadius: horizontal ? [0, 2, 2, 0] : [2, 2, 0, 0] },
          label: { formatter: labelFor(it.value, input.unit, input.locale, input.currency) },
        })),
      },
    ],
  };
}
