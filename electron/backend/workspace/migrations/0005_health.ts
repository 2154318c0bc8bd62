import { sql, type Kysely } from 'kysely';

// Frozen in time: health models, runs, per-run scores, early-warning signals and actions.
// JSON columns hold data whose shape the pure code in shared/health owns (models, evidence, checks);
// everything a list filters or sorts on is a plain column.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Models the consultant copied, edited or imported; presets live in code and are never stored.
  await db.schema
    .createTable('health_model')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull()) // JSON, rwb.health-model
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A run keeps a snapshot of the model and rules it used, so an old score stays explainable after
  // the model is edited.
  await db.schema
    .createTable('health_run')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull()) // JSON snapshot
    .addColumn('rules', 'text', (c) => c.notNull()) // JSON snapshot of the signal rules
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('customers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('red', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('yellow', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('green', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('none', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signals_opened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signals_resolved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('actions_opened', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('health_score')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('health_run.id').onDelete('cascade'))
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('score', 'real') // null = no measure had data
    .addColumn('band', 'text', (c) => c.check(sql`band in ('red','yellow','green')`))
    .addColumn('measures', 'text', (c) => c.notNull()) // JSON: [[value, points], ...] in the snapshot's measure order
    .addColumn('metrics', 'blob') // Float64Array of every health metric (NaN = no data), for the what-if
    .addPrimaryKeyConstraint('health_score_pk', ['run_id', 'customer_key'])
    .execute();
  await db.schema.createIndex('health_score_customer').on('health_score').columns(['customer_key', 'run_id']).execute();

  await db.schema
    .createTable('health_signal')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('light','medium','heavy')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open','dismissed','resolved')`),
    )
    .addColumn('evidence', 'text', (c) => c.notNull()) // JSON SignalEvidence, the latest run's
    .addColumn('triggered_on', 'text')
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('first_run_id', 'integer', (c) => c.notNull())
    .addColumn('last_run_id', 'integer', (c) => c.notNull())
    .addColumn('dismissed_reason', 'text')
    .addColumn('dismissed_at', 'text')
    .addColumn('closed_run_id', 'integer')
    .addColumn('closed_at', 'text')
    .execute();
  // The schema itself holds the rule "one open (or dismissed) signal per customer and rule".
  await sql`create unique index health_signal_live on health_signal (customer_key, rule_id) where status in ('open','dismissed')`.execute(db);
  await db.schema.createIndex('health_signal_status').on('health_signal').columns(['status', 'severity']).execute();

  await db.schema
    .createTable('health_action')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('owner_role', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open','inProgress','done','cancelled')`),
    )
    .addColumn('source_kind', 'text', (c) => c.notNull().check(sql`source_kind in ('signal','redScore','manual')`))
    .addColumn('source_signal_id', 'integer', (c) => c.references('health_signal.id').onDelete('set null'))
    .addColumn('source_run_id', 'integer')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('{}')) // JSON ActionSource
    .addColumn('note', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('repair_check', 'text') // JSON RepairCheckResult
    .addColumn('repair_checked_at', 'text')
    .execute();
  await db.schema.createIndex('health_action_customer').on('health_action').columns(['customer_key', 'status']).execute();
  await db.schema.createIndex('health_action_status').on('health_action').columns(['status', 'due_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['health_action', 'health_signal', 'health_score', 'health_run', 'health_model']) {
    await db.schema.dropTable(t).execute();
  }
}
