import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { periodsBetween, toDay, type Grain } from '../../../../shared/analytics';

interface Props {
  grain: Grain;
  asOf: string;
  /** First order date of the workspace; null without orders (the range then offers the last ten years). */
  first: string | null;
  from: string;
  to: string;
  onChange(from: string, to: string): void;
}

/** Cohort range of the next run: every cohort by default, or from / to a period of the data. */
export function CohortRangeFields({ grain, asOf, first, from, to, onChange }: Props) {
  const { t } = useTranslation('analytics');
  const keys = useMemo(() => {
    if (!asOf || Number.isNaN(toDay(asOf))) return [];
    const start = first && first <= asOf ? first : `${Number(asOf.slice(0, 4)) - 10}${asOf.slice(4)}`;
    return periodsBetween(start, asOf, grain).map((p) => p.key);
  }, [grain, asOf, first]);
  // A bound from another grain (2024-03 after switching to quarters) is kept only if it still names a period.
  const value = (k: string) => (keys.includes(k) ? k : '');
  return (
    <div className="field cohort-range-field">
      <span className="field-label">{t('ui.params.cohorts')}</span>
      <span className="cohort-range">
        <select value={value(from)} onChange={(e) => onChange(e.target.value, to)} aria-label={t('ui.params.cohortFrom')} data-testid="diag-cohort-from">
          <option value="">{t('ui.params.cohortAll')}</option>
          {keys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <span className="muted small">{t('ui.params.cohortTo')}</span>
        <select value={value(to)} onChange={(e) => onChange(from, e.target.value)} aria-label={t('ui.params.cohortTo')} data-testid="diag-cohort-to">
          <option value="">{keys[keys.length - 1] ?? '—'}</option>
          {keys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}
