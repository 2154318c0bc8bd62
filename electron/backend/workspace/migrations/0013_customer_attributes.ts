import { sql, type Kysely } from 'kysely';

// Frozen in time: customer attributes, the columns of a client's files no canonical field takes
// (gender, tenure, 细分, 省/自治区, Country), kept per customer under the header's name with a type
// (category, number or date) chosen in the mapping step.
//
// A long table (customer, name, value) rather than a JSON column on customers: measured on 500,000
// customers with 8 attributes (tests/bench/customer-attributes.bench.ts), reading one attribute for a
// breakdown or filtering on one value walks customer_attribute_by_value alone, where a JSON column
// parses every customer's document; an order file's attributes for customers the list lacks need no
// customer row; and undoing a batch deletes its values by batch_id.
// value is stored as the type says: text for categories and 'YYYY-MM-DD' dates, real for numbers.
//
// import_batch gains two figures the summary reports: ids read back from a float ("17850.0" ->
// "17850") and customers named by their id (a customer list without a name column).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table customer_attribute_def (
      name text primary key,
      type text not null check (type in ('category', 'number', 'date')),
      batch_id integer references import_batch (id) on delete set null
    ) without rowid`.execute(db);
  await sql`
    create table customer_attribute (
      customer_key text not null,
      name text not null,
      value any,
      batch_id integer references import_batch (id) on delete set null,
      primary key (customer_key, name)
    ) without rowid`.execute(db);
  await sql`create index customer_attribute_by_value on customer_attribute (name, value, customer_key)`.execute(db);
  await sql`create index customer_attribute_by_batch on customer_attribute (batch_id)`.execute(db);
  await sql`alter table import_batch add column ids_unfloated integer not null default 0`.execute(db);
  await sql`alter table import_batch add column names_from_ids integer not null default 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table import_batch drop column names_from_ids`.execute(db);
  await sql`alter table import_batch drop column ids_unfloated`.execute(db);
  await sql`drop table customer_attribute`.execute(db);
  await sql`drop table customer_attribute_def`.execute(db);
}
