import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { HostKind } from '../../../shared/domain/engagement';
import { WorkbenchError } from '../errors';

// One engagement, one window: two processes writing the same workspace (the app and an `rwb` in a
// terminal, two app windows on a shared folder) would take turns on SQLite's locks and fail with
// "database is locked" at random. A lock file beside the workspace says who holds it, so the second
// is refused with a name, a process and a time instead. A holder that died (a crash, a kill) leaves
// its file; on the same machine a dead process id proves it stale and the next open takes it over.

export interface LockHolder {
  pid: number;
  host: string;
  user: string;
  app: HostKind;
  since: string;
  /** Which acquisition this is: a process that reopens its own workspace must not release the new lock with the old. */
  token: string;
}

export interface WorkspaceLock {
  readonly path: string;
  release(): void;
}

export function lockPath(workspacePath: string): string {
  return `${workspacePath}-lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? (h as LockHolder) : null;
  } catch {
    return null;
  }
}

function user(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** Take the workspace's lock for this process, or refuse naming who has it. */
export function acquireWorkspaceLock(workspacePath: string, app: HostKind): WorkspaceLock {
  const file = lockPath(workspacePath);
  const me: LockHolder = { pid: process.pid, host: hostname(), user: user(), app, since: new Date().toISOString(), token: randomUUID() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      return {
        path: file,
        release() {
          // Only our own lock: a takeover by another process after ours went stale is theirs.
          if (readHolder(file)?.token === me.token) rmSync(file, { force: true });
        },
      };
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code !== 'EEXIST') {
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new WorkbenchError('WORKSPACE_READ_ONLY', { path: workspacePath });
        if (code === 'ENOSPC') throw new WorkbenchError('DISK_FULL', { path: workspacePath, freeMb: 0, fileMb: 0 });
        throw err;
      }
      const holder = readHolder(file);
      const stale = holder === null || (holder.host === me.host && (holder.pid === me.pid || !alive(holder.pid)));
      if (!stale) {
        throw new WorkbenchError('WORKSPACE_IN_USE', {
          path: workspacePath,
          app: holder.app,
          pid: holder.pid,
          host: holder.host,
          user: holder.user || '?',
          since: holder.since.slice(0, 16).replace('T', ' '),
          lockFile: file,
        });
      }
      rmSync(file, { force: true });
    }
  }
  throw new WorkbenchError('WORKSPACE_IN_USE', { path: workspacePath, app: '?', pid: 0, host: '?', user: '?', since: '?', lockFile: file });
}
