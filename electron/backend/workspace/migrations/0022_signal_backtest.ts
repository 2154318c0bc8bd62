import type { Kysely } from 'kysely';

// Frozen in time: each signal backtest as it ran (the early-warning rules replayed at past dates
// against the churn that followed), so the rule editor can show a rule's lift, precision and recall
// beside it without replaying, and say which thresholds were replayed. JSON columns: the rule set
// replayed and the result (dates, horizon, base rate, one row per rule).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signal_backtest')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('horizon_days', 'integer', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('signal_backtest').execute();
}
