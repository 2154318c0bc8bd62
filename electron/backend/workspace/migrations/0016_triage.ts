import { sql, type Kysely } from 'kysely';

// Frozen in time: triage of signals and actions.
// - health_signal: an owner assigned in the inbox (null = the customer's owner), a snooze date, and
//   the coded reason of a dismissal beside its note.
// - health_action: a snooze date (the board hides the action until then).
// - health_score: the customer's revenue of the 12 months to the run's as-of date (or 12 x live
//   MRR when larger), what the inbox sorts "revenue at stake" by; null for runs made before.
// - health_run: the action policy the run applied (JSON). Runs made before opened an action for
//   every signal and every red score, which is what they are given here, so they keep saying what
//   they did.
// - health_action_policy: the engagement's policy, one row; by default only heavy signals and red
//   scores open actions.
// - triage_step / triage_step_item: each bulk step and the state of every row before and after it, so
//   the step can be undone while the rows are still as it left them.

const LEGACY_POLICY = '{"light":true,"medium":true,"heavy":true,"redScore":true}';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table health_signal add column owner text`.execute(db);
  await sql`alter table health_signal add column snoozed_until text`.execute(db);
  await sql`alter table health_signal add column dismissed_reason_code text`.execute(db);
  await sql`alter table health_action add column snoozed_until text`.execute(db);
  await sql`alter table health_score add column revenue_12m real`.execute(db);
  await sql`alter table health_run add column action_policy text`.execute(db);
  await sql`update health_run set action_policy = ${LEGACY_POLICY}`.execute(db);
  await sql`
    create table health_action_policy (
      id integer primary key check (id = 1),
      light integer not null,
      medium integer not null,
      heavy integer not null,
      red_score integer not null,
      updated_at text
    )`.execute(db);
  await sql`insert into health_action_policy (id, light, medium, heavy, red_score, updated_at) values (1, 0, 0, 1, 1, null)`.execute(db);
  await sql`
    create table triage_step (
      id integer primary key autoincrement,
      at text not null,
      target text not null check (target in ('signal', 'action')),
      op text not null,
      detail text not null,
      count integer not null,
      undone_at text
    )`.execute(db);
  await sql`
    create table triage_step_item (
      step_id integer not null references triage_step (id) on delete cascade,
      item_id integer not null,
      before text not null,
      after text not null,
      primary key (step_id, item_id)
    ) without rowid`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table triage_step_item`.execute(db);
  await sql`drop table triage_step`.execute(db);
  await sql`drop table health_action_policy`.execute(db);
  await sql`alter table health_run drop column action_policy`.execute(db);
  await sql`alter table health_score drop column revenue_12m`.execute(db);
  await sql`alter table health_action drop column snoozed_until`.execute(db);
  await sql`alter table health_signal drop column dismissed_reason_code`.execute(db);
  await sql`alter table health_signal drop column snoozed_until`.execute(db);
  await sql`alter table health_signal drop column owner`.execute(db);
}
