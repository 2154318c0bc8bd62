// Workshop mode: several named respondents answer the same checklist. Each respondent is scored on
// their own (scoring.ts), then the scores are summarised per question and per section.
import type { AnswerSet } from './answers';
import { scoreAssessment } from './scoring';
import type { AssessmentScore, QuestionStatus } from './scoring';
import { stageFor } from './stages';
import type { BilingualText, ChecklistTemplate, MaturityStage, QuestionKind } from './template-schema';

export interface RespondentAnswers {
  /** Display name of the respondent (e.g. 销售VP 王总); the caller keeps these unique. */
  respondent: string;
  /** Who is being assessed, for per-subject templates (销售能力矩阵: the salesperson). */
  subject?: string | null;
  answers: AnswerSet;
}

export interface Spread {
  /** Respondents with a score. */
  n: number;
  mean: number;
  /**
   * Population standard deviation (divide by n): the respondents in the room are the whole group
   * being described, not a sample of a larger one, and with two people a sample SD would inflate
   * the disagreement by √2.
   */
  sd: number;
  min: number;
  max: number;
  /** max − min */
  range: number;
}

export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / n;
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { n, mean, sd: Math.sqrt(variance), min, max, range: max - min };
}

export interface RespondentQuestionScore {
  respondent: string;
  status: QuestionStatus;
  score: number | null;
}

export interface QuestionAggregate {
  questionId: string;
  sectionId: string;
  kind: QuestionKind;
  weight: number;
  /** Null when no respondent has a score for the question. */
  spread: Spread | null;
  /** Mean answered level (1-5) for scale questions, so the room sees "3.5 of 5", not only "62.5". */
  meanLevel: number | null;
  byRespondent: RespondentQuestionScore[];
}

export interface RespondentSectionScore {
  respondent: string;
  score: number | null;
  stage: MaturityStage | null;
}

export interface SectionAggregate {
  sectionId: string;
  weight: number;
  /** Over the respondents' own section scores. */
  spread: Spread | null;
  /** Stage of the mean score. */
  stage: MaturityStage | null;
  byRespondent: RespondentSectionScore[];
}

export interface AssessmentAggregate {
  templateId: string;
  templateVersion: string;
  respondents: string[];
  overall: { spread: Spread | null; stage: MaturityStage | null; byRespondent: RespondentSectionScore[] };
  sections: SectionAggregate[];
  questions: QuestionAggregate[];
  /** Questions with at least two scored respondents, most disagreement first (see rankDisagreement). */
  disagreements: QuestionAggregate[];
  /** Sections with at least two scored respondents, most disagreement first. */
  sectionDisagreements: SectionAggregate[];
  /** Each respondent's own score, in input order. */
  scores: Array<{ respondent: string; score: AssessmentScore }>;
}

/**
 * Most disagreement first: standard deviation, then range (two pairs with the same SD can differ in
 * how far apart the extremes are), then template order so the ranking is stable.
 */
function rankDisagreement<T extends { spread: Spread | null }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.spread !== null && item.spread.n >= 2)
    .sort((a, b) => {
      const sa = a.item.spread as Spread;
      const sb = b.item.spread as Spread;
      return sb.sd - sa.sd || sb.range - sa.range || a.index - b.index;
    })
    .map(({ item }) => item);
}

function scoresOf(values: ReadonlyArray<{ score: number | null }>): number[] {
  const out: number[] = [];
  for (const value of values) if (value.score !== null) out.push(value.score);
  return out;
}

export function aggregateResponses(template: ChecklistTemplate, responses: readonly RespondentAnswers[]): AssessmentAggregate {
  const scores = responses.map((response) => ({
    respondent: response.respondent,
    answers: response.answers,
    score: scoreAssessment(template, response.answers),
  }));

  const sections: SectionAggregate[] = template.sections.map((section, s) => {
    const byRespondent = scores.map(({ respondent, score }) => {
      const own = score.sections[s];
      return { respondent, score: own?.score ?? null, stage: own?.stage ?? null };
    });
    const spread = spreadOf(scoresOf(byRespondent));
    return {
      sectionId: section.id,
      weight: section.weight,
      spread,
      stage: stageFor(spread?.mean ?? null, template.stages),
      byRespondent,
    };
  });

  const questions: QuestionAggregate[] = template.sections.flatMap((section, s) =>
    section.questions.map((question, q) => {
      const byRespondent = scores.map(({ respondent, score }) => {
        const own = score.sections[s]?.questions[q];
        return { respondent, status: own?.status ?? 'unanswered', score: own?.score ?? null };
      });
      let meanLevel: number | null = null;
      if (question.kind === 'scale') {
        const levels: number[] = [];
        for (const { score, answers } of scores) {
          const own = score.sections[s]?.questions[q];
          const value = answers[question.id];
          if (own?.status === 'scored' && typeof value === 'number') levels.push(value);
        }
        meanLevel = spreadOf(levels)?.mean ?? null;
      }
      return {
        questionId: question.id,
        sectionId: section.id,
        kind: question.kind,
        weight: question.kind === 'text' ? 0 : question.weight,
        spread: spreadOf(scoresOf(byRespondent)),
        meanLevel,
        byRespondent,
      };
    }),
  );

  const overallByRespondent = scores.map(({ respondent, score }) => ({
    respondent,
    score: score.score,
    stage: score.stage,
  }));
  const overallSpread = spreadOf(scoresOf(overallByRespondent));

  return {
    templateId: template.id,
    templateVersion: template.version,
    respondents: responses.map((response) => response.respondent),
    overall: {
      spread: overallSpread,
      stage: stageFor(overallSpread?.mean ?? null, template.stages),
      byRespondent: overallByRespondent,
    },
    sections,
    questions,
    disagreements: rankDisagreement(questions),
    sectionDisagreements: rankDisagreement(sections),
    scores: scores.map(({ respondent, score }) => ({ respondent, score })),
  };
}

export interface SubjectCell {
  sectionId: string;
  /** Mean of the section scores given to this subject (one respondent, or several: self + manager). */
  score: number | null;
  stage: MaturityStage | null;
  respondentCount: number;
}

export interface SubjectRow {
  subject: string;
  respondents: string[];
  cells: SubjectCell[];
  overall: { score: number | null; stage: MaturityStage | null };
}

export interface SubjectMatrix {
  subjectLabel: BilingualText | null;
  sectionIds: string[];
  /** One row per subject, in order of first appearance. */
  rows: SubjectRow[];
  /** Per section across subjects, each subject counted once (the team's profile). */
  sectionSummary: Array<{ sectionId: string; spread: Spread | null; stage: MaturityStage | null }>;
  /** Respondents whose answers name no subject; left out of the matrix. */
  missingSubject: string[];
}

/** 销售能力矩阵: subject × section, for templates answered once per person. */
export function subjectMatrix(template: ChecklistTemplate, responses: readonly RespondentAnswers[]): SubjectMatrix {
  const groups = new Map<string, RespondentAnswers[]>();
  const missingSubject: string[] = [];
  for (const response of responses) {
    const subject = response.subject?.trim() ?? '';
    if (subject === '') {
      missingSubject.push(response.respondent);
      continue;
    }
    const group = groups.get(subject);
    if (group) group.push(response);
    else groups.set(subject, [response]);
  }

  const rows: SubjectRow[] = [...groups.entries()].map(([subject, group]) => {
    const aggregate = aggregateResponses(template, group);
    return {
      subject,
      respondents: aggregate.respondents,
      cells: aggregate.sections.map((section) => ({
        sectionId: section.sectionId,
        score: section.spread?.mean ?? null,
        stage: section.stage,
        respondentCount: section.spread?.n ?? 0,
      })),
      overall: { score: aggregate.overall.spread?.mean ?? null, stage: aggregate.overall.stage },
    };
  });

  const sectionSummary = template.sections.map((section, s) => {
    const spread = spreadOf(scoresOf(rows.map((row) => row.cells[s] ?? { score: null })));
    return { sectionId: section.id, spread, stage: stageFor(spread?.mean ?? null, template.stages) };
  });

  return {
    subjectLabel: template.subject?.label ?? null,
    sectionIds: template.sections.map((section) => section.id),
    rows,
    sectionSummary,
    missingSubject,
  };
}
