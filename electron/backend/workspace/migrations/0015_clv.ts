import { sql, type Kysely } from 'kysely';

// Frozen in time: stored customer-lifetime-value runs. A run keeps its parameters, the count model's
// and the spend model's fits (parameters, log-likelihoods, standard errors, status) and the
// evaluation (hold-out tracking, frequency buckets, verdict) as JSON (shared/clv/types.ts ClvResult at
// the time, without the scores), and one row per customer with the figures the customer table sorts
// by. Each sort has an index (run_id, column, customer_key) like churn_score (0011).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table clv_run (
      id integer primary key autoincrement,
      created_at text not null,
      label text,
      params text not null,
      as_of text not null,
      model text not null,
      status text not null,
      verdict text not null,
      log_likelihood real,
      customers integer not null default 0,
      total_clv real,
      duration_ms integer not null default 0,
      results text not null
    )`.execute(db);
  await sql`
    create table clv_customer (
      run_id integer not null references clv_run (id) on delete cascade,
      customer_key text not null,
      frequency integer not null,
      recency real not null,
      age real not null,
      monetary real not null,
      p_alive real not null,
      p_alive_horizon real not null,
      expected_purchases real not null,
      expected_spend real,
      clv real,
      primary key (run_id, customer_key)
    ) without rowid`.execute(db);
  await sql`create index clv_customer_by_clv on clv_customer (run_id, clv, customer_key)`.execute(db);
  await sql`create index clv_customer_by_p_alive on clv_customer (run_id, p_alive, customer_key)`.execute(db);
  await sql`create index clv_customer_by_expected_purchases on clv_customer (run_id, expected_purchases, customer_key)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table clv_customer`.execute(db);
  await sql`drop table clv_run`.execute(db);
}
