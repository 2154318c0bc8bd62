import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';
import { auditHash, recordAuditSync, verifyAudit } from '../../../electron/backend/workspace/repositories/audit';

describe('migration 0012_audit_chain', () => {
  it('chains the entries written before it, in id order, with the recipe the writers use', async () => {
    const { sqlite, upgrade, downgrade, close } = await beforeMigration(tempDir(), '0012_audit_chain');
    const insert = sqlite.prepare('insert into audit_log (at, action, detail) values (?, ?, ?)');
    insert.run('2026-01-01T00:00:00.000Z', 'workspace.create', '{}');
    insert.run('2026-01-02T00:00:00.000Z', 'import.run', '{"batchId":1}');
    await upgrade();
    const rows = sqlite.prepare('select at, action, detail, hash from audit_log order by id').all() as {
      at: string;
      action: string;
      detail: string;
      hash: string;
    }[];
    const first = auditHash('', rows[0]!.at, rows[0]!.action, rows[0]!.detail);
    expect(rows[0]!.hash).toBe(first);
    expect(rows[1]!.hash).toBe(auditHash(first, rows[1]!.at, rows[1]!.action, rows[1]!.detail));
    expect(verifyAudit(sqlite)).toMatchObject({ intact: true, entries: 2, brokenAt: null });
    await downgrade();
    expect((sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n).toBe(2);
    await close();
  });

  it('shows an entry edited, deleted or slipped in afterwards', async () => {
    const { sqlite, upgrade, close } = await beforeMigration(tempDir(), '0012_audit_chain');
    await upgrade();
    for (const action of ['workspace.create', 'import.run', 'diagnostics.run', 'report.exportPdf']) recordAuditSync(sqlite, action, { n: action.length });
    expect(verifyAudit(sqlite)).toMatchObject({ intact: true, entries: 4 });
    const ids = (sqlite.prepare('select id from audit_log order by id').all() as { id: number }[]).map((r) => r.id);
    sqlite.prepare('update audit_log set detail = ? where id = ?').run('{"n":0}', ids[1]);
    expect(verifyAudit(sqlite)).toMatchObject({ intact: false, brokenAt: ids[1] });
    sqlite.prepare('update audit_log set detail = ? where id = ?').run(JSON.stringify({ n: 'import.run'.length }), ids[1]);
    expect(verifyAudit(sqlite).intact).toBe(true);
    sqlite.prepare('delete from audit_log where id = ?').run(ids[2]);
    expect(verifyAudit(sqlite)).toMatchObject({ intact: false, brokenAt: ids[3] });
    await close();
  });
});
