import type { Generated } from 'kysely';

// Row types of migration 0018's voice-of-the-customer and churn-review tables. JSON columns are
// strings: voc_config.value is VocConfig (shared/voc/config.ts), voc_run.results VocThemeRun's
// result and churn_review.results ChurnReview (shared/churn-review/types.ts).

export interface VocConfigTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface VocRunTable {
  id: Generated<number>;
  created_at: string;
  params: string;
  comments: Generated<number>;
  coverage_pct: number | null;
  duration_ms: Generated<number>;
  results: string;
}

export interface ChurnReviewTable {
  id: Generated<number>;
  created_at: string;
  period: string;
  params: string;
  churned: Generated<number>;
  lost_revenue: Generated<number>;
  results: string;
}

export interface VocTables {
  voc_config: VocConfigTable;
  voc_run: VocRunTable;
  churn_review: ChurnReviewTable;
}
