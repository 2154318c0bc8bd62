// NPS over time with its 95% interval (dashed bounds) and CSAT on a second axis: the voice-of-the-
// customer trend, for the section (canvas) and the report (SVG), from the same rows.
import type { VocGroupRow } from '../voc/breakdown';
import { baseOption, bottomLegend, CHART_FONT_FAMILY, CHART_THEME, gridTop, type ChartOption } from './theme';

export interface NpsTrendLabels {
  title?: string;
  nps: string;
  interval: string;
  csat: string;
}

const r1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

export function buildNpsTrendChart(rows: readonly VocGroupRow[], labels: NpsTrendLabels): ChartOption {
  const axisLabel = { fontFamily: CHART_FONT_FAMILY, color: CHART_THEME.mutedText };
  const bound = (name: string, data: (number | null)[]) => ({
    name,
    type: 'line' as const,
    data,
    symbol: 'none',
    lineStyle: { type: 'dashed' as const, width: 1, color: CHART_THEME.palette[4] },
    itemStyle: { color: CHART_THEME.palette[4] },
    connectNulls: false,
  });
  return {
    ...baseOption(labels.title),
    tooltip: { trigger: 'axis' },
    legend: { ...bottomLegend(), data: [labels.nps, labels.interval, labels.csat] },
    grid: { left: 48, right: 48, top: gridTop(labels.title, undefined), bottom: 40 },
    xAxis: { type: 'category', data: rows.map((r) => r.key), axisLabel, axisLine: { lineStyle: { color: CHART_THEME.axisLine } } },
    yAxis: [
      { type: 'value', min: -100, max: 100, name: 'NPS', axisLabel, splitLine: { lineStyle: { color: CHART_THEME.splitLine } } },
      { type: 'value', min: 0, max: 100, name: 'CSAT %', axisLabel, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.nps,
        type: 'line',
        data: rows.map((r) => r1(r.nps.nps)),
        symbolSize: 7,
        lineStyle: { width: 2.5 },
        itemStyle: { color: CHART_THEME.palette[0] },
      },
      bound(
        labels.interval,
        rows.map((r) => r1(r.nps.low)),
      ),
      bound(
        labels.interval,
        rows.map((r) => r1(r.nps.high)),
      ),
      {
        name: labels.csat,
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => r1(r.csat.csat)),
        itemStyle: { color: CHART_THEME.palette[2] },
        lineStyle: { width: 1.5 },
      },
    ],
  };
}
