import { sql, type Kysely } from 'kysely';

// Frozen in time: the consultant's review of the drafted findings (one row per finding id they
// touched: accepted, dropped, reordered or reworded), and 'pptx' as a kind of report export. SQLite
// cannot change a CHECK constraint in place, so report_export is rebuilt with its rows and ids.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('finding_decision')
    .addColumn('finding_id', 'text', (c) => c.primaryKey()) // stable id, e.g. 'segment-retention:region:华东'
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('proposed','accepted','dropped')`))
    .addColumn('position', 'integer') // order among accepted findings; null: the engine's order
    .addColumn('text_zh', 'text') // the consultant's headline; null: the drafted one
    .addColumn('text_en', 'text')
    .addColumn('figure_at_decision', 'real') // the figure the text was written for
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();

  await rebuildExports(db, `'xlsx','pdf','pptx'`);
}

async function rebuildExports(db: Kysely<unknown>, kinds: string): Promise<void> {
  await db.schema
    .createTable('report_export_next')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${kinds})`)))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('pseudonymised', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bytes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into report_export_next (id, at, kind, path, language, sections, pseudonymised, bytes)
            select id, at, kind, path, language, sections, pseudonymised, bytes from report_export where kind in (${sql.raw(kinds)})`.execute(db);
  await db.schema.dropTable('report_export').execute();
  await sql`alter table report_export_next rename to report_export`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Deck exports are forgotten on the way down: the older schema has no word for them.
  await rebuildExports(db, `'xlsx','pdf'`);
  await db.schema.dropTable('finding_decision').execute();
}
