// Conditions a user can cause, each answered with a coded error in both languages (never "internal
// error, tell the developers"), and each leaving the workspace's bytes as they were.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InProcessEngine } from '../../../electron/backend/engine/engine';
import { formatError, isErrorCode } from '../../../shared/errors';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const root = join(import.meta.dirname, '../../..');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function ordersCsv(path: string, lines: number): void {
  const out = ['订单编号,客户编号,下单日期,订单金额'];
  for (let i = 0; i < lines; i += 1) out.push(`K${i},C${i % 500},2025-0${1 + (i % 9)}-1${i % 10},${100 + (i % 977)}.50`);
  writeFileSync(path, `${out.join('\n')}\n`);
}

function withoutChangeCounter(file: Buffer): string {
  const copy = Buffer.from(file);
  copy.fill(0, 24, 28);
  copy.fill(0, 92, 96);
  return createHash('sha256').update(copy).digest('hex');
}

function engineAt(dir: string): InProcessEngine {
  return new InProcessEngine({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
}

function expectCoded(env: { ok: boolean; error?: { code: string } }, code: string): void {
  expect(env.ok).toBe(false);
  expect(env.error?.code).toBe(code);
  expect(isErrorCode(code)).toBe(true);
  for (const lang of ['zh-CN', 'en'] as const) expect(formatError(code as never, {}, lang)).not.toMatch(/内部错误|Internal error/);
}

describe('the workspace open in another process', () => {
  let holder: ChildProcess | null = null;
  afterAll(() => holder?.kill('SIGKILL'));

  it('is refused with who holds it, the file untouched; once the holder is gone its lock is taken over', async () => {
    const dir = tempDir();
    const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
    const ws = join(dir, 'client.rwb');
    expect(rwb(['new', ws, '--client', '测试客户'], env).status).toBe(0);
    holder = spawn(process.execPath, [join(root, 'bin/rwb.mjs'), 'serve', '--workspace', ws], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      holder!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('token=')) resolve();
      });
      holder!.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    const before = sha(ws);
    const r = rwb(['info', ws, '--json', '--lang', 'en'], env);
    expect(r.status).not.toBe(0);
    const err = JSON.parse(r.stdout || r.stderr) as { error: { code: string; message: string; params: { pid: number } } };
    expect(err.error.code).toBe('WORKSPACE_IN_USE');
    expect(err.error.params.pid).toBe(holder.pid);
    const zh = rwb(['info', ws, '--lang', 'zh-CN'], env);
    expect(zh.stderr + zh.stdout).toContain('已在别处打开');
    expect(sha(ws)).toBe(before);

    holder.kill('SIGKILL');
    await new Promise((resolve) => holder!.once('exit', resolve));
    holder = null;
    expect(existsSync(`${ws}-lock`)).toBe(true); // the killed holder's lock is still there
    expect(rwb(['info', ws, '--json'], env).status).toBe(0);
    expect(existsSync(`${ws}-lock`)).toBe(false); // taken over, then released
  }, 120_000);
});

describe('a file moved or deleted while open', () => {
  it('is noticed before the next write: WORKSPACE_MOVED, and the moved file is as it was', async () => {
    const dir = tempDir();
    const engine = engineAt(dir);
    const ws = join(dir, 'client.rwb');
    expect((await engine.call('engagement.create', { path: ws, meta: { clientName: '甲' } })).ok).toBe(true);
    await engine.close();
    const again = engineAt(dir);
    expect((await again.call('engagement.open', { path: ws })).ok).toBe(true);
    const moved = join(dir, 'moved.rwb');
    renameSync(ws, moved);
    const before = sha(moved);
    expectCoded(await again.call('engagement.update', { meta: { clientName: '乙' } }), 'WORKSPACE_MOVED');
    expect((await again.call('engagement.current', {})).ok).toBe(true);
    await again.close();
    expect(sha(moved)).toBe(before);
  });
});

// Root ignores file permissions: the read-only case runs the CLI as 'nobody' (setpriv), as a
// consultant without write access to a shared folder would.
const canDropPrivileges = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

describe.runIf(canDropPrivileges)('a read-only workspace', () => {
  it('is refused as read-only (not damaged, not an internal error), the file untouched', () => {
    const dir = tempDir();
    const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    const ws = join(shared, 'client.rwb');
    expect(rwb(['new', ws, '--client', '测试客户'], env).status).toBe(0);
    const csv = join(dir, 'orders.csv');
    ordersCsv(csv, 50);
    const userHome = join(dir, 'nobody-home');
    mkdirSync(userHome);
    for (const p of [dir, userHome]) chmodSync(p, 0o777);
    chmodSync(csv, 0o644);
    chmodSync(shared, 0o755);
    chmodSync(ws, 0o644);
    const before = sha(ws);
    const r = spawnSync(
      'setpriv',
      ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, join(root, 'bin/rwb.mjs'), 'import', ws, csv, '--entity', 'orders', '--json'],
      { env: { ...process.env, RWB_HOME: userHome, RWB_DOCUMENTS: userHome, HOME: userHome }, encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status).not.toBe(0);
    const out = JSON.parse(r.stdout || r.stderr) as { error: { code: string } };
    expect(out.error.code).toBe('WORKSPACE_READ_ONLY');
    expect(sha(ws)).toBe(before);
    expect(existsSync(`${ws}-lock`)).toBe(false);
  }, 120_000);
});

// A small tmpfs is a real full disk; mounting one needs root (CI runs as root), else the test says why it skipped.
function mountSmallDisk(dir: string, size: string): boolean {
  mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status === 0;
}

describe('a full disk', () => {
  it('stops an import with DISK_FULL (how much is free, how large the file is), the workspace as it was', async (ctx) => {
    const dir = tempDir();
    const disk = join(dir, 'disk');
    if (!mountSmallDisk(disk, '3m')) {
      ctx.skip();
      return;
    }
    try {
      const engine = engineAt(dir);
      const ws = join(disk, 'client.rwb');
      expect((await engine.call('engagement.create', { path: ws, meta: { clientName: '甲' } })).ok).toBe(true);
      const csv = join(dir, 'orders.csv');
      ordersCsv(csv, 60_000);
      await engine.close();
      const beforeBuf = readFileSync(ws);
      const again = engineAt(dir);
      expect((await again.call('engagement.open', { path: ws })).ok).toBe(true);
      const env = await again.call('import.run', { path: csv, entity: 'orders', options: { unknownCustomers: 'create' } });
      expectCoded(env, 'DISK_FULL');
      const params = (env as unknown as { error: { params: { freeMb: number; fileMb: number } } }).error.params;
      expect(params.freeMb).toBeLessThan(3);
      expect(params.fileMb).toBeGreaterThan(0);
      const info = await again.call('engagement.current', {});
      expect(info.ok && (info.value as { counts: { orders: number } }).counts.orders).toBe(0);
      await again.close();
      // Byte for byte, but for SQLite's own file change counter (header offsets 24-27, and its copy
      // at 92-95): a write that was rolled back in rollback-journal mode (the bulk path) still counts.
      expect(withoutChangeCounter(readFileSync(ws))).toEqual(withoutChangeCounter(beforeBuf));
    } finally {
      spawnSync('umount', [disk]);
    }
  }, 120_000);
});

describe.runIf(canDropPrivileges)('a home folder that cannot be written', () => {
  it('does not stop a command: settings live for the session, said once on stderr', () => {
    const dir = tempDir();
    const locked = join(dir, 'locked-home');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    chmodSync(dir, 0o777);
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    chmodSync(docs, 0o777);
    const r = spawnSync(
      'setpriv',
      [
        '--reuid=nobody',
        '--regid=nogroup',
        '--clear-groups',
        process.execPath,
        join(root, 'bin/rwb.mjs'),
        'new',
        join(docs, 'x.rwb'),
        '--client',
        '甲',
        '--json',
      ],
      { env: { ...process.env, RWB_HOME: join(locked, 'rwb'), RWB_DOCUMENTS: docs, HOME: locked }, encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('cannot be saved');
    expect(existsSync(join(docs, 'x.rwb'))).toBe(true);
  }, 120_000);
});
