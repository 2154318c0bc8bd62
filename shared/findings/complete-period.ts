// Which trend period a finding quotes. The latest trend period holds the as-of date and is partial
// unless the as-of date is its last day: a retention rate over a few days of a month (or, in a
// retail export, a month made only of credit notes after the last purchase) is no headline. When the
// KPI's period is partial the finding quotes the last complete period and the one before it; when
// there is no complete period at all it quotes none (lastKey null), instead of a partial figure.

export interface TrendPeriodRef {
  period: { key: string; partial: boolean };
}

export interface KpiPeriodRef {
  periodKey: string;
  previousPeriodKey: string | null;
  partial: boolean;
}

export function completePeriodKeys(rows: readonly TrendPeriodRef[], kpi: KpiPeriodRef): { lastKey: string | null; previousKey: string | null } {
  if (!kpi.partial) return { lastKey: kpi.periodKey, previousKey: kpi.previousPeriodKey };
  const at = rows.findIndex((p) => p.period.key === kpi.periodKey);
  const before = (at < 0 ? rows : rows.slice(0, at)).filter((p) => !p.period.partial);
  const last = before[before.length - 1];
  if (!last) return { lastKey: null, previousKey: null };
  return { lastKey: last.period.key, previousKey: before[before.length - 2]?.period.key ?? null };
}
