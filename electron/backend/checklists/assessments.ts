// Assessments, their respondents and answers. Every answer is its own row written as it is given
// (autosave); the template snapshot stored with the assessment is what answers are checked against.
import type { AnswerSet, AnswerValue } from '../../../shared/checklists/answers';
import { scoreQuestion } from '../../../shared/checklists/answers';
import { scoreAssessment } from '../../../shared/checklists/scoring';
import { stageFor } from '../../../shared/checklists/stages';
import { checklistText, type ChecklistLocale } from '../../../shared/checklists/template-issues';
import type { ChecklistQuestion, ChecklistTemplate } from '../../../shared/checklists/template-schema';
import type {
  AnswerRecord,
  AnswerSaved,
  AssessmentDetail,
  AssessmentSummary,
  RespondentAnswersDetail,
  RespondentSummary,
} from '../../../shared/checklists/wire';
import type { ReadExecutor, WriteExecutor } from '../workspace/connection';
import type { ChecklistAnswerTable, ChecklistAssessmentTable, ChecklistRespondentTable } from '../workspace/tables/checklists';
import type { Selectable } from 'kysely';
import { recordAudit } from '../workspace/repositories/audit';
import { WorkbenchError } from '../errors';
import { requireTemplate } from './templates';

type AssessmentRow = Selectable<ChecklistAssessmentTable>;
type RespondentRow = Selectable<ChecklistRespondentTable>;
type AnswerRow = Selectable<ChecklistAnswerTable>;

interface Loaded {
  row: AssessmentRow;
  template: ChecklistTemplate;
  respondents: RespondentRow[];
  answers: AnswerRow[];
}

function nowIso(): string {
  return new Date().toISOString();
}

async function loadRow(db: ReadExecutor, id: number): Promise<AssessmentRow> {
  const row = await db.selectFrom('checklist_assessment').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new WorkbenchError('NOT_FOUND', { what: 'assessment', id });
  return row;
}

async function load(db: ReadExecutor, id: number): Promise<Loaded> {
  const row = await loadRow(db, id);
  const respondents = await db.selectFrom('checklist_respondent').selectAll().where('assessment_id', '=', id).orderBy('position').execute();
  const answers =
    respondents.length === 0
      ? []
      : await db
          .selectFrom('checklist_answer')
          .selectAll()
          .where(
            'respondent_id',
            'in',
            respondents.map((r) => r.id),
          )
          .execute();
  return { row, template: JSON.parse(row.template) as ChecklistTemplate, respondents, answers };
}

function answerValue(row: AnswerRow): AnswerValue | null {
  return row.value === null ? null : (JSON.parse(row.value) as AnswerValue);
}

/** Each respondent's answer set, in respondent order. */
export function answerSets(loaded: Pick<Loaded, 'respondents' | 'answers'>): Array<{ respondent: RespondentRow; answers: AnswerSet }> {
  const byRespondent = new Map<number, Record<string, AnswerValue | null>>();
  for (const answer of loaded.answers) {
    const set = byRespondent.get(answer.respondent_id) ?? {};
    set[answer.question_id] = answerValue(answer);
    byRespondent.set(answer.respondent_id, set);
  }
  return loaded.respondents.map((respondent) => ({ respondent, answers: byRespondent.get(respondent.id) ?? {} }));
}

function summarise(loaded: Loaded): AssessmentSummary {
  const sets = answerSets(loaded);
  const scores = sets.map(({ respondent, answers }) => ({ respondent, score: scoreAssessment(loaded.template, answers) }));
  const respondents: RespondentSummary[] = scores.map(({ respondent, score }) => ({
    id: respondent.id,
    name: respondent.name,
    completion: score.completion.percent,
  }));
  const overall = scores.map(({ score }) => score.score).filter((s): s is number => s !== null);
  const score = overall.length === 0 ? null : overall.reduce((a, b) => a + b, 0) / overall.length;
  const stage = stageFor(score, loaded.template.stages);
  const { row } = loaded;
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    templateTitle: loaded.template.title,
    title: row.title,
    subject: row.subject,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    respondents,
    completion: respondents.length === 0 ? 0 : respondents.reduce((n, r) => n + r.completion, 0) / respondents.length,
    score,
    stage: stage ? { id: stage.id, level: stage.level, label: stage.label } : null,
  };
}

export async function loadAssessment(db: ReadExecutor, id: number): Promise<Loaded & { summary: AssessmentSummary }> {
  const loaded = await load(db, id);
  return { ...loaded, summary: summarise(loaded) };
}

export async function getAssessment(db: ReadExecutor, id: number): Promise<AssessmentDetail> {
  const loaded = await load(db, id);
  const byRespondent = new Map<number, Record<string, AnswerRecord>>();
  for (const answer of loaded.answers) {
    const set = byRespondent.get(answer.respondent_id) ?? {};
    set[answer.question_id] = {
      value: answerValue(answer),
      note: answer.note,
      evidence: answer.evidence,
      links: JSON.parse(answer.links) as string[],
      updatedAt: answer.updated_at,
    };
    byRespondent.set(answer.respondent_id, set);
  }
  const respondents: RespondentAnswersDetail[] = loaded.respondents.map((r) => ({
    id: r.id,
    name: r.name,
    answers: byRespondent.get(r.id) ?? {},
  }));
  return { summary: summarise(loaded), template: loaded.template, respondents };
}

export async function listAssessments(db: ReadExecutor, templateId?: string): Promise<AssessmentSummary[]> {
  let query = db.selectFrom('checklist_assessment').select('id').orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (templateId !== undefined) query = query.where('template_id', '=', templateId);
  const ids = await query.execute();
  const out: AssessmentSummary[] = [];
  for (const { id } of ids) out.push(summarise(await load(db, id)));
  return out;
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name !== '' && !seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

export async function startAssessment(
  db: WriteExecutor,
  input: { templateId: string; title?: string; respondents: string[]; subject?: string | null },
  locale: ChecklistLocale,
): Promise<number> {
  const { template } = await requireTemplate(db, input.templateId);
  const subject = input.subject?.trim() || null;
  const title =
    input.title?.trim() || (subject ? `${template.title[locale === 'zh-CN' ? 'zh' : 'en']} · ${subject}` : template.title[locale === 'zh-CN' ? 'zh' : 'en']);
  const now = nowIso();
  const inserted = await db
    .insertInto('checklist_assessment')
    .values({
      template_id: template.id,
      template_version: template.version,
      template: JSON.stringify(template),
      title,
      subject,
      created_at: now,
      updated_at: now,
      completed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const names = uniqueNames(input.respondents);
  for (const [position, name] of names.entries()) {
    await db.insertInto('checklist_respondent').values({ assessment_id: inserted.id, name, position, created_at: now }).execute();
  }
  await recordAudit(db, 'checklist.start', { id: inserted.id, templateId: template.id, version: template.version, respondents: names.length });
  return inserted.id;
}

export async function addRespondent(db: WriteExecutor, id: number, rawName: string): Promise<RespondentRow> {
  await loadRow(db, id);
  const name = rawName.trim();
  const existing = await db.selectFrom('checklist_respondent').selectAll().where('assessment_id', '=', id).where('name', '=', name).executeTakeFirst();
  if (existing) return existing;
  const last = await db
    .selectFrom('checklist_respondent')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('assessment_id', '=', id)
    .executeTakeFirst();
  const position = (last?.max ?? -1) + 1;
  const row = await db
    .insertInto('checklist_respondent')
    .values({ assessment_id: id, name, position, created_at: nowIso() })
    .returningAll()
    .executeTakeFirstOrThrow();
  await touch(db, id);
  return row;
}

async function touch(db: WriteExecutor, id: number): Promise<void> {
  await db.updateTable('checklist_assessment').set({ updated_at: nowIso() }).where('id', '=', id).execute();
}

export function findQuestion(template: ChecklistTemplate, questionId: string): ChecklistQuestion | null {
  for (const section of template.sections) {
    for (const question of section.questions) if (question.id === questionId) return question;
  }
  return null;
}

/** Why `value` cannot answer `question`, in the user's language; null when it can. */
export function answerProblem(template: ChecklistTemplate, questionId: string, value: AnswerValue | null, locale: ChecklistLocale): string | null {
  const question = findQuestion(template, questionId);
  if (!question) return checklistText(locale, 'errors.unknownQuestion', { id: questionId });
  if (value === null) return null;
  if (question.kind === 'text') {
    return typeof value === 'string' || (typeof value === 'object' && value.notApplicable)
      ? null
      : checklistText(locale, 'errors.textExpected', { id: questionId });
  }
  const outcome = scoreQuestion(question, value);
  if (outcome.status !== 'invalid') return null;
  const params: Record<string, string | number> = { ...outcome.invalid.params };
  if (typeof params['expected'] === 'string') params['expected'] = checklistText(locale, `types.${params['expected']}`);
  return `${questionId}: ${checklistText(locale, `invalidAnswer.${outcome.invalid.reason}`, params)}`;
}

export interface AnswerInput {
  respondent: string;
  questionId: string;
  value?: AnswerValue | null;
  note?: string | null;
  evidence?: string | null;
  links?: string[];
}

async function respondentByName(db: ReadExecutor, id: number, name: string): Promise<RespondentRow> {
  const row = await db.selectFrom('checklist_respondent').selectAll().where('assessment_id', '=', id).where('name', '=', name.trim()).executeTakeFirst();
  if (!row) throw new WorkbenchError('NOT_FOUND', { what: 'respondent', id: name });
  return row;
}

/** Write one answer (fields left undefined keep their stored value). The caller has checked the value. */
export async function writeAnswer(db: WriteExecutor, respondentId: number, input: AnswerInput, at: string): Promise<void> {
  const existing = await db
    .selectFrom('checklist_answer')
    .selectAll()
    .where('respondent_id', '=', respondentId)
    .where('question_id', '=', input.questionId)
    .executeTakeFirst();
  const row = {
    respondent_id: respondentId,
    question_id: input.questionId,
    value: input.value === undefined ? (existing?.value ?? null) : input.value === null ? null : JSON.stringify(input.value),
    note: input.note === undefined ? (existing?.note ?? null) : input.note?.trim() || null,
    evidence: input.evidence === undefined ? (existing?.evidence ?? null) : input.evidence?.trim() || null,
    links: input.links === undefined ? (existing?.links ?? '[]') : JSON.stringify(input.links),
    updated_at: at,
  };
  await db
    .insertInto('checklist_answer')
    .values(row)
    .onConflict((oc) => oc.columns(['respondent_id', 'question_id']).doUpdateSet(row))
    .execute();
}

export async function saveAnswer(db: WriteExecutor, id: number, input: AnswerInput, locale: ChecklistLocale): Promise<AnswerSaved> {
  const row = await loadRow(db, id);
  const template = JSON.parse(row.template) as ChecklistTemplate;
  const problem = answerProblem(template, input.questionId, input.value ?? null, locale);
  if (problem !== null) throw new WorkbenchError('VALIDATION_FAILED', { detail: problem });
  const respondent = await respondentByName(db, id, input.respondent);
  const at = nowIso();
  await writeAnswer(db, respondent.id, input, at);
  await db.updateTable('checklist_assessment').set({ updated_at: at }).where('id', '=', id).execute();
  const answers = await db.selectFrom('checklist_answer').select(['question_id', 'value']).where('respondent_id', '=', respondent.id).execute();
  const set: Record<string, AnswerValue | null> = {};
  for (const a of answers) set[a.question_id] = a.value === null ? null : (JSON.parse(a.value) as AnswerValue);
  return {
    respondent: respondent.name,
    questionId: input.questionId,
    updatedAt: at,
    completion: scoreAssessment(template, set).completion.percent,
  };
}

export async function completeAssessment(db: WriteExecutor, id: number, complete: boolean): Promise<void> {
  await loadRow(db, id);
  const at = nowIso();
  await db
    .updateTable('checklist_assessment')
    .set({ status: complete ? 'complete' : 'draft', completed_at: complete ? at : null, updated_at: at })
    .where('id', '=', id)
    .execute();
  await recordAudit(db, complete ? 'checklist.complete' : 'checklist.reopen', { id });
}

export async function renameAssessment(db: WriteExecutor, id: number, title: string, subject: string | null | undefined): Promise<void> {
  await loadRow(db, id);
  const set: { title: string; updated_at: string; subject?: string | null } = { title: title.trim(), updated_at: nowIso() };
  if (subject !== undefined) set.subject = subject?.trim() || null;
  await db.updateTable('checklist_assessment').set(set).where('id', '=', id).execute();
}

export async function deleteAssessment(db: WriteExecutor, id: number): Promise<boolean> {
  const r = await db.deleteFrom('checklist_assessment').where('id', '=', id).executeTakeFirst();
  const deleted = Number(r.numDeletedRows) > 0;
  if (deleted) await recordAudit(db, 'checklist.delete', { id });
  return deleted;
}
