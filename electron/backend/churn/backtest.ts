// The signal backtest: each enabled early-warning rule replayed at past dates on the facts of that
// date (nothing after it), against the churn that followed within the horizon.

import type { ReadableDB } from '../workspace/connection';
import type { CancelSignal } from '../../../shared/contract/define';
import { checkpoint } from '../jobs';
import { getRules } from '../health/store';
import { defaultAsOf } from '../diagnostics/defaults';
import { evaluateRules, MODEL_SIGNAL_RULES } from '../../../shared/health';
import { summariseBacktest, type BacktestObservation } from '../../../shared/churn/backtest';
import type { SignalBacktest } from '../../../shared/churn/types';
import { addDays } from './dates';
import { churnInDays, loadHistoryActivity } from './labels';
import { ruleFactsAt } from './features-sql';

/** Quarterly replay dates, the latest one horizon before the data end, at most `count` of them, after one year of data. */
export function defaultReplayDates(sqlite: ReadableDB, asOf: string, horizonDays: number, count = 8): string[] {
  const first = (sqlite.prepare(`select min(order_date) from orders`).pluck().get() as string | null)?.slice(0, 10) ?? asOf;
  const earliest = addDays(first, 365);
  const out: string[] = [];
  for (let d = addDays(asOf, -horizonDays); d >= earliest && out.length < count; d = addDays(d, -91)) out.unshift(d);
  return out;
}

export async function runBacktest(
  sqlite: ReadableDB,
  opts: { horizonDays: number; dates?: string[] | undefined; signal?: CancelSignal; progress?: (done: number, total: number) => void },
): Promise<SignalBacktest> {
  const asOf = defaultAsOf(sqlite);
  const dates = opts.dates?.length ? [...opts.dates].sort() : defaultReplayDates(sqlite, asOf, opts.horizonDays);
  const activity = loadHistoryActivity(sqlite, asOf);
  // Rules that read a stored model cannot be replayed: no model scored the customers at past dates.
  const rules = getRules(sqlite).filter((r) => r.enabled && !MODEL_SIGNAL_RULES.has(r.id));
  const obs: BacktestObservation[] = [];
  for (const [k, d] of dates.entries()) {
    opts.progress?.(k, dates.length);
    await checkpoint(opts.signal);
    // The same texts, lexicon words and complaint sentences a health run at that date would read.
    const { facts, rules: effective } = ruleFactsAt(sqlite, d, rules);
    for (const f of facts) {
      const churn = churnInDays(activity, f.customerKey, d, opts.horizonDays);
      if (churn === undefined) continue;
      obs.push({ fired: evaluateRules(effective, f).map((s) => s.ruleId), churnInDays: churn });
    }
  }
  opts.progress?.(dates.length, dates.length);
  return summariseBacktest(
    rules.map((r) => r.id),
    obs,
    dates,
    opts.horizonDays,
  );
}
