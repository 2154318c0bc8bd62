import type { EntityKind } from '../../../../shared/domain/entities';
import type { ReadableDB, ReadExecutor } from '../connection';
import { countEntities } from './counts';

// count(*) over 10,000,000 order lines takes a few hundred milliseconds, and the engagement's info
// (with its row counts) is the call the UI makes most. The counts are kept per connection until the
// data may have changed: this connection's own writes move total_changes(), another connection's
// commits (a job thread's run) move data_version. Either one recounts.
interface Cached {
  key: string;
  counts: Record<EntityKind, number>;
}
const cache = new WeakMap<ReadableDB, Cached>();

function versionKey(sqlite: ReadableDB): string {
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  const changes = (sqlite.prepare('select total_changes() as n').get() as { n: number }).n;
  return `${dataVersion}:${changes}`;
}

export async function cachedEntityCounts(sqlite: ReadableDB, db: ReadExecutor): Promise<Record<EntityKind, number>> {
  const key = versionKey(sqlite);
  const hit = cache.get(sqlite);
  if (hit && hit.key === key) return hit.counts;
  const counts = await countEntities(db);
  cache.set(sqlite, { key: versionKey(sqlite), counts });
  return counts;
}
