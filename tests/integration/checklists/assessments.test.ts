import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp';
import { harness } from './harness';

const root = join(import.meta.dirname, '../../..');
const dir = tempDir();
const h = harness(dir);
let templateId = '';

// The fixture valid-workshop.json: sections people (weight 2: a1 yes/no w1, a2 scale w3, a3 text),
// process (w1: b1 choice, b2 numeric 0-10→100, 10-30→50) and tools (w1: c1 yes/no w2, c2 scale w2).
const WANG = { a1: true, a2: 5, b1: 'full', b2: 5, c1: true, c2: 5 } as const; // 100 everywhere
const LI = { a1: false, a2: 1, b1: 'some', b2: 20, c1: true, c2: 3 } as const;
// 李总 by hand: people (1·0 + 3·0)/4 = 0; process (50 + 50)/2 = 50; tools (2·100 + 2·50)/4 = 75;
// overall (2·0 + 1·50 + 1·75)/4 = 31.25. The room's mean overall (100 + 31.25)/2 = 65.625 → managed.

beforeAll(async () => {
  await h.newEngagement();
  const text = readFileSync(join(root, 'tests/fixtures/checklists/valid-workshop.json'), 'utf8');
  templateId = (await h.call('checklist.importTemplate', { text, fileName: 'valid-workshop.json' })).id;
});
afterAll(() => h.close());

async function answerAll(id: number, respondent: string, answers: Record<string, string | number | boolean>) {
  for (const [questionId, value] of Object.entries(answers)) await h.call('checklist.answer', { id, respondent, questionId, value });
}

describe('checklist assessments', () => {
  let first = 0;

  it('starts an assessment with named respondents and records the template version', async () => {
    const started = await h.call('checklist.start', { templateId, title: '2026 一季度自检', respondents: ['王总', '李总', '王总'] });
    first = started.summary.id;
    expect(started.summary).toMatchObject({ templateId: 'workshop-test', templateVersion: '1.0', status: 'draft', title: '2026 一季度自检' });
    expect(started.respondents.map((r) => r.name)).toEqual(['王总', '李总']); // duplicates dropped
    expect(started.template.sections.map((s) => s.id)).toEqual(['people', 'process', 'tools']);
  });

  it('autosaves one answer at a time: a note alone, then the value, each kept', async () => {
    const noted = await h.call('checklist.answer', {
      id: first,
      respondent: '王总',
      questionId: 'a1',
      note: '委员会已成立，但未开会',
      evidence: '2025-12 任命通知',
      links: ['file:///docs/任命通知.pdf'],
    });
    expect(noted.completion).toBe(0);
    const valued = await h.call('checklist.answer', { id: first, respondent: '王总', questionId: 'a1', value: true });
    expect(valued.completion).toBeCloseTo((1 / 6) * 100, 10);
    const detail = await h.call('checklist.get', { id: first });
    const a1 = detail.respondents[0]!.answers['a1']!;
    expect(a1).toMatchObject({ value: true, note: '委员会已成立，但未开会', evidence: '2025-12 任命通知', links: ['file:///docs/任命通知.pdf'] });
    // clearing the value keeps the note
    await h.call('checklist.answer', { id: first, respondent: '王总', questionId: 'a1', value: null });
    const cleared = (await h.call('checklist.get', { id: first })).respondents[0]!.answers['a1']!;
    expect(cleared.value).toBeNull();
    expect(cleared.note).toBe('委员会已成立，但未开会');
  });

  it('refuses an answer the question cannot take, naming the problem', async () => {
    const err = await h.fail('checklist.answer', { id: first, respondent: '王总', questionId: 'a2', value: 7 });
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(String(err.params['detail'])).toContain('a2');
    expect(String(err.params['detail'])).toContain('7');
    expect((await h.fail('checklist.answer', { id: first, respondent: '王总', questionId: 'b1', value: 'weekly' })).code).toBe('VALIDATION_FAILED');
    expect((await h.fail('checklist.answer', { id: first, respondent: '无名', questionId: 'a1', value: true })).code).toBe('NOT_FOUND');
  });

  it('scores two respondents: per respondent, the room average, disagreement and gaps by weight × gap', async () => {
    await answerAll(first, '王总', WANG);
    await answerAll(first, '李总', LI);
    const r = await h.call('checklist.score', { id: first });
    const overall = r.aggregate.overall.byRespondent;
    expect(overall.map((x) => [x.respondent, x.score])).toEqual([
      ['王总', 100],
      ['李总', 31.25],
    ]);
    expect(r.aggregate.overall.spread!.mean).toBeCloseTo(65.625, 10);
    expect(r.aggregate.overall.stage!.id).toBe('managed');
    expect(r.combined.score).toBeCloseTo(65.625, 10);
    expect(r.aggregate.sections.map((s) => [s.sectionId, s.spread!.mean, s.spread!.sd])).toEqual([
      ['people', 50, 50],
      ['process', 75, 25],
      ['tools', 87.5, 12.5],
    ]);
    // a1 and a2: 100 vs 0 (SD 50); b1, b2, c2: SD 25, in template order; c1 agreed.
    expect(r.aggregate.disagreements.map((q) => q.questionId)).toEqual(['a1', 'a2', 'b1', 'b2', 'c2', 'c1']);
    expect(r.aggregate.sectionDisagreements[0]!.sectionId).toBe('people');
    // shares: a1 .125, a2 .375, b1 .125, b2 .125, c2 .125; mean gaps 50, 50, 25, 25, 25
    expect(r.gaps.items.map((g) => [g.questionId, g.priority])).toEqual([
      ['a2', 18.75],
      ['a1', 6.25],
      ['b1', 3.125],
      ['b2', 3.125],
      ['c2', 3.125],
    ]);
    expect(r.gaps.items[0]!.recommendation.zh).toBe('制定协同SOP。');
    expect(r.summary.completion).toBe(100);
    expect(r.summary.stage!.id).toBe('managed');
  });

  it('marks the assessment complete and lists it', async () => {
    const done = await h.call('checklist.complete', { id: first });
    expect(done.status).toBe('complete');
    expect(done.completedAt).not.toBeNull();
    const list = await h.call('checklist.list', {});
    expect(list.map((a) => [a.id, a.status])).toContainEqual([first, 'complete']);
    const reopened = await h.call('checklist.complete', { id: first, complete: false });
    expect([reopened.status, reopened.completedAt]).toEqual(['draft', null]);
  });

  it('compares with a later assessment: before/after per section and overall', async () => {
    const later = await h.call('checklist.start', { templateId, title: '2026 三季度复评', respondents: ['王总', '李总'] });
    await answerAll(later.summary.id, '王总', WANG);
    await answerAll(later.summary.id, '李总', { ...LI, a1: true, a2: 4 }); // people: (100 + 3·75)/4 = 81.25
    const c = await h.call('checklist.compare', { beforeId: first, afterId: later.summary.id });
    expect(c.comparison.comparable).toBe(true);
    const people = c.comparison.sections.find((s) => s.sectionId === 'people')!;
    expect([people.before, people.after]).toEqual([50, (100 + 81.25) / 2]);
    // 李总 overall after: (2·81.25 + 50 + 75)/4 = 71.875; room mean (100 + 71.875)/2 = 85.9375
    expect(c.comparison.overall!.after).toBeCloseTo(85.9375, 10);
    expect(c.comparison.overall!.delta).toBeCloseTo(85.9375 - 65.625, 10);
    expect(c.comparison.overall!.stageChange).toBe('up');
    expect(c.comparison.questions[0]!.questionId).toBe('a1'); // 50 → 100, the largest change
  });

  it('loads answers from an answers file, all or nothing, adding new respondents', async () => {
    const started = await h.call('checklist.start', { templateId, respondents: ['王总'] });
    const id = started.summary.id;
    const bad = await h.fail('checklist.answerMany', {
      id,
      document: { respondents: { 王总: { a1: '是', a2: 9, zz: 1 } } },
      locale: 'en',
    });
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(String(bad.params['detail']).split('\n')).toEqual([
      '王总 · a2: A scale answer must be a whole number from 1 to 5, got 9',
      '王总 · The template has no question "zz"',
    ]);
    expect((await h.call('checklist.get', { id })).respondents[0]!.answers).toEqual({});
    const ok = await h.call('checklist.answerMany', {
      id,
      document: {
        answers: [
          { respondent: '王总', question: 'a1', value: '是' },
          { respondent: '张经理', question: 'a2', value: '4', note: '已成文并执行' },
          { respondent: '张经理', question: 'b1', value: '不适用' },
        ],
      },
    });
    expect(ok).toEqual({ written: 3, respondentsAdded: ['张经理'] });
    const detail = await h.call('checklist.get', { id });
    expect(detail.respondents.map((r) => r.name)).toEqual(['王总', '张经理']);
    expect(detail.respondents[1]!.answers['a2']).toMatchObject({ value: 4, note: '已成文并执行' });
    expect(detail.respondents[1]!.answers['b1']!.value).toEqual({ notApplicable: true });
  });

  it('keeps the template snapshot: editing the template later does not change an old score', async () => {
    const copy = await h.call('checklist.copyTemplate', { id: templateId });
    const started = await h.call('checklist.start', { templateId: copy.id, respondents: ['王总'] });
    await h.call('checklist.answer', { id: started.summary.id, respondent: '王总', questionId: 'c2', value: 3 });
    const edited = (await h.call('checklist.template', { id: copy.id })).template;
    edited.version = '1.1';
    edited.stages = edited.stages.map((s) => ({ ...s }));
    edited.sections[2]!.title = { zh: '技术工具（修订）', en: 'Tools (revised)' };
    await h.call('checklist.saveTemplate', { template: edited });
    const r = await h.call('checklist.score', { id: started.summary.id });
    expect(r.summary.templateVersion).toBe('1.0');
    expect(r.template.sections[2]!.title.en).toBe('Tools');
    expect((await h.call('checklist.template', { id: copy.id })).summary.version).toBe('1.1');
  });

  it('adds a respondent to a running workshop and deletes an assessment with its answers', async () => {
    const started = await h.call('checklist.start', { templateId, respondents: ['王总'] });
    const added = await h.call('checklist.addRespondent', { id: started.summary.id, name: '赵主管' });
    expect(added).toMatchObject({ name: '赵主管', completion: 0 });
    expect(await h.call('checklist.delete', { id: started.summary.id })).toEqual({ deleted: true });
    expect((await h.fail('checklist.get', { id: started.summary.id })).code).toBe('NOT_FOUND');
  });
});
