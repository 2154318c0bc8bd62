import { describe, expect, it } from 'vitest';
import { VALUE_GROUP_RULES } from '../../../shared/analytics/rfm';
import { parseStoredParams } from '../../../shared/analytics/stored-params';

const EDITED = [
  { id: 'dormantReactivate', r: [1, 1], f: [1, 5], m: [1, 5] },
  { id: 'potentialNurture', r: [2, 5], f: [1, 5], m: [1, 5] },
];

describe('stored run parameters', () => {
  it('reads value-group rules stored under the key used before migration 0009 (rfm.seedRules)', () => {
    const p = parseStoredParams({ asOf: '2024-03-20', rfm: { scoring: 'cuts', seedRules: EDITED } });
    expect(p.rfm.valueGroupRules).toEqual(EDITED);
    expect(p.rfm.scoring).toBe('cuts');
    expect('seedRules' in p.rfm).toBe(false);
  });

  it('prefers the current key when a document has both', () => {
    const p = parseStoredParams({ asOf: '2024-03-20', rfm: { seedRules: [EDITED[0]], valueGroupRules: EDITED } });
    expect(p.rfm.valueGroupRules).toEqual(EDITED);
  });

  it('fills the default value groups when neither key is there', () => {
    const p = parseStoredParams({ asOf: '2024-03-20' });
    expect(p.rfm.valueGroupRules.map((r) => r.id)).toEqual(VALUE_GROUP_RULES.map((r) => r.id));
  });

  it('still refuses what the schema refuses, under the old key too', () => {
    expect(() => parseStoredParams({ asOf: '2024-03-20', rfm: { seedRules: [{ id: 'x', r: [4, 2], f: [1, 5], m: [1, 5] }] } })).toThrow();
  });
});
