import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../../shared/domain/entities';
import { ENTITY_FIELDS, fieldOf, missingRequiredFields } from '../../../shared/import/fields';
import { makeFieldParser } from '../../../shared/import/field-parser';
import { normaliseHeader } from '../../../shared/import/text';
import zh from '../../../shared/i18n/locales/zh-CN/import.json';
import en from '../../../shared/i18n/locales/en/import.json';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('entity fields', () => {
  it('covers every entity kind', () => {
    expect(Object.keys(ENTITY_FIELDS).sort()).toEqual([...ENTITY_KINDS].sort());
  });

  it('has no synonym on two fields of one entity (a header must point one way)', () => {
    for (const { entity, fields } of Object.values(ENTITY_FIELDS)) {
      const seen = new Map<string, string>();
      for (const f of fields) {
        for (const s of [...f.synonyms.zh, ...f.synonyms.en]) {
          const key = normaliseHeader(s).full;
          expect({ entity, synonym: s, field: seen.get(key) ?? f.name }).toEqual({ entity, synonym: s, field: f.name });
          seen.set(key, f.name);
        }
      }
    }
  });

  it('names every field and value type in both catalogues', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    for (const { entity, fields } of Object.values(ENTITY_FIELDS)) {
      for (const f of fields) {
        expect((zh.fields as Record<string, Record<string, string>>)[entity]?.[f.name], `${entity}.${f.name}`).toBeTruthy();
        expect((zh.valueTypes as Record<string, string>)[f.type]).toBeTruthy();
      }
    }
  });

  it('derives orders.amount from quantity × unit price only when both are mapped', () => {
    expect(missingRequiredFields('orders', ['orderKey', 'customerKey', 'orderDate', 'quantity', 'unitPrice'])).toEqual([]);
    expect(missingRequiredFields('orders', ['orderKey', 'customerKey', 'orderDate', 'quantity'])).toEqual(['amount']);
    expect(missingRequiredFields('contracts', [])).toEqual(['contractKey', 'customerKey', 'startDate', 'recurringValue']);
  });
});

describe('makeFieldParser', () => {
  it('gives null for a blank optional cell and an error for a blank required one', () => {
    expect(makeFieldParser(fieldOf('orders', 'channel')!)('  ')).toEqual({ ok: true, value: null });
    expect(makeFieldParser(fieldOf('orders', 'amount')!)('')).toEqual({ ok: false, code: 'value_required', params: {} });
    expect(makeFieldParser(fieldOf('orders', 'orderDate')!)(null)).toMatchObject({ ok: false, code: 'value_required' });
  });

  it('parses by type and applies ranges and header scales', () => {
    expect(makeFieldParser(fieldOf('orders', 'amount')!)('¥1,234.50')).toEqual({ ok: true, value: 1234.5 });
    expect(makeFieldParser(fieldOf('orders', 'amount')!, { scale: 10_000 })('1.15')).toEqual({ ok: true, value: 11500 });
    expect(makeFieldParser(fieldOf('tickets', 'openedAt')!)('2024/3/1 9:05')).toEqual({ ok: true, value: '2024-03-01T09:05:00' });
    expect(makeFieldParser(fieldOf('tickets', 'satisfaction')!)('6')).toMatchObject({ ok: false, code: 'number_out_of_range', params: { min: 1, max: 5 } });
    expect(makeFieldParser(fieldOf('surveys', 'nps')!)('9分')).toEqual({ ok: true, value: 9 });
    expect(makeFieldParser(fieldOf('contracts', 'valuePeriod')!)('按年')).toEqual({ ok: true, value: 'year' });
    expect(makeFieldParser(fieldOf('interactions', 'direction')!)('来电')).toEqual({ ok: true, value: 'inbound' });
    expect(makeFieldParser(fieldOf('customers', 'isBenchmark')!)('是')).toEqual({ ok: true, value: true });
    expect(makeFieldParser(fieldOf('customers', 'tags')!)('VIP，华东')).toEqual({ ok: true, value: ['VIP', '华东'] });
    expect(makeFieldParser(fieldOf('usage', 'period')!)('2024年3月')).toEqual({ ok: true, value: '2024-03-01' });
    expect(makeFieldParser(fieldOf('projects', 'openIssues')!)('-1')).toMatchObject({ ok: false, code: 'number_out_of_range' });
  });

  it('has a catalogue reason for every error code it can return', () => {
    const codes = [
      'value_required',
      'excel_error',
      'date_unrecognised',
      'date_impossible',
      'date_out_of_range',
      'date_ambiguous',
      'time_impossible',
      'money_unrecognised',
      'money_bad_grouping',
      'money_other_currency',
      'number_unrecognised',
      'number_not_integer',
      'number_out_of_range',
      'boolean_unrecognised',
      'nps_out_of_range',
      'enum_unrecognised',
      'text_too_long',
    ];
    for (const c of codes) expect((en.reasons as Record<string, string>)[c], c).toBeTruthy();
  });
});
