import { sql, type Kysely } from 'kysely';

// Frozen in time: checklist templates kept in the workspace, assessments, respondents and answers.
// Built-in templates live in resources/checklists and are never stored; a copy, an edit or
// an imported file is. Template bodies are JSON owned by shared/checklists (format rwb-checklist v1).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('checklist_template')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull()) // JSON, rwb-checklist
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('copy','import')`))
    .addColumn('based_on', 'text') // the built-in or stored template it was copied from
    .addColumn('source_file', 'text') // the file name it was imported from
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The assessment keeps a snapshot of the template it was started from: an answer means something
  // only against the question text, scale anchors and weights that were shown when it was given, so a
  // later edit of the template must not rewrite an old assessment's score.
  await db.schema
    .createTable('checklist_assessment')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_version', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull()) // JSON snapshot
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subject', 'text') // who is assessed, for per-subject templates (销售能力矩阵)
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft','complete')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('checklist_assessment_template').on('checklist_assessment').columns(['template_id', 'created_at']).execute();

  await db.schema
    .createTable('checklist_respondent')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('checklist_assessment.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('checklist_respondent_name', ['assessment_id', 'name'])
    .execute();

  // One row per respondent × question, written on every change (autosave): no "submit" step loses work.
  await db.schema
    .createTable('checklist_answer')
    .addColumn('respondent_id', 'integer', (c) => c.notNull().references('checklist_respondent.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text') // JSON AnswerValue; null = not answered (a note may exist without an answer)
    .addColumn('note', 'text')
    .addColumn('evidence', 'text')
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]')) // JSON string[]
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('checklist_answer_pk', ['respondent_id', 'question_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['checklist_answer', 'checklist_respondent', 'checklist_assessment', 'checklist_template']) {
    await db.schema.dropTable(t).execute();
  }
}
