import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { periodIndexOf, periodKey, periodsBetween, toDay, type Grain } from '../../../../shared/analytics';

/** The trend's range as the form keeps it: the last N periods, every period, or from a period key. */
export type TrendChoice = { kind: 'last'; n: number } | { kind: 'all' } | { kind: 'from'; from: string };

export function trendChoiceOf(p: { periodCount: number | null; periodFrom: string | null }): TrendChoice {
  if (p.periodFrom) return { kind: 'from', from: p.periodFrom };
  return p.periodCount === null ? { kind: 'all' } : { kind: 'last', n: p.periodCount };
}

export function trendParams(c: TrendChoice): { periodCount: number | null; periodFrom: string | null } {
  if (c.kind === 'from') return { periodCount: null, periodFrom: c.from };
  return c.kind === 'all' ? { periodCount: null, periodFrom: null } : { periodCount: c.n, periodFrom: null };
}

const encode = (c: TrendChoice) => (c.kind === 'last' ? `last:${c.n}` : c.kind === 'all' ? 'all' : `from:${c.from}`);
function decode(v: string): TrendChoice {
  if (v === 'all') return { kind: 'all' };
  if (v.startsWith('from:')) return { kind: 'from', from: v.slice(5) };
  return { kind: 'last', n: Number(v.slice(5)) || 12 };
}

interface Props {
  grain: Grain;
  asOf: string;
  /** First order date of the workspace; null without orders (the list then offers the last ten years). */
  first: string | null;
  value: TrendChoice;
  onChange(value: TrendChoice): void;
}

/** The trend range of the next run: the last 12 periods, every period of the data, or from a period, to the as-of period. */
export function TrendRangeField({ grain, asOf, first, value, onChange }: Props) {
  const { t } = useTranslation('analytics');
  const valid = !!asOf && !Number.isNaN(toDay(asOf));
  const keys = useMemo(() => {
    if (!valid) return [];
    const start = first && first <= asOf ? first : `${Number(asOf.slice(0, 4)) - 10}${asOf.slice(4)}`;
    return periodsBetween(start, asOf, grain).map((p) => p.key);
  }, [grain, asOf, first, valid]);
  const counts = [...new Set([12, ...(value.kind === 'last' ? [value.n] : [])])];
  // A start from another grain (2024-03 after switching to quarters) no longer names a period: back to the default.
  const shown = value.kind === 'from' && !keys.includes(value.from) ? { kind: 'last' as const, n: 12 } : value;
  return (
    <div className="field cohort-range-field">
      <span className="field-label">{t('ui.params.trend')}</span>
      <span className="cohort-range">
        <select value={encode(shown)} onChange={(e) => onChange(decode(e.target.value))} aria-label={t('ui.params.trend')} data-testid="diag-trend-from">
          {counts.map((n) => (
            <option key={n} value={`last:${n}`}>
              {t('ui.params.trendLast', { n })}
            </option>
          ))}
          <option value="all">{t('ui.params.trendAll')}</option>
          {keys.map((k) => (
            <option key={k} value={`from:${k}`}>
              {t('ui.params.trendFrom', { period: k })}
            </option>
          ))}
        </select>
        <span className="muted small">{valid ? t('ui.params.trendTo', { period: periodKey(periodIndexOf(toDay(asOf), grain), grain) }) : ''}</span>
      </span>
    </div>
  );
}
