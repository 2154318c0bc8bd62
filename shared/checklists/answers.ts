// Answers and how one answer becomes a 0-100 score. An answer that cannot be read is reported as
// invalid and left out of the score, never counted as zero (the product's rule for every input).
import type { ChecklistQuestion, NumericQuestion } from './template-schema';

export interface NotApplicable {
  notApplicable: true;
}

/**
 * scale: 1-5 (whole number); yesno: boolean; choice: the option id; numeric: a number; text: a string.
 * `{ notApplicable: true }` is an answer ("不适用"): it counts toward completion but not toward the score.
 */
export type AnswerValue = number | boolean | string | NotApplicable;

/** Answers of one respondent, by question id; null or absent = not answered. */
export type AnswerSet = Readonly<Record<string, AnswerValue | null | undefined>>;

export const INVALID_ANSWER_REASONS = ['wrongType', 'scaleOutOfRange', 'unknownOption', 'belowMin', 'aboveMax', 'outsideBands'] as const;
export type InvalidAnswerReason = (typeof INVALID_ANSWER_REASONS)[number];

export interface InvalidAnswer {
  reason: InvalidAnswerReason;
  /** For the catalogue message `invalidAnswer.<reason>`. */
  params: Readonly<Record<string, string | number>>;
}

export type QuestionOutcome =
  | { status: 'scored'; score: number }
  | { status: 'unanswered' }
  | { status: 'notApplicable' }
  | { status: 'unscored' }
  | { status: 'invalid'; invalid: InvalidAnswer };

export function isNotApplicable(value: unknown): value is NotApplicable {
  return typeof value === 'object' && value !== null && (value as { notApplicable?: unknown }).notApplicable === true;
}

function invalid(reason: InvalidAnswerReason, params: Record<string, string | number> = {}): QuestionOutcome {
  return { status: 'invalid', invalid: { reason, params } };
}

export function scoreQuestion(question: ChecklistQuestion, value: AnswerValue | null | undefined): QuestionOutcome {
  if (question.kind === 'text') return { status: 'unscored' };
  if (value === null || value === undefined) return { status: 'unanswered' };
  if (isNotApplicable(value)) return { status: 'notApplicable' };
  switch (question.kind) {
    case 'scale':
      if (typeof value !== 'number') return invalid('wrongType', { expected: 'integer' });
      if (!Number.isInteger(value) || value < 1 || value > 5) return invalid('scaleOutOfRange', { value });
      // Level 1 is the floor (0) and level 5 the target (100); the levels in between are equally spaced.
      return { status: 'scored', score: ((value - 1) / 4) * 100 };
    case 'yesno':
      if (typeof value !== 'boolean') return invalid('wrongType', { expected: 'boolean' });
      return { status: 'scored', score: value ? 100 : 0 };
    case 'choice': {
      if (typeof value !== 'string') return invalid('wrongType', { expected: 'optionId' });
      const option = question.options.find((candidate) => candidate.id === value);
      if (option === undefined) return invalid('unknownOption', { value });
      return { status: 'scored', score: option.score };
    }
    case 'numeric':
      return scoreNumeric(question, value);
    default:
      return assertNever(question);
  }
}

function scoreNumeric(question: NumericQuestion, value: AnswerValue): QuestionOutcome {
  if (typeof value !== 'number' || !Number.isFinite(value)) return invalid('wrongType', { expected: 'number' });
  if (question.min !== undefined && value < question.min) return invalid('belowMin', { value, min: question.min });
  if (question.max !== undefined && value > question.max) return invalid('aboveMax', { value, max: question.max });
  const band = question.bands.find((candidate) => inBand(value, candidate.min, candidate.max, question.inclusive ?? 'min'));
  if (band === undefined) return invalid('outsideBands', { value });
  return { status: 'scored', score: band.score };
}

function inBand(value: number, min: number | undefined, max: number | undefined, inclusive: 'min' | 'max'): boolean {
  if (inclusive === 'min') return (min === undefined || value >= min) && (max === undefined || value < max);
  return (min === undefined || value > min) && (max === undefined || value <= max);
}

function assertNever(value: never): never {
  throw new Error(`unexpected question kind: ${JSON.stringify(value)}`);
}
