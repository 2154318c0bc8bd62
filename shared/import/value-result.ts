// The result types shared by the value parsers (values-date.ts, values-number.ts, values.ts).
// Value parsers for client exports. Each returns {ok:true,value} or {ok:false,code,params}: a value
// that cannot be read is an error for its row (the reject table shows the code and the raw value),
// never a silent zero or null. Blank cells are the caller's business (see field-parser.ts): a parser
// handed a blank cell answers 'value_required'.
import { cleanText, type RawCell } from './text';

export type ValueErrorCode =
  | 'value_required'
  | 'excel_error'
  | 'date_unrecognised'
  | 'date_impossible'
  | 'date_out_of_range'
  | 'date_ambiguous'
  | 'time_impossible'
  | 'money_unrecognised'
  | 'money_bad_grouping'
  | 'money_other_currency'
  | 'number_unrecognised'
  | 'number_not_integer'
  | 'number_out_of_range'
  | 'boolean_unrecognised'
  | 'nps_out_of_range'
  | 'enum_unrecognised'
  | 'text_too_long';

export type ValueErrorParams = Record<string, string | number>;
export interface ValueError {
  ok: false;
  code: ValueErrorCode;
  params: ValueErrorParams;
}
export interface ValueOk<T> {
  ok: true;
  value: T;
}
export type Parsed<T> = ValueOk<T> | ValueError;

export function fail(code: ValueErrorCode, params: ValueErrorParams = {}): ValueError {
  return { ok: false, code, params };
}
export function ok<T>(value: T): ValueOk<T> {
  return { ok: true, value };
}

/**
 * The per-cell form: the value itself, or a ValueError. Success allocates nothing, which matters over
 * ten million cells (the garbage collector was a sixth of an import's time with a wrapper per cell).
 * Values are strings, numbers, booleans or string arrays, never objects with ok:false, so the two
 * cannot be confused.
 */
export type Read<T> = T | ValueError;

export function isValueError(r: unknown): r is ValueError {
  return typeof r === 'object' && r !== null && !Array.isArray(r) && (r as { ok?: unknown }).ok === false;
}

export function wrap<T>(r: Read<T>): Parsed<T> {
  return isValueError(r) ? r : { ok: true, value: r };
}

const EXCEL_ERRORS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA']);

/** Cell text ready for parsing, or an error for blanks and Excel error values (#N/A ...). No wrapper object: this runs per cell. */
export function textOf(raw: RawCell): string | ValueError {
  if (raw === null) return fail('value_required');
  const t = cleanText(typeof raw === 'string' ? raw : String(raw));
  if (t.length === 0) return fail('value_required');
  if (t.charCodeAt(0) === 35 /* # */ && EXCEL_ERRORS.has(t.toUpperCase())) return fail('excel_error', { value: t });
  return t;
}
