import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// Frozen in time: every audit entry carries the hash of the entry before it together with its own
// content, so an entry edited, deleted or reordered afterwards breaks the chain from there on. The
// existing entries are chained here, in id order, with the same recipe the writers use.
function link(prev: string, at: string, action: string, detail: string): string {
  return createHash('sha256').update(`${prev}\n${at}\n${action}\n${detail}`).digest('hex');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log add column hash text`.execute(db);
  const rows = await sql<{ id: number; at: string; action: string; detail: string }>`select id, at, action, detail from audit_log order by id`.execute(db);
  let prev = '';
  for (const r of rows.rows) {
    prev = link(prev, r.at, r.action, r.detail);
    await sql`update audit_log set hash = ${prev} where id = ${r.id}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log drop column hash`.execute(db);
}
