import { describe, expect, it } from 'vitest';
import { openReadOnly, writeTransaction } from '../../../electron/backend/workspace/connection';
import { listAudit, recordAudit } from '../../../electron/backend/workspace/repositories/audit';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';

// The brands are types; these are the runtime halves they stand for.
const dir = tempDir();

describe('workspace connections', () => {
  it('a read-only connection reads, and SQLite refuses its writes', async () => {
    const ws = await newWorkspace(dir);
    const path = ws.path;
    await ws.close();
    const reader = openReadOnly(path);
    try {
      expect((reader.prepare('select client_name from engagement').get() as { client_name: string }).client_name).toBe('测试客户');
      expect(() => reader.prepare(`insert into audit_log (at, action, detail) values ('x', 'x', '{}')`).run()).toThrow(/readonly/i);
    } finally {
      reader.close();
    }
  });

  it('writeTransaction commits the writes of the repositories it runs, or none of them', async () => {
    const ws = await newWorkspace(dir);
    const before = (await listAudit(ws.db, 100)).length;
    await writeTransaction(ws.db, async (trx) => {
      await recordAudit(trx, 'test.first');
      await recordAudit(trx, 'test.second');
    });
    expect((await listAudit(ws.db, 100)).map((e) => e.action).slice(0, 2)).toEqual(['test.second', 'test.first']);
    await expect(
      writeTransaction(ws.db, async (trx) => {
        await recordAudit(trx, 'test.rolledBack');
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    const after = await listAudit(ws.db, 100);
    expect(after).toHaveLength(before + 2);
    expect(after.map((e) => e.action)).not.toContain('test.rolledBack');
    await ws.close();
  });
});
