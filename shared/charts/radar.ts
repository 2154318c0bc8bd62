import { baseOption, bottomLegend, CHART_FONT_FAMILY, CHART_THEME, gridTop, type ChartOption } from './theme';

export interface RadarIndicator {
  /** Checklist section name, already translated. */
  name: string;
  max: number;
}

export interface RadarSeries {
  name: string;
  /** One per indicator, same order; null = section not answered: left out of the polygon, never drawn at 0. */
  values: readonly (number | null)[];
  /** A target or benchmark is drawn dashed without fill so the actual scores stay in front. */
  style?: 'actual' | 'reference';
}

export interface RadarChartInput {
  title?: string;
  subtitle?: string;
  indicators: readonly RadarIndicator[];
  series: readonly RadarSeries[];
  /**
   * Added under the name of a dimension no actual series has an answer for (e.g. "尚无回答"), so an
   * empty dimension reads as a gap, not as a score of 0.
   */
  unansweredLabel?: string;
}

/** ECharts leaves a radar value of '-' out of the polygon. */
const ABSENT = '-';

/** Checklist result by section (e.g. 组织准备 / 数据基础 / 技术工具 / 流程设计), one polygon per respondent group. */
export function buildRadarChart(input: RadarChartInput): ChartOption {
  const top = gridTop(input.title, input.subtitle);
  return {
    ...baseOption(input.title, input.subtitle),
    legend: { ...bottomLegend(), data: input.series.map((s) => s.name) },
    radar: {
      indicator: input.indicators.map((ind, k) => {
        const unanswered =
          input.series.some((s) => s.style !== 'reference') &&
          input.series.every((s) => s.style === 'reference' || !Number.isFinite(s.values[k] ?? Number.NaN));
        return { name: unanswered && input.unansweredLabel ? `${ind.name}\n(${input.unansweredLabel})` : ind.name, max: ind.max };
      }),
      center: ['50%', `${top > 24 ? 55 : 50}%`],
      radius: '62%',
      splitNumber: 4,
      axisName: { color: CHART_THEME.text, fontFamily: CHART_FONT_FAMILY, fontSize: 12 },
      splitLine: { lineStyle: { color: CHART_THEME.splitLine } },
      splitArea: { areaStyle: { color: ['#FFFFFF', '#F6F8FB'] } },
      axisLine: { lineStyle: { color: CHART_THEME.axisLine } },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 5,
        data: input.series.map((s, i) => {
          const color = CHART_THEME.palette[i % CHART_THEME.palette.length] ?? CHART_THEME.palette[0];
          const reference = s.style === 'reference';
          return {
            name: s.name,
            value: s.values.map((v) => (v === null || !Number.isFinite(v) ? ABSENT : v)),
            itemStyle: { color },
            lineStyle: { color, width: 2, type: reference ? ('dashed' as const) : ('solid' as const) },
            ...(reference ? {} : { areaStyle: { color, opacity: 0.18 } }),
          };
        }),
      },
    ],
  };
}
