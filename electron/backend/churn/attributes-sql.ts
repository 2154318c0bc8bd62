// Features of an outcome-column model: the customer list as the import keeps it. The list has no
// date for its outcome, so behaviour (orders, interactions, ...) is left out: a churned customer's
// recent silence would be the outcome itself, not a predictor of it. Today the import keeps
// industry, segment, region, owner, first seen, status, churn date and reason, and tags; other
// columns of a customer file are not stored yet (run notes say so).

import type { ReadableDB } from '../workspace/connection';
import type { FeatureSnapshot } from './features-sql';
import { ATTRIBUTE_COLUMNS, revenue12mAt } from './features-sql';

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
  return {
    asOf,
    raw: {
      keys: rows.map((r) => r[0]),
      numeric: [
        { ref: { id: 'tenureDays', key: 'churn:features.tenureDays' }, values: tenure },
        { ref: { id: 'tags', key: 'churn:features.tags' }, values: tagCount },
      ],
      categorical: ATTRIBUTE_COLUMNS.map((c, j) => ({ ref: { id: `attr:${c}`, key: 'churn:features.attribute', params: { column: c } }, values: rows.map((r) => r[2 + j] as string | null) })),
    },
    names: rows.map((r) => r[1]),
    owners: rows.map((r) => r[5]),
    revenue12m: revenue12mAt(sqlite, asOf, rows.map((r) => r[0])),
    facts: [],
  };
}
