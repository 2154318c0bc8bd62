import { describe, expect, test } from 'vitest';
import { scoreQuestion } from '../../../shared/checklists/answers';
import type { AnswerSet } from '../../../shared/checklists/answers';
import { scoreAssessment } from '../../../shared/checklists/scoring';
import { stageFor } from '../../../shared/checklists/stages';
import type { ChecklistQuestion } from '../../../shared/checklists/template-schema';
import { loadBuiltin, loadFixture } from './load';

// valid-workshop.json: section people (weight 2: a1 yes/no w1, a2 scale w3, a3 text),
// process (weight 1: b1 choice w1 [none 0, some 50, full 100], b2 numeric w1 [<10 → 100, 10-30 → 50, ≥30 → 0]),
// tools (weight 1: c1 yes/no w2, c2 scale w2). Stages every 20 points: initial, repeatable, defined, managed, optimising.
const template = loadFixture('valid-workshop.json');

function question(id: string): ChecklistQuestion {
  const found = template.sections.flatMap((section) => section.questions).find((q) => q.id === id);
  if (!found) throw new Error(id);
  return found;
}

describe('one question', () => {
  test.each([
    { id: 'a2', value: 1, score: 0 },
    { id: 'a2', value: 2, score: 25 },
    { id: 'a2', value: 3, score: 50 },
    { id: 'a2', value: 4, score: 75 },
    { id: 'a2', value: 5, score: 100 },
    { id: 'a1', value: true, score: 100 },
    { id: 'a1', value: false, score: 0 },
    { id: 'b1', value: 'none', score: 0 },
    { id: 'b1', value: 'some', score: 50 },
    { id: 'b1', value: 'full', score: 100 },
    // bands [min, max): 9.99 is below 10, 10 opens the next band, 30 the last.
    { id: 'b2', value: 0, score: 100 },
    { id: 'b2', value: 9.99, score: 100 },
    { id: 'b2', value: 10, score: 50 },
    { id: 'b2', value: 29, score: 50 },
    { id: 'b2', value: 30, score: 0 },
    { id: 'b2', value: 400, score: 0 },
  ])('$id = $value scores $score', ({ id, value, score }) => {
    expect(scoreQuestion(question(id), value)).toEqual({ status: 'scored', score });
  });

  test.each([
    { id: 'a2', value: 0, reason: 'scaleOutOfRange' },
    { id: 'a2', value: 6, reason: 'scaleOutOfRange' },
    { id: 'a2', value: 2.5, reason: 'scaleOutOfRange' },
    { id: 'a2', value: '3', reason: 'wrongType' },
    { id: 'a1', value: 'yes', reason: 'wrongType' },
    { id: 'b1', value: 'weekly', reason: 'unknownOption' },
    { id: 'b1', value: 2, reason: 'wrongType' },
    { id: 'b2', value: -1, reason: 'belowMin' },
    { id: 'b2', value: Number.NaN, reason: 'wrongType' },
  ])('$id = $value is invalid ($reason), not zero', ({ id, value, reason }) => {
    const outcome = scoreQuestion(question(id), value);
    expect(outcome.status).toBe('invalid');
    expect(outcome.status === 'invalid' && outcome.invalid.reason).toBe(reason);
  });

  test('unanswered, not applicable and free text are not scores', () => {
    expect(scoreQuestion(question('a1'), undefined)).toEqual({ status: 'unanswered' });
    expect(scoreQuestion(question('a1'), null)).toEqual({ status: 'unanswered' });
    expect(scoreQuestion(question('a1'), { notApplicable: true })).toEqual({ status: 'notApplicable' });
    expect(scoreQuestion(question('a3'), '王总、李总监')).toEqual({ status: 'unscored' });
  });

  test('bands closed at the top ("within 1 hour") when inclusive is "max"', () => {
    // retention-self-check proc-complaint-response: ≤1 h → 100, (1, 2] → 80, (2, 24] → 40, > 24 → 0.
    const retention = loadBuiltin('retention-self-check.json');
    const complaint = retention.sections[3]?.questions.find((q) => q.id === 'proc-complaint-response');
    if (!complaint) throw new Error('missing question');
    const scores = [0.5, 1, 1.5, 2, 24, 24.5].map((hours) => scoreQuestion(complaint, hours));
    expect(scores.map((s) => (s.status === 'scored' ? s.score : s.status))).toEqual([100, 100, 80, 80, 40, 0]);
  });
});

describe('stage assignment', () => {
  test.each([
    { score: 0, stage: 'initial' },
    { score: 19.99, stage: 'initial' },
    { score: 20, stage: 'repeatable' },
    { score: 59.999, stage: 'defined' },
    { score: 60, stage: 'managed' },
    // Float noise from a weighted mean must not drop a score that is 60 on paper into the stage below.
    { score: 59.99999999999999, stage: 'managed' },
    { score: 80, stage: 'optimising' },
    { score: 100, stage: 'optimising' },
  ])('$score → $stage', ({ score, stage }) => {
    expect(stageFor(score, template.stages)?.id).toBe(stage);
  });

  test('no score, no stage; out of range, no stage', () => {
    expect(stageFor(null, template.stages)).toBeNull();
    expect(stageFor(100.5, template.stages)).toBeNull();
    expect(stageFor(-1, template.stages)).toBeNull();
  });
});

describe('an assessment', () => {
  // people = (1·100 + 3·50) / 4 = 62.5 → managed
  // process = (1·50 + 1·50) / 2 = 50 → defined     (b2 = 12 days falls in [10, 30) → 50)
  // tools = c1 only (c2 unanswered) = 0 → initial
  // overall = (2·62.5 + 1·50 + 1·0) / 4 = 43.75 → defined
  const answers: AnswerSet = { a1: true, a2: 3, a3: '销售VP 王总', b1: 'some', b2: 12, c1: false };

  test('section and overall scores and stages, hand-checked', () => {
    const result = scoreAssessment(template, answers);
    expect(result.sections.map((s) => [s.sectionId, s.score, s.stage?.id])).toEqual([
      ['people', 62.5, 'managed'],
      ['process', 50, 'defined'],
      ['tools', 0, 'initial'],
    ]);
    expect(result.score).toBe(43.75);
    expect(result.stage?.id).toBe('defined');
    expect(result.stage?.label.zh).toBe('已定义级');
    expect(result.templateId).toBe('workshop-test');
    expect(result.templateVersion).toBe('1.0');
  });

  test('unanswered questions are excluded and reported, never counted as zero', () => {
    const result = scoreAssessment(template, answers);
    expect(result.unanswered).toEqual(['c2']);
    // 6 scored questions (the free-text a3 is not one of them), 5 answered.
    expect(result.completion).toEqual({ answered: 5, total: 6, percent: (5 / 6) * 100 });
    expect(result.sections[2]?.completion).toEqual({ answered: 1, total: 2, percent: 50 });
    // If c2 counted as zero, tools would still be 0 — so check a case where it would matter:
    const withC1 = scoreAssessment(template, { ...answers, c1: true });
    expect(withC1.sections[2]?.score).toBe(100); // not (2·100 + 2·0)/4 = 50
  });

  test('a section nobody answered has no score and does not pull the overall down', () => {
    const { c1: _c1, ...withoutTools } = answers;
    const result = scoreAssessment(template, withoutTools);
    expect(result.sections[2]?.score).toBeNull();
    expect(result.sections[2]?.stage).toBeNull();
    // (2·62.5 + 1·50) / 3 = 58.333…
    expect(result.score).toBeCloseTo(175 / 3, 10);
    expect(result.stage?.id).toBe('defined');
  });

  test('"not applicable" counts as answered but is left out of the score', () => {
    const result = scoreAssessment(template, { ...answers, a1: { notApplicable: true } });
    expect(result.sections[0]?.score).toBe(50); // a2 alone
    expect(result.sections[0]?.questions[0]?.status).toBe('notApplicable');
    expect(result.completion.answered).toBe(5);
  });

  test('invalid answers are reported with their reason and left out', () => {
    const result = scoreAssessment(template, { ...answers, a2: 7, b1: 'weekly' });
    expect(result.invalid).toEqual([
      { questionId: 'a2', reason: 'scaleOutOfRange', params: { value: 7 } },
      { questionId: 'b1', reason: 'unknownOption', params: { value: 'weekly' } },
    ]);
    expect(result.sections[0]?.score).toBe(100); // a1 alone
    expect(result.sections[1]?.score).toBe(50); // b2 alone
    expect(result.completion.answered).toBe(3);
  });

  test('answers to questions the template no longer has are reported', () => {
    const result = scoreAssessment(template, { ...answers, 'old-question': 4 });
    expect(result.unknownQuestions).toEqual(['old-question']);
  });

  test('nothing answered: no score, no stage, 0% complete', () => {
    const result = scoreAssessment(template, {});
    expect(result.score).toBeNull();
    expect(result.stage).toBeNull();
    expect(result.completion.percent).toBe(0);
    expect(result.unanswered).toEqual(['a1', 'a2', 'b1', 'b2', 'c1', 'c2']);
  });

  test('everything at the top scores 100 and the last stage', () => {
    const result = scoreAssessment(template, { a1: true, a2: 5, b1: 'full', b2: 0, c1: true, c2: 5 });
    expect(result.score).toBe(100);
    expect(result.stage?.id).toBe('optimising');
  });
});
