// Features of an outcome-column model: the customer list as the import keeps it (its fields and
// every other column, kept as typed customer attributes). The list has no date for its outcome, so
// behaviour (orders, interactions, ...) is left out: a churned customer's recent silence would be
// the outcome itself, not a predictor of it; and any column that alone separates churned from
// retained is dropped as a leak by the design (COLUMN_DESIGN in run.ts).

import type { ReadableDB } from '../workspace/connection';
import type { FeatureSnapshot } from './features-sql';
import { ATTRIBUTE_COLUMNS, revenue12mAt } from './features-sql';
import { customerAttributes } from '../workspace/repositories/customer-attributes';
import type { CategoricalFeature, NumericFeature } from '../../../shared/churn/design';

export function customerSnapshot(sqlite: ReadableDB, asOf: string): FeatureSnapshot {
  const rows = sqlite
    .prepare(`select customer_key, name, industry, segment, region, owner, substr(first_seen, 1, 10), tags from customers order by customer_key`)
    .raw(true)
    .all() as [string, string, string | null, string | null, string | null, string | null, string | null, string][];
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const tenure = Float64Array.from(rows, (r) => (r[6] ? Math.round((asOfMs - Date.parse(`${r[6]}T00:00:00Z`)) / 86_400_000) : NaN));
  const tagCount = Float64Array.from(rows, (r) => {
    try {
      const t = JSON.parse(r[7]) as unknown;
      return Array.isArray(t) ? t.length : 0;
    } catch {
      return 0;
    }
  });
  const keys = rows.map((r) => r[0]);
  const numeric: NumericFeature[] = [
    { ref: { id: 'tenureDays', key: 'churn:features.tenureDays' }, values: tenure },
    { ref: { id: 'tags', key: 'churn:features.tags' }, values: tagCount },
  ];
  const categorical: CategoricalFeature[] = ATTRIBUTE_COLUMNS.map((c, j) => ({
    ref: { id: `attr:${c}`, key: 'churn:features.attribute', params: { column: c } },
    values: rows.map((r) => r[2 + j] as string | null),
  }));
  for (const col of customerAttributes(sqlite, keys).columns) {
    const ref = { id: `custom:${col.name}`, key: 'churn:features.customAttribute', params: { name: col.name } };
    if (col.type === 'category') categorical.push({ ref, values: col.values });
    else if (col.type === 'number') numeric.push({ ref, values: Float64Array.from(col.values, (v) => (v === null ? NaN : v)) });
    // A date reads as days before the as-of date (contract start, last visit, ...).
    else
      numeric.push({
        ref: { ...ref, key: 'churn:features.customDate' },
        values: Float64Array.from(col.values, (v) => (v === null ? NaN : Math.round((asOfMs - Date.parse(`${v}T00:00:00Z`)) / 86_400_000))),
      });
  }
  return {
    asOf,
    raw: { keys, numeric, categorical },
    names: rows.map((r) => r[1]),
    owners: rows.map((r) => r[5]),
    revenue12m: revenue12mAt(
      sqlite,
      asOf,
      rows.map((r) => r[0]),
    ),
    facts: [],
  };
}
