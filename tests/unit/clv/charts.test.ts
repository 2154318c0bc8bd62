// The hold-out tracking plot's option: the same numbers as the tracking points (cumulative or per
// period), dated bucket ends, the hold-out shaded from its first bucket, and plain JSON (no functions)
// so the report renders it server-side.
import { describe, expect, it } from 'vitest';
import { buildClvShareBars, buildClvTrackingChart, trackingPointDate } from '../../../shared/charts';
import type { TrackingPoint } from '../../../shared/clv/diagnostics';
import { dayNumber } from '../../../shared/clv/summary';

const day = dayNumber('2026-01-07');
const points: TrackingPoint[] = [
  { period: day, actual: 3, predicted: 2.5, cumulativeActual: 3, cumulativePredicted: 2.5, holdout: false },
  { period: day + 7, actual: 4, predicted: 3.25, cumulativeActual: 7, cumulativePredicted: 5.75, holdout: false },
  { period: day + 14, actual: 5, predicted: 4.04, cumulativeActual: 12, cumulativePredicted: 9.79, holdout: true },
];
const names = { actualName: '实际', predictedName: '预测', holdoutName: '留出期', yName: '复购次数' };

describe('CLV tracking chart', () => {
  it('plots the cumulative or per-period series and shades the hold-out from its first bucket', () => {
    const cumulative = buildClvTrackingChart({ points, unit: 'day', mode: 'cumulative', ...names });
    const series = cumulative.series as { name: string; data: number[]; markArea?: { data: [{ xAxis: string }, { xAxis: string }][] } }[];
    expect(series.map((s) => s.name)).toEqual(['实际', '预测']);
    expect(series[0]!.data).toEqual([3, 7, 12]);
    expect(series[1]!.data).toEqual([2.5, 5.8, 9.8]);
    expect((cumulative.xAxis as { data: string[] }).data).toEqual(['2026-01-07', '2026-01-14', '2026-01-21']);
    expect(series[0]!.markArea!.data[0]![0].xAxis).toBe('2026-01-21');
    const incremental = buildClvTrackingChart({ points, unit: 'day', mode: 'incremental', ...names });
    expect((incremental.series as { data: number[] }[])[1]!.data).toEqual([2.5, 3.3, 4]);
    expect(JSON.parse(JSON.stringify(cumulative))).toEqual(cumulative);
  });

  it('without a hold-out there is nothing to shade', () => {
    const option = buildClvTrackingChart({ points: points.map((p) => ({ ...p, holdout: false })), unit: 'day', mode: 'cumulative', ...names });
    expect((option.series as { markArea?: unknown }[])[0]!.markArea).toBeUndefined();
  });

  it('a weekly bucket is dated by its Sunday (weeks start on Monday)', () => {
    // Week 2,923 since 1970-01-01 (a Thursday) runs Monday 2026-01-05 to Sunday 2026-01-11.
    expect(trackingPointDate(Math.floor((dayNumber('2026-01-07') + 3) / 7), 'week')).toBe('2026-01-11');
  });
});

describe('CLV share bars', () => {
  it("pairs each group's share of customers with its share of the book, in percent, as plain JSON", () => {
    const option = buildClvShareBars({
      categories: ['< 25%', '≥ 75%'],
      customerShare: [0.1266, 0.7939],
      valueShare: [0.003, 0.96666],
      customerShareName: '客户占比',
      valueShareName: '价值占比',
    });
    const series = option.series as { name: string; data: number[]; label: { show: boolean } }[];
    expect(series.map((x) => x.name)).toEqual(['客户占比', '价值占比']);
    expect(series[0]!.data).toEqual([12.7, 79.4]);
    expect(series[1]!.data).toEqual([0.3, 96.7]);
    expect(series[0]!.label.show).toBe(true);
    expect((option.xAxis as { data: string[] }).data).toEqual(['< 25%', '≥ 75%']);
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
    // Eleven segments: the bar labels give way to the table (they would collide).
    const many = buildClvShareBars({
      categories: Array.from({ length: 11 }, (_, i) => `s${i}`),
      customerShare: Array.from({ length: 11 }, () => 1 / 11),
      valueShare: Array.from({ length: 11 }, () => 1 / 11),
      customerShareName: 'c',
      valueShareName: 'v',
    });
    expect((many.series as { label: { show: boolean } }[])[0]!.label.show).toBe(false);
  });
});
