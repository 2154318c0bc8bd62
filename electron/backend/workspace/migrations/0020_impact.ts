import { sql, type Kysely } from 'kysely';

// Frozen in time: measuring whether retention work worked (issue "Did it work?").
// - experiment: a named retention action tested on treatment and control customers. How the groups
//   were chosen (rule, imported list, random with its seed) is kept with the design, so a random split
//   can be reproduced; the outcome measure, start and window say what the result compares; the plan
//   (alpha, power, expected rates) is the calculator's input before the start.
// - experiment_member: who is in which arm, written once when the groups are drawn.
// - indicator_baseline: the indicator system's values frozen at a date the consultant picks (the start
//   of the engagement), with the deviation tolerance (seed: 15%) kept beside them.
// - fee_terms: the outcome-based fee's contract terms as a JSON document (one current set).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table experiment (
      id integer primary key autoincrement,
      name text not null,
      action text not null,
      design text not null check (design in ('ab', 'did')),
      selection text not null check (selection in ('rule', 'list', 'random')),
      selection_detail text not null default '{}',
      seed integer,
      treatment_share real,
      outcome text not null check (outcome in ('retained', 'converted', 'revenue')),
      start_date text not null,
      window_days integer not null check (window_days > 0),
      variance_reduction text not null default 'none' check (variance_reduction in ('none', 'cuped')),
      plan text not null default '{}',
      note text,
      assigned_at text,
      created_at text not null,
      updated_at text not null
    )`.execute(db);
  await sql`
    create table experiment_member (
      experiment_id integer not null references experiment (id) on delete cascade,
      customer_key text not null,
      arm text not null check (arm in ('treatment', 'control')),
      primary key (experiment_id, customer_key)
    ) without rowid`.execute(db);
  await sql`create index experiment_member_arm on experiment_member (experiment_id, arm)`.execute(db);
  await sql`
    create table indicator_baseline (
      id integer primary key autoincrement,
      label text,
      as_of text not null,
      grain text not null check (grain in ('month', 'quarter', 'year')),
      tolerance real not null default 0.15 check (tolerance > 0),
      indicators text not null,
      frozen_at text not null
    )`.execute(db);
  await sql`
    create table fee_terms (
      id integer primary key check (id = 1),
      terms text not null,
      updated_at text not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table fee_terms`.execute(db);
  await sql`drop table indicator_baseline`.execute(db);
  await sql`drop table experiment_member`.execute(db);
  await sql`drop table experiment`.execute(db);
}
