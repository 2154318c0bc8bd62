import { sql, type Kysely } from 'kysely';

// Frozen in time: stored diagnostic runs. A run keeps its parameters and the whole summary
// (shared/analytics/run-result.ts, a versioned JSON document) plus one row per customer, so a report
// or a comparison months later reproduces the run exactly, even after the data was re-imported.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('diagnostic_run')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull().check(sql`grain in ('month','quarter','year')`))
    .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis in ('non-contractual','contractual')`))
    .addColumn('window_days', 'integer', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull()) // JSON AnalyticsParams
    .addColumn('results', 'text', (c) => c.notNull()) // JSON DiagnosticRunResult
    .addColumn('label', 'text')
    .addColumn('customers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duration_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Per-customer results of a run. Drill-down filters on these columns, so the membership of a cohort
  // cell or a period status is stored, not recomputed:
  //   cohort_on  one character per period from the cohort period to the as-of period, '1' = on;
  //   statuses   one character per trend period of the run: R retained, L lost, N new, A reactivated,
  //              '-' inactive (shared/analytics/run-result.ts STATUS_CODES).
  await db.schema
    .createTable('diagnostic_customer')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('diagnostic_run.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('industry', 'text')
    .addColumn('region', 'text')
    .addColumn('owner', 'text')
    .addColumn('customer_segment', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_active', 'text')
    .addColumn('cohort', 'text')
    .addColumn('cohort_on', 'text')
    .addColumn('statuses', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_purchase', 'text')
    .addColumn('recency_days', 'integer')
    .addColumn('frequency', 'integer')
    .addColumn('monetary', 'real')
    .addColumn('r', 'integer')
    .addColumn('f', 'integer')
    .addColumn('m', 'integer')
    .addColumn('segment', 'text')
    .addColumn('seed_segment', 'text')
    .addColumn('prev_segment', 'text')
    .addColumn('prev_seed_segment', 'text')
    .addColumn('tier', 'text')
    .addColumn('tier_reasons', 'text')
    .addColumn('stage', 'text')
    .addColumn('stage_reasons', 'text')
    .addColumn('tenure_days', 'integer')
    .addColumn('revenue_12m', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('mrr', 'real', (c) => c.notNull().defaultTo(0))
    // The one index: a run's rows are read or filtered together, and a customer is found by key.
    .addPrimaryKeyConstraint('diagnostic_customer_pk', ['run_id', 'customer_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('diagnostic_customer').execute();
  await db.schema.dropTable('diagnostic_run').execute();
}
