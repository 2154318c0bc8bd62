import type { Generated } from 'kysely';

// Row types of migration 0004's diagnostics tables. JSON columns are strings; their shapes are
// AnalyticsParams (params) and DiagnosticRunResult (results) in shared/analytics.

export interface DiagnosticRunTable {
  id: Generated<number>;
  created_at: string;
  as_of: string;
  grain: 'month' | 'quarter' | 'year';
  basis: 'non-contractual' | 'contractual';
  window_days: number;
  params: string;
  results: string;
  label: string | null;
  customers: Generated<number>;
  duration_ms: Generated<number>;
  /** The parameter set the run used (migration 0014); null = built-in defaults. */
  param_set: string | null;
}

export interface DiagnosticCustomerTable {
  run_id: number;
  idx: number;
  customer_key: string;
  name: string | null;
  industry: string | null;
  region: string | null;
  owner: string | null;
  customer_segment: string | null;
  active: Generated<number>;
  first_active: string | null;
  cohort: string | null;
  cohort_on: string | null;
  statuses: Generated<string>;
  last_purchase: string | null;
  recency_days: number | null;
  frequency: number | null;
  monetary: number | null;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: string | null;
  value_group: string | null;
  prev_segment: string | null;
  prev_value_group: string | null;
  tier: string | null;
  tier_reasons: string | null;
  stage: string | null;
  stage_reasons: string | null;
  tenure_days: number | null;
  revenue_12m: Generated<number>;
  mrr: Generated<number>;
}

export interface DiagnosticsTables {
  diagnostic_run: DiagnosticRunTable;
  diagnostic_customer: DiagnosticCustomerTable;
}
