import { createHash } from 'node:crypto';
import type { ReadableDB, ReadExecutor, WritableDB, WriteExecutor } from '../connection';
import type { AuditEntry, AuditVerification } from '../../../../shared/domain/engagement';

// The audit log is a hash chain: each entry's hash covers the previous entry's hash and its own
// content (the recipe migration 0012 used for the entries before it), so an entry edited, deleted or
// reordered after the fact breaks the chain at that point. Only the newest entry could be removed
// unseen; the close-out certificate quotes the last hash for that reason.
export function auditHash(prev: string, at: string, action: string, detail: string): string {
  return createHash('sha256').update(`${prev}\n${at}\n${action}\n${detail}`).digest('hex');
}

export async function recordAudit(db: WriteExecutor, action: string, detail: Record<string, unknown> = {}): Promise<void> {
  const last = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const at = new Date().toISOString();
  const text = JSON.stringify(detail);
  await db
    .insertInto('audit_log')
    .values({ at, action, detail: text, hash: auditHash(last?.hash ?? '', at, action, text) })
    .execute();
}

export async function listAudit(db: ReadExecutor, limit: number): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, at: r.at, action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

/**
 * The same entry, written synchronously through better-sqlite3: a job records its audit entry inside
 * its own transaction, so a batch, run or export is never committed without it.
 */
export function recordAuditSync(sqlite: WritableDB, action: string, detail: Record<string, unknown> = {}, at: string = new Date().toISOString()): void {
  const last = sqlite.prepare('select hash from audit_log order by id desc limit 1').get() as { hash: string | null } | undefined;
  const text = JSON.stringify(detail);
  sqlite.prepare('insert into audit_log (at, action, detail, hash) values (?, ?, ?, ?)').run(at, action, text, auditHash(last?.hash ?? '', at, action, text));
}

/** Walk the chain from the first entry: where the first broken link is, if any. */
export function verifyAudit(sqlite: ReadableDB): AuditVerification {
  let prev = '';
  let entries = 0;
  for (const r of sqlite.prepare('select id, at, action, detail, hash from audit_log order by id').iterate() as Iterable<{
    id: number;
    at: string;
    action: string;
    detail: string;
    hash: string | null;
  }>) {
    entries += 1;
    const expected = auditHash(prev, r.at, r.action, r.detail);
    if (r.hash !== expected) return { intact: false, entries, brokenAt: r.id, lastHash: prev || null };
    prev = expected;
  }
  return { intact: true, entries, brokenAt: null, lastHash: prev || null };
}
