import type { ColumnType, Generated } from 'kysely';

// Row types of migration 0020's impact tables. JSON columns are strings: selection_detail and plan of
// an experiment (shared/impact/types.ts), a baseline's indicator values, the fee terms document.

export interface ExperimentTable {
  id: Generated<number>;
  name: string;
  action: string;
  design: 'ab' | 'did';
  selection: 'rule' | 'list' | 'random';
  selection_detail: ColumnType<string, string | undefined, string>;
  seed: number | null;
  treatment_share: number | null;
  outcome: 'retained' | 'converted' | 'revenue';
  start_date: string;
  window_days: number;
  variance_reduction: ColumnType<'none' | 'cuped', 'none' | 'cuped' | undefined, 'none' | 'cuped'>;
  plan: ColumnType<string, string | undefined, string>;
  note: string | null;
  assigned_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ExperimentMemberTable {
  experiment_id: number;
  customer_key: string;
  arm: 'treatment' | 'control';
}

export interface IndicatorBaselineTable {
  id: Generated<number>;
  label: string | null;
  as_of: string;
  grain: 'month' | 'quarter' | 'year';
  tolerance: ColumnType<number, number | undefined, number>;
  indicators: string;
  frozen_at: string;
}

export interface FeeTermsTable {
  id: number;
  terms: string;
  updated_at: string;
}

export interface ImpactTables {
  experiment: ExperimentTable;
  experiment_member: ExperimentMemberTable;
  indicator_baseline: IndicatorBaselineTable;
  fee_terms: FeeTermsTable;
}
