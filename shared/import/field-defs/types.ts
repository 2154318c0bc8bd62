// The shape of an entity's importable fields (see ../fields.ts for what they are and how they are read).
import type { EntityKind } from '../../domain/entities';

export type ValueType =
  | 'text'
  | 'date' // a calendar day 'YYYY-MM-DD'
  | 'datetime' // 'YYYY-MM-DDTHH:mm:ss' where the source has a time
  | 'period' // a day, or a year-month meaning its first day (usage periods)
  | 'money'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'nps' // integer 0-10
  | 'enum'
  | 'tags'; // a list written in one cell

export interface FieldDef {
  name: string;
  /** Canonical column, or null for a field the pipeline uses without storing in this table. */
  column: string | null;
  type: ValueType;
  required: boolean;
  /** The client's own identifier for the row (dedup key) or for the customer it belongs to. */
  key?: 'own' | 'customer';
  min?: number;
  max?: number;
  /** enum fields: canonical value -> the ways clients write it. */
  enumValues?: Readonly<Record<string, readonly string[]>>;
  /**
   * text fields with a vocabulary the analyses look for (usage metrics): values written one of these
   * ways are stored as the canonical id, anything else is kept as written (an open list, not an enum).
   */
  canonicalValues?: Readonly<Record<string, readonly string[]>>;
  synonyms: { zh: readonly string[]; en: readonly string[] };
}

export interface EntityFields {
  entity: EntityKind;
  fields: readonly FieldDef[];
  /**
   * A required field that may stay unmapped when every field of one of the alternatives is mapped
   * (orders: amount = quantity × unit price; contracts: recurring value from an annual or a monthly column).
   */
  derivable?: Readonly<Record<string, readonly (readonly string[])[]>>;
}
