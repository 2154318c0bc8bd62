import type { HandlersFor } from '../../../shared/contract/define';
import type { checklistsChannels } from '../../../shared/contract/checklists';
import type { Backend } from '../backend';
import { copyTemplate, deleteTemplate, exportTemplate, importTemplate, listTemplates, requireTemplate, saveTemplate } from '../checklists/templates';
import {
  addRespondent,
  completeAssessment,
  deleteAssessment,
  getAssessment,
  listAssessments,
  loadAssessment,
  renameAssessment,
  saveAnswer,
  startAssessment,
} from '../checklists/assessments';
import { readAnswersDocument, writeAnswersDocument } from '../checklists/answers-file';
import { compareAssessmentsById, matrixForTemplate, scoreAssessmentById } from '../checklists/results';

export function checklistsHandlers(b: Backend): HandlersFor<typeof checklistsChannels> {
  // Templates can be listed and read without an engagement open (the CLI's `checklist templates`).
  const db = () => b.requireWorkspace().db;
  const maybeDb = () => b.workspace?.db ?? null;
  const summary = async (id: number) => (await loadAssessment(db(), id)).summary;
  return {
    'checklist.templates': async () => listTemplates(maybeDb()),
    'checklist.template': async ({ id }) => requireTemplate(maybeDb(), id),
    'checklist.importTemplate': async ({ path, text, fileName, locale }) =>
      importTemplate(
        db(),
        { ...(path !== undefined ? { path } : {}), ...(text !== undefined ? { text } : {}), ...(fileName !== undefined ? { fileName } : {}) },
        locale ?? b.settings.locale,
      ),
    'checklist.exportTemplate': async ({ id, path }) => exportTemplate(maybeDb(), id, path),
    'checklist.copyTemplate': async ({ id, newId }) => copyTemplate(db(), id, newId),
    'checklist.saveTemplate': async ({ template, locale }) => saveTemplate(db(), template, locale ?? b.settings.locale),
    'checklist.deleteTemplate': async ({ id }) => ({ deleted: await deleteTemplate(db(), id) }),

    'checklist.start': async (args) => {
      const id = await startAssessment(db(), args, args.locale ?? b.settings.locale);
      return getAssessment(db(), id);
    },
    'checklist.list': async ({ templateId }) => listAssessments(db(), templateId),
    'checklist.get': async ({ id }) => getAssessment(db(), id),
    'checklist.addRespondent': async ({ id, name }) => {
      const row = await addRespondent(db(), id, name);
      const found = (await summary(id)).respondents.find((r) => r.id === row.id);
      return found ?? { id: row.id, name: row.name, completion: 0 };
    },
    'checklist.rename': async ({ id, title, subject }) => {
      await renameAssessment(db(), id, title, subject);
      return summary(id);
    },
    'checklist.delete': async ({ id }) => ({ deleted: await deleteAssessment(db(), id) }),
    'checklist.answer': async ({ id, respondent, questionId, value, note, evidence, links, locale }) =>
      saveAnswer(
        db(),
        id,
        {
          respondent,
          questionId,
          ...(value !== undefined ? { value } : {}),
          ...(note !== undefined ? { note } : {}),
          ...(evidence !== undefined ? { evidence } : {}),
          ...(links !== undefined ? { links } : {}),
        },
        locale ?? b.settings.locale,
      ),
    'checklist.answerMany': async ({ id, path, document, locale }) => {
      const lang = locale ?? b.settings.locale;
      const doc = path !== undefined ? readAnswersDocument(path, lang) : document;
      return writeAnswersDocument(db(), id, doc, lang);
    },
    'checklist.complete': async ({ id, complete }) => {
      await completeAssessment(db(), id, complete);
      return summary(id);
    },
    'checklist.score': async ({ id, target }) => scoreAssessmentById(db(), id, target),
    'checklist.compare': async ({ beforeId, afterId }) => compareAssessmentsById(db(), beforeId, afterId),
    'checklist.matrix': async ({ templateId }) => matrixForTemplate(db(), templateId),
  };
}
