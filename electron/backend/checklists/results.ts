// Results of assessments: workshop aggregate, the room's combined score and gaps, before/after, matrix.
import { aggregateResponses, subjectMatrix, type RespondentAnswers } from '../../../shared/checklists/aggregate';
import { combinedScore } from '../../../shared/checklists/combined-score';
import { compareAssessments, gapListFromAggregate, type GapTarget } from '../../../shared/checklists/gaps';
import type { ChecklistTemplate } from '../../../shared/checklists/template-schema';
import type { AssessmentResult, ComparisonResult, MatrixResult } from '../../../shared/checklists/wire';
import type { ReadExecutor } from '../workspace/connection';
import { WorkbenchError } from '../errors';
import { answerSets, listAssessments, loadAssessment } from './assessments';
import { requireTemplate } from './templates';

export async function scoreAssessmentById(db: ReadExecutor, id: number, target?: GapTarget): Promise<AssessmentResult> {
  const loaded = await loadAssessment(db, id);
  const responses: RespondentAnswers[] = answerSets(loaded).map(({ respondent, answers }) => ({
    respondent: respondent.name,
    subject: loaded.row.subject,
    answers,
  }));
  const aggregate = aggregateResponses(loaded.template, responses);
  let gaps;
  try {
    gaps = gapListFromAggregate(loaded.template, aggregate, target);
  } catch (error) {
    if (error instanceof RangeError) throw new WorkbenchError('NOT_FOUND', { what: 'stage', id: target?.kind === 'stage' ? target.stageId : '' });
    throw error;
  }
  return {
    summary: loaded.summary,
    template: loaded.template,
    aggregate,
    combined: combinedScore(loaded.template, aggregate),
    gaps,
  };
}

export async function compareAssessmentsById(db: ReadExecutor, beforeId: number, afterId: number): Promise<ComparisonResult> {
  const before = await scoreAssessmentById(db, beforeId);
  const after = await scoreAssessmentById(db, afterId);
  return {
    before: before.summary,
    after: after.summary,
    template: after.template,
    comparison: compareAssessments(before.combined, after.combined),
  };
}

/**
 * 销售能力矩阵: one row per subject from the newest assessment of the template that names them (an
 * earlier assessment of the same salesperson is their "before", seen in the comparison, not averaged
 * in). The newest assessment's template snapshot lays out the columns.
 */
export async function matrixForTemplate(db: ReadExecutor, templateId: string): Promise<MatrixResult> {
  const assessments = (await listAssessments(db, templateId)).filter((a) => a.subject !== null);
  const template: ChecklistTemplate =
    assessments.length === 0 ? (await requireTemplate(db, templateId)).template : (await loadAssessment(db, assessments[0]!.id)).template;
  const latest = new Map<string, number>();
  for (const summary of assessments) if (!latest.has(summary.subject!)) latest.set(summary.subject!, summary.id);
  const subjects = [...latest.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const responses: RespondentAnswers[] = [];
  for (const subject of subjects) {
    const loaded = await loadAssessment(db, latest.get(subject)!);
    for (const { respondent, answers } of answerSets(loaded)) responses.push({ respondent: respondent.name, subject, answers });
  }
  return { template, matrix: subjectMatrix(template, responses), assessments };
}
