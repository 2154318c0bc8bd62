// Formula injection (OWASP "CSV Injection"): client data such as `=cmd|' /C calc'!A0` must never
// become a formula in what we export. XLSX: the text is written as a string cell (never a
// {formula} value) with the text number format, so even re-editing the cell in Excel keeps it text.
// CSV: the field gets a leading single quote, which spreadsheet programs show as a text marker.
// Full-width ＝＋－＠ are included: Chinese IMEs type them and some spreadsheet builds accept them.

export type PlainCellInput = string | number | boolean | Date | null | undefined;

const TRIGGERS = /^[=+\-@\t\r＝＋－＠]/;
// A plain signed number ("-12.5") cannot run anything; leaving it alone keeps negative amounts intact.
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function isFormulaLike(text: string): boolean {
  return TRIGGERS.test(text) && !PLAIN_NUMBER.test(text);
}

export interface SafeXlsxValue {
  value: string | number | boolean | Date | null;
  /** True when the text must carry the '@' (text) number format. */
  forceText: boolean;
}

/** What to put in an exceljs cell: primitives only, never an object exceljs could read as a formula. */
export function safeXlsxValue(input: PlainCellInput): SafeXlsxValue {
  if (input === null || input === undefined) return { value: null, forceText: false };
  if (typeof input === 'number') return { value: Number.isFinite(input) ? input : null, forceText: false };
  if (typeof input === 'boolean') return { value: input, forceText: false };
  if (input instanceof Date) return { value: Number.isNaN(input.getTime()) ? null : input, forceText: false };
  // Excel refuses cells over 32,767 characters; cut rather than corrupt the file.
  const text = input.length > 32_767 ? input.slice(0, 32_767) : input;
  return { value: text, forceText: isFormulaLike(text) };
}

/** One CSV field: neutralised if formula-like, then quoted when it holds the delimiter, a quote or a newline. */
export function csvField(input: PlainCellInput, delimiter = ','): string {
  if (input === null || input === undefined) return '';
  let text: string;
  if (typeof input === 'number') text = Number.isFinite(input) ? String(input) : '';
  else if (typeof input === 'boolean') text = input ? 'true' : 'false';
  else if (input instanceof Date) text = Number.isNaN(input.getTime()) ? '' : input.toISOString();
  else text = isFormulaLike(input) ? `'${input}` : input;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line without the line ending (callers choose \r\n for Excel). */
export function csvRow(values: readonly PlainCellInput[], delimiter = ','): string {
  return values.map((v) => csvField(v, delimiter)).join(delimiter);
}
