// The checklist template format (resources/checklists/FORMAT.md is the reference for authors).
// Structure is checked by zod; what zod cannot say (duplicate ids, stage ranges, missing anchors,
// weights) is checked in template-semantics.ts, and only once the structure is sound, so a semantic
// message never talks about a field that is not there.
import { z } from 'zod';
import { formatPath, makeIssue } from './template-issues';
import type { TemplateIssue } from './template-issues';
import { semanticIssues } from './template-semantics';

export const TEMPLATE_FORMAT = 'rwb-checklist';
export const TEMPLATE_FORMAT_VERSION = 1;

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const VERSION_PATTERN = /^\d+\.\d+(\.\d+)?$/;

const idSchema = z.string().regex(ID_PATTERN);
// trim() first, so a label of spaces counts as empty: a blank label would show as an empty radar axis.
const bilingualSchema = z.strictObject({ zh: z.string().trim().min(1), en: z.string().trim().min(1) });
// Weights are plain numbers here; "must be positive" is a semantic check with its own message.
const weightSchema = z.number();
const percentSchema = z.number().min(0).max(100);

const questionBase = {
  id: idSchema,
  text: bilingualSchema,
  help: bilingualSchema.optional(),
};
const scoredBase = {
  ...questionBase,
  weight: weightSchema,
  /** What to do when this question falls short of the target. */
  recommendation: bilingualSchema,
};

// Every level is optional to zod so that a missing one is reported by level (scale.anchorMissing).
const anchorsSchema = z.strictObject({
  '1': bilingualSchema.optional(),
  '2': bilingualSchema.optional(),
  '3': bilingualSchema.optional(),
  '4': bilingualSchema.optional(),
  '5': bilingualSchema.optional(),
});

const scaleQuestionSchema = z.strictObject({ ...scoredBase, kind: z.literal('scale'), anchors: anchorsSchema });
const yesNoQuestionSchema = z.strictObject({ ...scoredBase, kind: z.literal('yesno') });

const choiceOptionSchema = z.strictObject({ id: idSchema, label: bilingualSchema, score: percentSchema });
const choiceQuestionSchema = z.strictObject({
  ...scoredBase,
  kind: z.literal('choice'),
  options: z.array(choiceOptionSchema),
});

const numericBandSchema = z.strictObject({
  min: z.number().optional(),
  max: z.number().optional(),
  score: percentSchema,
});
const numericQuestionSchema = z.strictObject({
  ...scoredBase,
  kind: z.literal('numeric'),
  unit: bilingualSchema.optional(),
  /** Bounds of an acceptable answer (an answer outside is invalid, not scored). */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Which edge of a band includes its boundary: 'min' = [min, max) (default), 'max' = (min, max]. */
  inclusive: z.enum(['min', 'max']).optional(),
  bands: z.array(numericBandSchema),
});

const textQuestionSchema = z.strictObject({ ...questionBase, kind: z.literal('text') });

export const QUESTION_KINDS = ['scale', 'yesno', 'choice', 'numeric', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const questionSchema = z.discriminatedUnion('kind', [
  scaleQuestionSchema,
  yesNoQuestionSchema,
  choiceQuestionSchema,
  numericQuestionSchema,
  textQuestionSchema,
]);

const sectionSchema = z.strictObject({
  id: idSchema,
  title: bilingualSchema,
  description: bilingualSchema.optional(),
  weight: weightSchema,
  questions: z.array(questionSchema).min(1),
});

const stageSchema = z.strictObject({
  id: idSchema,
  level: z.number().int().min(1),
  label: bilingualSchema,
  description: bilingualSchema.optional(),
  min: percentSchema,
  max: percentSchema,
});

export const templateSchema = z.strictObject({
  format: z.literal(TEMPLATE_FORMAT),
  formatVersion: z.literal(TEMPLATE_FORMAT_VERSION),
  id: idSchema,
  version: z.string().regex(VERSION_PATTERN),
  title: bilingualSchema,
  description: bilingualSchema,
  /** Provenance: which seed or source the questions come from. */
  source: z.string().optional(),
  /** Present when the template is answered once per person (销售能力矩阵: once per salesperson). */
  subject: z.strictObject({ label: bilingualSchema }).optional(),
  /** Default target for the gap list; without it the target is a score of 100. */
  targetStage: idSchema.optional(),
  stages: z.array(stageSchema).min(1),
  sections: z.array(sectionSchema).min(1),
});

export type BilingualText = z.output<typeof bilingualSchema>;
export type ScaleAnchors = z.output<typeof anchorsSchema>;
export type ScaleQuestion = z.output<typeof scaleQuestionSchema>;
export type YesNoQuestion = z.output<typeof yesNoQuestionSchema>;
export type ChoiceOption = z.output<typeof choiceOptionSchema>;
export type ChoiceQuestion = z.output<typeof choiceQuestionSchema>;
export type NumericBand = z.output<typeof numericBandSchema>;
export type NumericQuestion = z.output<typeof numericQuestionSchema>;
export type TextQuestion = z.output<typeof textQuestionSchema>;
export type ChecklistQuestion = z.output<typeof questionSchema>;
export type ChecklistSection = z.output<typeof sectionSchema>;
export type MaturityStage = z.output<typeof stageSchema>;
export type ChecklistTemplate = z.output<typeof templateSchema>;

export type TemplateValidation = { ok: true; template: ChecklistTemplate; issues: [] } | { ok: false; template: null; issues: TemplateIssue[] };

/** Validate a template file's text. `file` is only used to name the file in the issues. */
export function validateTemplateText(file: string, text: string): TemplateValidation {
  // Windows editors save UTF-8 with a BOM; JSON.parse rejects it though the file is fine.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    return { ok: false, template: null, issues: [jsonIssue(file, body, error)] };
  }
  return validateTemplateDocument(file, document);
}

/** Validate an already parsed document (e.g. a template copied and edited in the UI). */
export function validateTemplateDocument(file: string, document: unknown): TemplateValidation {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { ok: false, template: null, issues: [makeIssue(file, '', 'json.notObject', { received: typeName(document) })] };
  }
  const record = document as Record<string, unknown>;
  // A newer or foreign format would otherwise produce a wall of "unknown field" errors.
  if (record['format'] !== TEMPLATE_FORMAT || record['formatVersion'] !== TEMPLATE_FORMAT_VERSION) {
    const found = `${JSON.stringify(record['format'] ?? null)} / ${JSON.stringify(record['formatVersion'] ?? null)}`;
    return {
      ok: false,
      template: null,
      issues: [makeIssue(file, '', 'format.unsupported', { found, supported: TEMPLATE_FORMAT_VERSION })],
    };
  }
  const parsed = templateSchema.safeParse(document);
  if (!parsed.success) {
    return { ok: false, template: null, issues: parsed.error.issues.flatMap((issue) => zodIssue(file, document, issue)) };
  }
  const issues = semanticIssues(file, parsed.data);
  if (issues.length > 0) return { ok: false, template: null, issues };
  return { ok: true, template: parsed.data, issues: [] };
}

function jsonIssue(file: string, text: string, error: unknown): TemplateIssue {
  const detail = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(detail);
  const lineColumn = /line (\d+) column (\d+)/.exec(detail);
  let line: number;
  let column: number;
  if (lineColumn) {
    line = Number(lineColumn[1]);
    column = Number(lineColumn[2]);
  } else if (position) {
    const before = text.slice(0, Number(position[1]));
    const lines = before.split('\n');
    line = lines.length;
    column = (lines[lines.length - 1]?.length ?? 0) + 1;
  } else {
    // "Unexpected end of JSON input" carries no position: the problem is at the end.
    const lines = text.split('\n');
    line = lines.length;
    column = (lines[lines.length - 1]?.length ?? 0) + 1;
  }
  // The engine's own wording stays (it names the token), minus the position we already turned into line/column.
  const reason = detail.replace(/\s*(in JSON )?at position \d+.*$/s, '').trim() || detail;
  return makeIssue(file, '', 'json.invalid', { line, column, detail: reason });
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = document;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function zodIssue(file: string, document: unknown, issue: z.core.$ZodIssue): TemplateIssue[] {
  const path = formatPath(issue.path);
  const received = valueAt(document, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 reports int() on 1.5 as a type problem with expected 'int'.
      if (issue.expected === 'int' && typeof received === 'number') return [makeIssue(file, path, 'field.notInteger')];
      return [
        received === undefined
          ? makeIssue(file, path, 'field.required', { expected: issue.expected })
          : makeIssue(file, path, 'field.wrongType', { expected: issue.expected, received: typeName(received) }),
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) => makeIssue(file, formatPath([...issue.path, key]), 'field.unknown', { key }));
    case 'invalid_value':
      return [
        makeIssue(file, path, 'field.invalidValue', {
          expected: issue.values.map((value) => JSON.stringify(value)).join(', '),
          received: JSON.stringify(received ?? null),
        }),
      ];
    case 'invalid_union':
      // The only union is the question kind; zod reports it at `...questions[i].kind`.
      return [
        makeIssue(file, path, 'question.unknownKind', {
          received: received === undefined ? '' : String(received),
          expected: QUESTION_KINDS.join(', '),
        }),
      ];
    case 'too_small':
      if (issue.origin === 'string') return [makeIssue(file, path, 'field.empty')];
      if (issue.origin === 'array') return [makeIssue(file, path, 'field.tooFewItems', { minimum: Number(issue.minimum) })];
      return [makeIssue(file, path, 'field.tooSmall', { minimum: Number(issue.minimum) })];
    case 'too_big':
      return [makeIssue(file, path, 'field.tooBig', { maximum: Number(issue.maximum) })];
    case 'invalid_format': {
      const last = issue.path[issue.path.length - 1];
      const hint = last === 'version' && issue.path.length === 1 ? 'version' : 'id';
      return [makeIssue(file, path, 'field.badFormat', { hint: `${hint}` })];
    }
    default:
      // No other zod check is used by the schema; report anything unforeseen as a type problem.
      return [makeIssue(file, path, 'field.wrongType', { expected: 'unknown', received: typeName(received) })];
  }
}
