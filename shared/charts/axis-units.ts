import type { Locale } from '../errors';
import { formatValue } from '../reports/format';
import { roundTo } from './theme';

/** How a chart shows a quantity. Percent values come in as fractions (0.625) and are plotted as 62.5. */
export type ChartUnit = 'percent' | 'number' | 'integer' | 'currency';

export function plotValue(value: number | null | undefined, unit: ChartUnit): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return unit === 'percent' ? roundTo(value * 100, 4) : value;
}

/** A static label string per data point (ECharts string templates only, no formatter functions). */
export function labelFor(value: number | null | undefined, unit: ChartUnit, locale: Locale, currency?: string, decimals?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return formatValue(value, unit, { locale, ...(currency ? { currency } : {}), ...(decimals === undefined ? {} : { decimals }) });
}

/** Axis tick template for a unit; a string template keeps the option serialisable. */
export function axisLabelTemplate(unit: ChartUnit): string {
  return unit === 'percent' ? '{value}%' : '{value}';
}
