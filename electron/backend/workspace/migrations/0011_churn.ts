import { sql, type Kysely } from 'kysely';

// Frozen in time: stored churn-model runs. A run keeps its parameters, its evaluation,
// feature report, drivers and notes as JSON (shared/churn/types.ts ChurnRun at the time), and one
// row per scored customer with the probability, the revenue at stake and the top reasons (JSON).
// The score table is paged by the engine, riskiest first or by revenue at stake, so each sort has an
// index (run_id, column, customer_key) like the diagnostic customer table (0010).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table churn_run (
      id integer primary key autoincrement,
      created_at text not null,
      label text,
      params text not null,
      scored_as_of text not null,
      status text not null,
      roc_auc real,
      customers integer not null default 0,
      duration_ms integer not null default 0,
      results text not null
    )`.execute(db);
  await sql`
    create table churn_score (
      run_id integer not null references churn_run (id) on delete cascade,
      customer_key text not null,
      name text,
      owner text,
      probability real not null,
      rank integer not null,
      revenue_12m real not null default 0,
      revenue_at_stake real not null default 0,
      reasons text not null default '[]',
      primary key (run_id, customer_key)
    ) without rowid`.execute(db);
  await sql`create index churn_score_by_probability on churn_score (run_id, probability, customer_key)`.execute(db);
  await sql`create index churn_score_by_revenue_at_stake on churn_score (run_id, revenue_at_stake, customer_key)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table churn_score`.execute(db);
  await sql`drop table churn_run`.execute(db);
}
