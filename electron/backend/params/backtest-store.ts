// Signal backtests as they ran (migration 0022): written by churn.backtest, read by the rule editor
// and `rwb params rules`, which show each rule's lift, precision and recall beside it.

import type { ReadableDB, WritableDB } from '../workspace/connection';
import type { Row } from '../workspace/schema';
import type { SignalBacktest } from '../../../shared/churn/types';
import type { StoredBacktest } from '../../../shared/contract/params';
import { SignalRuleSetSchema, type SignalRule } from '../../../shared/health/signal-rules';

export function storeBacktest(sqlite: WritableDB, backtest: SignalBacktest, rules: readonly SignalRule[], now: string): number {
  return Number(
    sqlite
      .prepare(`insert into signal_backtest (created_at, horizon_days, rules, result) values (?, ?, ?, ?)`)
      .run(now, backtest.horizonDays, JSON.stringify(rules), JSON.stringify(backtest)).lastInsertRowid,
  );
}

/** The latest backtest; null before the first. */
export function latestBacktest(sqlite: ReadableDB): StoredBacktest | null {
  const r = sqlite.prepare(`select id, created_at, rules, result from signal_backtest order by id desc limit 1`).get() as
    Pick<Row<'signal_backtest'>, 'id' | 'created_at' | 'rules' | 'result'> | undefined;
  if (!r) return null;
  // A rule set stored by an older version reads with today's defaults for what it lacks; an unreadable one as none.
  const rules = SignalRuleSetSchema.safeParse(JSON.parse(r.rules));
  return { id: r.id, createdAt: r.created_at, rules: rules.success ? rules.data : [], backtest: JSON.parse(r.result) as SignalBacktest };
}
