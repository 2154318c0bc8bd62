import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { copyFileSync, openSync, readFileSync, writeFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openWorkspace } from '../../../electron/backend/workspace/workspace';
import { WorkbenchError } from '../../../electron/backend/errors';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';

const dir = tempDir();
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function expectRefused(path: string, code: string) {
  const before = sha(path);
  const err = await openWorkspace(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbenchError);
  expect((err as WorkbenchError).code).toBe(code);
  expect(sha(path)).toBe(before); // the file's bytes are unchanged
  return err as WorkbenchError;
}

describe('opening files that are not usable workspaces', () => {
  it('refuses a text file renamed to .rwb', async () => {
    const p = join(dir, 'notes.rwb');
    writeFileSync(p, '这不是数据库，只是一段文字。\n'.repeat(20));
    const err = await expectRefused(p, 'NOT_A_WORKSPACE');
    expect(err.message).toContain('not a Retention Workbench engagement file');
  });

  it('refuses an empty file', async () => {
    const p = join(dir, 'empty.rwb');
    writeFileSync(p, '');
    await expectRefused(p, 'NOT_A_WORKSPACE');
  });

  it('refuses a SQLite file of another application', async () => {
    const p = join(dir, 'other.rwb');
    const db = new Database(p);
    db.exec('create table t (x); insert into t values (1);');
    db.close();
    await expectRefused(p, 'NOT_A_WORKSPACE');
  });

  it('refuses a workspace written by a newer version, untouched', async () => {
    const ws = await newWorkspace(dir);
    const path = ws.path;
    ws.sqlite.prepare(`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01')`).run();
    await ws.close();
    const err = await expectRefused(path, 'WORKSPACE_TOO_NEW');
    expect(err.params.unknown).toBe('9999_from_the_future');
  });

  it('refuses a damaged workspace, untouched', async () => {
    const ws = await newWorkspace(dir);
    const path = ws.path;
    await ws.close();
    const damaged = join(dir, 'damaged.rwb');
    copyFileSync(path, damaged);
    // overwrite the middle of the file (b-tree pages) with garbage, keeping the header intact
    const size = statSync(damaged).size;
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(Math.floor(size / 2), 0xab), 0, Math.floor(size / 2), 4096);
    closeSync(fd);
    await expectRefused(damaged, 'WORKSPACE_CORRUPT');
  });

  it('reports a missing file', async () => {
    const err = await openWorkspace(join(dir, 'nope.rwb')).catch((e: unknown) => e);
    expect((err as WorkbenchError).code).toBe('FILE_NOT_FOUND');
  });
});
