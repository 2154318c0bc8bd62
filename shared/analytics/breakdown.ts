// Breakdowns by a customer attribute. Two shapes cover every diagnostic:
//   - rates that must be recomputed per group (retention, revenue retention, cohorts) take a group's
//     customer indices as their `subset` argument: groupByAttribute gives them, one pass;
//   - per-customer results (RFM segment, tier, lifecycle stage) are cross-tabulated: attribute value ×
//     category, with counts and a value (spend) per cell.
// A missing attribute is its own group (value null, labelled 未填写 / Not set), never dropped, so the
// groups always add up to the whole.

import type { Customer } from '../domain/entities';
import type { Tier } from './tiers';

export const BREAKDOWN_ATTRIBUTES = ['industry', 'segment', 'region', 'owner', 'tier'] as const;
export type BreakdownAttribute = (typeof BREAKDOWN_ATTRIBUTES)[number];

export type AttributeOf = (customerKey: string, customerIndex: number) => string | null | undefined;

export interface AttributeGroup {
  value: string | null;
  /** Customer indices (ascending) into the structure whose customerKeys were grouped. */
  indices: Int32Array;
}

const compareValues = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/** Groups ordered by value (code-point order, deterministic across locales), null last. */
export function groupByAttribute(customerKeys: readonly string[], attributeOf: AttributeOf): AttributeGroup[] {
  const acc = new Map<string | null, number[]>();
  customerKeys.forEach((k, i) => {
    const v = attributeOf(k, i) ?? null;
    const list = acc.get(v);
    if (list) list.push(i);
    else acc.set(v, [i]);
  });
  return [...acc.entries()].sort((a, b) => compareValues(a[0], b[0])).map(([value, list]) => ({ value, indices: Int32Array.from(list) }));
}

/**
 * Attribute lookup for the customer table. `tiers` (customerKey -> tier) serves the 'tier' attribute,
 * because a tier is a result of the run, not a column of the client's data.
 */
export function customerAttribute(
  customers: readonly Pick<Customer, 'customerKey' | 'industry' | 'segment' | 'region' | 'owner'>[],
  attribute: BreakdownAttribute,
  tiers?: ReadonlyMap<string, Tier>,
): AttributeOf {
  if (attribute === 'tier') return (key) => tiers?.get(key) ?? null;
  const m = new Map<string, string | null>();
  for (const c of customers) m.set(c.customerKey, c[attribute]);
  return (key) => m.get(key) ?? null;
}

export interface BreakdownCell {
  count: number;
  value: number;
}

export interface BreakdownRow {
  attribute: string | null;
  total: BreakdownCell;
  /** category id -> cell; categories with no customers in this group are present with zeros. */
  byCategory: Record<string, BreakdownCell>;
}

/**
 * Cross-tabulates per-customer rows. `categories` fixes the column order (e.g. TIERS, LIFECYCLE_STAGES,
 * segment ids); a category met in the rows but not listed is appended.
 */
export function crossTabulate<R extends { customerKey: string; customerIndex: number }>(
  rows: readonly R[],
  attributeOf: AttributeOf,
  categoryOf: (row: R) => string,
  categories: readonly string[],
  valueOf: (row: R) => number = () => 0,
): { categories: string[]; rows: BreakdownRow[] } {
  const cats = [...categories];
  const acc = new Map<string | null, BreakdownRow>();
  for (const r of rows) {
    const a = attributeOf(r.customerKey, r.customerIndex) ?? null;
    let row = acc.get(a);
    if (!row) {
      row = { attribute: a, total: { count: 0, value: 0 }, byCategory: {} };
      acc.set(a, row);
    }
    const c = categoryOf(r);
    if (!cats.includes(c)) cats.push(c);
    const cell = (row.byCategory[c] ??= { count: 0, value: 0 });
    const v = valueOf(r);
    cell.count += 1;
    cell.value += v;
    row.total.count += 1;
    row.total.value += v;
  }
  const out = [...acc.values()].sort((x, y) => compareValues(x.attribute, y.attribute));
  for (const row of out) for (const c of cats) row.byCategory[c] ??= { count: 0, value: 0 };
  return { categories: cats, rows: out };
}
