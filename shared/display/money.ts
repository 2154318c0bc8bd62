import type { Locale } from '../errors';
import { formatAmount, type NumberScale } from './numbers';

/**
 * An amount as the engagement shows it on screen: its currency's symbol and full grouped figures or
 * 万/亿 (display.get), whole units. The sections' one money formatter (the renderer's useMoney), so a
 * figure reads the same on the overview, the diagnostics, health, churn, 客户价值, 流失复盘 and 成效评估.
 */
export function formatMoney(value: number | null | undefined, opts: { locale: Locale; currency: string | null; scale: NumberScale }): string {
  return formatAmount(value === null || value === undefined ? value : Math.round(value), { locale: opts.locale, currency: opts.currency, scale: opts.scale });
}
