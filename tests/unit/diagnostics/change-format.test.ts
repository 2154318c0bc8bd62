import { describe, expect, it } from 'vitest';
import { changeTone, makeFmt } from '../../../renderer/src/sections/diagnostics/labels';

describe('figures on the diagnostics screens', () => {
  const fmt = makeFmt('en', 'CNY');
  const zh = makeFmt('zh-CN', 'CNY');

  it('never prints a signed zero', () => {
    expect(fmt.pct(-0.00001)).toBe('0.0%');
    expect(fmt.pct(-0.0004, 1)).toBe('0.0%');
    expect(fmt.pct(-0.0006, 1)).toBe('-0.1%');
    expect(fmt.pp(-0.0000004)).toBe('±0.0');
    expect(fmt.pp(0.0004)).toBe('±0.0');
    expect(fmt.pp(-0.0123)).toBe('−1.2');
    expect(fmt.signedInt(-0.2)).toBe('±0');
    expect(fmt.signedInt(6)).toBe('+6');
  });

  it('groups thousands', () => {
    expect(fmt.int(1274)).toBe('1,274');
    expect(zh.int(17266)).toBe('17,266');
    expect(fmt.signedInt(-39961)).toBe('−39,961');
  });

  it('colours a change by good or bad news, not by its sign', () => {
    // Fewer churned customers and a lower churn rate are good news.
    expect(changeTone('churned', -3, false)).toBe('good');
    expect(changeTone('churnRate', -0.02, true)).toBe('good');
    expect(changeTone('atRisk', 4, false)).toBe('bad');
    expect(changeTone('atRisk', -47, false)).toBe('good');
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
