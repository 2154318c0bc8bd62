// Templates: the built-ins read from resources/checklists, and the copies, edits and imports kept in
// the workspace. A stored template never takes a built-in's id, so "retention-self-check" always means
// the shipped questions and before/after comparisons across engagements stay meaningful.
import { readFileSync, writeFileSync, mkdirSync, statSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BUILTIN_TEMPLATE_FILES } from '../../../shared/checklists/builtin';
import { validateTemplateDocument, validateTemplateText } from '../../../shared/checklists/template-schema';
import type { ChecklistTemplate } from '../../../shared/checklists/template-schema';
import type { ChecklistLocale } from '../../../shared/checklists/template-issues';
import type { TemplateDetail, TemplateSummary } from '../../../shared/checklists/wire';
import { checklistText } from '../../../shared/checklists/template-issues';
import type { ReadExecutor, WriteExecutor } from '../workspace/connection';
import type { ChecklistTemplateTable } from '../workspace/tables/checklists';
import { recordAudit } from '../workspace/repositories/audit';
import { WorkbenchError } from '../errors';
import { resourcesDir } from '../resources';
import { templateRefused } from './refuse';

let builtinCache: { dir: string; templates: ChecklistTemplate[] } | null = null;

/** The shipped templates, validated once per process (a broken resource file is a build error, said loudly). */
export function builtinTemplates(): ChecklistTemplate[] {
  const dir = join(resourcesDir(), 'checklists');
  if (builtinCache?.dir === dir) return builtinCache.templates;
  const templates = BUILTIN_TEMPLATE_FILES.map((file) => {
    const result = validateTemplateText(file, readFileSync(join(dir, file), 'utf8'));
    if (!result.ok) throw templateRefused(result.issues, 'en');
    return result.template;
  });
  builtinCache = { dir, templates };
  return templates;
}

function summarise(template: ChecklistTemplate, row: Pick<ChecklistTemplateTable, 'origin' | 'based_on' | 'updated_at'> | null): TemplateSummary {
  return {
    id: template.id,
    version: template.version,
    title: template.title,
    description: template.description,
    origin: row ? row.origin : 'builtin',
    basedOn: row?.based_on ?? null,
    subjectLabel: template.subject?.label ?? null,
    sectionCount: template.sections.length,
    questionCount: template.sections.reduce((n, section) => n + section.questions.length, 0),
    editable: row !== null,
    updatedAt: row?.updated_at ?? null,
  };
}

function parseStored(row: ChecklistTemplateTable): ChecklistTemplate {
  // Stored rows were validated on the way in; JSON.parse alone keeps listing fast.
  return JSON.parse(row.template) as ChecklistTemplate;
}

export async function listTemplates(db: ReadExecutor | null): Promise<TemplateSummary[]> {
  const out = builtinTemplates().map((template) => summarise(template, null));
  if (db) {
    const rows = await db.selectFrom('checklist_template').selectAll().orderBy('created_at').execute();
    for (const row of rows) out.push(summarise(parseStored(row), row));
  }
  return out;
}

export async function findTemplate(db: ReadExecutor | null, id: string): Promise<TemplateDetail | null> {
  const builtin = builtinTemplates().find((template) => template.id === id);
  if (builtin) return { summary: summarise(builtin, null), template: builtin };
  if (!db) return null;
  const row = await db.selectFrom('checklist_template').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const template = parseStored(row);
  return { summary: summarise(template, row), template };
}

export async function requireTemplate(db: ReadExecutor | null, id: string): Promise<TemplateDetail> {
  const found = await findTemplate(db, id);
  if (!found) throw new WorkbenchError('NOT_FOUND', { what: 'checklist template', id });
  return found;
}

function builtinIdTaken(id: string, locale: ChecklistLocale): WorkbenchError {
  return new WorkbenchError('VALIDATION_FAILED', { detail: checklistText(locale, 'errors.builtinId', { id }) });
}

async function store(
  db: WriteExecutor,
  template: ChecklistTemplate,
  origin: 'copy' | 'import',
  basedOn: string | null,
  sourceFile: string | null,
): Promise<{ summary: TemplateSummary; replaced: boolean }> {
  const now = new Date().toISOString();
  const existing = await db.selectFrom('checklist_template').select(['id', 'created_at']).where('id', '=', template.id).executeTakeFirst();
  const row: ChecklistTemplateTable = {
    id: template.id,
    version: template.version,
    template: JSON.stringify(template),
    origin,
    based_on: basedOn,
    source_file: sourceFile,
    created_at: existing?.created_at ?? now,
    updated_at: now,
  };
  if (existing) await db.updateTable('checklist_template').set(row).where('id', '=', template.id).execute();
  else await db.insertInto('checklist_template').values(row).execute();
  return { summary: summarise(template, row), replaced: existing !== undefined };
}

/** Import from a file or from text. Every problem is reported at once; nothing is stored on refusal. */
export async function importTemplate(
  db: WriteExecutor,
  source: { path?: string; text?: string; fileName?: string },
  locale: ChecklistLocale,
): Promise<TemplateSummary & { replaced: boolean }> {
  let text: string;
  let file: string;
  if (source.path !== undefined) {
    const full = resolve(source.path);
    if (!existsSync(full)) throw new WorkbenchError('FILE_NOT_FOUND', { path: full });
    text = readFileSync(full, 'utf8');
    file = source.fileName ?? basename(full);
  } else {
    text = source.text ?? '';
    file = source.fileName ?? 'template.json';
  }
  const result = validateTemplateText(file, text);
  if (!result.ok) throw templateRefused(result.issues, locale);
  if (builtinTemplates().some((template) => template.id === result.template.id)) throw builtinIdTaken(result.template.id, locale);
  const { summary, replaced } = await store(db, result.template, 'import', null, file);
  await recordAudit(db, 'checklist.importTemplate', { id: summary.id, version: summary.version, file, replaced });
  return { ...summary, replaced };
}

export async function exportTemplate(db: WriteExecutor | null, id: string, path: string): Promise<{ path: string; bytes: number }> {
  const { template } = await requireTemplate(db, id);
  const full = resolve(path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, JSON.stringify(template, null, 2) + '\n', 'utf8');
  if (db) await recordAudit(db, 'checklist.exportTemplate', { id, version: template.version, path: full });
  return { path: full, bytes: statSync(full).size };
}

async function freeId(db: ReadExecutor, wanted: string): Promise<string> {
  const builtins = new Set(builtinTemplates().map((template) => template.id));
  const taken = async (id: string) =>
    builtins.has(id) || (await db.selectFrom('checklist_template').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  if (!(await taken(wanted))) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}

/** Copy a template (usually a built-in) to edit it; the copy gets a new id and "(副本)/(copy)" titles. */
export async function copyTemplate(db: WriteExecutor, id: string, newId?: string): Promise<TemplateSummary> {
  const { template } = await requireTemplate(db, id);
  const targetId = await freeId(db, newId ?? `${template.id}-copy`);
  const copy: ChecklistTemplate = {
    ...structuredClone(template),
    id: targetId,
    title: {
      zh: `${template.title.zh}${checklistText('zh-CN', 'templates.copySuffix')}`,
      en: `${template.title.en}${checklistText('en', 'templates.copySuffix')}`,
    },
  };
  const result = validateTemplateDocument(`${targetId}.json`, copy);
  if (!result.ok) throw templateRefused(result.issues, 'en');
  const { summary } = await store(db, result.template, 'copy', template.id, null);
  await recordAudit(db, 'checklist.copyTemplate', { from: id, id: summary.id });
  return summary;
}

/** Save an edited stored template. Built-ins are refused (copy first). */
export async function saveTemplate(db: WriteExecutor, document: unknown, locale: ChecklistLocale): Promise<TemplateSummary> {
  const id = typeof document === 'object' && document !== null ? (document as { id?: unknown }).id : undefined;
  const file = `${typeof id === 'string' ? id : 'template'}.json`;
  const result = validateTemplateDocument(file, document);
  if (!result.ok) throw templateRefused(result.issues, locale);
  if (builtinTemplates().some((template) => template.id === result.template.id)) throw builtinIdTaken(result.template.id, locale);
  const existing = await db.selectFrom('checklist_template').selectAll().where('id', '=', result.template.id).executeTakeFirst();
  if (!existing) throw new WorkbenchError('NOT_FOUND', { what: 'checklist template', id: result.template.id });
  const { summary } = await store(db, result.template, existing.origin, existing.based_on, existing.source_file);
  return summary;
}

export async function deleteTemplate(db: WriteExecutor, id: string): Promise<boolean> {
  const r = await db.deleteFrom('checklist_template').where('id', '=', id).executeTakeFirst();
  const deleted = Number(r.numDeletedRows) > 0;
  if (deleted) await recordAudit(db, 'checklist.deleteTemplate', { id });
  return deleted;
}
