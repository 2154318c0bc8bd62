// Customer attributes: the columns of a customer list no canonical field takes (gender, tenure,
// 细分, 省/自治区, ...), and the customer-level columns of an order file (a customer's country or
// segment repeated on every line). Each is kept under its header with a type the preview infers from
// the sample and the user may change: a category (text), a number or a date.
import type { ColumnProfile } from './column-profile';
import type { RawCell } from './text';
import { cleanText, isBlankCell } from './text';

export const ATTRIBUTE_TYPES = ['category', 'number', 'date'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** The mapping's field name for a column kept as a customer attribute (its name is the header). */
export const ATTRIBUTE_FIELD = 'attribute';

/** Entities whose files can carry customer attributes. */
export const ATTRIBUTE_ENTITIES = ['customers', 'orders'] as const;

/** The type the sample suggests: numbers or dates when nearly all filled cells read so, else a category. */
export function inferAttributeType(p: ColumnProfile): AttributeType {
  if (p.nonEmpty === 0) return 'category';
  // Dates first: 20240301 reads as a number too. Codes with leading zeros (001, 0755) stay categories.
  if (p.date >= 0.9) return 'date';
  if (p.number >= 0.95 && p.idLike < 0.5) return 'number';
  return 'category';
}

/**
 * Whether an order file's column holds one value per customer in the sample (a customer's country,
 * segment or province on every line), judged on the customers seen on two lines or more. Undefined
 * when no customer repeats: the sample cannot tell.
 */
export function perCustomerShare(customerCells: readonly RawCell[], cells: readonly RawCell[]): number | undefined {
  const seen = new Map<string, string>();
  const repeated = new Map<string, boolean>();
  for (let i = 0; i < customerCells.length; i++) {
    const k = customerCells[i];
    if (k === undefined || isBlankCell(k)) continue;
    const key = cleanText(String(k));
    const v = isBlankCell(cells[i] ?? null) ? '' : cleanText(String(cells[i]));
    const before = seen.get(key);
    if (before === undefined) seen.set(key, v);
    else repeated.set(key, (repeated.get(key) ?? true) && before === v);
  }
  if (repeated.size === 0) return undefined;
  let same = 0;
  for (const ok of repeated.values()) if (ok) same++;
  return same / repeated.size;
}

/** Attribute names are the headers as the client wrote them, trimmed; a blank header is named by its column. */
export function attributeName(header: string, column: number): string {
  const h = cleanText(header);
  return h.length > 0 ? h.slice(0, 100) : `#${column + 1}`;
}
