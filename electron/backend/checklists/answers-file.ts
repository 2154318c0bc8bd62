// An answers file: a workshop's answers collected elsewhere (a form, a spreadsheet turned JSON) and
// loaded in one go. Two shapes are read:
//   { "respondents": { "王总": { "org-committee": 4, "data-owner": { "value": true, "note": "…" } } } }
//   { "answers": [ { "respondent": "王总", "question": "org-committee", "value": 4, "note": "…" } ] }
// Text values are read for the question's kind ("是", "4", "不适用"), so a spreadsheet export works.
// All or nothing: one bad answer refuses the file, listing every problem, and nothing is written.
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAnswerText } from '../../../shared/checklists/answer-text';
import type { AnswerValue } from '../../../shared/checklists/answers';
import { isNotApplicable } from '../../../shared/checklists/answers';
import { checklistText, type ChecklistLocale } from '../../../shared/checklists/template-issues';
import type { ChecklistTemplate } from '../../../shared/checklists/template-schema';
import type { AnswersWritten } from '../../../shared/checklists/wire';
import { writeTransaction, type WritableKysely } from '../workspace/connection';
import { recordAudit } from '../workspace/repositories/audit';
import { WorkbenchError } from '../errors';
import { addRespondent, answerProblem, findQuestion, loadAssessment, writeAnswer, type AnswerInput } from './assessments';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  return typeof value === 'string' ? value : String(value);
}

function readEntries(document: unknown, locale: ChecklistLocale): { entries: AnswerInput[]; problems: string[] } {
  const entries: AnswerInput[] = [];
  const problems: string[] = [];
  const cell = (respondent: string, question: string, raw: unknown, at: string) => {
    if (isRecord(raw) && !isNotApplicable(raw)) {
      const links = raw['links'];
      entries.push({
        respondent,
        questionId: question,
        value: raw['value'] as AnswerValue | null | undefined,
        note: optionalText(raw['note']),
        evidence: optionalText(raw['evidence']),
        ...(Array.isArray(links) ? { links: links.map(String) } : {}),
      });
    } else if (raw === null || typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'string' || isNotApplicable(raw)) {
      entries.push({ respondent, questionId: question, value: raw as AnswerValue | null });
    } else {
      problems.push(`${at}: ${checklistText(locale, 'answersFile.badCell')}`);
    }
  };
  if (!isRecord(document)) return { entries, problems: [checklistText(locale, 'answersFile.shape')] };
  const respondents = document['respondents'];
  const answers = document['answers'];
  if (isRecord(respondents)) {
    for (const [respondent, set] of Object.entries(respondents)) {
      if (!isRecord(set)) {
        problems.push(`respondents.${respondent}: ${checklistText(locale, 'answersFile.badRespondent')}`);
        continue;
      }
      for (const [question, raw] of Object.entries(set)) cell(respondent, question, raw, `respondents.${respondent}.${question}`);
    }
  } else if (Array.isArray(answers)) {
    answers.forEach((item, i) => {
      if (!isRecord(item) || typeof item['respondent'] !== 'string' || typeof item['question'] !== 'string') {
        problems.push(`answers[${i}]: ${checklistText(locale, 'answersFile.badItem')}`);
        return;
      }
      cell(item['respondent'], item['question'], item, `answers[${i}]`);
    });
  } else {
    problems.push(checklistText(locale, 'answersFile.shape'));
  }
  return { entries, problems };
}

/** Text that stands for a number, yes/no or "not applicable" becomes that value for the question's kind. */
function normalise(template: ChecklistTemplate, entry: AnswerInput): AnswerInput {
  if (typeof entry.value !== 'string') return entry;
  const question = findQuestion(template, entry.questionId);
  if (!question) return entry;
  return { ...entry, value: parseAnswerText(question, entry.value) };
}

export function readAnswersDocument(path: string, locale: ChecklistLocale): unknown {
  const full = resolve(path);
  if (!existsSync(full)) throw new WorkbenchError('FILE_NOT_FOUND', { path: full });
  const text = readFileSync(full, 'utf8');
  try {
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new WorkbenchError('VALIDATION_FAILED', { detail: `${full}: ${checklistText(locale, 'answersFile.notJson', { detail })}` });
  }
}

export async function writeAnswersDocument(db: WritableKysely, id: number, document: unknown, locale: ChecklistLocale): Promise<AnswersWritten> {
  const { template, respondents } = await loadAssessment(db, id);
  const read = readEntries(document, locale);
  const problems = [...read.problems];
  const entries = read.entries.map((entry) => normalise(template, entry));
  for (const entry of entries) {
    const problem = answerProblem(template, entry.questionId, entry.value ?? null, locale);
    if (problem !== null) problems.push(`${entry.respondent} · ${problem}`);
  }
  if (problems.length > 0) throw new WorkbenchError('VALIDATION_FAILED', { detail: problems.join('\n'), count: problems.length });

  const known = new Set(respondents.map((r) => r.name));
  const added: string[] = [];
  const at = new Date().toISOString();
  await writeTransaction(db, async (trx) => {
    const ids = new Map(respondents.map((r) => [r.name, r.id]));
    for (const entry of entries) {
      const name = entry.respondent.trim();
      let respondentId = ids.get(name);
      if (respondentId === undefined) {
        respondentId = (await addRespondent(trx, id, name)).id;
        ids.set(name, respondentId);
        if (!known.has(name)) added.push(name);
      }
      await writeAnswer(trx, respondentId, entry, at);
    }
    await trx.updateTable('checklist_assessment').set({ updated_at: at }).where('id', '=', id).execute();
    await recordAudit(trx, 'checklist.answerMany', { id, answers: entries.length, respondentsAdded: added });
  });
  return { written: entries.length, respondentsAdded: added };
}
