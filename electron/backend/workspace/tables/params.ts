import type { Generated } from 'kysely';

// Row types of migration 0014's named parameter sets. params is JSON: shared/params/param-set.ts.

export interface ParamSetTable {
  name: string;
  params: string;
  created_at: string;
  updated_at: string;
}

export interface ParamTables {
  param_set: ParamSetTable;
  signal_backtest: SignalBacktestTable;
}

// Migration 0022: signal backtests as they ran. rules: SignalRule[] (JSON); result: SignalBacktest (JSON).
export interface SignalBacktestTable {
  id: Generated<number>;
  created_at: string;
  horizon_days: number;
  rules: string;
  result: string;
}
