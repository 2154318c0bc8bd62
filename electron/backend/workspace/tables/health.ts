import type { Generated } from 'kysely';
import type { ActionStatus } from '../../../../shared/health/playbook';
import type { SignalRuleId } from '../../../../shared/health/signal-rules';
import type { ActionTemplateId, OwnerRole, Severity } from '../../../../shared/health/vocabulary';
import type { SignalStatus } from '../../../../shared/contract/health';

// Row types of migration 0005's health tables. JSON columns are strings; see 0005_health.ts. Coded
// columns carry the domain's unions (the engine writes nothing else into them).

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
  /** The parameter set the run used (migration 0014); null = built-in defaults. */
  param_set: string | null;
  /** The action policy the run applied, JSON ActionPolicy (migration 0016). */
  action_policy: string | null;
  /** JSON HealthRunSources: the churn / CLV runs the run read, or why none (migration 0023); null = before 0023. */
  sources: string | null;
}

export interface HealthScoreTable {
  run_id: number;
  customer_key: string;
  score: number | null;
  band: 'red' | 'yellow' | 'green' | null;
  measures: string;
  metrics: Buffer | null;
  /** Revenue of the 12 months to the run's as-of (migration 0016); null for runs made before. */
  revenue_12m: number | null;
}

export interface HealthSignalTable {
  id: Generated<number>;
  customer_key: string;
  rule_id: SignalRuleId;
  severity: Severity;
  status: Generated<SignalStatus>;
  evidence: string;
  triggered_on: string | null;
  as_of: string;
  first_run_id: number;
  last_run_id: number;
  dismissed_reason: string | null;
  dismissed_at: string | null;
  closed_run_id: number | null;
  closed_at: string | null;
  /** Migration 0016: an owner assigned in the inbox (null = the customer's), a snooze date, the coded dismissal reason. */
  owner: string | null;
  snoozed_until: string | null;
  dismissed_reason_code: string | null;
}

export interface HealthActionTable {
  id: Generated<number>;
  customer_key: string;
  template_id: ActionTemplateId;
  owner_role: OwnerRole;
  owner: string | null;
  opened_at: string;
  due_at: string;
  status: Generated<ActionStatus>;
  source_kind: 'signal' | 'redScore' | 'manual';
  source_signal_id: number | null;
  source_run_id: number | null;
  source: Generated<string>;
  note: string | null;
  closed_at: string | null;
  repair_check: string | null;
  repair_checked_at: string | null;
  /** Migration 0016: the board hides the action until this date. */
  snoozed_until: string | null;
}

export interface HealthTables {
  health_model: HealthModelTable;
  health_run: HealthRunTable;
  health_score: HealthScoreTable;
  health_signal: HealthSignalTable;
  health_action: HealthActionTable;
}
