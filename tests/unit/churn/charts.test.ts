import { describe, expect, it } from 'vitest';
import { buildCalibrationChart, buildGainsChart } from '../../../shared/charts';
import type { LiftRow, ReliabilityRow } from '../../../shared/churn/types';

// The churn evaluation plots are pure ECharts options: the same in the section and in the PDF.

const lift: LiftRow[] = [
  { decile: 1, customers: 10, churned: 6, rate: 0.6, lift: 3, cumulativeGain: 0.3, cumulativeShare: 0.1 },
  { decile: 2, customers: 10, churned: 4, rate: 0.4, lift: 2, cumulativeGain: 0.5, cumulativeShare: 0.2 },
  { decile: 3, customers: 80, churned: 10, rate: 0.125, lift: 0.625, cumulativeGain: 1, cumulativeShare: 1 },
];
const reliability: ReliabilityRow[] = [
  { from: 0, to: 0.1, customers: 40, meanPredicted: 0.05, observedRate: 0.075 },
  { from: 0.1, to: 0.2, customers: 0, meanPredicted: 0, observedRate: 0 },
  { from: 0.5, to: 0.6, customers: 10, meanPredicted: 0.55, observedRate: 0.6 },
];

type Series = { name: string; data: unknown[] }[];

describe('churn charts', () => {
  it('gains: starts at the origin, plots cumulative share against cumulative gain in percent, beside the random diagonal', () => {
    const o = buildGainsChart({ lift, modelName: 'Model', randomName: 'Random', xName: 'x', yName: 'y' });
    const series = o.series as Series;
    expect(series[0]!.data).toEqual([
      [0, 0],
      [10, 30],
      [20, 50],
      [100, 100],
    ]);
    expect(series[1]!.data).toEqual([
      [0, 0],
      [100, 100],
    ]);
    expect(JSON.parse(JSON.stringify(o))).toEqual(o);
  });

  it('calibration: one point per non-empty bin at (mean predicted, observed) in percent, sized by customers', () => {
    const o = buildCalibrationChart({ reliability, observedName: 'Observed', perfectName: 'Perfect', xName: 'x', yName: 'y' });
    const points = (o.series as Series)[0]!.data as { value: number[]; symbolSize: number }[];
    expect(points.map((p) => p.value)).toEqual([
      [5, 7.5, 40],
      [55, 60, 10],
    ]);
    expect(points[0]!.symbolSize).toBeGreaterThan(points[1]!.symbolSize);
    expect(JSON.parse(JSON.stringify(o))).toEqual(o);
  });
});
