import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp';
import { harness } from './harness';

const root = join(import.meta.dirname, '../../..');
const fixture = (name: string) => join(root, 'tests/fixtures/checklists', name);
const dir = tempDir();
const h = harness(dir);

beforeAll(async () => {
  await h.newEngagement();
});
afterAll(() => h.close());

describe('checklist templates', () => {
  it('lists the four built-ins without an engagement, then with stored ones', async () => {
    await h.call('engagement.close', {});
    const builtins = await h.call('checklist.templates', {});
    expect(builtins.map((t) => [t.id, t.origin, t.editable])).toEqual([
      ['retention-self-check', 'builtin', false],
      ['sales-capability-matrix', 'builtin', false],
      ['sales-project-sop', 'builtin', false],
      ['data-compliance', 'builtin', false],
    ]);
    expect(builtins[0]!.title.zh).toBe('客户留存率自检清单');
    expect(builtins[1]!.subjectLabel).not.toBeNull();
    await h.newEngagement();
  });

  it('refuses a malformed template file with the exact problem: file, path, what was expected', async () => {
    const zh = await h.fail('checklist.importTemplate', { path: fixture('missing-field.json'), locale: 'zh-CN' });
    expect(zh.code).toBe('VALIDATION_FAILED');
    expect(zh.params['detail']).toBe('missing-field.json › sections[0].questions[1].recommendation：缺少必填字段，应为对象');
    const en = await h.fail('checklist.importTemplate', { path: fixture('missing-field.json'), locale: 'en' });
    expect(en.params['detail']).toBe('missing-field.json › sections[0].questions[1].recommendation: Required field is missing: expected an object');
    // every problem is listed, one per line
    const many = await h.fail('checklist.importTemplate', { path: fixture('stages-gap.json'), locale: 'en' });
    expect(String(many.params['detail'])).toMatch(/^stages-gap\.json › stages\[\d\]/);
    const json = await h.fail('checklist.importTemplate', { path: fixture('invalid-json.json'), locale: 'en' });
    expect(String(json.params['detail'])).toMatch(/^invalid-json\.json › \(document root\): Not valid JSON \(line \d+, column \d+\)/);
    expect(await h.call('checklist.templates', {})).toHaveLength(4); // nothing stored
  });

  it('refuses a file that reuses a built-in id', async () => {
    const text = readFileSync(join(root, 'resources/checklists/data-compliance.json'), 'utf8');
    const err = await h.fail('checklist.importTemplate', { text, fileName: 'dc.json', locale: 'en' });
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(String(err.params['detail'])).toContain('"data-compliance" belongs to a built-in template');
  });

  it('round-trips: copy a built-in, edit it, export it, import it into another engagement', async () => {
    const copy = await h.call('checklist.copyTemplate', { id: 'retention-self-check' });
    expect(copy).toMatchObject({ id: 'retention-self-check-copy', origin: 'copy', basedOn: 'retention-self-check', editable: true });
    expect(copy.title.zh).toBe('客户留存率自检清单（副本）');
    const second = await h.call('checklist.copyTemplate', { id: 'retention-self-check' });
    expect(second.id).toBe('retention-self-check-copy-2');

    const { template } = await h.call('checklist.template', { id: copy.id });
    template.sections[0]!.weight = 40;
    template.version = '1.1.0';
    const saved = await h.call('checklist.saveTemplate', { template });
    expect(saved.version).toBe('1.1.0');

    const broken = { ...template, sections: [{ ...template.sections[0]!, weight: -1 }, ...template.sections.slice(1)] };
    const refused = await h.fail('checklist.saveTemplate', { template: broken, locale: 'en' });
    expect(refused.params['detail']).toBe('retention-self-check-copy.json › sections[0].weight: A weight must be positive, got -1');
    expect((await h.fail('checklist.saveTemplate', { template: (await h.call('checklist.template', { id: 'data-compliance' })).template })).code).toBe(
      'VALIDATION_FAILED',
    );

    const out = join(dir, 'exported.json');
    const written = await h.call('checklist.exportTemplate', { id: copy.id, path: out });
    expect(written.bytes).toBeGreaterThan(1000);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as typeof template;
    expect(exported).toEqual(template);

    await h.newEngagement();
    const imported = await h.call('checklist.importTemplate', { path: out });
    expect(imported).toMatchObject({ id: 'retention-self-check-copy', version: '1.1.0', origin: 'import', replaced: false });
    expect((await h.call('checklist.template', { id: imported.id })).template).toEqual(template);
    // importing again replaces it
    writeFileSync(out, JSON.stringify({ ...exported, version: '1.2.0' }));
    expect(await h.call('checklist.importTemplate', { path: out })).toMatchObject({ version: '1.2.0', replaced: true });
    expect(await h.call('checklist.deleteTemplate', { id: imported.id })).toEqual({ deleted: true });
  });

  it('builds the sales capability matrix from one assessment per salesperson', async () => {
    const start = async (subject: string, respondents: string[]) =>
      (await h.call('checklist.start', { templateId: 'sales-capability-matrix', subject, respondents })).summary.id;
    const { template } = await h.call('checklist.template', { id: 'sales-capability-matrix' });
    const questions = template.sections.map((s) => s.questions.filter((q) => q.kind === 'scale').map((q) => q.id));
    const fill = async (id: number, respondent: string, level: (section: number) => number) => {
      const respondents: Record<string, Record<string, number>> = { [respondent]: {} };
      questions.forEach((ids, s) => ids.forEach((q) => (respondents[respondent]![q] = level(s))));
      await h.call('checklist.answerMany', { id, document: { respondents } });
    };
    const zhang = await start('张伟', ['张伟', '销售经理']);
    await fill(zhang, '张伟', () => 5);
    await fill(zhang, '销售经理', () => 3);
    const old = await start('李娜', ['销售经理']);
    await fill(old, '销售经理', () => 1);
    const li = await start('李娜', ['销售经理']);
    await fill(li, '销售经理', (s) => (s === 0 ? 5 : 2));

    const m = await h.call('checklist.matrix', { templateId: 'sales-capability-matrix' });
    expect(m.matrix.rows.map((r) => r.subject)).toEqual(['李娜', '张伟']);
    const liRow = m.matrix.rows[0]!;
    // only the newest assessment of 李娜 counts: section 0 at level 5 (100), the others at level 2 (25)
    expect(liRow.cells.map((c) => c.score)).toEqual([100, 25, 25, 25]);
    // 张伟: self 100, manager 50 → 75 in every section
    expect(m.matrix.rows[1]!.cells.map((c) => [c.score, c.respondentCount])).toEqual(Array(4).fill([75, 2]));
    expect(m.assessments).toHaveLength(3);
  });
});
