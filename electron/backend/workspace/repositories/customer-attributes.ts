// The customer attributes an engagement's imports kept (migration 0013), read as typed columns aligned
// with a list of customer keys: what breakdowns, filters and the models read. One pass over the long
// table; a customer without a value for an attribute reads null.
import type { ReadableDB } from '../connection';
import type { AttributeType } from '../../../../shared/import/attributes';

export type CustomerAttributeColumn =
  | { name: string; type: 'category'; values: (string | null)[] }
  | { name: string; type: 'number'; values: (number | null)[] }
  /** 'YYYY-MM-DD' */
  | { name: string; type: 'date'; values: (string | null)[] };

export interface CustomerAttributes {
  /** The customers the columns are aligned with: the ones asked for, else the customer table in key order. */
  keys: readonly string[];
  /** In name order. */
  columns: CustomerAttributeColumn[];
}

export interface AttributeDef {
  name: string;
  type: AttributeType;
  /** Customers with a value. */
  customers: number;
}

/** The attributes kept so far, with how many customers have a value for each. */
export function attributeDefs(sqlite: ReadableDB): AttributeDef[] {
  return sqlite
    .prepare(
      `select d.name, d.type, (select count(*) from customer_attribute a where a.name = d.name) as customers
       from customer_attribute_def d order by d.name`,
    )
    .all() as AttributeDef[];
}

export function customerAttributes(sqlite: ReadableDB, keys?: readonly string[]): CustomerAttributes {
  const order = keys ?? (sqlite.prepare('select customer_key from customers order by customer_key').pluck().all() as string[]);
  const at = new Map<string, number>();
  order.forEach((k, i) => at.set(k, i));
  const defs = sqlite.prepare('select name, type from customer_attribute_def order by name').all() as { name: string; type: AttributeType }[];
  const columns = defs.map((d) => ({
    name: d.name,
    type: d.type,
    values: new Array<string | number | null>(order.length).fill(null),
  })) as CustomerAttributeColumn[];
  const byName = new Map(columns.map((c) => [c.name, c]));
  const rows = sqlite.prepare('select customer_key, name, value from customer_attribute').raw(true).iterate() as IterableIterator<
    [string, string, string | number | null]
  >;
  for (const [key, name, value] of rows) {
    const i = at.get(key);
    const col = byName.get(name);
    if (i === undefined || col === undefined) continue;
    // A value kept before its attribute changed type reads as the type says, or null when it cannot.
    if (col.type === 'number')
      col.values[i] = typeof value === 'number' ? value : value !== null && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null;
    else col.values[i] = value === null ? null : String(value);
  }
  return { keys: order, columns };
}
