import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0007_reports', () => {
  it('keeps older data and adds report definitions, the pseudonym key and the export history', async () => {
    const { sqlite, raw, upgrade } = await beforeMigration(dir, '0007_reports');
    sqlite.prepare(`insert into engagement (id, client_name, created_at, updated_at) values (1, '华东制造', 'a', 'b')`).run();
    sqlite.prepare(`insert into customers (row_key, customer_key, name) values ('r1', 'C1', '甲公司')`).run();
    await upgrade();

    expect(sqlite.prepare('select client_name from engagement').get()).toEqual({ client_name: '华东制造' });
    expect(sqlite.prepare('select name from customers').get()).toEqual({ name: '甲公司' });
    const tables = (
      await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name like 'report%' order by name`.execute(raw)
    ).rows.map((r) => r.name);
    expect(tables).toEqual(['report_definition', 'report_export', 'report_pseudonym']);

    sqlite.prepare(`insert into report_pseudonym (kind, original, n) values ('customer', '甲公司', 1)`).run();
    // one token per original, and a token number is never given to two originals
    expect(() => sqlite.prepare(`insert into report_pseudonym (kind, original, n) values ('customer', '甲公司', 2)`).run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => sqlite.prepare(`insert into report_pseudonym (kind, original, n) values ('customer', '乙公司', 1)`).run()).toThrow(/UNIQUE/);
    sqlite.prepare(`insert into report_pseudonym (kind, original, n) values ('phone', '13800000000', 1)`).run();
    expect(() => sqlite.prepare(`insert into report_pseudonym (kind, original, n) values ('address', 'x', 1)`).run()).toThrow(/CHECK/);

    sqlite.prepare(`insert into report_export (at, kind, path, language) values ('2026-01-01T10:00:00', 'pdf', '/tmp/a.pdf', 'zh-CN')`).run();
    expect(sqlite.prepare('select sections, pseudonymised, bytes from report_export').get()).toEqual({ sections: '[]', pseudonymised: 0, bytes: 0 });
    expect(() => sqlite.prepare(`insert into report_export (at, kind, path, language) values ('a', 'docx', '/tmp/a', 'en')`).run()).toThrow(/CHECK/);

    sqlite.prepare(`insert into report_definition (key, definition, updated_at) values ('default', '{}', 'a')`).run();
    expect(() => sqlite.prepare(`insert into report_definition (key, definition, updated_at) values ('default', '{}', 'b')`).run()).toThrow(/UNIQUE|PRIMARY/);
    await raw.destroy();
  });
});
