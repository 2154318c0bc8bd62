import type { Generated } from 'kysely';

// Row types of migration 0016's triage tables (the columns it adds to the health tables are in
// ./health). detail and before are JSON strings: see electron/backend/health/triage-steps.ts.

export interface HealthActionPolicyTable {
  id: number;
  light: number;
  medium: number;
  heavy: number;
  red_score: number;
  updated_at: string | null;
}

export interface TriageStepTable {
  id: Generated<number>;
  at: string;
  target: 'signal' | 'action';
  op: string;
  detail: string;
  count: number;
  undone_at: string | null;
}

export interface TriageStepItemTable {
  step_id: number;
  item_id: number;
  before: string;
  after: string;
}

export interface TriageTables {
  health_action_policy: HealthActionPolicyTable;
  triage_step: TriageStepTable;
  triage_step_item: TriageStepItemTable;
}
