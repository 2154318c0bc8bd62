import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import { WorkbenchError } from '../errors';

// An encrypted workspace is a SQLCipher 4 database (SQLite3 Multiple Ciphers' 'sqlcipher' scheme,
// legacy 4: AES-256-CBC, HMAC-SHA512 per page, PBKDF2-HMAC-SHA512 with 256,000 iterations), so a
// client's security team can open it with their own SQLCipher tools given the passphrase. Every
// page is encrypted, the header included: nothing in the file says it is a workspace until it is
// decrypted, and a wrong passphrase fails the first page's HMAC (SQLITE_NOTADB) without a write.

export const PAGE_SIZE = 4096;
export const MIN_PASSPHRASE_LENGTH = 8;
const SQLITE_HEADER = 'SQLite format 3\u0000';
// SQLCipher 4's key derivation, done here once per file instead of by every connection: the
// inspection, the read-write connection and each job thread would each spend 0.2 s (2 s on a busy
// machine) on it. SQLite gets the derived key as a raw key (x'…'), which SQLCipher defines.
const KDF_ITERATIONS = 256_000;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/**
 * A passphrase held in memory only. Its text is a private field, so it is not serialised by
 * JSON.stringify, not printed by console.log or util.inspect, and not part of an error: it leaves
 * this object only through reveal(), for SQLite and for a job thread's postMessage.
 */
export class Passphrase {
  readonly #text: string;
  /** Derived keys by the file's salt (hex): the same passphrase opens a file, its backup, a job's connection. */
  readonly #derived = new Map<string, Buffer>();

  constructor(text: string) {
    this.#text = text;
  }

  /** The raw key for a file with this salt, derived once. */
  keyFor(salt: Buffer): Buffer {
    const id = salt.toString('hex');
    let key = this.#derived.get(id);
    if (!key) {
      key = pbkdf2Sync(Buffer.from(this.#text, 'utf8'), salt, KDF_ITERATIONS, KEY_BYTES, 'sha512');
      this.#derived.set(id, key);
    }
    return key;
  }

  /** For a job thread's workerData (structured clone): the text and the keys derived so far. */
  export(): PassphraseTransfer {
    return { text: this.#text, derived: [...this.#derived].map(([salt, key]) => [salt, key.toString('hex')]) };
  }

  static import(t: PassphraseTransfer | null): Passphrase | null {
    if (!t) return null;
    const p = new Passphrase(t.text);
    for (const [salt, key] of t.derived) p.#derived.set(salt, Buffer.from(key, 'hex'));
    return p;
  }

  /** Validates a passphrase the user chose (a new one), not one typed to open a file. */
  static chosen(text: string): Passphrase {
    if ([...text].length < MIN_PASSPHRASE_LENGTH) throw new WorkbenchError('PASSPHRASE_TOO_SHORT', { min: MIN_PASSPHRASE_LENGTH });
    return new Passphrase(text);
  }

  static from(text: string | null | undefined): Passphrase | null {
    return text ? new Passphrase(text) : null;
  }

  reveal(): string {
    return this.#text;
  }

  toJSON(): string {
    return '[passphrase]';
  }

  toString(): string {
    return '[passphrase]';
  }

  [inspect.custom](): string {
    return '[passphrase]';
  }
}

export interface PassphraseTransfer {
  text: string;
  derived: [string, string][];
}

/** SQLCipher's raw key forms: x'key' for a file that has its salt, x'key salt' for a file still to be written. */
function rawKey(key: Buffer, salt: Buffer | null): Buffer {
  return Buffer.from(`x'${key.toString('hex')}${salt ? salt.toString('hex') : ''}'`, 'latin1');
}

/** The salt of an encrypted file: its first 16 bytes. Null for a file that does not exist yet (or is empty). */
function saltOf(path: string): Buffer | null {
  if (!existsSync(path) || statSync(path).size < PAGE_SIZE) return null;
  return readHead(path, SALT_BYTES);
}

/**
 * The SQLCipher 4 scheme, then the key: before the first read, as SQLite3 Multiple Ciphers requires.
 * A new file gets a new random salt.
 */
export function applyPassphrase(sqlite: Database.Database, passphrase: Passphrase, path: string = sqlite.name): void {
  selectCipher(sqlite);
  const salt = saltOf(path);
  if (salt) sqlite.key(rawKey(passphrase.keyFor(salt), null));
  else {
    const fresh = randomBytes(SALT_BYTES);
    sqlite.key(rawKey(passphrase.keyFor(fresh), fresh));
  }
}

/**
 * Every page an encrypted connection reads from disk is decrypted and its HMAC checked, where a plain
 * file's pages come back from the OS's cache for free. A larger SQLite cache (64 MB, filled only as
 * pages are read) keeps a diagnostic run's repeated scans from decrypting the same pages again.
 * After the key is proven: this pragma reads the file.
 */
export const ENCRYPTED_CACHE_PRAGMA = 'cache_size = -65536';

/** Re-encrypt every page under `next`, with a new salt. The connection must not be in WAL mode. */
export function rekey(sqlite: Database.Database, next: Passphrase): void {
  selectCipher(sqlite);
  const fresh = randomBytes(SALT_BYTES);
  sqlite.rekey(rawKey(next.keyFor(fresh), fresh));
}

function selectCipher(sqlite: Database.Database): void {
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
}

export type FileKind = 'plain' | 'encrypted' | 'other';

/**
 * What a file looks like from its bytes alone. A plain SQLite file starts with its header; an
 * encrypted workspace is whole 4 KB pages with no header at all (its first 16 bytes are the salt).
 * Anything else (a spreadsheet or a PNG renamed .rwb) is not ours, and is refused without asking
 * for a passphrase.
 */
export function fileKind(path: string, size: number): FileKind {
  if (size < 100) return 'other';
  const head = readHead(path, 16);
  if (head.toString('latin1') === SQLITE_HEADER) return 'plain';
  return size >= PAGE_SIZE && size % PAGE_SIZE === 0 ? 'encrypted' : 'other';
}

function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    readSync(fd, buf, 0, bytes, 0);
    return buf;
  } finally {
    closeSync(fd);
  }
}

/**
 * Does `passphrase` open the encrypted file at `path`? Tried on a copy of the first page in a
 * temporary folder, so no journal beside the real file is played back under a wrong key (that
 * would write pages decrypted with it) and the file itself is never opened for this.
 */
export function passphraseOpens(path: string, passphrase: Passphrase): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'rwb-key-'));
  const probe = join(dir, 'page1');
  let sqlite: Database.Database | null = null;
  try {
    writeFileSync(probe, readHead(path, PAGE_SIZE));
    sqlite = new Database(probe, { readonly: true, fileMustExist: true });
    applyPassphrase(sqlite, passphrase, path);
    try {
      sqlite.pragma('application_id', { simple: true });
      return true;
    } catch (err) {
      return (err as { code?: string }).code !== 'SQLITE_NOTADB';
    }
  } finally {
    sqlite?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
