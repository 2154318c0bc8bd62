import type { Locale } from '../errors';

// One value formatter for charts, HTML and PDF, so a figure reads the same everywhere.
// Percentages travel as FRACTIONS (0.625 = 62.5%) in every report and chart input: the analytics
// store ratios, and multiplying by 100 in one place avoids the classic 6250% slip.

export const VALUE_FORMATS = ['text', 'integer', 'number', 'currency', 'percent', 'date', 'datetime'] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

export interface FormatOptions {
  locale: Locale;
  /** ISO 4217 code of the engagement's currency; CNY unless the workspace says otherwise. */
  currency?: string;
  /** Digits after the point; defaults per format (percent 1, number 2, currency 2, integer 0). */
  decimals?: number;
}

const DEFAULT_DECIMALS: Record<ValueFormat, number> = {
  text: 0,
  integer: 0,
  number: 2,
  currency: 2,
  percent: 1,
  date: 0,
  datetime: 0,
};

export function defaultDecimals(format: ValueFormat): number {
  return DEFAULT_DECIMALS[format];
}

/** Formats one value; null, undefined and non-finite numbers become an em dash (never a silent 0). */
export function formatValue(value: string | number | boolean | null | undefined, format: ValueFormat, options: FormatOptions): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'string') {
    if (format === 'date') return value.slice(0, 10);
    if (format === 'datetime') return value.replace('T', ' ').slice(0, 16);
    return value;
  }
  if (!Number.isFinite(value)) return '—';
  const decimals = options.decimals ?? DEFAULT_DECIMALS[format];
  const nf = (min: number, max: number): Intl.NumberFormat => new Intl.NumberFormat(options.locale, { minimumFractionDigits: min, maximumFractionDigits: max });
  switch (format) {
    case 'integer':
      return nf(0, 0).format(value);
    case 'number':
    case 'text':
      return nf(decimals, decimals).format(value);
    case 'currency':
      return new Intl.NumberFormat(options.locale, {
        style: 'currency',
        currency: options.currency ?? 'CNY',
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      }).format(value);
    case 'percent':
      return `${nf(decimals, decimals).format(value * 100)}%`;
    case 'date':
    case 'datetime':
      return nf(0, 0).format(value);
    default:
      return assertNever(format);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}

/**
 * A money amount in report text (PDF paragraphs, table cells written as text): whole units, grouped
 * thousands and the currency's symbol ("¥1,234,568", "$98,765"); null is an em dash. Full figures,
 * never 万/亿: a report is read as a record, so every digit stays.
 */
export function formatMoneyText(value: number | null | undefined, options: { locale: Locale; currency: string }): string {
  return formatValue(value === null || value === undefined || !Number.isFinite(value) ? null : Math.round(value), 'currency', { ...options, decimals: 0 });
}
