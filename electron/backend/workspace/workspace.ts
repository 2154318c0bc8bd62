import { existsSync, renameSync, rmSync, statSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { APPLICATION_ID, openDatabase } from './db';
import { migrateTo } from './migrate';
import { inspectWorkspaceFile } from './inspect';
import { latestMigration } from './migrations';
import { getEngagement, insertEngagement } from './repositories/engagement';
import { cachedEntityCounts } from './repositories/counts-cache';
import { recordAudit } from './repositories/audit';
import type { WritableDB, WritableKysely } from './connection';
import type { EngagementMeta, WorkspaceInfo } from '../../../shared/domain/engagement';
import { WorkbenchError } from '../errors';

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
  close(): Promise<void>;
}

export function withWorkspaceExtension(path: string): string {
  const abs = resolve(path);
  return abs.toLowerCase().endsWith(WORKSPACE_EXTENSION) ? abs : abs + WORKSPACE_EXTENSION;
}

function wrap(path: string, opened: ReturnType<typeof openDatabase>): Workspace {
  let closed = false;
  return {
    path,
    sqlite: opened.sqlite,
    db: opened.db,
    async close() {
      if (closed) return;
      closed = true;
      // Folding the WAL back in leaves one self-contained file the consultant can copy or email.
      opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      await opened.db.destroy();
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
): Promise<Workspace> {
  const path = withWorkspaceExtension(rawPath);
  if (existsSync(path)) throw new WorkbenchError('FILE_EXISTS', { path });
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.partial-${randomBytes(4).toString('hex')}`;
  try {
    const opened = openDatabase(temp, { create: true });
    const ws = wrap(temp, opened);
    try {
      opened.sqlite.pragma(`application_id = ${APPLICATION_ID}`);
      await migrateTo(opened.db as unknown as Kysely<unknown>);
      const now = new Date().toISOString();
      await insertEngagement(opened.db, meta, now);
      await recordAudit(opened.db, 'workspace.create', { clientName: meta.clientName });
      if (fill) await fill(ws);
      opened.sqlite.pragma('journal_mode = DELETE');
    } finally {
      await ws.close();
    }
    renameSync(temp, path);
  } finally {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
  }
  return openWorkspace(path);
}

/**
 * Open an existing workspace. The file is inspected read-only first; pending migrations are applied
 * only after a snapshot of the file is taken beside it.
 */
export async function openWorkspace(rawPath: string): Promise<Workspace> {
  const path = resolve(rawPath);
  const { pending, applied } = inspectWorkspaceFile(path);
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase(path);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new WorkbenchError('WORKSPACE_LOCKED', { path });
    throw err;
  }
  const ws = wrap(path, opened);
  if (pending.length > 0) {
    try {
      if (applied.length > 0) await opened.sqlite.backup(`${path}.before-${latestMigration}.bak`);
      await migrateTo(opened.db as unknown as Kysely<unknown>);
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
  return { path: ws.path, meta, schemaVersion: latestMigration, counts, fileBytes: statSync(ws.path).size };
}

/** Online backup (SQLite's backup API): consistent even while the workspace is in use. */
export async function backupWorkspace(ws: Workspace, rawDestination: string): Promise<{ path: string; bytes: number }> {
  const destination = withWorkspaceExtension(rawDestination);
  if (resolve(destination) === resolve(ws.path)) {
    throw new WorkbenchError('BACKUP_FAILED', { detail: 'destination is the open workspace itself' });
  }
  const temp = `${destination}.partial-${randomBytes(4).toString('hex')}`;
  try {
    mkdirSync(dirname(destination), { recursive: true });
    await ws.sqlite.backup(temp);
    renameSync(temp, destination);
  } catch (err) {
    rmSync(temp, { force: true });
    if (err instanceof WorkbenchError) throw err;
    throw new WorkbenchError('BACKUP_FAILED', { detail: err instanceof Error ? err.message : String(err) });
  }
  await recordAudit(ws.db, 'workspace.backup', { destination });
  return { path: destination, bytes: statSync(destination).size };
}
