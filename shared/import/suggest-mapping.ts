// Suggesting which column fills which field: first from the header (synonyms in Chinese and English),
// weighed by whether the sample values fit the field's type; then, for required fields still open,
// from the values alone when exactly one column fits. Never two columns on one field, never one column
// on two fields. The user confirms or changes the result in the preview.
import type { EntityKind } from '../domain/entities';
import { ATTRIBUTE_ENTITIES, ATTRIBUTE_FIELD, attributeName, inferAttributeType, perCustomerShare, type AttributeType } from './attributes';
import { profileColumn, type ColumnProfile } from './column-profile';
import { ENTITY_FIELDS, missingRequiredFields, type FieldDef } from './fields';
import { headerScale, matchHeader, type HeaderMatchReason } from './synonyms';
import { isBlankCell, normaliseHeader, type RawCell } from './text';
import { parseEnum } from './values';

export type MappingReason = HeaderMatchReason | 'values' | 'saved' | 'attribute';

export interface MappingAssignment {
  field: string;
  /** 0-based column index in the source. */
  column: number;
  header: string;
  /** 0-1. Above 0.8: header named the field and the values fit. Below 0.5: worth a look. */
  confidence: number;
  reason: MappingReason;
  /** The synonym that matched (for 'values': none). */
  synonym: string | null;
  /** Multiplier stated by the header's unit (金额(万元) -> 10000); present only when not 1. */
  scale?: number;
  /** field 'attribute': the type its values are kept as (inferred from the sample). */
  attributeType?: AttributeType;
}

export interface MappingSuggestion {
  entity: EntityKind;
  assignments: MappingAssignment[];
  unmappedColumns: number[];
  /** Required fields no column fills (derivable ones, like orders.amount from quantity × unit price, excepted). */
  missingRequired: string[];
}

const MIN_CONFIDENCE = 0.3;

/** How well a column's sample values fit a field's type, 0-1. */
export function valueFit(field: FieldDef, p: ColumnProfile, values: readonly RawCell[] = []): number {
  if (p.nonEmpty === 0) return 0.6; // nothing to judge by; neither evidence for nor against
  switch (field.type) {
    case 'date':
    case 'datetime':
    case 'period':
      return Math.max(p.date, p.serialLike);
    case 'money':
      return p.money;
    case 'number':
      return p.number;
    case 'integer':
      return p.integer;
    case 'nps':
      return p.nps;
    case 'boolean':
      return p.boolean;
    case 'enum': {
      const filled = values.filter((v) => !isBlankCell(v));
      return filled.length === 0 ? 0.6 : filled.filter((v) => parseEnum(v, field.enumValues ?? {}).ok).length / filled.length;
    }
    case 'tags':
      return 1;
    case 'text':
      // A name or id column full of dates or amounts is probably a different column; a column of plain
      // numbers (销售额) is no owner or name either (a header naming the field exactly still maps it at
      // half weight: product codes may be all digits), though ids may well be all digits.
      if (field.key !== undefined) return 1 - 0.5 * Math.max(p.date, p.moneyMarked);
      return Math.max(0, 1 - Math.max(0.5 * p.date, 0.5 * p.moneyMarked, 0.9 * p.number));
    default: {
      const unreachable: never = field.type;
      return unreachable;
    }
  }
}

// Phones and e-mail addresses have a recognisable form. A header that only contains the word (the
// Telco churn set's PhoneService: Yes/No) must not make a column of other values the customer's phone,
// a personal field that pseudonymising replaces; a header naming the field outright still maps it.
const CONTACT_FORMS: Readonly<Record<string, RegExp>> = { phone: /\d(?:[\s\-().+/]*\d){5,}/, email: /\S@\S/ };

function hasContactForm(field: FieldDef, values: readonly RawCell[]): boolean {
  const form = CONTACT_FORMS[field.name];
  if (form === undefined) return true;
  const filled = values.filter((v) => !isBlankCell(v));
  return filled.length === 0 || filled.filter((v) => form.test(String(v))).length / filled.length >= 0.5;
}

interface Candidate {
  field: FieldDef;
  fieldOrder: number;
  column: number;
  score: number;
  reason: MappingReason;
  synonym: string | null;
}

/** Value-only evidence: a strong, unambiguous signal for the field's kind. */
function valueOnlyFit(field: FieldDef, p: ColumnProfile): number {
  if (p.nonEmpty < 3) return 0;
  if (field.key !== undefined) return p.idLike >= 0.9 && (field.key === 'customer' || p.distinct >= 0.9) ? p.idLike : 0;
  switch (field.type) {
    case 'date':
    case 'datetime':
    case 'period':
      return p.date;
    case 'money':
      return p.moneyMarked >= 0.5 ? p.money : 0;
    case 'nps':
      return p.nps;
    default:
      return 0;
  }
}

// The sample's columns and their profiles, kept per sample: guessing the entity asks for a mapping of
// the same sample once per entity, and a table of thousands of columns would be profiled eight times over.
const sampleColumns = new WeakMap<readonly (readonly RawCell[])[], { columns: RawCell[][]; profiles: ColumnProfile[] }>();

function columnsOf(sampleRows: readonly (readonly RawCell[])[], columnCount: number): { columns: RawCell[][]; profiles: ColumnProfile[] } {
  const known = sampleColumns.get(sampleRows);
  if (known !== undefined && known.columns.length === columnCount) return known;
  const columns = Array.from({ length: columnCount }, (_, c) => sampleRows.map((r) => r[c] ?? null));
  const made = { columns, profiles: columns.map(profileColumn) };
  sampleColumns.set(sampleRows, made);
  return made;
}

export function suggestMapping(entity: EntityKind, headers: readonly string[], sampleRows: readonly (readonly RawCell[])[]): MappingSuggestion {
  const fields = ENTITY_FIELDS[entity].fields;
  let columnCount = headers.length;
  for (const r of sampleRows) columnCount = Math.max(columnCount, r.length);
  const { columns, profiles } = columnsOf(sampleRows, columnCount);
  const norms = Array.from({ length: columnCount }, (_, c) => normaliseHeader(headers[c] ?? ''));

  const candidates: Candidate[] = [];
  fields.forEach((field, fieldOrder) => {
    for (let c = 0; c < columnCount; c++) {
      const m = matchHeader(norms[c]!, field);
      if (m === null) continue;
      if (m.reason !== 'header_exact' && m.reason !== 'header_core' && !hasContactForm(field, columns[c]!)) continue;
      const score = m.score * (0.5 + 0.5 * valueFit(field, profiles[c]!, columns[c]));
      if (score >= MIN_CONFIDENCE) candidates.push({ field, fieldOrder, column: c, score, reason: m.reason, synonym: m.synonym });
    }
  });
  // Best first; ties go to the earlier column, then to the field listed first.
  candidates.sort((a, b) => b.score - a.score || a.column - b.column || a.fieldOrder - b.fieldOrder);

  const usedColumns = new Set<number>();
  const usedFields = new Set<string>();
  const assignments: MappingAssignment[] = [];
  const assign = (c: Candidate): void => {
    usedColumns.add(c.column);
    usedFields.add(c.field.name);
    const a: MappingAssignment = {
      field: c.field.name,
      column: c.column,
      header: headers[c.column] ?? '',
      confidence: Math.round(c.score * 100) / 100,
      reason: c.reason,
      synonym: c.synonym,
    };
    if (c.field.type === 'money' || c.field.type === 'number') {
      const scale = headerScale(norms[c.column]!);
      if (scale !== 1) a.scale = scale;
    }
    assignments.push(a);
  };
  for (const c of candidates) if (!usedColumns.has(c.column) && !usedFields.has(c.field.name)) assign(c);

  // Values alone, for required fields the headers left open: only when exactly one free column fits,
  // since two id-like columns (order id, customer id) cannot be told apart by their values.
  fields.forEach((field, fieldOrder) => {
    if (!field.required || usedFields.has(field.name)) return;
    const fits: Candidate[] = [];
    for (let c = 0; c < columnCount; c++) {
      if (usedColumns.has(c)) continue;
      const fit = valueOnlyFit(field, profiles[c]!);
      if (fit >= 0.9) fits.push({ field, fieldOrder, column: c, score: 0.45 * fit, reason: 'values', synonym: null });
    }
    const openKeyFields = fields.filter((f) => f.key !== undefined && f.required && !usedFields.has(f.name)).length;
    if (fits.length === 1 && (field.key === undefined || openKeyFields === 1)) assign(fits[0]!);
  });

  suggestAttributes(entity, headers, columns, profiles, usedColumns, assignments);

  assignments.sort((a, b) => a.column - b.column);
  return {
    entity,
    assignments,
    unmappedColumns: Array.from({ length: columnCount }, (_, c) => c).filter((c) => !usedColumns.has(c)),
    missingRequired: missingRequiredFields(entity, usedFields),
  };
}

/**
 * The columns no field took, kept as customer attributes: every one of a customer list, and those of an
 * order file that hold one value per customer in the sample (country, segment, province); line-level
 * columns (discount, profit, stock code) stay out.
 */
function suggestAttributes(
  entity: EntityKind,
  headers: readonly string[],
  columns: readonly (readonly RawCell[])[],
  profiles: readonly ColumnProfile[],
  usedColumns: Set<number>,
  assignments: MappingAssignment[],
): void {
  if (!(ATTRIBUTE_ENTITIES as readonly string[]).includes(entity)) return;
  const customerColumn = assignments.find((a) => a.field === 'customerKey')?.column;
  if (entity === 'orders' && customerColumn === undefined) return;
  for (let c = 0; c < columns.length; c++) {
    if (usedColumns.has(c) || profiles[c]!.nonEmpty === 0) continue;
    let confidence = 0.6;
    if (entity === 'orders') {
      const share = perCustomerShare(columns[customerColumn!]!, columns[c]!);
      if (share === undefined || share < 0.9) continue;
      confidence = 0.5;
    }
    usedColumns.add(c);
    assignments.push({
      field: ATTRIBUTE_FIELD,
      column: c,
      header: headers[c] ?? attributeName('', c),
      confidence,
      reason: 'attribute',
      synonym: null,
      attributeType: inferAttributeType(profiles[c]!),
    });
  }
}
