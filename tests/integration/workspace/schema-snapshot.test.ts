import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../../electron/backend/workspace/db';
import { migrateTo } from '../../../electron/backend/workspace/migrate';
import { latestMigration } from '../../../electron/backend/workspace/migrations';
import type { ReadableDB } from '../../../electron/backend/workspace/connection';
import { tempDir } from '../../helpers/temp';

// The schema guard (Actual Budget's): the schema a fresh workspace has after every migration, compared
// with the committed snapshot beside this file. A change to the schema, deliberate or not, fails here
// until the snapshot is rewritten, so it shows in review as a diff of schema-snapshot.json.

const SNAPSHOT = join(import.meta.dirname, 'schema-snapshot.json');
const UPDATE = process.env.UPDATE_SCHEMA_SNAPSHOT === '1';

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

interface TableShape {
  columns: { cid: number; name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
  indexes: { name: string; unique: number; origin: string; partial: number; columns: (string | null)[] }[];
  foreignKeys: { id: number; seq: number; table: string; from: string; to: string | null; on_update: string; on_delete: string }[];
}

interface SchemaSnapshot {
  latestMigration: string;
  objects: SchemaObject[];
  tables: Record<string, TableShape>;
}

/** Whitespace is layout, not schema: the same statement indented differently is the same schema. */
function normaliseSql(sql: string | null): string | null {
  return sql === null ? null : sql.replace(/\s+/g, ' ').replace(/\(\s/g, '(').replace(/\s\)/g, ')').trim();
}

function readSchema(sqlite: ReadableDB): SchemaSnapshot {
  const objects = (sqlite.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all() as SchemaObject[]).map((o) => ({
    ...o,
    sql: normaliseSql(o.sql),
  }));
  const tables: Record<string, TableShape> = {};
  for (const { name } of objects.filter((o) => o.type === 'table')) {
    const indexes = (
      sqlite.prepare('select name, "unique", origin, partial from pragma_index_list(?) order by name').all(name) as Omit<
        TableShape['indexes'][number],
        'columns'
      >[]
    ).map((index) => ({
      ...index,
      columns: (sqlite.prepare('select name from pragma_index_info(?) order by seqno').all(index.name) as { name: string | null }[]).map((c) => c.name),
    }));
    tables[name] = {
      columns: sqlite.prepare('select cid, name, type, "notnull", dflt_value, pk from pragma_table_info(?) order by cid').all(name) as TableShape['columns'],
      indexes,
      foreignKeys: sqlite
        .prepare('select id, seq, "table", "from", "to", on_update, on_delete from pragma_foreign_key_list(?) order by id, seq')
        .all(name) as TableShape['foreignKeys'],
    };
  }
  return { latestMigration, objects, tables };
}

/** One line per column, index, foreign key and schema object, so a schema change is a short diff. */
function formatSnapshot(value: unknown, indent = ''): string {
  const leaf = (v: unknown): boolean => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'));
  if (value === null || typeof value !== 'object' || Object.values(value).every(leaf)) return JSON.stringify(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + formatSnapshot(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatSnapshot(v, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

const HOW_TO_UPDATE =
  'The workspace schema after all migrations differs from tests/integration/workspace/schema-snapshot.json. ' +
  'If the change is deliberate (a new migration), rewrite the snapshot and commit it with the migration: ' +
  'UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/integration/workspace/schema-snapshot.test.ts';

describe('workspace schema', () => {
  it('after all migrations matches the committed snapshot', async () => {
    const { sqlite, db } = openDatabase(join(tempDir(), 'schema.sqlite'), { create: true });
    await migrateTo(db as unknown as Kysely<unknown>);
    const actual = readSchema(sqlite);
    await db.destroy();

    if (UPDATE) writeFileSync(SNAPSHOT, formatSnapshot(actual) + '\n', 'utf8');
    expect(existsSync(SNAPSHOT), HOW_TO_UPDATE).toBe(true);
    const committed = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as SchemaSnapshot;
    expect(actual, HOW_TO_UPDATE).toEqual(committed);
  });

  it('reads what the schema holds: columns, index columns and foreign keys of a known table', async () => {
    const { sqlite, db } = openDatabase(join(tempDir(), 'known.sqlite'), { create: true });
    await migrateTo(db as unknown as Kysely<unknown>, '0008_health_signal_index');
    const shape = readSchema(sqlite);
    await db.destroy();
    const signal = shape.tables.health_signal!;
    expect(signal.columns.map((c) => c.name)).toContain('customer_key');
    expect(signal.indexes.find((i) => i.name === 'health_signal_customer')?.columns).toEqual(['customer_key', 'status', 'severity']);
    expect(shape.objects.find((o) => o.name === 'health_signal_customer')?.sql).toBe(
      'CREATE INDEX health_signal_customer on health_signal (customer_key, status, severity)',
    );
    expect(shape.tables.health_action!.foreignKeys.map((f) => f.table)).toContain('health_signal');
  });
});
