// A stored diagnostic run broken down by a customer attribute the imports kept: the run's per-customer
// rows (activity, the latest period's status, 12-month revenue, tier) grouped by the attribute's value
// as it is now. The figures are the run's, so the groups add up to the run's own totals; GRR and NRR
// stay with the run's built-in breakdowns (they need the contract movements, not stored per customer).
import type { ReadableDB } from '../workspace/connection';
import { ratio, STATUS_CODES, TIERS, LIFECYCLE_STAGES, type BreakdownGroup } from '../../../shared/analytics';
import { attributeGroups } from '../../../shared/analytics/attribute-groups';
import type { AttributeBreakdown, AttributeBreakdownGroup } from '../../../shared/contract/attributes';
import type { AttributeType } from '../../../shared/import/attributes';
import { WorkbenchError } from '../errors';
import { loadRun } from './runs-repo';

type Row = [key: string, active: number, status: string, revenue12m: number, tier: string | null, stage: string | null, value: string | number | null];

export function attributeBreakdown(sqlite: ReadableDB, runId: number, name: string): AttributeBreakdown {
  const def = sqlite.prepare('select type from customer_attribute_def where name = ?').get(name) as { type: AttributeType } | undefined;
  if (!def) throw new WorkbenchError('NOT_FOUND', { what: 'customer attribute', id: name });
  const run = loadRun(sqlite, runId).results;
  const last = run.retention.length - 1;
  const lastRate = run.retention[last]?.retentionRate;
  // The run judged its latest period too short to measure: so is every group of it.
  const censored = lastRate?.value === null && lastRate.reason === 'history-shorter-than-window';
  const rows = sqlite
    .prepare(
      `select d.customer_key, d.active, substr(d.statuses, ?, 1), d.revenue_12m, d.tier, d.stage, a.value
       from diagnostic_customer d left join customer_attribute a on a.customer_key = d.customer_key and a.name = ?
       where d.run_id = ? order by d.customer_key`,
    )
    .raw(true)
    .all(last + 1, name, runId) as Row[];
  const { groups: keys, of } = attributeGroups(
    def.type,
    rows.map((r) => r[6]),
  );
  const groups: AttributeBreakdownGroup[] = keys.map((k) => ({ ...k, ...emptyGroup(k.value) }));
  rows.forEach((r, i) => {
    const g = groups[of[i]!]!;
    g.customers += 1;
    if (r[1]) g.active += 1;
    g.revenue12m += r[3];
    if (r[4]) g.tiers[r[4]] = (g.tiers[r[4]] ?? 0) + 1;
    if (r[5]) g.stages[r[5]] = (g.stages[r[5]] ?? 0) + 1;
    const s = g.retention;
    if (r[2] === STATUS_CODES.retained) s.retained += 1;
    else if (r[2] === STATUS_CODES.lost) s.lost += 1;
    else if (r[2] === STATUS_CODES.new) s.new += 1;
    else if (r[2] === STATUS_CODES.reactivated) s.reactivated += 1;
  });
  for (const g of groups) {
    const s = g.retention;
    s.start = s.retained + s.lost;
    s.gained = s.new + s.reactivated;
    s.end = s.retained + s.gained;
    s.retentionRate = censored ? { value: null, reason: 'history-shorter-than-window' } : ratio(s.retained, s.start, 'no-customers-at-start');
    s.churnRate = censored ? s.retentionRate : ratio(s.lost, s.start, 'no-customers-at-start');
  }
  return { name, type: def.type, groups };
}

function emptyGroup(value: string | null): BreakdownGroup {
  const zero = (ids: readonly string[]): Record<string, number> => Object.fromEntries(ids.map((id) => [id, 0]));
  return {
    value,
    customers: 0,
    active: 0,
    retention: {
      start: 0,
      end: 0,
      retained: 0,
      lost: 0,
      new: 0,
      reactivated: 0,
      gained: 0,
      retentionRate: { value: null, reason: null },
      churnRate: { value: null, reason: null },
    },
    grr: null,
    nrr: null,
    revenue12m: 0,
    mrr: 0,
    tiers: zero(TIERS),
    stages: zero(LIFECYCLE_STAGES),
    valueGroups: {},
  };
}
