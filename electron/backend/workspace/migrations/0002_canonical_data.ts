import { sql, type Kysely, type CreateTableBuilder } from 'kysely';

// Frozen in time: the canonical tables every import writes and every diagnostic reads.
// Every canonical row carries the import batch it came from (so a batch can be undone whole) and a
// row_key that is unique per table: the client's id where the source has one, else a fingerprint,
// so re-importing an overlapping export never duplicates rows.

type Builder = CreateTableBuilder<string, never>;

function withImportColumns(t: Builder): Builder {
  return t
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('row_key', 'text', (c) => c.notNull().unique())
    .addColumn('batch_id', 'integer', (c) => c.references('import_batch.id'));
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('file_size', 'integer', (c) => c.notNull())
    .addColumn('sheet', 'text')
    .addColumn('mapping', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_duplicate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('committed'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();

  // A row that could not be read is kept here with its reason, never silently dropped.
  await db.schema
    .createTable('import_reject')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batch.id').onDelete('cascade'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('column_name', 'text')
    .addColumn('raw_value', 'text')
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('raw_row', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('import_reject_batch').on('import_reject').column('batch_id').execute();

  await withImportColumns(db.schema.createTable('customers'))
    .addColumn('customer_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text')
    .addColumn('segment', 'text')
    .addColumn('region', 'text')
    .addColumn('owner', 'text')
    .addColumn('first_seen', 'text')
    .addColumn('status', 'text')
    .addColumn('churn_date', 'text')
    .addColumn('churn_reason', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_benchmark', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_from_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // One row per order LINE; order_key repeats across the lines of one order.
  await withImportColumns(db.schema.createTable('orders'))
    .addColumn('order_key', 'text', (c) => c.notNull())
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('order_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'real', (c) => c.notNull())
    .addColumn('quantity', 'real')
    .addColumn('unit_price', 'real')
    .addColumn('product', 'text')
    .addColumn('category', 'text')
    .addColumn('channel', 'text')
    .addColumn('is_return', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('orders_customer_date').on('orders').columns(['customer_key', 'order_date']).execute();
  await db.schema.createIndex('orders_date').on('orders').column('order_date').execute();
  await db.schema.createIndex('orders_order_key').on('orders').column('order_key').execute();

  await withImportColumns(db.schema.createTable('contracts'))
    .addColumn('contract_key', 'text', (c) => c.notNull())
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('recurring_value', 'real', (c) => c.notNull())
    .addColumn('value_period', 'text', (c) =>
      c
        .notNull()
        .defaultTo('month')
        .check(sql`value_period in ('month','year')`),
    )
    .addColumn('mrr', 'real', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('cancelled_date', 'text')
    .addColumn('renewal_of', 'text')
    .addColumn('product', 'text')
    .execute();
  await db.schema.createIndex('contracts_customer').on('contracts').columns(['customer_key', 'start_date']).execute();

  await withImportColumns(db.schema.createTable('interactions'))
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('purpose', 'text')
    .addColumn('direction', 'text')
    .addColumn('responded', 'integer')
    .addColumn('owner', 'text')
    .addColumn('text', 'text')
    .execute();
  await db.schema.createIndex('interactions_customer_date').on('interactions').columns(['customer_key', 'date']).execute();

  await withImportColumns(db.schema.createTable('tickets'))
    .addColumn('ticket_key', 'text', (c) => c.notNull())
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('first_response_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('priority', 'text')
    .addColumn('category', 'text')
    .addColumn('escalated', 'integer')
    .addColumn('satisfaction', 'real')
    .execute();
  await db.schema.createIndex('tickets_customer').on('tickets').columns(['customer_key', 'opened_at']).execute();

  await withImportColumns(db.schema.createTable('surveys'))
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('nps', 'integer', (c) => c.check(sql`nps between 0 and 10`))
    .addColumn('csat', 'real')
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('surveys_customer_date').on('surveys').columns(['customer_key', 'date']).execute();

  await withImportColumns(db.schema.createTable('usage'))
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('usage_customer_metric').on('usage').columns(['customer_key', 'metric', 'period']).execute();

  await withImportColumns(db.schema.createTable('projects'))
    .addColumn('project_key', 'text', (c) => c.notNull())
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('planned_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('status', 'text')
    .addColumn('open_issues', 'integer')
    .addColumn('risk', 'text')
    .execute();
  await db.schema.createIndex('projects_customer').on('projects').column('customer_key').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['projects', 'usage', 'surveys', 'tickets', 'interactions', 'contracts', 'orders', 'customers', 'import_reject', 'import_batch']) {
    await db.schema.dropTable(t).execute();
  }
}
