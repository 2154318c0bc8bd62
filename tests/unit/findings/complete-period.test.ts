import { describe, expect, it } from 'vitest';
import { completePeriodKeys } from '../../../shared/findings/complete-period';

// A retail export ending 2011-01 with only credit notes after the last purchase: the 2011-01 period
// is partial, so findings quote 2010-12 against 2010-11, never "2011-01 客户留存率 82.3%".

const rows = (keys: [string, boolean][]) => keys.map(([key, partial]) => ({ period: { key, partial } }));

describe('the period a finding quotes', () => {
  it('is the KPI period when it is complete', () => {
    const r = rows([
      ['2010-11', false],
      ['2010-12', false],
    ]);
    expect(completePeriodKeys(r, { periodKey: '2010-12', previousPeriodKey: '2010-11', partial: false })).toEqual({
      lastKey: '2010-12',
      previousKey: '2010-11',
    });
  });

  it('is the last complete period and the one before when the KPI period is partial', () => {
    const r = rows([
      ['2010-10', false],
      ['2010-11', false],
      ['2010-12', false],
      ['2011-01', true],
    ]);
    expect(completePeriodKeys(r, { periodKey: '2011-01', previousPeriodKey: '2010-12', partial: true })).toEqual({
      lastKey: '2010-12',
      previousKey: '2010-11',
    });
  });

  it('is none when no period is complete, and has no previous when only one is', () => {
    expect(completePeriodKeys(rows([['2011-01', true]]), { periodKey: '2011-01', previousPeriodKey: null, partial: true })).toEqual({
      lastKey: null,
      previousKey: null,
    });
    expect(
      completePeriodKeys(
        rows([
          ['2010-12', false],
          ['2011-01', true],
        ]),
        { periodKey: '2011-01', previousPeriodKey: '2010-12', partial: true },
      ),
    ).toEqual({ lastKey: '2010-12', previousKey: null });
  });
});
