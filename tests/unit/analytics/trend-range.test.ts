import { describe, expect, it } from 'vitest';
import { AnalyticsParamsSchema, ledgerFromOrderLines, runDiagnostics, toDay, trendPeriods, type DiagnosticInputs } from '../../../shared/analytics';

// The trend's range: the last N periods (12 by default), every period of the data, or from a period;
// always ending with the as-of period, never listing periods before the first data.

const history = { startDay: toDay('2022-03-15'), censorDays: 30 };
const keys = (sel: { periodCount: number | null; periodFrom: string | null }, grain: 'month' | 'quarter' | 'year' = 'month', asOf = '2024-06-30') =>
  trendPeriods(sel, grain, toDay(asOf), history).map((p) => p.key);

describe('trend range', () => {
  it('by default the last 12 periods end with the as-of period', () => {
    const k = keys({ periodCount: 12, periodFrom: null });
    expect(k).toHaveLength(12);
    expect([k[0], k[11]]).toEqual(['2023-07', '2024-06']);
  });

  it('"all" starts with the period of the first data: 28 months from 2022-03 to 2024-06', () => {
    const k = keys({ periodCount: null, periodFrom: null });
    expect(k).toHaveLength(28);
    expect([k[0], k[27]]).toEqual(['2022-03', '2024-06']);
  });

  it('from a period (key or date) to the as-of period; a start before the data starts with the data', () => {
    expect(keys({ periodCount: 12, periodFrom: '2024-02' })).toEqual(['2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    expect(keys({ periodCount: null, periodFrom: '2024-02-17' })[0]).toBe('2024-02');
    expect(keys({ periodCount: null, periodFrom: '2020' })[0]).toBe('2022-03');
    // A start after the as-of period leaves the as-of period alone.
    expect(keys({ periodCount: null, periodFrom: '2025-01' })).toEqual(['2024-06']);
  });

  it('a yearly trend spans the data’s years only, however many are asked for', () => {
    expect(keys({ periodCount: 12, periodFrom: null }, 'year')).toEqual(['2022', '2023', '2024']);
    expect(keys({ periodCount: null, periodFrom: null }, 'year')).toEqual(['2022', '2023', '2024']);
    expect(keys({ periodCount: null, periodFrom: null }, 'quarter')).toHaveLength(10);
  });

  it('a run with every period keeps the KPIs on the as-of period', () => {
    const line = (customerKey: string, orderKey: string, orderDate: string) => ({ customerKey, orderKey, orderDate, amount: 10 });
    const lines = [];
    // One customer buying every month from 2022-03 to 2024-06: 28 periods.
    for (let m = 0; m < 28; m++) lines.push(line('A', `a${m}`, `${2022 + Math.floor((m + 2) / 12)}-${String(((m + 2) % 12) + 1).padStart(2, '0')}-10`));
    const inputs: DiagnosticInputs = {
      ledger: ledgerFromOrderLines(lines, ['A']),
      contracts: [],
      attributes: { name: ['A'], industry: [], segment: [], region: [], owner: [], isBenchmark: [] },
      data: { customers: 1, orderLines: 28, orders: 28, contracts: 0, firstOrderDate: '2022-03-10', lastOrderDate: '2024-06-10', firstContractDate: null },
    };
    const r = runDiagnostics(inputs, AnalyticsParamsSchema.parse({ asOf: '2024-06-30', periodCount: null, activity: { windowDays: 40 } })).result;
    expect(r.retention.map((p) => p.period.key)).toHaveLength(28);
    expect(r.kpis.retentionRate.periodKey).toBe('2024-06');
    expect(r.kpis.retentionRate.previousPeriodKey).toBe('2024-05');
    const last12 = runDiagnostics(inputs, AnalyticsParamsSchema.parse({ asOf: '2024-06-30', activity: { windowDays: 40 } })).result;
    expect(last12.retention).toHaveLength(12);
    expect(last12.kpis.retentionRate).toEqual(r.kpis.retentionRate);
  });
});
