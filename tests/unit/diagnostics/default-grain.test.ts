import { describe, expect, it } from 'vitest';
import { defaultGrain } from '../../../electron/backend/diagnostics/defaults';
import type { DataOverview } from '../../../shared/contract/diagnostics';

const data = (p: Partial<DataOverview>): DataOverview => ({
  customers: 100,
  orderLines: 1000,
  contracts: 0,
  firstOrderDate: '2010-12-01',
  lastOrderDate: '2011-12-09',
  hasContracts: false,
  ...p,
});

describe('the default grain fits the data', () => {
  it('reads a 13-month order history by month', () => expect(defaultGrain(data({}))).toBe('month'));
  it('reads three years of orders or more by quarter', () => {
    expect(defaultGrain(data({ firstOrderDate: '2021-01-01', lastOrderDate: '2023-12-30' }))).toBe('month');
    expect(defaultGrain(data({ firstOrderDate: '2021-01-01', lastOrderDate: '2024-01-01' }))).toBe('quarter');
  });
  it('reads contract data by quarter', () => {
    expect(defaultGrain(data({ orderLines: 0, firstOrderDate: null, lastOrderDate: null, contracts: 40, hasContracts: true }))).toBe('quarter');
  });
  it('falls back to month without data', () => {
    expect(defaultGrain(data({ orderLines: 0, firstOrderDate: null, lastOrderDate: null }))).toBe('month');
  });
});
