import type { ReadExecutor, WriteExecutor } from '../connection';
import type { EngagementMeta } from '../../../../shared/domain/engagement';
import type { Selectable } from 'kysely';
import type { EngagementTable } from '../tables/core';
import { toLocale } from '../../../../shared/errors';

type MetaFields = Omit<EngagementMeta, 'createdAt' | 'updatedAt'>;

export async function insertEngagement(db: WriteExecutor, meta: MetaFields, now: string): Promise<void> {
  await db
    .insertInto('engagement')
    .values({
      id: 1,
      client_name: meta.clientName,
      industry: meta.industry,
      currency: meta.currency,
      locale: meta.locale,
      consultant: meta.consultant,
      start_date: meta.startDate,
      end_date: meta.endDate,
      notes: meta.notes,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function getEngagement(db: ReadExecutor): Promise<EngagementMeta> {
  const row = await db.selectFrom('engagement').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return toMeta(row);
}

export async function updateEngagement(db: WriteExecutor, patch: Partial<MetaFields>, now: string): Promise<void> {
  await db
    .updateTable('engagement')
    .set({
      ...(patch.clientName !== undefined && { client_name: patch.clientName }),
      ...(patch.industry !== undefined && { industry: patch.industry }),
      ...(patch.currency !== undefined && { currency: patch.currency }),
      ...(patch.locale !== undefined && { locale: patch.locale }),
      ...(patch.consultant !== undefined && { consultant: patch.consultant }),
      ...(patch.startDate !== undefined && { start_date: patch.startDate }),
      ...(patch.endDate !== undefined && { end_date: patch.endDate }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
      updated_at: now,
    })
    .where('id', '=', 1)
    .execute();
}

function toMeta(row: Selectable<EngagementTable>): EngagementMeta {
  return {
    clientName: row.client_name,
    industry: row.industry,
    currency: row.currency,
    locale: toLocale(row.locale),
    consultant: row.consultant,
    startDate: row.start_date,
    endDate: row.end_date,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
