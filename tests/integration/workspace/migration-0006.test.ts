import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0006_checklists', () => {
  it('keeps older data and adds templates, assessments, respondents and answers with their rules', async () => {
    const { sqlite, raw, upgrade } = await beforeMigration(dir, '0006_checklists');
    sqlite.prepare(`insert into engagement (id, client_name, created_at, updated_at) values (1, '华东制造', 'a', 'b')`).run();
    sqlite.prepare(`insert into customers (row_key, customer_key, name) values ('r1', 'C1', '甲公司')`).run();
    await upgrade();

    expect(sqlite.prepare('select client_name from engagement').get()).toEqual({ client_name: '华东制造' });
    expect(sqlite.prepare('select name from customers').get()).toEqual({ name: '甲公司' });
    const tables = (
      await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name like 'checklist%' order by name`.execute(raw)
    ).rows.map((r) => r.name);
    expect(tables).toEqual(['checklist_answer', 'checklist_assessment', 'checklist_respondent', 'checklist_template']);

    sqlite
      .prepare(`insert into checklist_template (id, version, template, origin, created_at, updated_at) values ('t', '1.0', '{}', 'import', 'a', 'a')`)
      .run();
    expect(() =>
      sqlite
        .prepare(`insert into checklist_template (id, version, template, origin, created_at, updated_at) values ('u', '1.0', '{}', 'builtin', 'a', 'a')`)
        .run(),
    ).toThrow(/CHECK/);
    sqlite
      .prepare(
        `insert into checklist_assessment (id, template_id, template_version, template, title, created_at, updated_at) values (1, 't', '1.0', '{}', '自检', 'a', 'a')`,
      )
      .run();
    expect(sqlite.prepare('select status from checklist_assessment').get()).toEqual({ status: 'draft' });
    expect(() => sqlite.prepare(`update checklist_assessment set status = 'done'`).run()).toThrow(/CHECK/);
    sqlite.prepare(`insert into checklist_respondent (id, assessment_id, name, position, created_at) values (1, 1, '王总', 0, 'a')`).run();
    // one name per assessment
    expect(() => sqlite.prepare(`insert into checklist_respondent (assessment_id, name, position, created_at) values (1, '王总', 1, 'a')`).run()).toThrow(
      /UNIQUE/,
    );
    sqlite.prepare(`insert into checklist_answer (respondent_id, question_id, value, updated_at) values (1, 'q1', '4', 'a')`).run();
    expect(sqlite.prepare('select links from checklist_answer').get()).toEqual({ links: '[]' });
    // one answer per respondent and question: autosave overwrites
    expect(() => sqlite.prepare(`insert into checklist_answer (respondent_id, question_id, value, updated_at) values (1, 'q1', '5', 'b')`).run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    // answers belong to a respondent of an existing assessment; deleting the assessment removes them
    expect(() => sqlite.prepare(`insert into checklist_answer (respondent_id, question_id, updated_at) values (99, 'q1', 'a')`).run()).toThrow(/FOREIGN KEY/);
    sqlite.prepare('delete from checklist_assessment where id = 1').run();
    expect(sqlite.prepare('select count(*) as n from checklist_answer').get()).toEqual({ n: 0 });
    await raw.destroy();
  });
});
