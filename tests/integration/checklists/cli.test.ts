import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssessmentResult, AssessmentSummary, TemplateSummary } from '../../../shared/checklists/wire';
import { tempDir } from '../../helpers/temp';
import { rwb } from '../../helpers/cli';

const root = join(import.meta.dirname, '../../..');
const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };
const file = join(dir, 'client.rwb');

describe('rwb checklist', () => {
  it('lists the built-in templates without a workspace', () => {
    const r = rwb(['checklist', 'templates', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json<TemplateSummary[]>().map((t) => t.id)).toEqual(['retention-self-check', 'sales-capability-matrix', 'sales-project-sop', 'data-compliance']);
    expect(rwb(['checklist', 'templates', '--lang', 'zh-CN'], env).stdout).toContain('客户留存率自检清单');
  });

  it('starts a workshop, takes answers one by one and from a file, and scores it as JSON', () => {
    expect(rwb(['new', file, '--client', '华东精密'], env).status).toBe(0);
    const imported = rwb(['checklist', 'import-template', file, join(root, 'tests/fixtures/checklists/valid-workshop.json')], env);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('workshop-test 1.0');

    const started = rwb(['checklist', 'start', file, 'workshop-test', '--respondent', '王总', '--respondent', '李总', '--json'], env);
    expect(started.status, started.stderr).toBe(0);
    const id = String(started.json<AssessmentSummary>().id);

    // Each rwb run starts a process (seconds on a busy machine): three answers one by one, the rest from a file.
    for (const [q, v] of [
      ['a1', 'yes'],
      ['a2', '5'],
      ['c1', '是'],
    ]) {
      const r = rwb(['checklist', 'answer', file, id, '--respondent', '王总', '--question', q!, '--value', v!], env);
      expect(r.status, r.stderr).toBe(0);
    }
    const answers = join(dir, 'answers.json');
    writeFileSync(
      answers,
      JSON.stringify({ respondents: { 王总: { b1: 'full', b2: '5', c2: 5 }, 李总: { a1: false, a2: 1, b1: 'some', b2: 20, c1: true, c2: 3 } } }),
    );
    const many = rwb(['checklist', 'answer', file, id, '--from', answers], env);
    expect(many.status, many.stderr).toBe(0);
    expect(many.stdout).toContain('Wrote 9 answers');

    const score = rwb(['checklist', 'score', file, id, '--json'], env);
    expect(score.status, score.stderr).toBe(0);
    const r = score.json<AssessmentResult>();
    expect(r.aggregate.overall.byRespondent.map((b) => b.score)).toEqual([100, 31.25]);
    expect(r.aggregate.overall.stage!.id).toBe('managed');
    expect(r.aggregate.disagreements[0]!.questionId).toBe('a1');
    expect(r.gaps.items[0]!.questionId).toBe('a2');

    const human = rwb(['checklist', 'score', file, id], env);
    expect(human.stdout).toContain('Most disagreement');
    expect(human.stdout).toContain('Write the SOP.');
  }, 240_000);

  it('refuses a bad answer and a malformed template with the exact problem and a non-zero exit', () => {
    const bad = rwb(['checklist', 'answer', file, '1', '--respondent', '王总', '--question', 'a2', '--value', '7'], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('a2: A scale answer must be a whole number from 1 to 5, got 7');

    const template = rwb(['checklist', 'import-template', file, join(root, 'tests/fixtures/checklists/misspelt-field.json')], env);
    expect(template.status).toBe(1);
    expect(template.stderr).toMatch(/misspelt-field\.json › [^\n]+: Unknown field "[^"]+" \(a typo\?\)/);

    const zh = rwb(['checklist', 'import-template', file, join(root, 'tests/fixtures/checklists/missing-field.json'), '--lang', 'zh-CN'], env);
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain('missing-field.json › sections[0].questions[1].recommendation：缺少必填字段，应为对象');
  }, 120_000);
});
