import type { Generated } from 'kysely';

// Row types of migration 0015's CLV tables (with 0021's interval columns). JSON columns are strings: params is ClvParams, results
// the ClvResult without its scores (shared/clv/types.ts).

export interface ClvRunTable {
  id: Generated<number>;
  created_at: string;
  label: string | null;
  params: string;
  as_of: string;
  model: string;
  status: string;
  verdict: string;
  log_likelihood: number | null;
  customers: Generated<number>;
  total_clv: number | null;
  duration_ms: Generated<number>;
  results: string;
}

export interface ClvCustomerTable {
  run_id: number;
  customer_key: string;
  frequency: number;
  recency: number;
  age: number;
  monetary: number;
  p_alive: number;
  p_alive_horizon: number;
  expected_purchases: number;
  expected_spend: number | null;
  clv: number | null;
  // Migration 0021: 95% intervals (null where the run has none).
  p_alive_low: number | null;
  p_alive_high: number | null;
  expected_purchases_low: number | null;
  expected_purchases_high: number | null;
  expected_spend_low: number | null;
  expected_spend_high: number | null;
  clv_low: number | null;
  clv_high: number | null;
}

export interface ClvTables {
  clv_run: ClvRunTable;
  clv_customer: ClvCustomerTable;
}
