// An answer typed as text (the CLI's --value, a cell of an answers file) read for its question's kind.
import type { AnswerValue } from './answers';
import type { ChecklistQuestion } from './template-schema';

const YES = new Set(['yes', 'y', 'true', '1', '是', '有', '对']);
const NO = new Set(['no', 'n', 'false', '0', '否', '无', '没有']);
const NOT_APPLICABLE = new Set(['na', 'n/a', 'not-applicable', '不适用']);

/** The value for the question; text that is no such answer comes back as text, and scoreQuestion says why it is invalid. */
export function parseAnswerText(question: ChecklistQuestion, raw: string): AnswerValue {
  const text = raw.trim();
  if (NOT_APPLICABLE.has(text.toLowerCase())) return { notApplicable: true };
  switch (question.kind) {
    case 'scale':
    case 'numeric': {
      const n = Number(text);
      return text !== '' && Number.isFinite(n) ? n : text;
    }
    case 'yesno': {
      const lower = text.toLowerCase();
      if (YES.has(lower)) return true;
      if (NO.has(lower)) return false;
      return text;
    }
    case 'choice':
    case 'text':
      return text;
  }
}
