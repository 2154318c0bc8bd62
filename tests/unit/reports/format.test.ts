import { describe, expect, it } from 'vitest';
import { formatValue, type ValueFormat } from '../../../shared/reports/format';
import { scaleColour, toneFor } from '../../../shared/reports/colour-rules';
import { CHART_THEME } from '../../../shared/charts/theme';

describe('formatValue', () => {
  it.each<[string | number | boolean | null, ValueFormat, 'zh-CN' | 'en', number | undefined, string]>([
    [0.8725, 'percent', 'zh-CN', undefined, '87.3%'],
    [1.042, 'percent', 'en', 2, '104.20%'],
    [1234567.891, 'number', 'en', undefined, '1,234,567.89'],
    [1204, 'integer', 'zh-CN', undefined, '1,204'],
    [18650000, 'currency', 'zh-CN', 0, '¥18,650,000'],
    [-12.5, 'currency', 'en', undefined, '-¥12.50'],
    ['2025-06-30T10:20:00', 'datetime', 'zh-CN', undefined, '2025-06-30 10:20'],
    ['2025-06-30', 'date', 'en', undefined, '2025-06-30'],
    [null, 'percent', 'zh-CN', undefined, '—'],
    [Number.NaN, 'number', 'zh-CN', undefined, '—'],
    ['华东', 'text', 'zh-CN', undefined, '华东'],
  ])('%s as %s (%s) → %s', (value, format, locale, decimals, expected) => {
    expect(formatValue(value, format, { locale, currency: 'CNY', ...(decimals === undefined ? {} : { decimals }) })).toBe(expected);
  });
});

describe('colour rules', () => {
  it.each([
    [50, 'red'],
    [50.9, 'red'],
    [51, 'yellow'],
    [75.9, 'yellow'],
    [76, 'green'],
    [null, null],
  ] as const)('health band of %s is %s (bands 0-50 / 51-75 / 76-100)', (value, tone) => {
    expect(toneFor({ kind: 'bands', yellowFrom: 51, greenFrom: 76 }, value)).toBe(tone);
  });
  it('tone by text and scale colour ends', () => {
    expect(toneFor({ kind: 'tones', tones: { 红: 'red' } }, '红')).toBe('red');
    expect(toneFor({ kind: 'tones', tones: { 红: 'red' } }, '绿')).toBeNull();
    expect(scaleColour({ min: 0, max: 1 }, 0)).toBe(CHART_THEME.heatRamp[0]);
    expect(scaleColour({ min: 0, max: 1 }, 1)).toBe(CHART_THEME.heatRamp[4]);
    expect(scaleColour({ min: 0, max: 1 }, null)).toBeNull();
  });
});
