// Score of one respondent's answers: per question (0-100), per section (weighted mean of the answered
// questions), overall (weighted mean of the sections that have a score), each with its stage.
// Unanswered, not-applicable and invalid answers are left out of both numerator and denominator, so
// a half-finished checklist shows the score of what was answered plus how much was answered.
import { scoreQuestion } from './answers';
import type { AnswerSet, InvalidAnswer } from './answers';
import { stageFor } from './stages';
import type { ChecklistTemplate, MaturityStage, QuestionKind } from './template-schema';

export type QuestionStatus = 'scored' | 'unanswered' | 'notApplicable' | 'invalid' | 'unscored';

export interface QuestionScore {
  questionId: string;
  sectionId: string;
  kind: QuestionKind;
  /** The template weight (0 for free-text questions, which are never scored). */
  weight: number;
  status: QuestionStatus;
  score: number | null;
  invalid: InvalidAnswer | null;
}

export interface Completion {
  /** Scored questions answered (a "not applicable" counts as answered). */
  answered: number;
  /** Scored questions in the template (free text excluded). */
  total: number;
  /** answered / total × 100 */
  percent: number;
}

export interface SectionScore {
  sectionId: string;
  weight: number;
  score: number | null;
  stage: MaturityStage | null;
  completion: Completion;
  questions: QuestionScore[];
}

export interface AssessmentScore {
  templateId: string;
  templateVersion: string;
  score: number | null;
  stage: MaturityStage | null;
  completion: Completion;
  sections: SectionScore[];
  /** Ids of scored questions with no answer, in template order. */
  unanswered: string[];
  /** Answers that could not be read, left out of the score. */
  invalid: Array<{ questionId: string } & InvalidAnswer>;
  /** Answer keys that name no question of this template version (e.g. a question since removed). */
  unknownQuestions: string[];
}

export function weightedMean(items: ReadonlyArray<{ weight: number; score: number | null }>): number | null {
  let sum = 0;
  let weights = 0;
  for (const item of items) {
    if (item.score === null) continue;
    sum += item.weight * item.score;
    weights += item.weight;
  }
  return weights > 0 ? sum / weights : null;
}

function completion(answered: number, total: number): Completion {
  return { answered, total, percent: total === 0 ? 0 : (answered / total) * 100 };
}

export function scoreAssessment(template: ChecklistTemplate, answers: AnswerSet): AssessmentScore {
  const unanswered: string[] = [];
  const invalid: AssessmentScore['invalid'] = [];
  const known = new Set<string>();
  let answeredAll = 0;
  let totalAll = 0;

  const sections: SectionScore[] = template.sections.map((section) => {
    let answered = 0;
    let total = 0;
    const questions: QuestionScore[] = section.questions.map((question) => {
      known.add(question.id);
      const outcome = scoreQuestion(question, answers[question.id]);
      if (outcome.status !== 'unscored') total += 1;
      if (outcome.status === 'scored' || outcome.status === 'notApplicable') answered += 1;
      if (outcome.status === 'unanswered') unanswered.push(question.id);
      if (outcome.status === 'invalid') invalid.push({ questionId: question.id, ...outcome.invalid });
      return {
        questionId: question.id,
        sectionId: section.id,
        kind: question.kind,
        weight: question.kind === 'text' ? 0 : question.weight,
        status: outcome.status,
        score: outcome.status === 'scored' ? outcome.score : null,
        invalid: outcome.status === 'invalid' ? outcome.invalid : null,
      };
    });
    answeredAll += answered;
    totalAll += total;
    const score = weightedMean(questions);
    return {
      sectionId: section.id,
      weight: section.weight,
      score,
      stage: stageFor(score, template.stages),
      completion: completion(answered, total),
      questions,
    };
  });

  // Overall is weighted by section weights over the sections that have a score: a section nobody has
  // answered yet must not drag the overall down as if it were zero.
  const score = weightedMean(sections);
  return {
    templateId: template.id,
    templateVersion: template.version,
    score,
    stage: stageFor(score, template.stages),
    completion: completion(answeredAll, totalAll),
    sections,
    unanswered,
    invalid,
    unknownQuestions: Object.keys(answers).filter((id) => !known.has(id) && answers[id] != null),
  };
}
