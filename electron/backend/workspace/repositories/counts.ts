import { sql } from 'kysely';
import type { ReadExecutor } from '../connection';
import { ENTITY_KINDS, type EntityKind } from '../../../../shared/domain/entities';

export async function countEntities(db: ReadExecutor): Promise<Record<EntityKind, number>> {
  const parts = ENTITY_KINDS.map((k) => sql`select ${k} as kind, count(*) as n from ${sql.table(k)}`);
  const rows = await sql<{ kind: EntityKind; n: number }>`${sql.join(parts, sql` union all `)}`.execute(db);
  const out = Object.fromEntries(ENTITY_KINDS.map((k) => [k, 0])) as Record<EntityKind, number>;
  for (const r of rows.rows) out[r.kind] = Number(r.n);
  return out;
}
