import { describe, expect, it } from 'vitest';
import { crossTabulate, customerAttribute, groupByAttribute, TIERS, type Tier } from '../../../shared/analytics';

const customers = [
  { customerKey: 'a', industry: '制造', segment: null, region: '华东', owner: '张三' },
  { customerKey: 'b', industry: '零售', segment: null, region: '华南', owner: '李四' },
  { customerKey: 'c', industry: '制造', segment: null, region: null, owner: '张三' },
  { customerKey: 'd', industry: null, segment: null, region: '华东', owner: null },
];
const keys = customers.map((c) => c.customerKey);

describe('breakdowns by customer attribute', () => {
  it('groups customer indices by value, missing values last and kept', () => {
    const g = groupByAttribute(keys, customerAttribute(customers, 'industry'));
    expect(g.map((x) => [x.value, [...x.indices]])).toEqual([
      ['制造', [0, 2]],
      ['零售', [1]],
      [null, [3]],
    ]);
  });

  it('groups by tier, a result of the run', () => {
    const tiers = new Map<string, Tier>([
      ['a', 'core'],
      ['b', 'core'],
      ['c', 'strategic'],
    ]);
    const g = groupByAttribute(keys, customerAttribute(customers, 'tier', tiers));
    expect(g.map((x) => [x.value, x.indices.length])).toEqual([
      ['core', 2],
      ['strategic', 1],
      [null, 1],
    ]);
  });

  it('cross-tabulates per-customer results with counts and values that add up', () => {
    const rows = [
      { customerIndex: 0, customerKey: 'a', tier: 'core' as Tier, revenue: 100 },
      { customerIndex: 1, customerKey: 'b', tier: 'core' as Tier, revenue: 50 },
      { customerIndex: 2, customerKey: 'c', tier: 'strategic' as Tier, revenue: 500 },
      { customerIndex: 3, customerKey: 'd', tier: 'ordinary' as Tier, revenue: 5 },
    ];
    const t = crossTabulate(
      rows,
      customerAttribute(customers, 'region'),
      (r) => r.tier,
      TIERS,
      (r) => r.revenue,
    );
    expect(t.categories).toEqual([...TIERS]);
    expect(t.rows.map((r) => [r.attribute, r.total.count, r.total.value, r.byCategory.core?.count, r.byCategory.strategic?.value])).toEqual([
      ['华东', 2, 105, 1, 0],
      ['华南', 1, 50, 1, 0],
      [null, 1, 500, 0, 500],
    ]);
  });
});
