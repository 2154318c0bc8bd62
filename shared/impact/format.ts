// How impact figures print, the same in the UI, the CLI and the reports.

import type { Locale } from '../errors';
import type { Outcome } from './experiment';
import type { IndicatorValue } from './indicators';

/** A rate as a percent with one decimal; NPS as signed points. */
export function formatIndicator(v: Pick<IndicatorValue, 'unit' | 'value'>, locale: Locale): string {
  if (v.value === null) return '—';
  if (v.unit === 'points') return `${v.value > 0 ? '+' : ''}${v.value.toFixed(1)}`;
  return `${(v.value * 100).toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
}

/** An experiment measure: rates (and their differences) in percent, revenue in money. */
export function formatMeasure(v: number, outcome: Outcome, locale: Locale): string {
  if (outcome === 'revenue') return v.toLocaleString(locale, { maximumFractionDigits: 0 });
  return `${(v * 100).toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
}
