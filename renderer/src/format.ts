import type { Locale } from '../../shared/errors';

export function formatDateTime(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

export function formatInt(n: number, locale: Locale): string {
  return n.toLocaleString(locale);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// The sections' money formatter lives in shared/ (pure, unit-tested); the renderer reads it from here.
export { formatMoney } from '../../shared/display/money';
