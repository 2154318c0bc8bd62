import Database from 'better-sqlite3-multiple-ciphers';
import { applyPassphrase, type Passphrase } from './cipher';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

// Branded connections (Signal Desktop's ReadableDB / WritableDB): a function that only reads takes a
// Readable type, a function that writes takes a Writable one, and handing a reader's connection to a
// writer is a compile error. Every writable connection is also readable. The brands exist only in
// the types; the one cast that grants them is where a connection is opened (db.ts, openReadOnly
// below, writeTransaction), so no other module can mint a writable connection.

declare const readable: unique symbol;
declare const writable: unique symbol;

interface ReadBrand {
  readonly [readable]: true;
}
interface WriteBrand {
  readonly [writable]: true;
}

/** A better-sqlite3 connection to a workspace that the holder only reads through. */
export type ReadableDB = Database.Database & ReadBrand;
/** The workspace's read-write better-sqlite3 connection (prepared statements on hot paths). */
export type WritableDB = ReadableDB & WriteBrand;

/** A kysely executor (the database or a transaction) that the holder only reads through. */
export type ReadExecutor = (Kysely<DB> | Transaction<DB>) & ReadBrand;
/** A kysely executor that may write: the workspace's `db`, or a transaction begun on it. */
export type WriteExecutor = ReadExecutor & WriteBrand;
/** The workspace's read-write kysely database (it can begin write transactions). */
export type WritableKysely = Kysely<DB> & ReadBrand & WriteBrand;

/** Grants both brands to a connection just opened read-write (db.ts is the only caller). */
export function brandWritable(sqlite: Database.Database, db: Kysely<DB>): { sqlite: WritableDB; db: WritableKysely } {
  return { sqlite: sqlite as WritableDB, db: db as WritableKysely };
}

/** A connection SQLite itself refuses writes on: for inspecting a file before it is trusted. */
export function openReadOnly(path: string, passphrase: Passphrase | null = null): ReadableDB {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  if (passphrase) applyPassphrase(sqlite, passphrase);
  return sqlite as ReadableDB;
}

/**
 * A kysely transaction on the writable database, handed on as a WriteExecutor so repositories that
 * write can run inside it.
 */
export function writeTransaction<T>(db: WritableKysely, work: (trx: WriteExecutor) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(trx as WriteExecutor));
}
