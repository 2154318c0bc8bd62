import { existsSync, rmSync, statSync } from 'node:fs';
import { APPLICATION_ID } from './db';
import { openReadOnly, type ReadableDB } from './connection';
import { migrationNames } from './migrations';
import { WorkbenchError } from '../errors';
import { fileKind, type Passphrase } from './cipher';

export interface InspectResult {
  applied: string[];
  pending: string[];
  encrypted: boolean;
}

/**
 * Decide whether a file may be opened as a workspace WITHOUT changing a byte of it: the header is
 * read by hand, then SQLite opens it read-only. Refuses non-SQLite files, foreign SQLite files,
 * damaged files and files from a newer version (migrations this build does not know). An encrypted
 * file needs its passphrase (a plain one ignores any); a wrong one is refused before any write.
 */
export function inspectWorkspaceFile(path: string, passphrase: Passphrase | null = null): InspectResult {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new WorkbenchError('FILE_NOT_FOUND', { path });
  }
  const kind = fileKind(path, size);
  if (kind === 'other') throw new WorkbenchError('NOT_A_WORKSPACE', { path });
  const encrypted = kind === 'encrypted';
  if (encrypted && !passphrase) throw new WorkbenchError('WORKSPACE_PASSPHRASE_REQUIRED', { path });

  // A read-only open of a file in WAL mode creates -shm (and may create -wal) beside it: a file we
  // refuse must be left exactly as we found it, so what this inspection created is removed again.
  const sidecars = [`${path}-wal`, `${path}-shm`].filter((f) => !existsSync(f));
  let sqlite: ReadableDB | null = null;
  try {
    sqlite = openReadOnly(path, encrypted ? passphrase : null);
    let appId: unknown;
    try {
      appId = sqlite.pragma('application_id', { simple: true });
    } catch (err) {
      // Encrypted pages that do not decrypt under this key: the passphrase, not the file, is wrong.
      if (encrypted && (err as { code?: string }).code === 'SQLITE_NOTADB') throw new WorkbenchError('WORKSPACE_PASSPHRASE_WRONG', { path });
      throw err;
    }
    if (appId !== APPLICATION_ID) throw new WorkbenchError('NOT_A_WORKSPACE', { path });
    // user_version counts the migrations a build applied: a higher one comes from a newer build, even
    // before that build's migrations show in the table (a file mid-upgrade, or written by another tool).
    const version = Number(sqlite.pragma('user_version', { simple: true }));
    if (version > migrationNames.length) throw new WorkbenchError('WORKSPACE_TOO_NEW', { path, unknown: `user_version ${version}` });
    const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    const applied = hasTable ? (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name) : [];
    const unknown = applied.filter((n) => !migrationNames.includes(n));
    if (unknown.length > 0) throw new WorkbenchError('WORKSPACE_TOO_NEW', { path, unknown: unknown.join(', ') });
    const pending = migrationNames.filter((n) => !applied.includes(n));
    if (needsFullCheck(path, size, pending.length > 0)) {
      const check = sqlite.pragma('quick_check', { simple: true });
      // quick_check lists every bad cell; the first says what kind of damage it is.
      if (check !== 'ok') throw new WorkbenchError('WORKSPACE_CORRUPT', { path, detail: firstProblem(String(check)) });
    }
    return { applied, pending, encrypted };
  } catch (err) {
    if (err instanceof WorkbenchError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') throw new WorkbenchError('NOT_A_WORKSPACE', { path });
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new WorkbenchError('WORKSPACE_LOCKED', { path });
    const detail = err instanceof Error ? err.message : String(err);
    throw new WorkbenchError('WORKSPACE_CORRUPT', { path, detail });
  } finally {
    sqlite?.close();
    // Ours alone (the lock file keeps other processes of ours out): the index file, and an empty log.
    for (const f of sidecars) if (existsSync(f) && (f.endsWith('-shm') || statSync(f).size === 0)) rmSync(f, { force: true });
  }
}

function firstProblem(report: string): string {
  const first = report.replace(/^\*\*\* in database main \*\*\*\s*/, '').split(/\s(?=Tree \d+ page)|\n/)[0] ?? report;
  return first.length > 160 ? `${first.slice(0, 160)}…` : first;
}

// quick_check reads every page: 42-91 s for a 1.8 GB workspace (500,000 customers, 10,000,000 order
// lines), on every open. It runs where it protects something: before a migration writes to the file,
// after a crash (a log or journal left beside it), and on files small enough to check in a blink.
// Damage found later in a large file surfaces as SQLITE_CORRUPT, which is reported as WORKSPACE_CORRUPT.
const FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024;

export function needsFullCheck(path: string, size: number, migrating: boolean): boolean {
  if (migrating || size <= FULL_CHECK_MAX_BYTES) return true;
  const left = (suffix: string) => existsSync(`${path}${suffix}`) && statSync(`${path}${suffix}`).size > 0;
  return left('-wal') || left('-journal');
}
