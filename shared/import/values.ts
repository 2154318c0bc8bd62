// Value parsers for client exports: booleans, enums and text here; dates in values-date.ts, money
// and numbers in values-number.ts. Each returns the value or a coded error for its row, never a
// silent zero or null.
import type { RawCell } from './text';
import { fail, wrap, textOf, type Parsed, type Read } from './value-result';

export * from './value-result';
export * from './values-date';
export * from './values-number';

// ---------------------------------------------------------------------------------------------
// Booleans

const TRUE_WORDS = new Set(['是', '有', '对', '已', '需要', 'y', 'yes', 'true', 't', '1', '√', '✓', '✔', '☑']);
const FALSE_WORDS = new Set(['否', '无', '没有', '不是', '错', '未', '不需要', 'n', 'no', 'false', 'f', '0', '×', '✗', '✘', '☐']);

/** 是/否, 有/无, Y/N, yes/no, true/false, 1/0, √/×. Anything else is an error, not false. */
export function readBoolean(raw: RawCell): Read<boolean> {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : fail('boolean_unrecognised', { value: String(raw) });
  const text = textOf(raw);
  if (typeof text !== 'string') return text;
  const t = text.toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return fail('boolean_unrecognised', { value: text });
}
export function parseBoolean(raw: RawCell): Parsed<boolean> {
  return wrap(readBoolean(raw));
}

// ---------------------------------------------------------------------------------------------
// Enums and text

/** Match a value to one of an enum's canonical values through its synonyms (case and width folded). */
export function readEnum(raw: RawCell, values: Readonly<Record<string, readonly string[]>>): Read<string> {
  const text = textOf(raw);
  if (typeof text !== 'string') return text;
  const t = text.toLowerCase().replace(/\s+/g, '');
  for (const [canonical, synonyms] of Object.entries(values)) {
    if (t === canonical.toLowerCase()) return canonical;
    for (const s of synonyms) if (t === s.toLowerCase().replace(/\s+/g, '')) return canonical;
  }
  return fail('enum_unrecognised', { value: text, allowed: Object.keys(values).join(', ') });
}
export function parseEnum(raw: RawCell, values: Readonly<Record<string, readonly string[]>>): Parsed<string> {
  return wrap(readEnum(raw, values));
}

export const MAX_TEXT_LENGTH = 100_000;

/** Text as written (trimmed). Numbers from Excel print without a trailing .0 (an id 1001 stays '1001'). */
export function readText(raw: RawCell): Read<string> {
  const text = textOf(raw);
  if (typeof text !== 'string') return text;
  return text.length > MAX_TEXT_LENGTH ? fail('text_too_long', { max: MAX_TEXT_LENGTH }) : text;
}
export function parseText(raw: RawCell): Parsed<string> {
  return wrap(readText(raw));
}

/** Tags written in one cell: 'VIP,华东；重点' -> ['VIP','华东','重点']. */
export function readTags(raw: RawCell): Read<string[]> {
  const text = textOf(raw);
  if (typeof text !== 'string') return text;
  const tags = text
    .split(/[,;|、，；\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return [...new Set(tags)];
}
export function parseTags(raw: RawCell): Parsed<string[]> {
  return wrap(readTags(raw));
}
