// The customer attributes of one import: a reader per attribute column (by its type), and the values
// each accepted row gives its customer. An order file repeats a customer's country on every line, so
// a value is handed on only when it differs from the last one this batch gave that customer.
import { ATTRIBUTE_FIELD, attributeName, type AttributeType } from '../../../shared/import/attributes';
import type { MappingEntry } from '../../../shared/import/batch';
import type { DateOptions, Read } from '../../../shared/import/values';
import { readDate, readNumber, readText } from '../../../shared/import/values';
import { isBlankCell, type RawCell } from '../../../shared/import/text';

export interface AttributeColumn {
  name: string;
  type: AttributeType;
  column: number;
  header: string;
  read(raw: RawCell): Read<string | number> | null;
}

/** The mapping's attribute columns, named by their headers (a repeated header gets its column number). */
export function attributeColumns(mapping: readonly MappingEntry[], opts: DateOptions): AttributeColumn[] {
  const names = new Set<string>();
  return mapping
    .filter((m) => m.field === ATTRIBUTE_FIELD)
    .map((m) => {
      let name = attributeName(m.header, m.column);
      if (names.has(name)) name = `${name} (${m.column + 1})`;
      names.add(name);
      const type = m.attributeType ?? 'category';
      const parse = type === 'number' ? readNumber : type === 'date' ? (raw: RawCell) => readDate(raw, opts) : readText;
      return { name, type, column: m.column, header: m.header || `#${m.column + 1}`, read: (raw: RawCell) => (isBlankCell(raw) ? null : parse(raw)) };
    });
}

/** Per attribute, the last value given to each customer in this batch. */
export function attributeCollector(count: number): (customerKey: string, attribute: number, value: string | number) => boolean {
  const last = Array.from({ length: count }, () => new Map<string, string | number>());
  return (customerKey, attribute, value) => {
    const m = last[attribute]!;
    if (m.get(customerKey) === value) return false;
    m.set(customerKey, value);
    return true;
  };
}
