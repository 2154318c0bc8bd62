import { sql, type Kysely } from 'kysely';

// Frozen in time: the stored model runs a health run read (the churn-model run behind the churn
// probability measure and the churn-risk rule, the lifetime-value run behind P(alive) and CLV), or
// why it read none, as JSON (shared/health/model-sources.ts HealthRunSources at the time). null: a
// run made before health runs read model runs.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table health_run add column sources text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table health_run drop column sources`.execute(db);
}
