import { isFormulaLike } from '../safe-cell';

// Text that goes into the deck's XML: characters XML 1.0 cannot hold are dropped (pptxgenjs escapes
// markup but not these, and one of them makes PowerPoint refuse the whole file), and text that a
// spreadsheet would run as a formula once pasted from a slide table gets a zero-width space first:
// invisible on the slide, and the pasted cell starts with something that is not a trigger.

// eslint-disable-next-line no-control-regex -- control characters are removed on purpose (invalid in XML 1.0)
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function deckText(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  const clean = text.replace(XML_INVALID, '');
  return isFormulaLike(clean) ? `\u200b${clean}` : clean;
}

/** CJK ideographs, kana, hangul and full-width forms: a run holding any needs the East Asian font. */
export function hasEastAsian(text: string): boolean {
  return /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(text);
}
