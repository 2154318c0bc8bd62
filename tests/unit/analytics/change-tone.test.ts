import { describe, expect, it } from 'vitest';
import { changeTone, signedText, unsignedZeroPercent } from '../../../shared/analytics';
import { formatValue } from '../../../shared/reports/format';

describe('how a change reads', () => {
  const pct = (v: number) => formatValue(unsignedZeroPercent(v, 1), 'percent', { locale: 'en', decimals: 1 });
  const pp = (v: number) => signedText(v, formatValue(Math.abs(v) * 100, 'number', { locale: 'en', decimals: 1 }));
  const int = (v: number) => signedText(v, formatValue(Math.abs(v), 'integer', { locale: 'en' }));

  it('never prints a signed zero', () => {
    expect(pct(-0.00001)).toBe('0.0%');
    expect(pct(-0.0004)).toBe('0.0%');
    expect(pct(-0.0006)).toBe('-0.1%');
    expect(pp(-0.0000004)).toBe('±0.0');
    expect(pp(0.0004)).toBe('±0.0');
    expect(pp(-0.0123)).toBe('−1.2');
    expect(int(-0.2)).toBe('±0');
    expect(int(6)).toBe('+6');
  });

  it('keeps grouped thousands', () => {
    expect(int(-39_961)).toBe('−39,961');
    expect(signedText(17_266, formatValue(17_266, 'integer', { locale: 'zh-CN' }))).toBe('+17,266');
  });

  it('colours a change by good or bad news, not by its sign', () => {
    // Fewer churned customers, fewer at risk and a lower churn rate are good news.
    expect(changeTone('churned', -3, false)).toBe('good');
    expect(changeTone('atRisk', -47, false)).toBe('good');
    expect(changeTone('churnRate', -0.02, true)).toBe('good');
    expect(changeTone('atRisk', 4, false)).toBe('bad');
    expect(changeTone('growing', -160, false)).toBe('bad');
    expect(changeTone('dormantReactivate', 2, false)).toBe('bad');
    expect(changeTone('retentionRate', -0.01, true)).toBe('bad');
    expect(changeTone('highValueLoyal', 5, false)).toBe('good');
    // Neither good nor bad: the ordinary tier; a change that prints as ±0 is flat.
    expect(changeTone('ordinary', 5, false)).toBe('neutral');
    expect(changeTone('retentionRate', 0.0004, true)).toBe('flat');
    expect(changeTone('activeCustomers', null, false)).toBe('flat');
  });
});
