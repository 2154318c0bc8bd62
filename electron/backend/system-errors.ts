import { statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { WorkbenchError } from './errors';

// Conditions a user can cause (a full disk, a read-only file, a second program writing) arrive from
// SQLite and Node as bare codes. Each becomes a coded error that says what happened and what to do,
// never "internal error, tell the developers". Every write the engine makes is in a transaction, so
// whichever of these stopped it, the workspace is as it was.

function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

function spaceAround(path: string | null): { freeMb: number; fileMb: number } {
  if (!path) return { freeMb: 0, fileMb: 0 };
  try {
    const fs = statfsSync(dirname(path));
    return { freeMb: megabytes(fs.bavail * fs.bsize), fileMb: megabytes(statSync(path).size) };
  } catch {
    return { freeMb: 0, fileMb: 0 };
  }
}

/** The coded error for a system condition, or the error itself when it is not one of them. */
export function classifySystemError(err: unknown, workspacePath: string | null): unknown {
  if (err instanceof WorkbenchError || !(err instanceof Error)) return err;
  const code = (err as { code?: string }).code ?? '';
  const path = (err as { path?: string }).path ?? workspacePath ?? '';
  const space = code.startsWith('SQLITE_IOERR') ? spaceAround(workspacePath) : null;
  // A write that failed for want of space can surface as an I/O error: a near-empty disk tells.
  if (space && workspacePath && space.freeMb < 1) return new WorkbenchError('DISK_FULL', { path, ...space }, { cause: err });
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new WorkbenchError('DISK_FULL', { path, ...spaceAround(workspacePath) }, { cause: err });
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return new WorkbenchError('WORKSPACE_READ_ONLY', { path }, { cause: err });
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_'))
    return new WorkbenchError('WORKSPACE_CORRUPT', { path, detail: err.message.slice(0, 160) }, { cause: err });
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new WorkbenchError('WORKSPACE_BUSY', { path }, { cause: err });
  if (code === 'EACCES' || code === 'EPERM') return new WorkbenchError('PERMISSION_DENIED', { path }, { cause: err });
  return err;
}
