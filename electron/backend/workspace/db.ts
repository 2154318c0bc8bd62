import Database from 'better-sqlite3-multiple-ciphers';
import { ENCRYPTED_CACHE_PRAGMA, applyPassphrase, type Passphrase } from './cipher';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';
import { brandWritable, type WritableDB, type WritableKysely } from './connection';

/** 'RWB1': marks a SQLite file as a workspace, so any other SQLite file is refused, not migrated. */
export const APPLICATION_ID = 0x52574231;

export interface OpenDatabase {
  sqlite: WritableDB;
  db: WritableKysely;
}

/**
 * The read-write connection to a workspace file (WAL, foreign keys on). Read-only: openReadOnly.
 * With a passphrase, the file is (or a new one becomes) encrypted: the key comes before any read.
 */
export function openDatabase(path: string, opts: { create?: boolean; passphrase?: Passphrase | null } = {}): OpenDatabase {
  const sqlite = new Database(path, { fileMustExist: !opts.create });
  if (opts.passphrase) applyPassphrase(sqlite, opts.passphrase);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  if (opts.passphrase) sqlite.pragma(ENCRYPTED_CACHE_PRAGMA);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return brandWritable(sqlite, db);
}
