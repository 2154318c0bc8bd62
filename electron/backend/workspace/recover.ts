import { copyFileSync, existsSync, mkdirSync, openSync, readSync, closeSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyPassphrase, fileKind, passphraseOpens, type Passphrase } from './cipher';
import type { WorkspaceRecovery } from '../../../shared/domain/engagement';
import { WorkbenchError } from '../errors';

// A job killed mid-transaction in rollback-journal mode (a bulk import) leaves a hot journal beside
// the file. The file is intact, but only a read-write connection rolls the journal back, and the
// open-time inspection is read-only: without this step every open said "damaged, restore from a
// backup" about data that was fine, and following that advice lost the work since the last backup
// (deleting the journal instead really corrupts the file). So before inspecting, a hot journal is
// rolled back here, after the file and its journal are copied aside, and the user is told.

const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);
const ASIDE_PREFIX = '.recovery-';

function journalHeaderIsLive(journal: string): boolean {
  if (!existsSync(journal) || statSync(journal).size < JOURNAL_MAGIC.length) return false;
  const fd = openSync(journal, 'r');
  try {
    const head = Buffer.alloc(JOURNAL_MAGIC.length);
    readSync(fd, head, 0, head.length, 0);
    return head.equals(JOURNAL_MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** Where the copies of an interrupted workspace are kept: beside it, one folder (the latest) per workspace. */
export function asideDir(path: string, at: string): string {
  return join(dirname(path), `${ASIDE_PREFIX}${basename(path)}-${at.replace(/[:.]/g, '-')}`);
}

/**
 * Roll back a job a crash interrupted, if there is one. Returns what was done, or null when the
 * file had no hot journal. SQLite decides whether the journal is hot: if another process still holds
 * the file mid-transaction, the journal is its own and the open waits, then reports the file locked.
 */
export function recoverInterruptedJob(path: string, now: Date = new Date(), passphrase: Passphrase | null = null): WorkspaceRecovery | null {
  const journal = `${path}-journal`;
  if (!journalHeaderIsLive(journal)) return null;
  // An encrypted file's journal is played back through its key: without it nothing can be done, and
  // under a wrong one playback would write garbage, so the key is proven on a copy of page 1 first.
  const encrypted = fileKind(path, statSync(path).size) === 'encrypted';
  if (encrypted && !passphrase) throw new WorkbenchError('WORKSPACE_PASSPHRASE_REQUIRED', { path });
  if (encrypted && passphrase && !passphraseOpens(path, passphrase)) throw new WorkbenchError('WORKSPACE_PASSPHRASE_WRONG', { path });
  const at = now.toISOString();
  const aside = asideDir(path, at);
  try {
    mkdirSync(aside, { recursive: true });
    copyFileSync(path, join(aside, basename(path)));
    copyFileSync(journal, join(aside, basename(journal)));
  } catch (err) {
    rmSync(aside, { recursive: true, force: true });
    const code = (err as { code?: string }).code ?? '';
    if (code === 'ENOSPC') throw new WorkbenchError('DISK_FULL', { path, freeMb: 0, fileMb: Math.round(statSync(path).size / 1024 / 1024) });
    throw new WorkbenchError('RECOVERY_FAILED', { path, detail: code || String(err) });
  }
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(path, { fileMustExist: true, timeout: 5000 });
    if (encrypted && passphrase) applyPassphrase(sqlite, passphrase);
    // The first read takes a shared lock, finds the journal hot and plays it back.
    sqlite.prepare('select count(*) from sqlite_master').get();
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new WorkbenchError('WORKSPACE_LOCKED', { path });
    throw new WorkbenchError('RECOVERY_FAILED', { path, detail: code || String(err) });
  } finally {
    sqlite?.close();
  }
  if (journalHeaderIsLive(journal)) return null; // another process's live transaction: nothing rolled back
  pruneOlderAside(path, aside);
  return { rolledBack: true, at, keptAside: aside };
}

/** Keep only the newest copy: an older one is of a state the consultant has since worked past. */
function pruneOlderAside(path: string, keep: string): void {
  const prefix = `${ASIDE_PREFIX}${basename(path)}-`;
  for (const name of readdirSync(dirname(path))) {
    const full = join(dirname(path), name);
    if (name.startsWith(prefix) && full !== keep) rmSync(full, { recursive: true, force: true });
  }
}
