// How an engagement shows its numbers: every ISO 4217 currency with its symbol, and amounts in full
// (1,234,567) or in the reader's large units (123.5万 / 1.2亿 in Chinese, 1.2M in English). Pure:
// Intl does the work, so the UI, the PDF and the CLI say the same.

import type { Locale } from '../errors';

export const NUMBER_SCALES = ['full', 'wan'] as const;
/** full: every digit, grouped; wan: 万/亿 in Chinese (compact K/M/B in English). */
export type NumberScale = (typeof NUMBER_SCALES)[number];

let known: ReadonlySet<string> | null = null;

/** The ISO 4217 codes this runtime's Intl knows (about 300), sorted. */
export function currencyCodes(): readonly string[] {
  return [...currencySet()].sort();
}

function currencySet(): ReadonlySet<string> {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known;
}

/** A three-letter ISO 4217 code Intl knows ("CNY", "SGD", "CHF"); "ABC" or "usd" is not. */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencySet().has(code);
}

/** The currency's narrow symbol in the locale ("¥", "$", "€", "CHF" where there is none). */
export function currencySymbol(code: string, locale: Locale): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? code;
  } catch {
    return code;
  }
}

/** "美元" / "US Dollar", for a picker's label. */
export function currencyName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * An amount in the engagement's scale: full figures with grouped thousands, or 万/亿 (zh-CN: Intl's
 * compact notation is exactly 万 and 亿) with up to `compactDecimals` decimals. Below 10,000 the two
 * read the same. null and non-finite amounts are an em dash, never a silent 0.
 */
export function formatAmount(
  value: number | null | undefined,
  opts: { locale: Locale; currency?: string | null; scale?: NumberScale; decimals?: number; compactDecimals?: number },
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const money = opts.currency ? { style: 'currency' as const, currency: opts.currency, currencyDisplay: 'narrowSymbol' as const } : {};
  if (opts.scale === 'wan' && Math.abs(value) >= 10_000) {
    return new Intl.NumberFormat(opts.locale, {
      ...money,
      notation: 'compact',
      maximumFractionDigits: opts.compactDecimals ?? 1,
      minimumFractionDigits: 0,
    }).format(value);
  }
  const d = opts.decimals ?? 0;
  return new Intl.NumberFormat(opts.locale, { ...money, minimumFractionDigits: d, maximumFractionDigits: d }).format(value);
}
