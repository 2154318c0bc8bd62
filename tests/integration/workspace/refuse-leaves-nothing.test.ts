import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { InProcessEngine } from '../../../electron/backend/engine/engine';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import { needsFullCheck } from '../../../electron/backend/workspace/inspect';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function refused(path: string): Promise<{ code: string; message: string }> {
  const dir = tempDir();
  const engine = new InProcessEngine({ host: 'cli', version: 'test', settingsDir: dir, documentsDir: dir });
  const env = await engine.call('engagement.open', { path });
  await engine.close();
  if (env.ok) throw new Error('opened');
  return env.error;
}

describe('a refused file is left exactly as it was', () => {
  it('a damaged workspace: refused with the first problem quick_check names, no -wal or -shm left beside it', async () => {
    const ws = await newWorkspace(tempDir());
    const path = ws.path;
    await ws.close();
    const bytes = readFileSync(path);
    bytes.fill(7, 4096 + 8, 4096 + 3000); // the second page's cells
    writeFileSync(path, bytes);
    const before = sha(path);
    const err = await refused(path);
    expect(err.code).toBe('WORKSPACE_CORRUPT');
    expect(err.message.length).toBeLessThan(400);
    expect(sha(path)).toBe(before);
    for (const side of ['-wal', '-shm', '-journal', '-lock']) expect(existsSync(`${path}${side}`), side).toBe(false);
  });

  it('a workspace from a newer build (user_version beyond our migrations) is refused as too new', async () => {
    const ws = await newWorkspace(tempDir());
    const path = ws.path;
    await ws.close();
    const db = new Database(path);
    db.pragma('user_version = 999');
    db.close();
    const before = sha(path);
    const err = await refused(path);
    expect(err.code).toBe('WORKSPACE_TOO_NEW');
    expect(sha(path)).toBe(before);
    for (const side of ['-wal', '-shm', '-lock']) expect(existsSync(`${path}${side}`), side).toBe(false);
  });

  it('a closed workspace is one self-contained file: no -wal or -shm beside it', async () => {
    const ws = await newWorkspace(tempDir());
    await ws.close();
    expect(ws.sqlite.open).toBe(false);
    for (const side of ['-wal', '-shm']) expect(existsSync(`${ws.path}${side}`), side).toBe(false);
  });

  it('a workspace this build migrates records how many migrations it has', async () => {
    const ws = await newWorkspace(tempDir());
    expect(Number(ws.sqlite.pragma('user_version', { simple: true }))).toBeGreaterThanOrEqual(12);
    await ws.close();
  });
});

describe('the full check on open', () => {
  it('reads every page only where it protects something: small files, before a migration, after a crash', () => {
    const dir = tempDir();
    const path = `${dir}/big.rwb`;
    writeFileSync(path, '');
    const big = 300 * 1024 * 1024;
    expect(needsFullCheck(path, 10 * 1024 * 1024, false)).toBe(true);
    expect(needsFullCheck(path, big, false)).toBe(false);
    expect(needsFullCheck(path, big, true)).toBe(true);
    writeFileSync(`${path}-wal`, '');
    expect(needsFullCheck(path, big, false)).toBe(false);
    writeFileSync(`${path}-wal`, 'frames');
    expect(needsFullCheck(path, big, false)).toBe(true);
  });
});
