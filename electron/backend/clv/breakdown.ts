// The CLV run's breakdown (shared/clv/breakdown.ts) over the stored rows: one statement reads each
// customer's CLV and P(alive) with the segment and tier the latest diagnostic run gave them (a left
// join, so a customer that run did not score falls in "not in the diagnostic run"). 100,000 customers
// are four numbers and two short strings each: read raw, aggregated in one pass.
import type { ReadableDB } from '../workspace/connection';
import { CLASSIC_SEGMENT_RULES, VALUE_GROUP_RULES } from '../../../shared/analytics/rfm';
import { TIERS } from '../../../shared/analytics/tiers';
import { clvBreakdown, type BreakdownCustomer, type ClvBreakdown } from '../../../shared/clv/breakdown';
import { latestRunId } from '../diagnostics/runs-repo';

const SEGMENT_ORDER = [...CLASSIC_SEGMENT_RULES.map((r) => r.id), ...VALUE_GROUP_RULES.map((r) => r.id)];

export function loadClvBreakdown(sqlite: ReadableDB, runId: number): ClvBreakdown {
  const diagId = latestRunId(sqlite);
  const diag =
    diagId === null ? null : (sqlite.prepare(`select id, as_of as asOf from diagnostic_run where id = ?`).get(diagId) as { id: number; asOf: string });
  const raw = sqlite
    .prepare(
      `select c.clv, c.p_alive, d.segment, d.tier from clv_customer c
       left join diagnostic_customer d on d.run_id = :diag and d.customer_key = c.customer_key
       where c.run_id = :run`,
    )
    .raw()
    .all({ run: runId, diag: diagId ?? -1 }) as [number | null, number, string | null, string | null][];
  const rows: BreakdownCustomer[] = raw.map(([clv, pAlive, segment, tier]) => ({ clv, pAlive, segment, tier }));
  return clvBreakdown(runId, rows, diag, { segments: SEGMENT_ORDER, tiers: TIERS });
}
