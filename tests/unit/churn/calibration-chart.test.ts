import { describe, expect, it } from 'vitest';
import { buildCalibrationChart } from '../../../shared/charts';
import type { ReliabilityRow } from '../../../shared/churn/types';

const row = (from: number, customers: number, meanPredicted: number, observedRate: number): ReliabilityRow => ({
  from,
  to: from + 0.1,
  customers,
  meanPredicted,
  observedRate,
});

describe('calibration chart before and after recalibration', () => {
  it('draws the bins before recalibration as a second, hollow series named in the legend', () => {
    const after = [row(0.1, 50, 0.15, 0.16), row(0.2, 30, 0.24, 0.25)];
    const before = [row(0.4, 40, 0.45, 0.16), row(0.6, 0, 0.65, 0), row(0.7, 40, 0.75, 0.25)];
    const o = buildCalibrationChart({
      reliability: after,
      before,
      beforeName: 'Before',
      observedName: 'After',
      perfectName: 'Perfect',
      xName: 'x',
      yName: 'y',
    }) as {
      legend: { data: string[] };
      series: { name: string; type: string; data: { value: number[] }[]; itemStyle: { color: string } }[];
    };
    expect(o.legend.data).toEqual(['After', 'Before', 'Perfect']);
    const b = o.series.find((s) => s.name === 'Before')!;
    expect(b.type).toBe('scatter');
    expect(b.itemStyle.color).toBe('transparent');
    // Empty bins are left out; points are [mean predicted %, observed %, customers].
    expect(b.data.map((d) => d.value)).toEqual([
      [45, 16, 40],
      [75, 25, 40],
    ]);
    const without = buildCalibrationChart({ reliability: after, observedName: 'After', perfectName: 'Perfect', xName: 'x', yName: 'y' }) as {
      legend: { data: string[] };
    };
    expect(without.legend.data).toEqual(['After', 'Perfect']);
  });
});
