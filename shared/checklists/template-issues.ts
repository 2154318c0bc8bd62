// Template validation problems as values: a code and params (for the UI to localise through i18next)
// plus ready-made messages in both languages (for the CLI and logs, which have no i18next instance).
import zhCN from '../i18n/locales/zh-CN/checklists.json' with { type: 'json' };
import en from '../i18n/locales/en/checklists.json' with { type: 'json' };

export const CHECKLIST_LOCALES = ['zh-CN', 'en'] as const;
export type ChecklistLocale = (typeof CHECKLIST_LOCALES)[number];

export const TEMPLATE_ISSUE_CODES = [
  'json.invalid',
  'json.notObject',
  'format.unsupported',
  'field.required',
  'field.wrongType',
  'field.unknown',
  'field.invalidValue',
  'field.tooSmall',
  'field.tooBig',
  'field.notInteger',
  'field.empty',
  'field.tooFewItems',
  'field.badFormat',
  'question.unknownKind',
  'id.duplicate',
  'weight.notPositive',
  'stages.start',
  'stages.end',
  'stages.emptyRange',
  'stages.gap',
  'stages.overlap',
  'stages.levelOrder',
  'scale.anchorMissing',
  'choice.noOptions',
  'choice.tooFewOptions',
  'choice.noFullScore',
  'numeric.noBands',
  'numeric.bandEmpty',
  'numeric.bandGap',
  'numeric.bandOverlap',
  'numeric.openInside',
  'numeric.noFullScore',
  'numeric.minAboveMax',
  'section.noScoredQuestions',
  'target.unknownStage',
] as const;
export type TemplateIssueCode = (typeof TEMPLATE_ISSUE_CODES)[number];

export type IssueParams = Readonly<Record<string, string | number>>;

export interface TemplateIssue {
  file: string;
  /** Where in the document, e.g. `sections[2].questions[4].options`; '' is the document root. */
  path: string;
  code: TemplateIssueCode;
  params: IssueParams;
  /** What was wrong and what was expected, without the file and path (see formatTemplateIssue). */
  message: Readonly<Record<ChecklistLocale, string>>;
}

type Catalogue = { readonly [key: string]: string | Catalogue };
const CATALOGUES: Record<ChecklistLocale, Catalogue> = { 'zh-CN': zhCN, en };

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A string from the checklists catalogue with i18next-style `{{name}}` interpolation; the key itself if missing. */
export function checklistText(locale: ChecklistLocale, key: string, params: IssueParams = {}): string {
  const template = lookup(CATALOGUES[locale], key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

// Some params are words, not data: type names ('array', 'number') arrive from zod in English and a
// format hint is a catalogue entry. They are kept raw in `params` and read as words in `message`.
const WORD_PARAMS: Partial<Record<TemplateIssueCode, Readonly<Record<string, string>>>> = {
  'field.required': { expected: 'types' },
  'field.wrongType': { expected: 'types', received: 'types' },
  'json.notObject': { received: 'types' },
  'field.badFormat': { hint: 'validation.hint' },
};

function localisedParams(locale: ChecklistLocale, code: TemplateIssueCode, params: IssueParams): IssueParams {
  const words = WORD_PARAMS[code];
  if (words === undefined) return params;
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    const prefix = words[key];
    const word = prefix === undefined ? undefined : lookup(CATALOGUES[locale], `${prefix}.${String(value)}`);
    out[key] = word ?? value;
  }
  return out;
}

export function makeIssue(file: string, path: string, code: TemplateIssueCode, params: IssueParams = {}): TemplateIssue {
  const message = {} as Record<ChecklistLocale, string>;
  for (const locale of CHECKLIST_LOCALES) {
    message[locale] = checklistText(locale, `validation.${code}`, localisedParams(locale, code, params));
  }
  return { file, path, code, params, message };
}

/** One line for a person: `retention.json › sections[2].questions[4].options: ...`. */
export function formatTemplateIssue(issue: TemplateIssue, locale: ChecklistLocale): string {
  const path = issue.path === '' ? checklistText(locale, 'validation.root') : issue.path;
  return checklistText(locale, 'validation.location', { file: issue.file, path, message: issue.message[locale] });
}

/** ['sections', 2, 'questions', 4, 'options'] -> 'sections[2].questions[4].options' */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
