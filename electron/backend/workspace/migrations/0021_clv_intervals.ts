import { sql, type Kysely } from 'kysely';

// Frozen in time: 95% intervals beside each customer's CLV figures (P(alive), expected purchases,
// expected spend, CLV), from the parameters' uncertainty by the delta method (shared/clv/intervals.ts
// at the time). Null where a run has none: rows of runs stored before this migration, fits that did
// not reach a proper maximum, customers without a spend model.
const COLUMNS = [
  'p_alive_low',
  'p_alive_high',
  'expected_purchases_low',
  'expected_purchases_high',
  'expected_spend_low',
  'expected_spend_high',
  'clv_low',
  'clv_high',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const c of COLUMNS) await sql`alter table clv_customer add column ${sql.raw(c)} real`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const c of [...COLUMNS].reverse()) await sql`alter table clv_customer drop column ${sql.raw(c)}`.execute(db);
}
