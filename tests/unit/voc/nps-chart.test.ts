import { describe, expect, it } from 'vitest';
import { buildNpsTrendChart } from '../../../shared/charts/nps';
import { vocByPeriod } from '../../../shared/voc/breakdown';

describe('NPS trend chart', () => {
  it('plots each period’s NPS, its 95% bounds and CSAT, rounded to one decimal, as plain JSON', () => {
    const rows = vocByPeriod(
      [
        { customerKey: 'A', date: '2026-01-10', nps: 10, csat: 5, comment: null },
        { customerKey: 'B', date: '2026-01-11', nps: 3, csat: 2, comment: null },
        { customerKey: 'A', date: '2026-02-10', nps: 9, csat: 4, comment: null },
      ],
      [
        { customerKey: 'A', name: 'A', firstSeen: null, churnDate: null, dims: {} },
        { customerKey: 'B', name: 'B', firstSeen: null, churnDate: null, dims: {} },
      ],
      'month',
    );
    const option = buildNpsTrendChart(rows, { nps: 'NPS', interval: '95%', csat: 'CSAT' });
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-01', '2026-02']);
    expect(series[0]!.data).toEqual([0, 100]);
    expect(series[1]!.data[0]).toBeCloseTo(rows[0]!.nps.low!, 1);
    expect(series[2]!.data[0]).toBeCloseTo(rows[0]!.nps.high!, 1);
    expect(series[3]!.data).toEqual([50, 100]);
  });
});
