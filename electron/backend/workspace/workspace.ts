import { existsSync, renameSync, rmSync, statSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { APPLICATION_ID, openDatabase } from './db';
import { migrateTo } from './migrate';
import { inspectWorkspaceFile } from './inspect';
import { latestMigration, migrationNames } from './migrations';
import { getEngagement, insertEngagement } from './repositories/engagement';
import { cachedEntityCounts } from './repositories/counts-cache';
import { recordAudit } from './repositories/audit';
import type { WritableDB, WritableKysely } from './connection';
import type { EngagementMeta, WorkspaceInfo } from '../../../shared/domain/engagement';
import { WorkbenchError } from '../errors';
import { rekey, type Passphrase } from './cipher';

export const WORKSPACE_EXTENSION = '.rwb';

/**
 * An open engagement workspace: one SQLite file, one read-write connection seen two ways (kysely for
 * ordinary queries, better-sqlite3 prepared statements for hot paths). Both are writable; a function
 * that only reads declares ReadableDB / ReadExecutor and gets them all the same.
 */
export interface Workspace {
  readonly path: string;
  readonly sqlite: WritableDB;
  readonly db: WritableKysely;
  /**
   * The key of an encrypted workspace (null: a plain one), kept in memory so a job thread can open
   * its own connection. Changed only by encryptWorkspace / changePassphrase.
   */
  passphrase: Passphrase | null;
  close(): Promise<void>;
}

export function withWorkspaceExtension(path: string): string {
  const abs = resolve(path);
  return abs.toLowerCase().endsWith(WORKSPACE_EXTENSION) ? abs : abs + WORKSPACE_EXTENSION;
}

function wrap(path: string, opened: ReturnType<typeof openDatabase>, passphrase: Passphrase | null): Workspace {
  let closed = false;
  return {
    path,
    sqlite: opened.sqlite,
    db: opened.db,
    passphrase,
    async close() {
      if (closed) return;
      closed = true;
      // Folding the WAL back in leaves one self-contained file the consultant can copy or email.
      opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      await opened.db.destroy();
      // kysely closes the handle only if it ever acquired it: close it here in every case, so the
      // last connection's close removes the -wal and -shm files and nothing stays open on the file.
      if (opened.sqlite.open) opened.sqlite.close();
    },
  };
}

/**
 * Create a new workspace. It is built under a temporary name and renamed into place only when
 * complete, so a failure never leaves a half-written workspace at the chosen path.
 */
export async function createWorkspace(
  rawPath: string,
  meta: Omit<EngagementMeta, 'createdAt' | 'updatedAt'>,
  fill?: (ws: Workspace) => Promise<void>,
  opts: { passphrase?: Passphrase | null } = {},
): Promise<Workspace> {
  const passphrase = opts.passphrase ?? null;
  const path = withWorkspaceExtension(rawPath);
  if (existsSync(path)) throw new WorkbenchError('FILE_EXISTS', { path });
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.partial-${randomBytes(4).toString('hex')}`;
  try {
    const opened = openDatabase(temp, { create: true, passphrase });
    const ws = wrap(temp, opened, passphrase);
    try {
      opened.sqlite.pragma(`application_id = ${APPLICATION_ID}`);
      await migrateTo(opened.db as unknown as Kysely<unknown>);
      // How many migrations this file has: a build that knows fewer refuses it (inspect.ts).
      opened.sqlite.pragma(`user_version = ${migrationNames.length}`);
      const now = new Date().toISOString();
      await insertEngagement(opened.db, meta, now);
      await recordAudit(opened.db, 'workspace.create', { clientName: meta.clientName, ...(passphrase ? { encrypted: true } : {}) });
      if (fill) await fill(ws);
      opened.sqlite.pragma('journal_mode = DELETE');
    } finally {
      await ws.close();
    }
    renameSync(temp, path);
  } finally {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
  }
  return openWorkspace(path, passphrase);
}

/**
 * Open an existing workspace. The file is inspected read-only first; pending migrations are applied
 * only after a snapshot of the file is taken beside it. An encrypted file needs its passphrase; a
 * plain one ignores any passphrase given.
 */
export async function openWorkspace(rawPath: string, passphrase: Passphrase | null = null): Promise<Workspace> {
  const path = resolve(rawPath);
  const { pending, applied, encrypted } = inspectWorkspaceFile(path, passphrase);
  const key = encrypted ? passphrase : null;
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase(path, { passphrase: key });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new WorkbenchError('WORKSPACE_LOCKED', { path });
    throw err;
  }
  const ws = wrap(path, opened, key);
  if (pending.length > 0) {
    try {
      if (applied.length > 0) await copyDatabase(ws, `${path}.before-${latestMigration}.bak`);
      await migrateTo(opened.db as unknown as Kysely<unknown>);
      // How many migrations this file has: a build that knows fewer refuses it (inspect.ts).
      opened.sqlite.pragma(`user_version = ${migrationNames.length}`);
      await recordAudit(opened.db, 'workspace.upgrade', { from: applied.at(-1) ?? null, to: latestMigration });
    } catch (err) {
      await ws.close();
      throw err;
    }
  }
  return ws;
}

export async function describeWorkspace(ws: Workspace): Promise<WorkspaceInfo> {
  const [meta, counts] = await Promise.all([getEngagement(ws.db), cachedEntityCounts(ws.sqlite, ws.db)]);
  return { path: ws.path, meta, schemaVersion: latestMigration, counts, fileBytes: statSync(ws.path).size, encrypted: ws.passphrase !== null };
}

/**
 * A consistent copy of the open workspace at `destination` (a new file). A plain workspace goes
 * through SQLite's online backup API. An encrypted one cannot (SQLite3 Multiple Ciphers refuses a
 * backup into a file without the source's key and page layout), so it is copied with VACUUM INTO,
 * which writes the copy under the same cipher and key: a backup of an encrypted workspace is never
 * readable without its passphrase.
 */
async function copyDatabase(ws: Workspace, destination: string): Promise<void> {
  if (!ws.passphrase) {
    await ws.sqlite.backup(destination);
    return;
  }
  ws.sqlite.prepare('vacuum into ?').run(destination);
}

/** Online backup: consistent even while the workspace is in use; an encrypted one stays encrypted. */
export async function backupWorkspace(ws: Workspace, rawDestination: string): Promise<{ path: string; bytes: number }> {
  const destination = withWorkspaceExtension(rawDestination);
  if (resolve(destination) === resolve(ws.path)) {
    throw new WorkbenchError('BACKUP_FAILED', { detail: 'destination is the open workspace itself' });
  }
  const temp = `${destination}.partial-${randomBytes(4).toString('hex')}`;
  try {
    mkdirSync(dirname(destination), { recursive: true });
    await copyDatabase(ws, temp);
    renameSync(temp, destination);
  } catch (err) {
    rmSync(temp, { force: true });
    if (err instanceof WorkbenchError) throw err;
    throw new WorkbenchError('BACKUP_FAILED', { detail: err instanceof Error ? err.message : String(err) });
  }
  await recordAudit(ws.db, 'workspace.backup', { destination });
  return { path: destination, bytes: statSync(destination).size };
}

/** Does `given` equal the workspace's passphrase? Compared in constant time, over digests of equal length. */
function samePassphrase(held: Passphrase, given: Passphrase): boolean {
  const digest = (p: Passphrase) => createHash('sha256').update(p.reveal(), 'utf8').digest();
  return timingSafeEqual(digest(held), digest(given));
}

/**
 * Re-encrypt the open workspace in place under `next` (from plain, or from its current key). Every
 * page is rewritten in one transaction through a rollback journal (SQLite3 Multiple Ciphers does
 * not rekey a WAL database), so a crash or a failure leaves the file under its old key, whole. No
 * other connection may be open: the caller waits for job threads first.
 */
function rekeyInPlace(ws: Workspace, next: Passphrase): void {
  if (ws.sqlite.inTransaction) throw new WorkbenchError('WORKSPACE_JOB_RUNNING', { path: ws.path });
  ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  // Leaving WAL needs the only connection: a job thread's own connection keeps it in WAL.
  const mode = tryPragma(ws, 'journal_mode = DELETE');
  if (mode !== 'delete') {
    tryPragma(ws, 'journal_mode = WAL');
    throw new WorkbenchError('WORKSPACE_JOB_RUNNING', { path: ws.path });
  }
  try {
    rekey(ws.sqlite, next);
  } finally {
    ws.sqlite.pragma('journal_mode = WAL');
  }
  ws.passphrase = next;
}

function tryPragma(ws: Workspace, pragma: string): unknown {
  try {
    return ws.sqlite.pragma(pragma, { simple: true });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return null;
    throw err;
  }
}

/** Encrypt a plain workspace under a passphrase the user chose. The audit entry never holds it. */
export async function encryptWorkspace(ws: Workspace, passphrase: Passphrase): Promise<void> {
  if (ws.passphrase) throw new WorkbenchError('WORKSPACE_ALREADY_ENCRYPTED', { path: ws.path });
  rekeyInPlace(ws, passphrase);
  await recordAudit(ws.db, 'workspace.encrypt', { cipher: 'sqlcipher-4' });
}

/** Change an encrypted workspace's passphrase; the current one must be given and right. */
export async function changePassphrase(ws: Workspace, current: Passphrase, next: Passphrase): Promise<void> {
  if (!ws.passphrase) throw new WorkbenchError('WORKSPACE_NOT_ENCRYPTED', { path: ws.path });
  if (!samePassphrase(ws.passphrase, current)) throw new WorkbenchError('WORKSPACE_PASSPHRASE_WRONG', { path: ws.path });
  rekeyInPlace(ws, next);
  await recordAudit(ws.db, 'workspace.passphraseChanged', {});
}
