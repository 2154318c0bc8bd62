import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';

/** 'RWB1': marks a SQLite file as a workspace, so any other SQLite file is refused, not migrated. */
export const APPLICATION_ID = 0x52574231;

export interface OpenDatabase {
  sqlite: Database.Database;
  db: Kysely<DB>;
}

export function openDatabase(path: string, opts: { readonly?: boolean; create?: boolean } = {}): OpenDatabase {
  const sqlite = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: !opts.create });
  if (!opts.readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, db };
}
