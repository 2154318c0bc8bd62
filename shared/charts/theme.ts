import type { EChartsOption } from 'echarts';

/** Every builder returns this: a plain, JSON-serialisable ECharts option (no formatter functions), so
 *  it can be stored in a report model, sent over IPC and rendered by the dashboard or server-side. */
export type ChartOption = EChartsOption;

// Single quotes, not double: ECharts' SVG renderer writes the family verbatim into a double-quoted
// style attribute, and a double quote there breaks the SVG embedded in the PDF's HTML.
export const CHART_FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export type Tone = 'red' | 'yellow' | 'green' | 'neutral';

export const CHART_THEME = {
  fontFamily: CHART_FONT_FAMILY,
  text: '#1F2A37',
  mutedText: '#5B6678',
  axisLine: '#C5CCD6',
  splitLine: '#E6EAF0',
  background: '#FFFFFF',
  // Navy first: the series the reader should look at; the rest stay distinguishable in greyscale print.
  palette: ['#1F4E79', '#2E8B8B', '#E0A526', '#8E5EA2', '#5B8DB8', '#C8553D', '#6B7A8F', '#7FB069'],
  tones: {
    red: '#D64545',
    yellow: '#E8B53A',
    green: '#3A9D5D',
    neutral: '#8A94A6',
  } satisfies Record<Tone, string>,
  // Cohort heatmap: white at 0 to navy at the top of the scale.
  heatRamp: ['#F4F7FB', '#BFD4EA', '#6A9BC9', '#2C6496', '#163B5C'],
  partialBorder: '#8A94A6',
} as const;

export function toneColor(tone: Tone): string {
  return CHART_THEME.tones[tone];
}

/** Parts every chart shares; builders spread this first and add their own. */
export function baseOption(title: string | undefined, subtitle?: string): EChartsOption {
  return {
    backgroundColor: CHART_THEME.background,
    color: [...CHART_THEME.palette],
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: CHART_THEME.text, fontSize: 12 },
    ...(title || subtitle
      ? {
          title: {
            text: title ?? '',
            ...(subtitle ? { subtext: subtitle } : {}),
            left: 'left',
            textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 15, fontWeight: 'bold', color: CHART_THEME.text },
            subtextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 11, color: CHART_THEME.mutedText },
          },
        }
      : {}),
    tooltip: { trigger: 'item' },
  };
}

/** Legend placed at the bottom so it never collides with a left-aligned title. */
export function bottomLegend(): EChartsOption['legend'] {
  return {
    bottom: 0,
    left: 'center',
    icon: 'roundRect',
    itemWidth: 14,
    itemHeight: 8,
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: CHART_THEME.mutedText, fontSize: 11 },
  };
}

/** Top of the plot area: room for a title (and subtitle) when there is one. */
export function gridTop(title: string | undefined, subtitle: string | undefined): number {
  if (!title) return subtitle ? 40 : 24;
  return subtitle ? 68 : 48;
}

export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
