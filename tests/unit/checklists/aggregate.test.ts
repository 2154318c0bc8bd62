import { describe, expect, test } from 'vitest';
import { aggregateResponses, spreadOf, subjectMatrix } from '../../../shared/checklists/aggregate';
import type { RespondentAnswers } from '../../../shared/checklists/aggregate';
import { loadBuiltin, loadFixture } from './load';

const template = loadFixture('valid-workshop.json');

// Three members of a retention committee answer the same checklist.
//            a1    a2     b1      b2         c1    c2
// 销售VP     yes   5→100  full    5 d→100    yes   5→100   people 100   process 100  tools 100   overall 100
// 项目总监   no    1→0    none    40 d→0     yes   5→100   people 0     process 0    tools 100   overall 25
// 客户经理   yes   3→50   some    —          yes   4→75    people 62.5  process 50   tools 87.5  overall 65.625
const workshop: RespondentAnswers[] = [
  { respondent: '销售VP', answers: { a1: true, a2: 5, b1: 'full', b2: 5, c1: true, c2: 5 } },
  { respondent: '项目总监', answers: { a1: false, a2: 1, b1: 'none', b2: 40, c1: true, c2: 5 } },
  { respondent: '客户经理', answers: { a1: true, a2: 3, b1: 'some', c1: true, c2: 4, a3: '需要更多数据' } },
];

describe('spread', () => {
  test('population standard deviation, min, max, range', () => {
    // mean 50; deviations ±50 and 0 → variance (2500 + 2500 + 0) / 3
    expect(spreadOf([100, 0, 50])).toEqual({ n: 3, mean: 50, sd: Math.sqrt(5000 / 3), min: 0, max: 100, range: 100 });
    expect(spreadOf([70])).toEqual({ n: 1, mean: 70, sd: 0, min: 70, max: 70, range: 0 });
    expect(spreadOf([])).toBeNull();
  });
});

describe('a workshop with three respondents', () => {
  const result = aggregateResponses(template, workshop);

  test("each respondent's own scores", () => {
    expect(result.scores.map((s) => [s.respondent, s.score.score])).toEqual([
      ['销售VP', 100],
      ['项目总监', 25],
      ['客户经理', 65.625],
    ]);
  });

  test('section averages and spreads, hand-checked', () => {
    const people = result.sections[0];
    // (100 + 0 + 62.5) / 3 = 54.1667; Σx² / n − mean² = 13906.25/3 − 54.1667² = 1701.389 → sd 41.248
    expect(people?.spread?.mean).toBeCloseTo(54.1667, 4);
    expect(people?.spread?.sd).toBeCloseTo(41.2479, 4);
    expect(people?.spread).toMatchObject({ n: 3, min: 0, max: 100, range: 100 });
    expect(people?.stage?.id).toBe('defined');

    const process = result.sections[1];
    expect(process?.spread).toMatchObject({ n: 3, mean: 50, min: 0, max: 100 });
    expect(process?.spread?.sd).toBeCloseTo(40.8248, 4);

    const tools = result.sections[2];
    // (100 + 100 + 87.5) / 3 = 95.8333; sd 5.8926
    expect(tools?.spread?.mean).toBeCloseTo(95.8333, 4);
    expect(tools?.spread?.sd).toBeCloseTo(5.8926, 4);
    expect(tools?.spread).toMatchObject({ min: 87.5, max: 100, range: 12.5 });
    expect(tools?.stage?.id).toBe('optimising');
    expect(tools?.byRespondent.map((r) => r.stage?.id)).toEqual(['optimising', 'optimising', 'optimising']);
  });

  test('overall average of the respondents', () => {
    // (100 + 25 + 65.625) / 3 = 63.5417 → managed
    expect(result.overall.spread?.mean).toBeCloseTo(63.5417, 4);
    expect(result.overall.spread).toMatchObject({ min: 25, max: 100, range: 75 });
    expect(result.overall.stage?.id).toBe('managed');
  });

  test('questions where respondents disagree most come first', () => {
    // b2: 100 vs 0 (two answers) sd 50; a1: 100, 0, 100 sd 47.14; a2 and b1: 100, 0, 50 sd 40.82 each
    // (same range, so template order); c2: 100, 100, 75 sd 11.79; c1: all 100, sd 0. a3 (free text) never ranks.
    expect(result.disagreements.map((q) => q.questionId)).toEqual(['b2', 'a1', 'a2', 'b1', 'c2', 'c1']);
    const [b2, a1] = result.disagreements;
    expect(b2?.spread).toEqual({ n: 2, mean: 50, sd: 50, min: 0, max: 100, range: 100 });
    expect(a1?.spread?.sd).toBeCloseTo(47.1405, 4);
    expect(b2?.byRespondent.map((r) => r.status)).toEqual(['scored', 'scored', 'unanswered']);
  });

  test('sections ranked by disagreement', () => {
    expect(result.sectionDisagreements.map((s) => s.sectionId)).toEqual(['people', 'process', 'tools']);
  });

  test('scale questions also show the mean level', () => {
    const a2 = result.questions.find((q) => q.questionId === 'a2');
    expect(a2?.meanLevel).toBe(3); // (5 + 1 + 3) / 3
    const c2 = result.questions.find((q) => q.questionId === 'c2');
    expect(c2?.meanLevel).toBeCloseTo(14 / 3, 10);
    expect(result.questions.find((q) => q.questionId === 'a1')?.meanLevel).toBeNull();
  });

  test('a question nobody answered has no spread and is not ranked', () => {
    const partial = aggregateResponses(template, [
      { respondent: 'A', answers: { a1: true } },
      { respondent: 'B', answers: { a1: false } },
    ]);
    expect(partial.questions.find((q) => q.questionId === 'c2')?.spread).toBeNull();
    expect(partial.disagreements.map((q) => q.questionId)).toEqual(['a1']);
    expect(partial.sections[2]?.spread).toBeNull();
  });

  test('two respondents who agree show no spread', () => {
    const same = { a1: true, a2: 4, b1: 'some', b2: 12, c1: true, c2: 4 };
    const agreed = aggregateResponses(template, [
      { respondent: 'A', answers: same },
      { respondent: 'B', answers: same },
    ]);
    expect(agreed.sections.map((s) => s.spread?.sd)).toEqual([0, 0, 0]);
  });
});

describe('per-subject matrix (销售能力矩阵)', () => {
  const matrixTemplate = loadBuiltin('sales-capability-matrix.json');
  // 张伟 is rated by the manager and by himself; 李娜 by the manager only.
  // 张伟/经理: insight (ins-profile 5→100 w3, ins-tier yes w2, ins-decision-maker n/a, ins-industry monthly 100 w1) = 100
  //            discovery (dis-questioning 3→50 w3, dis-presales-pm no→0 w2) = 150/5 = 30
  //            relationship: nothing answered → no score
  //            data-use (dat-crm 4→75 w3, dat-health yes w2, dat-logging-delay 2 d → (1,3] = 70 w1) = 495/6 = 82.5
  //            overall (100 + 30 + 82.5) / 3 = 70.8333
  // 张伟/自评: insight 100, discovery 100, data-use 100 → overall 100
  // 李娜/经理: insight (ins-profile 2→25 w3, ins-tier no w2) = 75/5 = 15 → overall 15
  const responses: RespondentAnswers[] = [
    {
      respondent: '经理 陈强',
      subject: '张伟',
      answers: {
        'ins-profile': 5,
        'ins-tier': true,
        'ins-decision-maker': { notApplicable: true },
        'ins-industry': 'monthly',
        'dis-questioning': 3,
        'dis-presales-pm': false,
        'dat-crm': 4,
        'dat-health': true,
        'dat-logging-delay': 2,
      },
    },
    {
      respondent: '张伟（自评）',
      subject: '张伟',
      answers: {
        'ins-profile': 5,
        'ins-tier': true,
        'ins-industry': 'monthly',
        'dis-questioning': 5,
        'dis-presales-pm': true,
        'dat-crm': 5,
        'dat-health': true,
        'dat-logging-delay': 0.5,
      },
    },
    { respondent: '经理 陈强', subject: '李娜', answers: { 'ins-profile': 2, 'ins-tier': false } },
    { respondent: '匿名', subject: null, answers: { 'ins-profile': 1 } },
  ];
  const matrix = subjectMatrix(matrixTemplate, responses);

  test('labels and axes', () => {
    expect(matrix.subjectLabel).toEqual({ zh: '销售人员', en: 'Salesperson' });
    expect(matrix.sectionIds).toEqual(['insight', 'discovery', 'relationship', 'data-use']);
    expect(matrix.rows.map((row) => row.subject)).toEqual(['张伟', '李娜']);
    expect(matrix.missingSubject).toEqual(['匿名']);
  });

  test('cells average the respondents of one subject, hand-checked', () => {
    const [zhang, li] = matrix.rows;
    expect(zhang?.respondents).toEqual(['经理 陈强', '张伟（自评）']);
    expect(zhang?.cells.map((c) => [c.sectionId, c.score, c.stage?.id ?? null, c.respondentCount])).toEqual([
      ['insight', 100, 'exemplary', 2],
      ['discovery', 65, 'proficient', 2], // (30 + 100) / 2
      ['relationship', null, null, 0],
      ['data-use', 91.25, 'exemplary', 2], // (82.5 + 100) / 2
    ]);
    expect(zhang?.overall.score).toBeCloseTo((212.5 / 3 + 100) / 2, 10); // 85.4167
    expect(li?.cells[0]).toEqual(expect.objectContaining({ score: 15, respondentCount: 1 }));
    expect(li?.cells[0]?.stage?.label.zh).toBe('待提升');
    expect(li?.overall.score).toBe(15);
  });

  test('the team profile counts each salesperson once', () => {
    // insight: (100 + 15) / 2 = 57.5 → 合格 (40-60)
    const insight = matrix.sectionSummary[0];
    expect(insight?.spread).toMatchObject({ n: 2, mean: 57.5, min: 15, max: 100 });
    expect(insight?.stage?.id).toBe('competent');
    expect(matrix.sectionSummary[2]?.spread).toBeNull();
  });
});
