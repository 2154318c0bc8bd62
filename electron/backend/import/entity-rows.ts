// From parsed field values to one canonical row: the columns each table takes, the columns computed
// from others (orders.amount = quantity × unit price, is_return, contracts' period and mrr), and the
// row key (the client's own id, or null when the row is keyed by a fingerprint).
//
// Built once per import; the per-row work writes into one reused parameter array, so a million rows
// allocate nothing here beyond their values.
import type { EntityKind } from '../../../shared/domain/entities';
import type { FieldValue } from '../../../shared/import/field-parser';
import { ENTITY_FIELDS, type FieldDef } from '../../../shared/import/fields';
import type { PipelineReasonCode } from '../../../shared/import/batch';

/** Why a row cannot be stored even though each of its cells read well. */
export interface RowProblem {
  code: PipelineReasonCode;
  /** The field whose column the reject names (null: the row as a whole). */
  field: string | null;
}

export interface EntityRowBuilder {
  entity: EntityKind;
  /** Columns of the INSERT after row_key and batch_id, in parameter order. */
  columns: readonly string[];
  /** Index into the field list of the field holding the client's own id (null: fingerprint-keyed). */
  ownKeyField: number | null;
  customerKeyField: number | null;
  customerNameField: number | null;
  /** Index into `columns` of the date the summary's range is taken over. */
  dateColumn: number;
  /**
   * Fill params[2..] from the field values (indexed like ENTITY_FIELDS[entity].fields); params[0] and
   * params[1] (row_key, batch_id) are the caller's. Returns a problem, or null when the row is good.
   */
  fill(values: readonly FieldValue[], params: unknown[]): RowProblem | null;
}

/** The column each entity's date range (quality summary, batch record) is read from. */
export const DATE_COLUMN: Record<EntityKind, string> = {
  customers: 'first_seen',
  orders: 'order_date',
  contracts: 'start_date',
  interactions: 'date',
  tickets: 'opened_at',
  surveys: 'date',
  usage: 'period',
  projects: 'planned_start',
};

/** Stored form of a value: booleans as 0/1, tag lists as JSON, everything else as it is. */
function stored(field: FieldDef, v: FieldValue): unknown {
  if (v === null) return field.type === 'tags' ? '[]' : field.type === 'boolean' && field.column === 'is_benchmark' ? 0 : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return JSON.stringify(v);
  return v;
}

// Round away binary noise in computed money (3 × 19.99 = 59.97000000000001) at a precision no amount needs.
const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

export function entityRowBuilder(entity: EntityKind): EntityRowBuilder {
  const fields = ENTITY_FIELDS[entity].fields;
  const index = (name: string): number => fields.findIndex((f) => f.name === name);
  const stored_ = fields.map((f, i) => ({ f, i })).filter(({ f }) => f.column !== null);
  // Columns the pipeline computes instead of reading them straight from one field.
  const computed = new Set<string>(entity === 'orders' ? ['amount', 'is_return'] : entity === 'contracts' ? ['recurring_value', 'value_period'] : []);
  const direct = stored_.filter(({ f }) => !computed.has(f.column!));
  const columns = [...direct.map(({ f }) => f.column!), ...computed, ...(entity === 'contracts' ? ['mrr'] : [])];
  const ownKey = fields.findIndex((f) => f.key === 'own');
  // Orders carry an order id, but an order has many lines: lines are keyed by fingerprint.
  const ownKeyField = ownKey >= 0 && entity !== 'orders' ? ownKey : null;
  const customerKeyField = entity === 'customers' ? -1 : index('customerKey');
  const nameField = index('customerName');
  const base = 2;
  const directCount = direct.length;

  const fillDirect = (values: readonly FieldValue[], params: unknown[]): void => {
    for (let k = 0; k < directCount; k++) {
      const d = direct[k]!;
      params[base + k] = stored(d.f, values[d.i] ?? null);
    }
  };

  let fill: EntityRowBuilder['fill'];
  if (entity === 'orders') {
    const amount = index('amount');
    const quantity = index('quantity');
    const unitPrice = index('unitPrice');
    const isReturn = index('isReturn');
    fill = (values, params) => {
      fillDirect(values, params);
      let a = values[amount] ?? null;
      if (a === null) {
        const q = values[quantity] ?? null;
        const p = values[unitPrice] ?? null;
        if (typeof q !== 'number' || typeof p !== 'number') return { code: 'amount_not_derivable', field: 'amount' };
        a = round6(q * p);
      }
      const n = a as number;
      params[base + directCount] = n;
      params[base + directCount + 1] = values[isReturn] === 'return' || n < 0 ? 1 : 0;
      return null;
    };
  } else if (entity === 'contracts') {
    const recurring = index('recurringValue');
    const period = index('valuePeriod');
    const annual = index('annualValue');
    const monthly = index('monthlyValue');
    fill = (values, params) => {
      fillDirect(values, params);
      let v = values[recurring] ?? null;
      let p = (values[period] ?? null) as 'month' | 'year' | null;
      if (v === null) {
        const a = values[annual] ?? null;
        const m = values[monthly] ?? null;
        // Both filled: the billing period column, where mapped, says which one the contract uses.
        if (a !== null && (m === null || p !== 'month')) {
          v = a;
          p = 'year';
        } else if (m !== null) {
          v = m;
          p = 'month';
        } else return { code: 'contract_value_missing', field: 'recurringValue' };
      }
      const n = v as number;
      const per = p ?? 'month';
      params[base + directCount] = n;
      params[base + directCount + 1] = per;
      params[base + directCount + 2] = per === 'year' ? round6(n / 12) : n;
      return null;
    };
  } else if (entity === 'customers') {
    // A customer list without names (de-identified exports) shows each customer under its id.
    const name = index('name');
    const nameAt = base + direct.findIndex(({ i }) => i === name);
    fill = (values, params) => {
      fillDirect(values, params);
      if (values[name] === null || values[name] === undefined) params[nameAt] = values[ownKey] ?? null;
      return null;
    };
  } else {
    fill = (values, params) => {
      fillDirect(values, params);
      return null;
    };
  }

  return {
    entity,
    columns,
    ownKeyField,
    customerKeyField: customerKeyField >= 0 ? customerKeyField : null,
    customerNameField: nameField >= 0 ? nameField : null,
    dateColumn: columns.indexOf(DATE_COLUMN[entity]),
    fill,
  };
}
