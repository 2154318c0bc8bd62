// The half of an import that needs no database: stream the file, read every mapped cell, build the
// canonical row, key it, and turn every bad row into a reject with its reason. What comes out is plain
// data (numbers, strings, arrays), so it crosses a worker-thread boundary by structured clone and the
// pipeline can run this in a worker while its own thread writes the previous chunk (produce-thread.ts).
import type { EntityKind } from '../../../shared/domain/entities';
import type { Locale } from '../../../shared/errors';
import type { ImportOptions, MappingEntry } from '../../../shared/import/batch';
import { makeFieldReader, type CellReader, type FieldValue } from '../../../shared/import/field-parser';
import { ENTITY_FIELDS } from '../../../shared/import/fields';
import type { ReadPlan } from '../../../shared/import/preview-types';
import { cellText, type RawCell } from '../../../shared/import/text';
import { isValueError } from '../../../shared/import/values';
import { createTranslator } from '../../../shared/i18n/translate';
import { ATTRIBUTE_FIELD } from '../../../shared/import/attributes';
import { attributeCollector, attributeColumns } from './attribute-values';
import { entityRowBuilder } from './entity-rows';
import { fingerprint } from './fingerprint';
import { readRows } from './preview';

/** One import as asked for: the file, how to read it, and what to do with its columns. */
export interface ImportRequest {
  path: string;
  entity: EntityKind;
  /** How to read the file: the plan's read settings. */
  read: ReadPlan;
  /** The header row's texts, for the reject list's copy of each bad row. */
  headers: readonly string[];
  mapping: readonly MappingEntry[];
  options: ImportOptions;
  /** The engagement's currency: amounts marked with another are rejected, never converted. */
  currency?: string;
  /** Language of the stored reason texts (the engagement's). */
  locale: Locale;
}

/** Everything the producer needs, as plain data (it is the worker's workerData). */
export interface ProducerSetup extends ImportRequest {
  /** Customer keys already in the workspace (entities that name a customer; else null). */
  knownCustomers: readonly string[] | null;
  chunkRows: number;
  readBytes: number;
}

/** row number, column header, raw value, reason code, reason text, reason params (JSON), the row (JSON). */
export type RejectTuple = [number, string | null, string | null, string, string, string, string];

export interface ProducedChunk {
  /** Good rows, flat, `1 + columns` values each: the row key, then the builder's columns in order. */
  rows: unknown[];
  rejects: RejectTuple[];
  /** Customers to create (orders naming a customer not in the list, when asked to): key, name. */
  stubs: [string, string][];
  /** Customer attribute values, flat: customer key, attribute index (into ProducerSetup's attributes), value. */
  attributes: unknown[];
  /** Id cells written as floats (17850.0) and read as the id (17850). */
  idsUnfloated: number;
  /** Customers named by their id (no name column, or a blank name). */
  namesFromIds: number;
  rowsRead: number;
  /** Rows rejected (a row with two bad cells has two rejects). */
  rowsRejected: number;
  unknownCustomers: number;
  bytesRead: number;
  totalBytes: number;
}

export async function* produceRows(setup: ProducerSetup, signal?: AbortSignal): AsyncGenerator<ProducedChunk> {
  const { entity } = setup;
  const fields = ENTITY_FIELDS[entity].fields;
  const builder = entityRowBuilder(entity);
  let idsUnfloated = 0;
  const onIdUnfloated = (): void => {
    idsUnfloated++;
  };
  const mapped = setup.mapping
    .filter((m) => m.field !== ATTRIBUTE_FIELD)
    .map((m) => {
      const fieldIndex = fields.findIndex((f) => f.name === m.field);
      const reader: CellReader = makeFieldReader(fields[fieldIndex]!, {
        scale: m.scale,
        currency: setup.currency,
        slashOrder: setup.options.slashOrder,
        onIdUnfloated,
      });
      return { fieldIndex, column: m.column, header: m.header || `#${m.column + 1}`, reader };
    });
  const attributes = attributeColumns(setup.mapping, { slashOrder: setup.options.slashOrder });
  const attributeCount = attributes.length;
  const isNew = attributeCollector(attributeCount);
  const attributeValues: (string | number | null)[] = new Array<string | number | null>(attributeCount).fill(null);
  const nameField = entity === 'customers' ? fields.findIndex((f) => f.name === 'name') : -1;
  const attributeOwner = entity === 'customers' ? builder.ownKeyField : builder.customerKeyField;
  const mappedCount = mapped.length;
  const headerOf = (field: number | null): string | null => (field === null ? null : (mapped.find((m) => m.fieldIndex === field)?.header ?? null));
  const customerHeader = headerOf(builder.customerKeyField);
  const t = createTranslator(setup.locale);

  const known = setup.knownCustomers === null ? null : new Set(setup.knownCustomers);
  // Customers this batch created: their later rows still count as naming an unknown customer.
  const created = new Set<string>();
  const createCustomers = entity === 'orders' && setup.options.unknownCustomers === 'create';
  const rejectUnknown = entity === 'orders' && setup.options.unknownCustomers === 'reject';
  // Order lines: the order id leads the key (see fingerprint.ts).
  const keyPrefixField = entity === 'orders' ? fields.findIndex((f) => f.name === 'orderKey') : -1;
  const fingerprinted = builder.ownKeyField === null;
  const columns = builder.columns.length;

  const values: FieldValue[] = new Array<FieldValue>(fields.length).fill(null);
  // builder.fill writes params[2..]; [0] and [1] (row_key, batch_id) are the pipeline's.
  const params: unknown[] = new Array<unknown>(2 + columns).fill(null);

  const rawRow = (cells: readonly RawCell[]): string => {
    const o: Record<string, string> = {};
    const width = Math.max(cells.length, setup.headers.length);
    for (let c = 0; c < width; c++) o[setup.headers[c] || `#${c + 1}`] = cellText(cells[c]);
    return JSON.stringify(o);
  };

  for await (const chunk of readRows(setup.path, setup.read, { signal, chunkRows: setup.chunkRows, readBytes: setup.readBytes })) {
    signal?.throwIfAborted();
    idsUnfloated = 0;
    const out: ProducedChunk = {
      rows: [],
      rejects: [],
      stubs: [],
      attributes: [],
      idsUnfloated: 0,
      namesFromIds: 0,
      rowsRead: 0,
      rowsRejected: 0,
      unknownCustomers: 0,
      bytesRead: chunk.bytesRead,
      totalBytes: chunk.totalBytes,
    };
    // One record per bad cell; the row is counted once, where it is turned away.
    const reject = (
      rowNumber: number,
      column: string | null,
      raw: RawCell | undefined,
      code: string,
      p: Record<string, string | number>,
      cells: readonly RawCell[],
    ): void => {
      out.rejects.push([
        rowNumber,
        column,
        raw === undefined || raw === null ? null : cellText(raw),
        code,
        t(`import:reasons.${code}`, p),
        JSON.stringify(p),
        rawRow(cells),
      ]);
    };
    // A row the reader could not split or decode cleanly is kept out whole: its cells may be wrong.
    const issues = chunk.issues.length === 0 ? null : new Map(chunk.issues.map((i) => [i.rowNumber, i]));
    const { rows, rowNumbers } = chunk;
    out.rowsRead = rows.length;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r]!;
      const rowNumber = rowNumbers[r]!;
      const issue = issues?.get(rowNumber);
      if (issue !== undefined) {
        reject(rowNumber, null, null, issue.code, issue.params ?? {}, cells);
        out.rowsRejected++;
        continue;
      }
      let bad = false;
      for (let k = 0; k < mappedCount; k++) {
        const m = mapped[k]!;
        const raw = cells[m.column];
        const v = m.reader(raw ?? null);
        if (isValueError(v)) {
          reject(rowNumber, m.header, raw, v.code, v.params, cells);
          bad = true;
          values[m.fieldIndex] = null;
        } else values[m.fieldIndex] = v;
      }
      for (let k = 0; k < attributeCount; k++) {
        const a = attributes[k]!;
        const raw = cells[a.column];
        const v = a.read(raw ?? null);
        if (v !== null && isValueError(v)) {
          reject(rowNumber, a.header, raw, v.code, v.params, cells);
          bad = true;
          attributeValues[k] = null;
        } else attributeValues[k] = v;
      }
      if (bad) {
        out.rowsRejected++;
        continue;
      }
      const problem = builder.fill(values, params);
      if (problem !== null) {
        reject(rowNumber, null, null, problem.code, {}, cells);
        out.rowsRejected++;
        continue;
      }
      if (known !== null) {
        const ck = values[builder.customerKeyField!] as string;
        if (!known.has(ck)) {
          out.unknownCustomers++;
          if (rejectUnknown) {
            reject(rowNumber, customerHeader, ck, 'customer_unknown', { value: ck }, cells);
            out.rowsRejected++;
            continue;
          }
          if (createCustomers && !created.has(ck)) {
            const name = builder.customerNameField === null ? null : values[builder.customerNameField];
            out.stubs.push([ck, typeof name === 'string' ? name : ck]);
            created.add(ck);
          }
        }
      }
      if (nameField >= 0 && values[nameField] === null) out.namesFromIds++;
      if (attributeCount > 0 && attributeOwner !== null) {
        const owner = values[attributeOwner] as string;
        for (let k = 0; k < attributeCount; k++) {
          const v = attributeValues[k]!;
          if (v !== null && isNew(owner, k, v)) out.attributes.push(owner, k, v);
        }
      }
      out.rows.push(fingerprinted ? fingerprint(params, 2, keyPrefixField >= 0 ? (values[keyPrefixField] as string) : '') : values[builder.ownKeyField!]);
      for (let c = 2; c < 2 + columns; c++) out.rows.push(params[c]);
    }
    out.idsUnfloated = idsUnfloated;
    yield out;
  }
}
