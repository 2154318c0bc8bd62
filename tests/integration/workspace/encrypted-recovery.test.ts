import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { Passphrase } from '../../../electron/backend/workspace/cipher';
import { createWorkspace } from '../../../electron/backend/workspace/workspace';
import { WorkbenchError } from '../../../electron/backend/errors';
import { tempDir } from '../../helpers/temp';

// A job killed mid-transaction leaves a hot journal beside an encrypted workspace too. Rolling it
// back needs the key: without one the open asks for it, under a wrong one it is refused before
// anything is copied or played back (playback under a wrong key would write garbage), and under
// the right one the workspace comes back exactly as it was before the job.
const dir = tempDir();
const PASS = 'recovery passphrase';
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

// The killed job: big enough that SQLite spills pages into the file before the commit.
const child = `
const D = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers'))});
const db = new D(process.argv[1]);
db.pragma("cipher = 'sqlcipher'"); db.pragma('legacy = 4'); db.key(Buffer.from(process.argv[2]));
db.pragma('journal_mode = DELETE'); db.pragma('cache_size = 10');
db.exec('begin'); db.exec('create table junk(x)');
const st = db.prepare('insert into junk values (?)');
for (let i = 0; i < 20000; i++) st.run('x'.repeat(200) + i);
process.kill(process.pid, 'SIGKILL');
`;

async function code(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'ok',
    (e: unknown) => (e instanceof WorkbenchError ? e.code : String(e)),
  );
}

describe('an encrypted workspace left with a hot journal', () => {
  it('asks for the passphrase, refuses a wrong one untouched, and rolls back under the right one', async () => {
    const path = join(dir, 'crashed.rwb');
    const ws = await createWorkspace(
      path,
      { clientName: '保密客户', industry: null, currency: 'CNY', locale: 'zh-CN', consultant: null, startDate: null, endDate: null, notes: null },
      undefined,
      {
        passphrase: new Passphrase(PASS),
      },
    );
    await ws.close();
    const killed = spawnSync(process.execPath, ['-e', child, path, PASS], { encoding: 'utf8' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(`${path}-journal`)).toBe(true);
    const before = { file: sha(path), journal: sha(`${path}-journal`) };

    const backend = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
    expect(await code(backend.open(path))).toBe('WORKSPACE_PASSPHRASE_REQUIRED');
    expect(await code(backend.open(path, new Passphrase('not the passphrase')))).toBe('WORKSPACE_PASSPHRASE_WRONG');
    expect({ file: sha(path), journal: sha(`${path}-journal`) }).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('.recovery-'))).toEqual([]);

    const info = await backend.open(path, new Passphrase(PASS));
    expect(info.recovery?.rolledBack).toBe(true);
    expect(info.encrypted).toBe(true);
    const junk = backend.requireWorkspace().sqlite.prepare("select count(*) n from sqlite_master where name = 'junk'").get() as { n: number };
    expect(junk.n).toBe(0);
    expect(backend.requireWorkspace().sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await backend.shutdown();
  }, 120_000);
});
