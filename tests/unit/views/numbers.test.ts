import { describe, expect, it } from 'vitest';
import { currencyCodes, currencyName, currencySymbol, formatAmount, isCurrencyCode } from '../../../shared/display/numbers';

describe('number display', () => {
  it('knows every ISO 4217 code Intl knows, and refuses the rest', () => {
    expect(currencyCodes().length).toBeGreaterThan(150);
    for (const c of ['CNY', 'HKD', 'USD', 'EUR', 'JPY', 'SGD', 'CHF', 'TWD', 'KRW', 'GBP', 'AUD', 'MOP', 'THB', 'VND', 'INR'])
      expect(isCurrencyCode(c)).toBe(true);
    for (const c of ['ABC', 'usd', 'US', 'RMB', 'YUAN', '']) expect(isCurrencyCode(c)).toBe(false);
  });

  it('gives each currency its symbol and name', () => {
    expect(currencySymbol('CNY', 'zh-CN')).toBe('¥');
    expect(currencySymbol('USD', 'zh-CN')).toBe('$');
    expect(currencySymbol('EUR', 'en')).toBe('€');
    expect(currencySymbol('GBP', 'en')).toBe('£');
    expect(currencyName('USD', 'zh-CN')).toBe('美元');
    expect(currencyName('SGD', 'en')).toBe('Singapore Dollar');
  });

  it('shows full figures with grouped thousands, or 万/亿', () => {
    expect(formatAmount(4_604_011, { locale: 'zh-CN', currency: 'CNY' })).toBe('¥4,604,011');
    expect(formatAmount(4_604_011, { locale: 'zh-CN', currency: 'CNY', scale: 'wan' })).toBe('¥460.4万');
    expect(formatAmount(123_456_789, { locale: 'zh-CN', scale: 'wan' })).toBe('1.2亿');
    expect(formatAmount(-35_000, { locale: 'zh-CN', currency: 'CNY', scale: 'wan' })).toBe('-¥3.5万');
    // Below 万 the two read the same.
    expect(formatAmount(9_999, { locale: 'zh-CN', currency: 'CNY', scale: 'wan' })).toBe('¥9,999');
    expect(formatAmount(4_604_011, { locale: 'en', currency: 'USD', scale: 'wan' })).toBe('$4.6M');
    expect(formatAmount(1_234_567.891, { locale: 'en', decimals: 2 })).toBe('1,234,567.89');
    expect(formatAmount(null, { locale: 'zh-CN' })).toBe('—');
  });
});
