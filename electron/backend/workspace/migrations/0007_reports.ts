import { sql, type Kysely } from 'kysely';

// Frozen in time: what the report builder remembers. The pseudonym key stays in the
// workspace so the same customer gets the same token in every export and the key never leaves the
// engagement file; the export history backs the builder's list (the audit log records each export too).

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per saved definition; the builder uses the key 'default'.
  await db.schema
    .createTable('report_definition')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('definition', 'text', (c) => c.notNull()) // JSON, shared/reports/definition.ts
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Token numbers per kind, never reused: (kind, n) is unique so two originals cannot share a token.
  await db.schema
    .createTable('report_pseudonym')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('customer','contact','phone','email')`))
    .addColumn('original', 'text', (c) => c.notNull()) // normalised form (normaliseForPseudonym)
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_pseudonym_pk', ['kind', 'original'])
    .addUniqueConstraint('report_pseudonym_token', ['kind', 'n'])
    .execute();

  await db.schema
    .createTable('report_export')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('xlsx','pdf')`))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array of section ids
    .addColumn('pseudonymised', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bytes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['report_export', 'report_pseudonym', 'report_definition']) await db.schema.dropTable(t).execute();
}
