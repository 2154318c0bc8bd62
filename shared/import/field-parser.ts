// One parser per mapped column, built once per import so the per-cell work is a single call.
import type { FieldDef } from './fields';
import { isBlankCell, type RawCell } from './text';
import {
  checkRange,
  fail,
  parseBoolean,
  parseDate,
  parseDateTime,
  parseEnum,
  parseInteger,
  parseMoney,
  parseNps,
  parseNumber,
  parsePeriod,
  parseTags,
  parseText,
  type DateOptions,
  type MoneyOptions,
  type Parsed,
} from './values';

export type FieldValue = string | number | boolean | string[] | null;

export interface FieldParseOptions extends DateOptions, MoneyOptions {
  /** Multiply money and number values, for headers that state a unit such as 金额(万元). */
  scale?: number;
}

export type CellParser = (raw: RawCell) => Parsed<FieldValue>;

function scaled(p: Parsed<number>, scale: number | undefined): Parsed<number> {
  if (!p.ok || scale === undefined || scale === 1) return p;
  // Round away binary noise (1.15 × 10000 = 11499.999999999998) at a precision no amount needs.
  return { ok: true, value: Math.round(p.value * scale * 1e6) / 1e6 };
}

/** Parser for one field: blank cells are null for optional fields and 'value_required' for required ones. */
export function makeFieldParser(field: FieldDef, opts: FieldParseOptions = {}): CellParser {
  const inner = valueParser(field, opts);
  return (raw) => {
    if (isBlankCell(raw)) return field.required ? fail('value_required') : { ok: true, value: null };
    return inner(raw);
  };
}

function valueParser(field: FieldDef, opts: FieldParseOptions): CellParser {
  const { min, max } = field;
  const ranged = (p: Parsed<number>, raw: RawCell): Parsed<number> => (p.ok ? checkRange(p.value, min, max, raw) : p);
  switch (field.type) {
    case 'text':
      return parseText;
    case 'date':
      return (raw) => parseDate(raw, opts);
    case 'datetime':
      return (raw) => parseDateTime(raw, opts);
    case 'period':
      return (raw) => parsePeriod(raw, opts);
    case 'money':
      return (raw) => ranged(scaled(parseMoney(raw, opts), opts.scale), raw);
    case 'number':
      return (raw) => ranged(scaled(parseNumber(raw), opts.scale), raw);
    case 'integer':
      return (raw) => ranged(parseInteger(raw), raw);
    case 'boolean':
      return parseBoolean;
    case 'nps':
      return parseNps;
    case 'enum': {
      const values = field.enumValues ?? {};
      return (raw) => parseEnum(raw, values);
    }
    case 'tags':
      return parseTags;
    default: {
      const unreachable: never = field.type;
      throw new Error(`unknown value type ${String(unreachable)}`);
    }
  }
}
