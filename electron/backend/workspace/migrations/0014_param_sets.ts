import { sql, type Kysely } from 'kysely';

// Frozen in time: named analysis parameter sets (RFM scoring and segment rules, tiers, lifecycle,
// signal rules, the playbook) kept in the workspace, and the name of the set each diagnostic and
// health run used. A run keeps the name, not a reference: deleting or editing a set later must not
// change what an old run says it was run with (its own params / rules columns hold the values).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('param_set')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('params', 'text', (c) => c.notNull()) // JSON, rwb.param-set
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // null: a run made before sets existed, or with the built-in defaults.
  await sql`alter table diagnostic_run add column param_set text`.execute(db);
  await sql`alter table health_run add column param_set text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table health_run drop column param_set`.execute(db);
  await sql`alter table diagnostic_run drop column param_set`.execute(db);
  await db.schema.dropTable('param_set').execute();
}
