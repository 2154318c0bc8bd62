// One parser per mapped column, built once per import so the per-cell work is a single call.
// makeFieldReader is the form for the import loop (value or ValueError, nothing allocated on success);
// makeFieldParser gives the {ok, value} form for previews and tests.
import { isIdField, type FieldDef } from './fields';
import { unfloatId } from './values-id';
import { isBlankCell, type RawCell } from './text';
import {
  checkRange,
  fail,
  isValueError,
  readBoolean,
  readDate,
  readDateTime,
  readEnum,
  readInteger,
  readMoney,
  readNps,
  readNumber,
  readPeriod,
  readTags,
  readText,
  type DateOptions,
  type MoneyOptions,
  type Parsed,
  type Read,
} from './values';

export type FieldValue = string | number | boolean | string[] | null;

export interface FieldParseOptions extends DateOptions, MoneyOptions {
  /** Multiply money and number values, for headers that state a unit such as 金额(万元). */
  scale?: number;
  /** Told each time an id written as a float (17850.0, 1.785E4) is read as the id (17850). */
  onIdUnfloated?: () => void;
}

export type CellReader = (raw: RawCell) => Read<FieldValue>;
export type CellParser = (raw: RawCell) => Parsed<FieldValue>;

/** Reader for one field: blank cells are null for optional fields and 'value_required' for required ones. */
export function makeFieldReader(field: FieldDef, opts: FieldParseOptions = {}): CellReader {
  const inner = valueReader(field, opts);
  const required = field.required;
  return (raw) => (isBlankCell(raw) ? (required ? fail('value_required') : null) : inner(raw));
}

export function makeFieldParser(field: FieldDef, opts: FieldParseOptions = {}): CellParser {
  const read = makeFieldReader(field, opts);
  return (raw) => {
    const r = read(raw);
    return isValueError(r) ? r : { ok: true, value: r };
  };
}

function numeric(read: (raw: RawCell) => Read<number>, field: FieldDef, scale: number | undefined): (raw: RawCell) => Read<number> {
  const { min, max } = field;
  const ranged = min !== undefined || max !== undefined;
  const scaled = scale !== undefined && scale !== 1;
  if (!ranged && !scaled) return read;
  return (raw) => {
    let v = read(raw);
    if (typeof v !== 'number') return v;
    // Round away binary noise (1.15 × 10000 = 11499.999999999998) at a precision no amount needs.
    if (scaled) v = Math.round(v * scale * 1e6) / 1e6;
    return ranged ? checkRange(v, min, max, raw) : v;
  };
}

function canonicalText(values: Readonly<Record<string, readonly string[]>>): CellReader {
  const lookup = new Map<string, string>();
  for (const [id, ways] of Object.entries(values)) {
    lookup.set(id.toLowerCase(), id);
    for (const w of ways) lookup.set(w.toLowerCase().replace(/\s+/g, ''), id);
  }
  return (raw) => {
    const t = readText(raw);
    return typeof t === 'string' ? (lookup.get(t.toLowerCase().replace(/\s+/g, '')) ?? t) : t;
  };
}

function idReader(told: (() => void) | undefined): CellReader {
  return (raw) => {
    const t = readText(raw);
    if (typeof t !== 'string') return t;
    const id = unfloatId(t);
    if (id === null) return t;
    told?.();
    return id;
  };
}

function valueReader(field: FieldDef, opts: FieldParseOptions): CellReader {
  switch (field.type) {
    case 'text':
      if (isIdField(field)) return idReader(opts.onIdUnfloated);
      return field.canonicalValues === undefined ? readText : canonicalText(field.canonicalValues);
    case 'date':
      return (raw) => readDate(raw, opts);
    case 'datetime':
      return (raw) => readDateTime(raw, opts);
    case 'period':
      return (raw) => readPeriod(raw, opts);
    case 'money':
      return numeric((raw) => readMoney(raw, opts), field, opts.scale);
    case 'number':
      return numeric(readNumber, field, opts.scale);
    case 'integer':
      return numeric(readInteger, field, undefined);
    case 'boolean':
      return readBoolean;
    case 'nps':
      return readNps;
    case 'enum': {
      const values = field.enumValues ?? {};
      return (raw) => readEnum(raw, values);
    }
    case 'tags':
      return readTags;
    default: {
      const unreachable: never = field.type;
      throw new Error(`unknown value type ${String(unreachable)}`);
    }
  }
}
