// The checklists domain's channels. Spread into the contract in ./index.ts.
import { z } from 'zod';
import { channel } from './define';
import type {
  AnswerSaved,
  AnswersWritten,
  AssessmentDetail,
  AssessmentResult,
  AssessmentSummary,
  ComparisonResult,
  MatrixResult,
  RespondentSummary,
  TemplateDetail,
  TemplateSummary,
} from '../checklists/wire';

const localeSchema = z.enum(['zh-CN', 'en']);
const path = z.string().trim().min(1);
const templateId = z.string().trim().min(1).max(100);
const assessmentId = z.number().int().positive();
const respondentName = z.string().trim().min(1).max(100);

export const answerValueSchema = z.union([z.number(), z.boolean(), z.string(), z.strictObject({ notApplicable: z.literal(true) })]);

const gapTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('score'), score: z.number().min(0).max(100) }),
  z.object({ kind: z.literal('stage'), stageId: z.string() }),
]);

export const checklistsChannels = {
  'checklist.templates': channel(z.object({})).returns<TemplateSummary[]>(),
  'checklist.template': channel(z.object({ id: templateId })).returns<TemplateDetail>(),
  /**
   * From a file on disk (`path`) or from text (`text`, named `fileName` in the messages). A malformed
   * template is refused with VALIDATION_FAILED whose detail lists every problem as
   * "file › path: what was expected", one per line, in `locale` (default: the app's language).
   */
  'checklist.importTemplate': channel(
    z
      .object({
        path: path.optional(),
        text: z.string().optional(),
        fileName: z.string().trim().min(1).optional(),
        locale: localeSchema.optional(),
      })
      .refine((a) => (a.path === undefined) !== (a.text === undefined), 'give either path or text'),
  ).returns<TemplateSummary & { replaced: boolean }>(),
  'checklist.exportTemplate': channel(z.object({ id: templateId, path })).returns<{ path: string; bytes: number }>(),
  'checklist.copyTemplate': channel(z.object({ id: templateId, newId: z.string().trim().min(1).max(100).optional() })).returns<TemplateSummary>(),
  /** An edited stored template (the whole document); validated like an imported file. */
  'checklist.saveTemplate': channel(z.object({ template: z.unknown(), locale: localeSchema.optional() })).returns<TemplateSummary>(),
  'checklist.deleteTemplate': channel(z.object({ id: templateId })).returns<{ deleted: boolean }>(),

  'checklist.start': channel(
    z.object({
      templateId,
      title: z.string().trim().max(200).optional(),
      respondents: z.array(respondentName).min(1).max(50),
      subject: z.string().trim().max(100).nullable().optional(),
      /** Language of the default title. */
      locale: localeSchema.optional(),
    }),
  ).returns<AssessmentDetail>(),
  'checklist.list': channel(z.object({ templateId: templateId.optional() })).returns<AssessmentSummary[]>(),
  'checklist.get': channel(z.object({ id: assessmentId })).returns<AssessmentDetail>(),
  'checklist.addRespondent': channel(z.object({ id: assessmentId, name: respondentName })).returns<RespondentSummary>(),
  'checklist.rename': channel(
    z.object({ id: assessmentId, title: z.string().trim().min(1).max(200), subject: z.string().trim().max(100).nullable().optional() }),
  ).returns<AssessmentSummary>(),
  'checklist.delete': channel(z.object({ id: assessmentId })).returns<{ deleted: boolean }>(),
  /**
   * One answer, saved as it is given (autosave). Fields left out keep their stored value; `value: null`
   * clears the answer. An answer the question cannot take (scale 7, unknown option) is refused.
   */
  'checklist.answer': channel(
    z.object({
      id: assessmentId,
      respondent: respondentName,
      questionId: z.string().min(1),
      value: answerValueSchema.nullable().optional(),
      note: z.string().max(10_000).nullable().optional(),
      evidence: z.string().max(10_000).nullable().optional(),
      links: z.array(z.string().trim().min(1).max(2000)).max(50).optional(),
      locale: localeSchema.optional(),
    }),
  ).returns<AnswerSaved>(),
  /** Answers from a JSON answers file (`path`) or the same document inline (`document`); all or nothing. */
  'checklist.answerMany': channel(
    z
      .object({ id: assessmentId, path: path.optional(), document: z.unknown().optional(), locale: localeSchema.optional() })
      .refine((a) => (a.path === undefined) !== (a.document === undefined), 'give either path or document'),
  ).returns<AnswersWritten>(),
  'checklist.complete': channel(z.object({ id: assessmentId, complete: z.boolean().default(true) })).returns<AssessmentSummary>(),
  'checklist.score': channel(z.object({ id: assessmentId, target: gapTargetSchema.optional() })).returns<AssessmentResult>(),
  'checklist.compare': channel(z.object({ beforeId: assessmentId, afterId: assessmentId })).returns<ComparisonResult>(),
  'checklist.matrix': channel(z.object({ templateId })).returns<MatrixResult>(),
};
