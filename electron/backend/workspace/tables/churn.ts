import type { Generated } from 'kysely';

// Row types of migration 0011's churn-model tables. JSON columns are strings: params is ChurnParams,
// results { evaluation, features, drivers, notes, topAtStake }, reasons ChurnReason[] (shared/churn/types.ts).

export interface ChurnRunTable {
  id: Generated<number>;
  created_at: string;
  label: string | null;
  params: string;
  scored_as_of: string;
  status: string;
  roc_auc: number | null;
  customers: Generated<number>;
  duration_ms: Generated<number>;
  results: string;
}

export interface ChurnScoreTable {
  run_id: number;
  customer_key: string;
  name: string | null;
  owner: string | null;
  probability: number;
  rank: number;
  revenue_12m: Generated<number>;
  revenue_at_stake: Generated<number>;
  reasons: Generated<string>;
}

export interface ChurnTables {
  churn_run: ChurnRunTable;
  churn_score: ChurnScoreTable;
}
