import type { Locale } from '../../shared/errors';
import { formatAmount, type NumberScale } from '../../shared/display/numbers';

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

/**
 * An amount as the engagement shows it: its currency's symbol and full grouped figures or 万/亿
 * (display.get), whole units. The one money formatter of the sections, so a figure reads the same on
 * the overview, the diagnostics, health, churn, 客户价值, 流失复盘 and 成效评估.
 */
export function formatMoney(value: number | null | undefined, opts: { locale: Locale; currency: string | null; scale: NumberScale }): string {
  return formatAmount(value === null || value === undefined ? value : Math.round(value), { locale: opts.locale, currency: opts.currency, scale: opts.scale });
}
