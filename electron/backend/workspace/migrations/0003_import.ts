import type { Kysely } from 'kysely';

// Frozen in time: what the import pipeline keeps beyond migration 0002's batch and reject
// tables. A batch remembers how its file was read (plan) and what it found (date range, customers it
// created or could not find), so its summary can be shown again without re-reading the file; a reject
// keeps its reason's parameters so each UI language can word it; mappings are saved per client system.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('import_batch')
    .addColumn('plan', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.alterTable('import_batch').addColumn('date_min', 'text').execute();
  await db.schema.alterTable('import_batch').addColumn('date_max', 'text').execute();
  await db.schema
    .alterTable('import_batch')
    .addColumn('customers_created', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Rows naming a customer the customer table lacked at import time (created or rejected per the options).
  await db.schema
    .alterTable('import_batch')
    .addColumn('unknown_customers', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('import_batch').addColumn('duration_ms', 'integer').execute();
  await db.schema.alterTable('import_batch').addColumn('undone_at', 'text').execute();
  await db.schema.createIndex('import_batch_entity').on('import_batch').columns(['entity', 'status']).execute();

  await db.schema
    .alterTable('import_reject')
    .addColumn('reason_params', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('import_reject_reason').on('import_reject').columns(['batch_id', 'reason_code']).execute();

  // One confirmed mapping per client system and entity ("金蝶K3 销售出库单"), found again by its headers.
  await db.schema
    .createTable('import_mapping')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('system', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull()) // JSON, shared/import/saved-mapping.ts SavedMapping
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addUniqueConstraint('import_mapping_system_entity', ['system', 'entity'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_mapping').execute();
  await db.schema.dropIndex('import_reject_reason').execute();
  await db.schema.alterTable('import_reject').dropColumn('reason_params').execute();
  await db.schema.dropIndex('import_batch_entity').execute();
  for (const c of ['undone_at', 'duration_ms', 'unknown_customers', 'customers_created', 'date_max', 'date_min', 'plan']) {
    await db.schema.alterTable('import_batch').dropColumn(c).execute();
  }
}
