import { describe, expect, it } from 'vitest';
import { inferAttributeType, perCustomerShare } from '../../../shared/import/attributes';
import { profileColumn } from '../../../shared/import/column-profile';
import { applySavedMapping } from '../../../shared/import/saved-mapping';
import { suggestMapping } from '../../../shared/import/suggest-mapping';
import type { RawCell } from '../../../shared/import/text';

const typeOf = (values: RawCell[]) => inferAttributeType(profileColumn(values));

describe('attribute typing from the sample', () => {
  it.each<[string, RawCell[], string]>([
    ['whole numbers', ['0', '1', '0', '1'], 'number'],
    ['decimals with blanks (TotalCharges)', ['29.85', ' ', '1889.50', '', '108.15'], 'number'],
    ['Excel numbers', [12, 3.5, 40], 'number'],
    ['dates', ['2024-03-01', '2024/3/2', '2024年3月3日'], 'date'],
    ['Yes/No', ['Yes', 'No', 'No'], 'category'],
    ['provinces', ['浙江', '广东', '四川'], 'category'],
    ['codes with leading zeros', ['00123', '00456', '00789'], 'category'],
    ['mostly numbers with words', ['12', '15', 'unknown', '8'], 'category'],
    ['nothing filled', ['', null], 'category'],
  ])('%s: %s', (_, values, type) => {
    expect(typeOf(values)).toBe(type);
  });
});

describe('customer-level columns of an order file', () => {
  const customers: RawCell[] = ['C1', 'C1', 'C2', 'C2', 'C3'];
  it('a column with one value per customer scores 1, a line-level column less, a sample without repeats nothing', () => {
    expect(perCustomerShare(customers, ['浙江', '浙江', '广东', '广东', '四川'])).toBe(1);
    expect(perCustomerShare(customers, ['0.1', '0.2', '0', '0', '0.4'])).toBe(0.5);
    expect(perCustomerShare(['C1', 'C2', 'C3'], ['a', 'b', 'c'])).toBeUndefined();
  });
  it('the suggestion keeps Country and leaves the discount out', () => {
    const s = suggestMapping(
      'orders',
      ['订单编号', '客户编号', '下单日期', '金额', 'Country', '折扣'],
      [
        ['O1', 'C1', '2024-01-01', '10', 'France', '0.1'],
        ['O2', 'C1', '2024-01-02', '12', 'France', '0.2'],
        ['O3', 'C2', '2024-01-03', '9', 'Germany', '0'],
        ['O4', 'C2', '2024-01-04', '11', 'Germany', '0.3'],
      ],
    );
    expect(s.assignments.filter((a) => a.field === 'attribute').map((a) => a.header)).toEqual(['Country']);
    expect(s.unmappedColumns).toEqual([5]);
  });
  it('files of other entities keep no attributes', () => {
    const s = suggestMapping('tickets', ['工单编号', '客户编号', '创建时间', 'Country'], [['T1', 'C1', '2024-01-01', 'France']]);
    expect(s.assignments.some((a) => a.field === 'attribute')).toBe(false);
  });
});

describe('one column on two fields', () => {
  it('a mapping file may name the same header for the id and the name', () => {
    const applied = applySavedMapping(
      {
        entity: 'customers',
        fields: [
          { field: 'customerKey', header: '客户编号' },
          { field: 'name', header: '客户编号' },
          { field: 'attribute', header: '省份', attributeType: 'category' },
        ],
      },
      ['客户编号', '省份'],
    );
    expect(applied.missingHeaders).toEqual([]);
    expect(applied.assignments.map((a) => [a.field, a.column])).toEqual([
      ['customerKey', 0],
      ['name', 0],
      ['attribute', 1],
    ]);
    expect(applied.assignments[2]!.attributeType).toBe('category');
  });
  it('two fields on one header both take its first copy', () => {
    const applied = applySavedMapping(
      {
        entity: 'orders',
        fields: [
          { field: 'product', header: '备注' },
          { field: 'category', header: '备注' },
        ],
      },
      ['备注', '备注'],
    );
    expect(applied.assignments.map((a) => a.column)).toEqual([0, 0]);
  });
});
