import { sql, type Kysely } from 'kysely';

// Frozen in time: saved views. A view is a section's filters, sort, columns, run and parameters kept
// under a name, so the consultant reopens "华东 · 重点客户 · 降序" in one click. The state is the
// section's own JSON (each section reads what it wrote and ignores what it does not know), so a
// section can keep more later without another migration. One name per section.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('saved_view')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // JSON object, the section's view state
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create unique index saved_view_by_name on saved_view (section, name)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('saved_view').execute();
}
