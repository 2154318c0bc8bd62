import { describe, expect, test } from 'vitest';
import { aggregateResponses } from '../../../shared/checklists/aggregate';
import { compareAssessments, effectiveWeights, gapList, gapListFromAggregate } from '../../../shared/checklists/gaps';
import { scoreAssessment } from '../../../shared/checklists/scoring';
import { loadBuiltin, loadFixture } from './load';

const template = loadFixture('valid-workshop.json');
// people 62.5 (a1 100, a2 50), process 50 (b1 50, b2 50), tools 0 (c1 0, c2 unanswered); overall 43.75
const answers = { a1: true, a2: 3, b1: 'some', b2: 12, c1: false };
const score = scoreAssessment(template, answers);

describe('effective weights', () => {
  test('section share × share within the section, summing to 1', () => {
    // sections 2:1:1 → 0.5, 0.25, 0.25; people a1:a2 = 1:3; process 1:1; tools 2:2 (free text a3 excluded)
    expect(Object.fromEntries(effectiveWeights(template))).toEqual({
      a1: 0.125,
      a2: 0.375,
      b1: 0.125,
      b2: 0.125,
      c1: 0.125,
      c2: 0.125,
    });
  });
});

describe('gap list', () => {
  test('target 100: ordered by weight × gap, with recommendations', () => {
    const gaps = gapList(template, score);
    expect(gaps.target).toBe(100);
    expect(gaps.targetStage).toBeNull();
    // a2: 0.375 × 50 = 18.75; c1: 0.125 × 100 = 12.5; b1, b2: 0.125 × 50 = 6.25 (tie → template order).
    // a1 is at 100 (no gap); c2 is unanswered (not a gap).
    expect(gaps.items.map((g) => [g.questionId, g.gap, g.priority])).toEqual([
      ['a2', 50, 18.75],
      ['c1', 100, 12.5],
      ['b1', 50, 6.25],
      ['b2', 50, 6.25],
    ]);
    expect(gaps.items[0]?.recommendation).toEqual({ zh: '制定协同SOP。', en: 'Write the SOP.' });
    expect(gaps.items[0]?.text.zh).toBe('协同SOP的成熟度');
    expect(gaps.sections.map((s) => [s.sectionId, s.gap])).toEqual([
      ['people', 37.5],
      ['process', 50],
      ['tools', 100],
    ]);
  });

  test('a target stage changes the order: the distance is to the stage, not to 100', () => {
    // managed starts at 60: c1 0.125 × 60 = 7.5; a2 0.375 × 10 = 3.75; b1, b2 0.125 × 10 = 1.25
    const gaps = gapList(template, score, { kind: 'stage', stageId: 'managed' });
    expect(gaps.target).toBe(60);
    expect(gaps.targetStage?.label.zh).toBe('已管理级');
    expect(gaps.items.map((g) => [g.questionId, g.gap, g.priority])).toEqual([
      ['c1', 60, 7.5],
      ['a2', 10, 3.75],
      ['b1', 10, 1.25],
      ['b2', 10, 1.25],
    ]);
    // people 62.5 is past the target: no gap.
    expect(gaps.sections.map((s) => s.gap)).toEqual([0, 10, 60]);
  });

  test("the template's targetStage is the default target", () => {
    const retention = loadBuiltin('retention-self-check.json');
    const gaps = gapList(retention, scoreAssessment(retention, { 'org-committee': false }));
    expect(gaps.targetStage?.id).toBe('managed');
    expect(gaps.target).toBe(60);
    expect(gaps.items.map((g) => g.questionId)).toEqual(['org-committee']);
    expect(gaps.items[0]?.recommendation.zh).toContain('销售VP与项目总监共同领衔');
  });

  test('an unknown target stage is a programming error', () => {
    expect(() => gapList(template, score, { kind: 'stage', stageId: 'nope' })).toThrow(RangeError);
  });

  test("a workshop's gaps come from the mean score per question", () => {
    const aggregate = aggregateResponses(template, [
      { respondent: 'A', answers: { a1: true, a2: 5, c1: true } },
      { respondent: 'B', answers: { a1: false, a2: 3, c1: true } },
    ]);
    // a1 mean 50 → 0.125 × 50 = 6.25; a2 mean 75 → 0.375 × 25 = 9.375; c1 mean 100 → no gap
    const gaps = gapListFromAggregate(template, aggregate);
    expect(gaps.items.map((g) => [g.questionId, g.score, g.priority])).toEqual([
      ['a2', 75, 9.375],
      ['a1', 50, 6.25],
    ]);
    // people: A (100·1 + 100·3)/4 = 100, B (0·1 + 50·3)/4 = 37.5 → mean 68.75
    expect(gaps.sections.map((s) => s.score)).toEqual([68.75, null, 100]);
  });
});

describe('before/after comparison', () => {
  test('improvement in every section, with stage changes', () => {
    const after = scoreAssessment(template, { a1: true, a2: 5, b1: 'full', b2: 0, c1: true, c2: 5 });
    const comparison = compareAssessments(score, after);
    expect(comparison.comparable).toBe(true);
    expect(comparison.versionChanged).toBe(false);
    expect(comparison.sections.map((s) => [s.sectionId, s.before, s.after, s.delta, s.stageChange, s.levelDelta])).toEqual([
      ['people', 62.5, 100, 37.5, 'up', 1], // managed → optimising
      ['process', 50, 100, 50, 'up', 2], // defined → optimising
      ['tools', 0, 100, 100, 'up', 4], // initial → optimising
    ]);
    expect(comparison.overall).toMatchObject({ before: 43.75, after: 100, delta: 56.25, stageChange: 'up', levelDelta: 2 });
    expect(comparison.overall?.stageBefore?.id).toBe('defined');
    expect(comparison.overall?.stageAfter?.id).toBe('optimising');
  });

  test('decline, and questions ranked by the size of their change', () => {
    // after: people 0, process 0, tools 100 (c1 yes, c2 5); overall (0 + 0 + 100) / 4 = 25
    const after = scoreAssessment(template, { a1: false, a2: 1, b1: 'none', b2: 40, c1: true, c2: 5 });
    const comparison = compareAssessments(score, after);
    expect(comparison.sections.map((s) => [s.sectionId, s.delta, s.stageChange, s.levelDelta])).toEqual([
      ['people', -62.5, 'down', -3],
      ['process', -50, 'down', -2],
      ['tools', 100, 'up', 4],
    ]);
    expect(comparison.overall).toMatchObject({ before: 43.75, after: 25, delta: -18.75, stageChange: 'down', levelDelta: -1 });
    // a1 −100 and c1 +100 tie on size (template order); a2, b1, b2 −50; c2 was unanswered before, so not compared.
    expect(comparison.questions.map((q) => [q.questionId, q.delta])).toEqual([
      ['a1', -100],
      ['c1', 100],
      ['a2', -50],
      ['b1', -50],
      ['b2', -50],
    ]);
  });

  test('a section without a score on one side has no delta', () => {
    const before = scoreAssessment(template, { a1: true });
    const after = scoreAssessment(template, { a1: true, c1: true });
    const tools = compareAssessments(before, after).sections[2];
    expect(tools).toMatchObject({ before: null, after: 100, delta: null, stageChange: null });
  });

  test('different templates are not compared; a new version compares what both share', () => {
    const other = loadBuiltin('sales-project-sop.json');
    expect(compareAssessments(score, scoreAssessment(other, {})).comparable).toBe(false);

    const v2 = {
      ...template,
      version: '2.0',
      sections: [...template.sections.slice(0, 2), { ...template.sections[2]!, id: 'systems' }],
    };
    const comparison = compareAssessments(score, scoreAssessment(v2, answers));
    expect(comparison.versionChanged).toBe(true);
    expect(comparison.sections.map((s) => s.sectionId)).toEqual(['people', 'process']);
    expect(comparison.sectionsOnlyBefore).toEqual(['tools']);
    expect(comparison.sectionsOnlyAfter).toEqual(['systems']);
  });
});
