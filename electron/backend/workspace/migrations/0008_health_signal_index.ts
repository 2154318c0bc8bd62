import { sql, type Kysely } from 'kysely';

// Frozen in time: open signals looked up per customer. The health overview's "lowest scores" list
// (and the score list) counts each scored customer's open signals and their worst severity; with only
// health_signal_live (partial on status in ('open','dismissed'), which SQLite cannot use for
// status = 'open') and health_signal_status (status, severity) every lookup scanned all open signals,
// so 100k customers took about a minute. With severity in the index the lookup never reads the table.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index health_signal_customer on health_signal (customer_key, status, severity)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index health_signal_customer`.execute(db);
}
