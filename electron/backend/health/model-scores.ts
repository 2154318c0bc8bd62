// The stored model runs a health run reads (shared/health/model-sources.ts): the latest churn-model
// run and the latest lifetime-value run dated on or before the health as-of, each used only when its
// own evaluation supports it and its prediction still covers the as-of. What was read, or why
// nothing was, goes into the health run's sources; the per-customer figures go into the facts.

import type { ReadableDB } from '../workspace/connection';
import type { CustomerFacts, ChurnScoreFact, LifetimeValueFact } from '../../../shared/health/facts';
import { churnScoreExpired, type ChurnSourceUsed, type ClvSourceUsed, type HealthRunSources, type SourceAbsent } from '../../../shared/health/model-sources';
import { ChurnParamsSchema } from '../../../shared/churn/types';
import { ClvParamsSchema } from '../../../shared/clv/types';
import { addDays } from '../churn/dates';

export interface ModelScores {
  sources: HealthRunSources;
  churn: Map<string, ChurnScoreFact>;
  clv: Map<string, LifetimeValueFact>;
}

/** A run to read instead of the latest (a health run pinned to a model run by the consultant). */
export interface SourceChoice {
  churnRunId?: number | undefined;
  clvRunId?: number | undefined;
}

const absent = (reason: SourceAbsent['reason'], params: SourceAbsent['params']): SourceAbsent => ({ status: 'absent', reason, params });

interface ChurnRunRow {
  id: number;
  params: string;
  scored_as_of: string;
  status: string;
  roc_auc: number | null;
  customers: number;
}

type Picked<R> = { run: R } | { absent: SourceAbsent };

/**
 * The chosen run, else the latest dated on or before the as-of. A run dated after it would score the
 * past with data from its future, so it is never read.
 */
function pickRun<R extends { id: number }>(
  sqlite: ReadableDB,
  table: 'churn_run' | 'clv_run',
  dateColumn: 'scored_as_of' | 'as_of',
  cols: string,
  asOf: string,
  runId: number | undefined,
): Picked<R> {
  const dateOf = (r: R): string => (r as unknown as Record<string, string>)[dateColumn] as string;
  if (runId !== undefined) {
    const r = sqlite.prepare(`select ${cols} from ${table} where id = ?`).get(runId) as R | undefined;
    if (!r) return { absent: absent('notFound', { runId, asOf }) };
    if (dateOf(r) > asOf) return { absent: absent('noRunBeforeAsOf', { runId: r.id, runAsOf: dateOf(r), asOf }) };
    return { run: r };
  }
  const r = sqlite.prepare(`select ${cols} from ${table} where ${dateColumn} <= ? order by id desc limit 1`).get(asOf) as R | undefined;
  if (r) return { run: r };
  const later = sqlite.prepare(`select ${cols} from ${table} order by id desc limit 1`).get() as R | undefined;
  return { absent: later ? absent('noRunBeforeAsOf', { runId: later.id, runAsOf: dateOf(later), asOf }) : absent('noRun', { asOf }) };
}

function loadChurn(
  sqlite: ReadableDB,
  asOf: string,
  runId: number | undefined,
): { source: ChurnSourceUsed | SourceAbsent; scores: Map<string, ChurnScoreFact> } {
  const scores = new Map<string, ChurnScoreFact>();
  const picked = pickRun<ChurnRunRow>(sqlite, 'churn_run', 'scored_as_of', `id, params, scored_as_of, status, roc_auc, customers`, asOf, runId);
  if ('absent' in picked) return { source: picked.absent, scores };
  const run = picked.run;
  // Anything but 'ok' (too little data, no better than the base rate, probable leakage) is not a
  // prediction to act on: the churn section shows it under a warning, the health run does not read it.
  if (run.status !== 'ok') return { source: absent('notUsable', { runId: run.id, status: run.status }), scores };
  const params = ChurnParamsSchema.parse(JSON.parse(run.params));
  if (churnScoreExpired(run.scored_as_of, params.horizonDays, asOf)) {
    return { source: absent('expired', { runId: run.id, runAsOf: run.scored_as_of, until: addDays(run.scored_as_of, params.horizonDays), asOf }), scores };
  }
  // Ranked by probability with ties sharing the best rank (1 + customers with a higher probability):
  // isotonic calibration gives many customers one probability, and "the riskiest 10%" must not cut
  // through a tie by customer key, as the run's own rank (ties by key) would.
  const rows = sqlite.prepare(`select customer_key, probability from churn_score where run_id = ? order by probability desc`).raw(true).all(run.id) as [
    string,
    number,
  ][];
  let rank = 1;
  rows.forEach(([key, probability], i) => {
    if (i > 0 && probability < (rows[i - 1] as [string, number])[1]) rank = i + 1;
    scores.set(key, { runId: run.id, scoredAsOf: run.scored_as_of, probability, rank, scored: rows.length });
  });
  return {
    source: {
      status: 'used',
      runId: run.id,
      scoredAsOf: run.scored_as_of,
      horizonDays: params.horizonDays,
      model: params.model,
      calibration: params.calibration,
      rocAuc: run.roc_auc,
      customers: rows.length,
    },
    scores,
  };
}

interface ClvRunRow {
  id: number;
  params: string;
  as_of: string;
  model: string;
  status: string;
  verdict: string;
}

function addMonthsIso(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function loadClv(
  sqlite: ReadableDB,
  asOf: string,
  runId: number | undefined,
): { source: ClvSourceUsed | SourceAbsent; scores: Map<string, LifetimeValueFact> } {
  const scores = new Map<string, LifetimeValueFact>();
  const picked = pickRun<ClvRunRow>(sqlite, 'clv_run', 'as_of', `id, params, as_of, model, status, verdict`, asOf, runId);
  if ('absent' in picked) return { source: picked.absent, scores };
  const run = picked.run;
  // A fit that did not come back (too little data) or a verdict that the model does not suit the
  // data: its P(alive) and CLV are not figures to score customers on.
  if (run.status === 'not-enough-data' || run.verdict === 'unsuitable') {
    return { source: absent('notUsable', { runId: run.id, status: run.status === 'not-enough-data' ? run.status : run.verdict }), scores };
  }
  const params = ClvParamsSchema.parse(JSON.parse(run.params));
  const until = addMonthsIso(run.as_of, params.horizonMonths);
  if (asOf > until) return { source: absent('expired', { runId: run.id, runAsOf: run.as_of, until, asOf }), scores };
  const rows = sqlite.prepare(`select customer_key, p_alive, clv from clv_customer where run_id = ?`).raw(true).all(run.id) as [
    string,
    number,
    number | null,
  ][];
  // Percentile of CLV among the run's customers with a CLV: (lower + ties / 2) / n, in percent.
  const values = rows.map((x) => x[2]).filter((v): v is number => v !== null && Number.isFinite(v));
  values.sort((a, b) => a - b);
  const percentile = (v: number): number => {
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < values.length && values[end] === v) end += 1;
    return ((lo + (end - lo) / 2) / values.length) * 100;
  };
  for (const [key, pAlive, clv] of rows) {
    const ok = clv !== null && Number.isFinite(clv);
    scores.set(key, { runId: run.id, asOf: run.as_of, pAlive, clv: ok ? clv : null, clvPercentile: ok ? percentile(clv) : null });
  }
  return { source: { status: 'used', runId: run.id, asOf: run.as_of, model: run.model, verdict: run.verdict, customers: rows.length }, scores };
}

export function loadModelScores(sqlite: ReadableDB, asOf: string, choice: SourceChoice = {}): ModelScores {
  const churn = loadChurn(sqlite, asOf, choice.churnRunId);
  const clv = loadClv(sqlite, asOf, choice.clvRunId);
  return { sources: { churn: churn.source, clv: clv.source }, churn: churn.scores, clv: clv.scores };
}

/** Puts each customer's model figures into their facts (null where the run did not score them). */
export function attachModelScores(facts: readonly CustomerFacts[], scores: ModelScores): void {
  for (const f of facts) {
    f.churnScore = scores.churn.get(f.customerKey) ?? null;
    f.lifetimeValue = scores.clv.get(f.customerKey) ?? null;
  }
}
