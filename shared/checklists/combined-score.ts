// A workshop as one assessment: the respondents' mean per question and per section, shaped like a
// single respondent's score so that gapList and compareAssessments apply to a whole room unchanged.
import type { AssessmentAggregate } from './aggregate';
import type { AssessmentScore, QuestionScore, SectionScore } from './scoring';
import { stageFor } from './stages';
import type { ChecklistTemplate } from './template-schema';

export function combinedScore(template: ChecklistTemplate, aggregate: AssessmentAggregate): AssessmentScore {
  const byQuestion = new Map(aggregate.questions.map((question) => [question.questionId, question]));
  let answeredAll = 0;
  let totalAll = 0;
  const sections: SectionScore[] = template.sections.map((section, s) => {
    const summary = aggregate.sections[s];
    const questions: QuestionScore[] = section.questions.map((question) => {
      const q = byQuestion.get(question.id);
      const score = q?.spread?.mean ?? null;
      return {
        questionId: question.id,
        sectionId: section.id,
        kind: question.kind,
        weight: question.kind === 'text' ? 0 : question.weight,
        status: question.kind === 'text' ? 'unscored' : score === null ? 'unanswered' : 'scored',
        score,
        invalid: null,
      };
    });
    // Completion of a room: the mean of each respondent's own completion of the section.
    const own = aggregate.scores.map((entry) => entry.score.sections[s]?.completion);
    const total = own[0]?.total ?? questions.filter((question) => question.kind !== 'text').length;
    const answered = own.length === 0 ? 0 : own.reduce((sum, c) => sum + (c?.answered ?? 0), 0) / own.length;
    answeredAll += answered;
    totalAll += total;
    const score = summary?.spread?.mean ?? null;
    return {
      sectionId: section.id,
      weight: section.weight,
      score,
      stage: stageFor(score, template.stages),
      completion: { answered, total, percent: total === 0 ? 0 : (answered / total) * 100 },
      questions,
    };
  });
  const score = aggregate.overall.spread?.mean ?? null;
  return {
    templateId: template.id,
    templateVersion: template.version,
    score,
    stage: stageFor(score, template.stages),
    completion: { answered: answeredAll, total: totalAll, percent: totalAll === 0 ? 0 : (answeredAll / totalAll) * 100 },
    sections,
    unanswered: sections.flatMap((section) => section.questions.filter((q) => q.status === 'unanswered').map((q) => q.questionId)),
    invalid: [],
    unknownQuestions: [],
  };
}
