import { describe, expect, it } from 'vitest';
import { buildCohortHeatmap, buildDistributionChart, buildRadarChart, buildTrendChart, CHART_FONT_FAMILY, CHART_THEME } from '../../../shared/charts';
import type { ChartOption } from '../../../shared/charts';

function seriesOf(option: ChartOption): Record<string, unknown>[] {
  const s = option.series;
  return (Array.isArray(s) ? s : [s]) as Record<string, unknown>[];
}

function hasFunction(node: unknown): boolean {
  if (typeof node === 'function') return true;
  if (Array.isArray(node)) return node.some(hasFunction);
  if (node !== null && typeof node === 'object') return Object.values(node).some(hasFunction);
  return false;
}

const trend = buildTrendChart({
  title: '季度留存率',
  locale: 'zh-CN',
  categories: ['Q1', 'Q2', 'Q3'],
  leftAxis: { name: '留存率', unit: 'percent' },
  rightAxis: { name: '客户数', unit: 'integer' },
  series: [
    { name: '留存率', kind: 'line', values: [0.861, null, 0.8725], showLabels: true },
    { name: '客户数', kind: 'bar', axis: 'right', values: [1120, 1150, 1178] },
  ],
});
const heat = buildCohortHeatmap({
  locale: 'zh-CN',
  cohorts: ['2024-01', '2024-02'],
  periods: ['M0', 'M1', 'M2'],
  values: [
    [1, 0.825, 0.7],
    [1, 0.6, null],
  ],
  partial: [
    [false, false, false],
    [false, true, false],
  ],
  unit: 'percent',
});
const pie = buildDistributionChart({
  kind: 'pie',
  locale: 'zh-CN',
  seriesName: '客户数',
  unit: 'integer',
  items: [
    { label: '红', value: 25, tone: 'red' },
    { label: '黄', value: 25, tone: 'yellow' },
    { label: '绿', value: 50, tone: 'green' },
  ],
});
const bar = buildDistributionChart({
  kind: 'bar',
  orientation: 'horizontal',
  locale: 'en',
  seriesName: 'Revenue',
  unit: 'currency',
  currency: 'CNY',
  items: [{ label: 'Strategic', value: 1234.5 }],
});
const radar = buildRadarChart({
  indicators: [
    { name: '组织准备', max: 5 },
    { name: '数据基础', max: 5 },
  ],
  series: [
    { name: '自评', values: [3.2, null] },
    { name: '目标', values: [4, 4], style: 'reference' },
  ],
  unansweredLabel: '尚无回答',
});

describe('chart builders', () => {
  it.each([
    ['trend', trend],
    ['heatmap', heat],
    ['pie', pie],
    ['bar', bar],
    ['radar', radar],
  ])('%s option is plain JSON data in the shared theme', (_, option) => {
    expect(hasFunction(option)).toBe(false);
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
    expect((option.textStyle as { fontFamily: string }).fontFamily).toBe(CHART_FONT_FAMILY);
  });

  it('uses a font list that starts with Noto Sans CJK SC, ends with sans-serif and has no double quote', () => {
    expect(CHART_FONT_FAMILY.startsWith("'Noto Sans CJK SC'")).toBe(true);
    expect(CHART_FONT_FAMILY.endsWith('sans-serif')).toBe(true);
    expect(CHART_FONT_FAMILY).not.toContain('"');
  });

  it('trend: percent fractions are plotted as 0-100, gaps stay null, the count goes on the right axis', () => {
    const [line, barSeries] = seriesOf(trend);
    expect(line?.['type']).toBe('line');
    expect(line?.['yAxisIndex']).toBe(0);
    expect(line?.['data']).toEqual([
      { value: 86.1, label: { show: true, formatter: '86.1%' } },
      null,
      { value: 87.25, label: { show: true, formatter: '87.3%' } },
    ]);
    expect(barSeries?.['yAxisIndex']).toBe(1);
    expect(barSeries?.['data']).toEqual([1120, 1150, 1178]);
    const yAxes = trend.yAxis as { axisLabel: { formatter: string } }[];
    expect(yAxes.map((a) => a.axisLabel.formatter)).toEqual(['{value}%', '{value}']);
  });

  it('heatmap: one cell per observed value, partial cells dashed and starred, scale 0-100', () => {
    const data = seriesOf(heat)[0]?.['data'] as { value: number[]; label: { formatter: string }; itemStyle?: { borderType: string } }[];
    expect(data).toHaveLength(5); // the null cell is not drawn
    const partialCell = data.find((d) => d.value[0] === 1 && d.value[1] === 1);
    expect(partialCell?.value).toEqual([1, 1, 60]);
    expect(partialCell?.label.formatter).toBe('60%*');
    expect(partialCell?.itemStyle?.borderType).toBe('dashed');
    const full = data.find((d) => d.value[0] === 1 && d.value[1] === 0);
    expect(full?.label.formatter).toBe('83%');
    expect(full?.itemStyle).toBeUndefined();
    expect((heat.visualMap as { max: number }).max).toBe(100);
    expect((heat.yAxis as { inverse: boolean }).inverse).toBe(true);
  });

  it('distribution: health tones are red/yellow/green and the pie labels carry the share', () => {
    const data = seriesOf(pie)[0]?.['data'] as { itemStyle: { color: string }; label: { formatter: string } }[];
    expect(data.map((d) => d.itemStyle.color)).toEqual([CHART_THEME.tones.red, CHART_THEME.tones.yellow, CHART_THEME.tones.green]);
    expect(data[2]?.label.formatter).toBe('绿\n50 (50.0%)');
    const barData = seriesOf(bar)[0]?.['data'] as { value: number; label: { formatter: string } }[];
    expect(barData[0]?.value).toBe(1234.5);
    expect(barData[0]?.label.formatter).toBe('¥1,234.50');
  });

  it('radar: an unanswered section is a gap named as such, never a 0; the reference polygon is dashed without fill', () => {
    const data = seriesOf(radar)[0]?.['data'] as { value: (number | string)[]; lineStyle: { type: string }; areaStyle?: unknown }[];
    expect(data[0]?.value).toEqual([3.2, '-']);
    const names = (radar as { radar: { indicator: { name: string }[] } }).radar.indicator.map((i) => i.name);
    // The target alone does not count as an answer.
    expect(names).toEqual(['组织准备', '数据基础\n(尚无回答)']);
    expect(data[0]?.areaStyle).toBeDefined();
    expect(data[1]?.lineStyle.type).toBe('dashed');
    expect(data[1]?.areaStyle).toBeUndefined();
  });
});
