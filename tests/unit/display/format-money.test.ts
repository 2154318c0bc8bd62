import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../shared/display/money';

// The sections' one money formatter (health, churn, 客户价值, 流失复盘, 成效评估 via useMoney): the
// engagement's currency symbol, grouped thousands, 万/亿 when the engagement asks for it.
describe('formatMoney', () => {
  it('writes full figures with grouped thousands and the currency symbol, rounded to whole units', () => {
    expect(formatMoney(1234567.6, { locale: 'zh-CN', currency: 'CNY', scale: 'full' })).toBe('¥1,234,568');
    expect(formatMoney(1234567, { locale: 'en', currency: 'USD', scale: 'full' })).toBe('$1,234,567');
    expect(formatMoney(-98765, { locale: 'en', currency: 'EUR', scale: 'full' })).toBe('-€98,765');
  });

  it('writes 万 and 亿 in Chinese and compact units in English when the scale is wan', () => {
    expect(formatMoney(1_234_567, { locale: 'zh-CN', currency: 'CNY', scale: 'wan' })).toBe('¥123.5万');
    expect(formatMoney(234_000_000, { locale: 'zh-CN', currency: 'CNY', scale: 'wan' })).toBe('¥2.3亿');
    expect(formatMoney(1_234_567, { locale: 'en', currency: 'USD', scale: 'wan' })).toBe('$1.2M');
  });

  it('keeps amounts below 10,000 in full under either scale', () => {
    expect(formatMoney(9_876.4, { locale: 'zh-CN', currency: 'CNY', scale: 'wan' })).toBe('¥9,876');
  });

  it('prints a missing amount as a dash, never as 0', () => {
    expect(formatMoney(null, { locale: 'en', currency: 'USD', scale: 'full' })).toBe('—');
    expect(formatMoney(undefined, { locale: 'en', currency: 'USD', scale: 'wan' })).toBe('—');
    expect(formatMoney(Number.NaN, { locale: 'en', currency: 'USD', scale: 'full' })).toBe('—');
  });

  it('writes a code without a symbol of its own as the code', () => {
    expect(formatMoney(1500, { locale: 'en', currency: 'CHF', scale: 'full' })).toMatch(/^CHF\s?1,500$/);
  });
});
