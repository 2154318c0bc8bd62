// Who churned, two ways. From history: a customer active at the cutoff (under the engagement's
// activity definition, the one its diagnostic runs use) is churned when the activity span holding
// the cutoff ends within the horizon, or the customer list dates their churn inside it. From an
// outcome column: the customer list's status read as churned / retained.

import type { ReadableDB } from '../workspace/connection';
import { loadDiagnosticInputs } from '../diagnostics/inputs-sql';
import { contractActivity, purchaseActivity, spanAt, toDay, type ActivityBasis, type ActivitySpans, type DiagnosticInputs } from '../../../shared/analytics';
import { FALLBACK_WINDOW_DAYS, resolveActivityWindow } from '../../../shared/analytics/window';
import { latestRunId, loadRun } from '../diagnostics/runs-repo';

export interface ActivityDefinition {
  basis: ActivityBasis;
  /** Purchase window in days (non-contractual); null for contracts. */
  windowDays: number | null;
  /** Where it came from: the latest diagnostic run's parameters, or the data's default. */
  source: 'diagnostic-run' | 'default';
}

export interface HistoryActivity {
  definition: ActivityDefinition;
  spans: ActivitySpans;
  index: Map<string, number>;
  /** The customer list's churn dates ('YYYY-MM-DD'). */
  churnDates: Map<string, string>;
}

export function loadHistoryActivity(sqlite: ReadableDB, asOf: string): HistoryActivity {
  const inputs: DiagnosticInputs = loadDiagnosticInputs(sqlite);
  const runId = latestRunId(sqlite);
  let definition: ActivityDefinition;
  const asOfDay = toDay(asOf);
  if (runId !== null) {
    const run = loadRun(sqlite, runId);
    const basis = run.params.activity.basis;
    definition = { basis, windowDays: basis === 'contractual' ? null : run.windowDays, source: 'diagnostic-run' };
  } else {
    const basis: ActivityBasis = inputs.data.orders > 0 || inputs.contracts.length === 0 ? 'non-contractual' : 'contractual';
    const windowDays = basis === 'contractual' ? null : resolveActivityWindow(inputs.ledger, asOfDay, null).days;
    definition = { basis, windowDays, source: 'default' };
  }
  const keys = inputs.ledger.customerKeys;
  const spans =
    definition.basis === 'contractual'
      ? contractActivity(inputs.contracts, keys)
      : purchaseActivity(inputs.ledger, definition.windowDays ?? FALLBACK_WINDOW_DAYS);
  const index = new Map<string, number>();
  spans.customerKeys.forEach((k, i) => index.set(k, i));
  const churnDates = new Map<string, string>();
  for (const [k, d] of sqlite
    .prepare(`select customer_key, substr(churn_date, 1, 10) from customers where churn_date is not null`)
    .raw(true)
    .iterate() as IterableIterator<[string, string]>) {
    churnDates.set(k, d);
  }
  return { definition, spans, index, churnDates };
}

/**
 * Days after `cutoff` at which customer `key`, active at the cutoff, churned within the horizon: the
 * first inactive day after the span holding the cutoff, or the list's churn date, whichever comes
 * first; null when neither falls within the horizon; undefined when not active at the cutoff (or
 * churned on or before it).
 */
export function churnInDays(a: HistoryActivity, key: string, cutoff: string, horizonDays: number): number | null | undefined {
  const c = toDay(cutoff);
  const cd = a.churnDates.get(key);
  const cdDay = cd ? toDay(cd) : NaN;
  if (cdDay <= c) return undefined;
  const i = a.index.get(key);
  if (i === undefined) return undefined;
  const s = spanAt(a.spans, i, c);
  if (s < 0) return undefined;
  // A lapse counts only when the customer is still inactive at the horizon's end: a late order that
  // resumes the relationship inside the horizon is a gap, not churn.
  const lapsed = (a.spans.ends[s] as number) + 1;
  const lapse = lapsed <= c + horizonDays && spanAt(a.spans, i, c + horizonDays) < 0 ? lapsed : Infinity;
  const first = Math.min(lapse, Number.isNaN(cdDay) ? Infinity : cdDay);
  return first - c <= horizonDays ? first - c : null;
}

/** History labels at a cutoff: 1 churned within the horizon, 0 stayed, undefined not active at the cutoff. */
export function historyLabels(a: HistoryActivity, keys: readonly string[], cutoff: string, horizonDays: number): (0 | 1 | undefined)[] {
  return keys.map((k) => {
    const d = churnInDays(a, k, cutoff, horizonDays);
    return d === undefined ? undefined : d === null ? 0 : 1;
  });
}

/** Whether a customer is active at a day (for choosing who gets scored today). */
export function activeAt(a: HistoryActivity, key: string, day: string): boolean {
  const i = a.index.get(key);
  return i !== undefined && spanAt(a.spans, i, toDay(day)) >= 0;
}

// Outcome values as clients write them. Compared lower-cased and trimmed.
const CHURNED = [
  '是',
  '1',
  'yes',
  'y',
  'true',
  '流失',
  '已流失',
  '流失客户',
  'churn',
  'churned',
  'lost',
  'inactive',
  'cancelled',
  'canceled',
  '已终止',
  '终止',
  '终止合作',
  '停止合作',
  '已解约',
  '解约',
];
const RETAINED = ['否', '0', 'no', 'n', 'false', '合作中', '正常', '活跃', '在用', '有效', 'active', 'retained', 'current', 'existing', '存续'];

export function parseOutcome(v: string | null): 0 | 1 | undefined {
  if (v === null) return undefined;
  const s = v.trim().toLowerCase();
  if (CHURNED.includes(s)) return 1;
  if (RETAINED.includes(s)) return 0;
  return undefined;
}

/** Outcome labels from the customer list: its status column, else a churn date = churned. */
export function columnLabels(sqlite: ReadableDB): Map<string, 0 | 1> {
  const out = new Map<string, 0 | 1>();
  let readable = 0;
  const rows = sqlite.prepare(`select customer_key, status, churn_date from customers`).raw(true).all() as [string, string | null, string | null][];
  for (const [k, status] of rows) {
    const y = parseOutcome(status);
    if (y !== undefined) {
      out.set(k, y);
      readable += 1;
    }
  }
  // No readable status column: a churn date is the outcome, its absence retained.
  if (readable === 0 && rows.some((r) => r[2] !== null)) for (const [k, , d] of rows) out.set(k, d ? 1 : 0);
  return out;
}
