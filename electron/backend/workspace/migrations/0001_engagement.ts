import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit once released; a schema change is a new numbered file.
// Uses Kysely<unknown> so it cannot drift with today's table types.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Exactly one row (id = 1): the engagement this workspace file is about.
  await db.schema
    .createTable('engagement')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('client_name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text')
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('consultant', 'text')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Imports, exports and deletions are recorded (DOMAIN.md, privacy).
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

  // Per-workspace preferences (activity window, thresholds...), JSON values.
  await db.schema
    .createTable('workspace_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workspace_setting').execute();
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('engagement').execute();
}
