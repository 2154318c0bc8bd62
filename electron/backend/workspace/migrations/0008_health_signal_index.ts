import { sql, type Kysely } from 'kysely';

// Frozen in time: two lookups the health overview and signal list make per row, which had no index.
// - Open signals per customer: the "lowest scores" list (and the score list) counts each scored
//   customer's open signals and their worst severity. health_signal_live is partial on
//   status in ('open','dismissed'), which SQLite cannot use for status = 'open', so every lookup
//   scanned all open signals (100k customers: about a minute). With severity in the index the lookup
//   never reads the table.
// - The action opened from a signal: the signal list shows max(health_action.id) per signal, which
//   scanned health_action for each signal (also what deleting a signal does for its foreign key).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index health_signal_customer on health_signal (customer_key, status, severity)`.execute(db);
  await sql`create index health_action_signal on health_action (source_signal_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index health_action_signal`.execute(db);
  await sql`drop index health_signal_customer`.execute(db);
}
