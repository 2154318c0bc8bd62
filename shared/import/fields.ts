// What each entity's import can fill: the canonical fields (the columns of migration 0002), their value
// type, which are required, and the header synonyms clients actually use, in Chinese and English.
// Field names are the camelCase properties of shared/domain/entities.ts; `column` is the snake_case
// column of the canonical table. Columns the pipeline computes (row_key, batch_id, contracts.mrr,
// customers.created_from_order) are not fields: nobody maps a client column to them.
import type { EntityKind } from '../domain/entities';
import type { EntityFields, FieldDef } from './field-defs/types';
import { CUSTOMERS } from './field-defs/customers';
import { ORDERS } from './field-defs/orders';
import { CONTRACTS } from './field-defs/contracts';
import { INTERACTIONS } from './field-defs/interactions';
import { TICKETS } from './field-defs/tickets';
import { SURVEYS } from './field-defs/surveys';
import { USAGE } from './field-defs/usage';
import { PROJECTS } from './field-defs/projects';

export type { EntityFields, FieldDef, ValueType } from './field-defs/types';

export const ENTITY_FIELDS: Readonly<Record<EntityKind, EntityFields>> = {
  customers: CUSTOMERS,
  orders: ORDERS,
  contracts: CONTRACTS,
  interactions: INTERACTIONS,
  tickets: TICKETS,
  surveys: SURVEYS,
  usage: USAGE,
  projects: PROJECTS,
};

export function fieldOf(entity: EntityKind, name: string): FieldDef | undefined {
  return ENTITY_FIELDS[entity].fields.find((f) => f.name === name);
}

/** Required fields the mapping leaves out, after allowing derivable ones (orders.amount from quantity × unit price). */
export function missingRequiredFields(entity: EntityKind, mapped: Iterable<string>): string[] {
  const have = new Set(mapped);
  const { fields, derivable = {} } = ENTITY_FIELDS[entity];
  return fields
    .filter((f) => f.required && !have.has(f.name))
    .filter((f) => !(derivable[f.name] ?? []).some((alternative) => alternative.every((n) => have.has(n))))
    .map((f) => f.name);
}

/** Fields holding an identifier (the row's own, its customer's, a renewed contract's): read by unfloatId. */
export function isIdField(field: FieldDef): boolean {
  return field.key !== undefined || field.name === 'renewalOf';
}
