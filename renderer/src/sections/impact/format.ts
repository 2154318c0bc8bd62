import type { Locale } from '../../../../shared/errors';
import type { Outcome } from '../../../../shared/impact/experiment';

/** A difference or an effect: percentage points for rates, money for revenue. */
export function formatEffect(v: number, outcome: Outcome, locale: Locale, money: (v: number) => string): string {
  if (outcome === 'revenue') return money(v);
  const pts = (v * 100).toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return locale === 'zh-CN' ? `${pts} 个百分点` : `${pts} pp`;
}

export const formatP = (p: number): string => (p < 0.0001 ? p.toExponential(1) : p.toFixed(4));

/** Comma- or 、-separated values typed into one field. */
export const splitValues = (s: string): string[] =>
  s
    .split(/[,，、;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
