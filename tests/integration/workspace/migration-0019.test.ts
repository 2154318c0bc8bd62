import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { beforeMigration } from '../../helpers/migration';

const dir = tempDir();

describe('migration 0019_findings', () => {
  it('adds the findings review and lets the export history hold decks, keeping earlier exports and their ids', async () => {
    const { sqlite, upgrade, downgrade, close } = await beforeMigration(dir, '0019_findings');
    sqlite
      .prepare(
        `insert into report_export (id, at, kind, path, language, sections, pseudonymised, bytes) values (5, 'a', 'pdf', '/r.pdf', 'zh-CN', '["summary"]', 1, 900)`,
      )
      .run();
    expect(() => sqlite.prepare(`insert into report_export (at, kind, path, language) values ('a', 'pptx', '/r.pptx', 'en')`).run()).toThrow(/CHECK/);

    await upgrade();
    expect(sqlite.prepare(`select id, kind, path, sections, pseudonymised, bytes from report_export`).all()).toEqual([
      { id: 5, kind: 'pdf', path: '/r.pdf', sections: '["summary"]', pseudonymised: 1, bytes: 900 },
    ]);
    sqlite.prepare(`insert into report_export (at, kind, path, language) values ('b', 'pptx', '/r.pptx', 'en')`).run();
    expect(sqlite.prepare(`select id from report_export where kind = 'pptx'`).get()).toEqual({ id: 6 });
    expect(() => sqlite.prepare(`insert into report_export (at, kind, path, language) values ('b', 'docx', '/r.docx', 'en')`).run()).toThrow(/CHECK/);

    sqlite
      .prepare(
        `insert into finding_decision (finding_id, status, position, text_zh, figure_at_decision, decided_at) values ('retention', 'accepted', 0, '留存下降', 0.9, 'x')`,
      )
      .run();
    expect(() => sqlite.prepare(`insert into finding_decision (finding_id, status, decided_at) values ('x', 'maybe', 'x')`).run()).toThrow(/CHECK/);
    expect(() => sqlite.prepare(`insert into finding_decision (finding_id, status, decided_at) values ('retention', 'dropped', 'y')`).run()).toThrow(
      /UNIQUE|PRIMARY/,
    );

    await downgrade();
    expect(sqlite.prepare(`select name from sqlite_master where name = 'finding_decision'`).all()).toEqual([]);
    // The deck export goes (the older schema has no word for it); the PDF stays with its id.
    expect(sqlite.prepare(`select id, kind from report_export`).all()).toEqual([{ id: 5, kind: 'pdf' }]);
    await close();
  });
});
