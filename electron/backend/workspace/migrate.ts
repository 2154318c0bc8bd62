import { Migrator, type MigrationProvider } from 'kysely/migration';
import type { Kysely } from 'kysely';
import { migrations } from './migrations';
import { WorkbenchError } from '../errors';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Migrate up to `target` (a migration name) or to the latest. Tests use the target to stop at N-1. */
export async function migrateTo(db: Kysely<unknown>, target?: string): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const result = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  if (result.error) {
    const detail = result.error instanceof Error ? result.error.message : String(result.error);
    throw new WorkbenchError('INTERNAL', { detail: `migration failed: ${detail}` }, { cause: result.error });
  }
}
