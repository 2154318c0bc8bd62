import type { ReadExecutor, WritableDB, WriteExecutor } from '../connection';
import type { AuditEntry } from '../../../../shared/domain/engagement';

export async function recordAudit(db: WriteExecutor, action: string, detail: Record<string, unknown> = {}): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ at: new Date().toISOString(), action, detail: JSON.stringify(detail) })
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
export function recordAuditSync(sqlite: WritableDB, action: string, detail: Record<string, unknown> = {}): void {
  sqlite.prepare('insert into audit_log (at, action, detail) values (?, ?, ?)').run(new Date().toISOString(), action, JSON.stringify(detail));
}
