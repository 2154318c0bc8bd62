import { sql, type Kysely } from 'kysely';

// Frozen in time: the voice of the customer and the churn review.
// - voc_config: the engagement's own lexicon, one JSON document per key ('lexicon': the domain
//   dictionary, stop words, topic library, sentiment and signal words as shared/voc/config.ts
//   VocConfig had them at the time). No row = the shipped defaults.
// - voc_run: a theme analysis over the comments, stored with its parameters and result (JSON), so
//   reports and the section reproduce it without segmenting again.
// - churn_review: a churn review of one period (parameters and result as JSON), the monthly pack.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table voc_config (
      key text primary key,
      value text not null,
      updated_at text not null
    )`.execute(db);
  await sql`
    create table voc_run (
      id integer primary key autoincrement,
      created_at text not null,
      params text not null,
      comments integer not null default 0,
      coverage_pct real,
      duration_ms integer not null default 0,
      results text not null
    )`.execute(db);
  await sql`
    create table churn_review (
      id integer primary key autoincrement,
      created_at text not null,
      period text not null,
      params text not null,
      churned integer not null default 0,
      lost_revenue real not null default 0,
      results text not null
    )`.execute(db);
  await sql`create index churn_review_by_period on churn_review (period, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table churn_review`.execute(db);
  await sql`drop table voc_run`.execute(db);
  await sql`drop table voc_config`.execute(db);
}
