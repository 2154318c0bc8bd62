import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { WritableDB } from '../../electron/backend/workspace/connection';
import { openDatabase } from '../../electron/backend/workspace/db';
import { migrateTo } from '../../electron/backend/workspace/migrate';
import { migrationNames } from '../../electron/backend/workspace/migrations';

export interface BeforeMigration {
  sqlite: WritableDB;
  raw: Kysely<unknown>;
  /** the migration applied just before `name` */
  previous: string;
  /** migrate through `name` */
  upgrade(): Promise<void>;
  /** migrate back down to `previous` (tests of the down step) */
  downgrade(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The shape of every migration test: a fresh file migrated to N-1, where the test inserts rows of
 * that time, then `upgrade()` to N and the test asserts.
 */
export async function beforeMigration(dir: string, name: string): Promise<BeforeMigration> {
  const index = migrationNames.indexOf(name);
  if (index < 1) throw new Error(`no migration before ${name}`);
  const previous = migrationNames[index - 1]!;
  const { sqlite, db } = openDatabase(join(dir, `${name}.sqlite`), { create: true });
  const raw = db as unknown as Kysely<unknown>;
  await migrateTo(raw, previous);
  return { sqlite, raw, previous, upgrade: () => migrateTo(raw, name), downgrade: () => migrateTo(raw, previous), close: () => raw.destroy() };
}
