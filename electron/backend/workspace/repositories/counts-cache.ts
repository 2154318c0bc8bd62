import type { EntityKind } from '../../../../shared/domain/entities';
import type { ReadableDB, ReadExecutor } from '../connection';
import { countEntities } from './counts';

// count(*) over 10,000,000 order lines takes a few hundred milliseconds to seconds, and the
// engagement's info (with its row counts) is the call the UI makes most, also while a run computes.
// The counts are kept per connection until this connection writes (total_changes() moves): the rows
// counted are the client's data, which only the engine's own connection writes (imports, undo,
// erasure). Another connection's commit does not recount: the job threads write runs, never these
// tables, and no other process writes the workspace while the engine holds its lock. Keying on
// data_version as well made the first call after every run's commit wait for a full recount (up to
// 2 s on the 500,000-customer benchmark workspace).
interface Cached {
  key: string;
  counts: Record<EntityKind, number>;
}
const cache = new WeakMap<ReadableDB, Cached>();

function versionKey(sqlite: ReadableDB): string {
  return String((sqlite.prepare('select total_changes() as n').get() as { n: number }).n);
}

export async function cachedEntityCounts(sqlite: ReadableDB, db: ReadExecutor): Promise<Record<EntityKind, number>> {
  const key = versionKey(sqlite);
  const hit = cache.get(sqlite);
  if (hit && hit.key === key) return hit.counts;
  const counts = await countEntities(db);
  cache.set(sqlite, { key: versionKey(sqlite), counts });
  return counts;
}
