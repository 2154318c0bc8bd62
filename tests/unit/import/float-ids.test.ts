import { describe, expect, it } from 'vitest';
import { unfloatId } from '../../../shared/import/values-id';
import { makeFieldParser } from '../../../shared/import/field-parser';
import { fieldOf } from '../../../shared/import/fields';

describe('unfloatId: ids a spreadsheet turned into floats', () => {
  it.each([
    ['17850.0', '17850'],
    ['17850.00', '17850'],
    ['-42.0', '-42'],
    ['0.0', '0'],
    ['1.785E4', '17850'],
    ['1.785e+4', '17850'],
    ['1.7850E4', '17850'],
    ['1E5', '100000'],
    ['4.60000000001E11', '460000000001'],
  ])('%s is the id %s', (text, id) => {
    expect(unfloatId(text)).toBe(id);
  });
  it.each(['17850', '17850.5', '1.78501E2', 'C17850.0', '17850.0A', '1.2.0', '', 'E4', '1.785E'])('%s is left as written', (text) => {
    expect(unfloatId(text)).toBeNull();
  });
});

describe('id fields read floats as the id, and say so', () => {
  it('every id field (customer, order, contract, renewed contract) folds; other text fields do not', () => {
    let told = 0;
    const opts = { onIdUnfloated: () => void told++ };
    for (const [entity, field] of [
      ['orders', 'customerKey'],
      ['orders', 'orderKey'],
      ['contracts', 'contractKey'],
      ['contracts', 'renewalOf'],
      ['customers', 'customerKey'],
      ['tickets', 'ticketKey'],
    ] as const) {
      expect(makeFieldParser(fieldOf(entity, field)!, opts)('17850.0'), `${entity}.${field}`).toEqual({ ok: true, value: '17850' });
    }
    expect(told).toBe(6);
    expect(makeFieldParser(fieldOf('orders', 'product')!, opts)('17850.0')).toEqual({ ok: true, value: '17850.0' });
    // An XLSX number cell 17850 is already the id; nothing to tell.
    expect(makeFieldParser(fieldOf('orders', 'customerKey')!, opts)(17850)).toEqual({ ok: true, value: '17850' });
    expect(told).toBe(6);
  });
});
