import type { Generated } from 'kysely';

// Row types of migration 0005's health tables. JSON columns are strings; see 0005_health.ts.

export interface HealthModelTable {
  id: string;
  name: string;
  model: string;
  created_at: string;
  updated_at: string;
}

export interface HealthRunTable {
  id: Generated<number>;
  model_id: string;
  model: string;
  rules: string;
  as_of: string;
  started_at: string;
  finished_at: string | null;
  customers: Generated<number>;
  red: Generated<number>;
  yellow: Generated<number>;
  green: Generated<number>;
  none: Generated<number>;
  signals_opened: Generated<number>;
  signals_resolved: Generated<number>;
  actions_opened: Generated<number>;
}

export interface HealthScoreTable {
  run_id: number;
  customer_key: string;
  score: number | null;
  band: 'red' | 'yellow' | 'green' | null;
  measures: string;
  metrics: Buffer | null;
}

export interface HealthSignalTable {
  id: Generated<number>;
  customer_key: string;
  rule_id: string;
  severity: 'light' | 'medium' | 'heavy';
  status: Generated<'open' | 'dismissed' | 'resolved'>;
  evidence: string;
  triggered_on: string | null;
  as_of: string;
  first_run_id: number;
  last_run_id: number;
  dismissed_reason: string | null;
  dismissed_at: string | null;
  closed_run_id: number | null;
  closed_at: string | null;
}

export interface HealthActionTable {
  id: Generated<number>;
  customer_key: string;
  template_id: string;
  owner_role: string;
  owner: string | null;
  opened_at: string;
  due_at: string;
  status: Generated<'open' | 'inProgress' | 'done' | 'cancelled'>;
  source_kind: 'signal' | 'redScore' | 'manual';
  source_signal_id: number | null;
  source_run_id: number | null;
  source: Generated<string>;
  note: string | null;
  closed_at: string | null;
  repair_check: string | null;
  repair_checked_at: string | null;
}

export interface HealthTables {
  health_model: HealthModelTable;
  health_run: HealthRunTable;
  health_score: HealthScoreTable;
  health_signal: HealthSignalTable;
  health_action: HealthActionTable;
}
