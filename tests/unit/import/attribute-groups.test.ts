import { describe, expect, it } from 'vitest';
import { attributeGroups } from '../../../shared/analytics/attribute-groups';

describe('attributeGroups', () => {
  it('categories in code-point order, no value last', () => {
    const g = attributeGroups('category', ['浙江', null, '广东', '浙江']);
    expect(g.groups).toEqual([{ value: '广东' }, { value: '浙江' }, { value: null }]);
    expect([...g.of]).toEqual([1, 2, 0, 1]);
  });
  it('numbers in quintile ranges that never share a value, even with ties across a cut', () => {
    // 10 values, 4 of them 1: the first two cuts are both 1, so one range holds all the 1s.
    const g = attributeGroups('number', [1, 1, 1, 1, 2, 3, 4, 5, 6, 7, null]);
    expect(g.groups.map((x) => x.range ?? null)).toEqual([[1, 1], [2, 3], [4, 5], [6, 7], null]);
    expect(g.groups.map((x) => x.value)).toEqual(['1', '2 – 3', '4 – 5', '6 – 7', null]);
    expect([...g.of]).toEqual([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4]);
  });
  it('dates by year', () => {
    const g = attributeGroups('date', ['2016-03-01', '2015-12-31', '2016-01-01']);
    expect(g.groups).toEqual([
      { value: '2015', year: true },
      { value: '2016', year: true },
    ]);
  });
});
