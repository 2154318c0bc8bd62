// Writing a batch's produced chunks into its canonical table, synchronously, inside the batch's open
// transaction: rejects, customers created from orders, and the rows, each accepted or counted as a
// duplicate of a row already stored. The writer keeps the batch's running totals.
import type { EntityKind } from '../../../shared/domain/entities';
import type { WritableDB } from '../workspace/connection';
import type { EntityRowBuilder } from './entity-rows';
import { GROUP, insertSql } from './insert-sql';
import type { ProducedChunk } from './produce';

/** A batch's figures: read = accepted + rejected + duplicate. */
export interface BatchTotals {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsDuplicate: number;
  customersCreated: number;
  unknownCustomers: number;
  /** The accepted rows' date range (the entity's date column), full ISO text. */
  dateMin: string | null;
  dateMax: string | null;
  /** Id cells written as floats and read as the id (17850.0 -> 17850). */
  idsUnfloated: number;
  /** Customers named by their id (a customer list without names). */
  namesFromIds: number;
}

export interface BatchWriter {
  write(chunk: ProducedChunk): void;
  /** Write the rows still held back for a full group; the totals are final after this. */
  end(): BatchTotals;
  readonly totals: Readonly<BatchTotals>;
}

/** attributeNames: the batch's customer attributes, in the order the producer numbers them. */
export function batchWriter(
  sqlite: WritableDB,
  entity: EntityKind,
  builder: EntityRowBuilder,
  batchId: number,
  attributeNames: readonly string[] = [],
): BatchWriter {
  const insert = sqlite.prepare(insertSql(entity, builder.columns, batchId, entity === 'customers'));
  const ownerOf = sqlite.prepare(`select batch_id from ${entity} where row_key = ?`).pluck();
  const insertReject = sqlite.prepare(
    `insert into import_reject (batch_id, row_number, column_name, raw_value, reason_code, reason, reason_params, raw_row) values (${batchId}, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStub = sqlite.prepare(
    `insert into customers (row_key, batch_id, customer_key, name, created_from_order) values (?, ?, ?, ?, 1) on conflict(row_key) do nothing`,
  );

  // A later batch's value replaces an earlier one's (the latest export is the customer as it is now).
  const upsertAttribute = sqlite.prepare(
    `insert into customer_attribute (customer_key, name, value, batch_id) values (?, ?, ?, ${batchId})
     on conflict (customer_key, name) do update set value = excluded.value, batch_id = excluded.batch_id`,
  );

  const totals: BatchTotals = {
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    rowsDuplicate: 0,
    customersCreated: 0,
    unknownCustomers: 0,
    dateMin: null,
    dateMax: null,
    idsUnfloated: 0,
    namesFromIds: 0,
  };
  // Produced rows are the row key, then the builder's columns (batch_id is in the SQL).
  const width = 1 + builder.columns.length;
  const dateAt = builder.dateColumn >= 0 ? 1 + builder.dateColumn : -1;
  const fingerprinted = builder.ownKeyField === null;
  const params: unknown[] = new Array<unknown>(width).fill(null);
  // Fingerprints that met a stored row in this batch: how many identical rows of this file were seen.
  const copies = new Map<string, number>();

  const settle = (inserted: boolean, p: readonly unknown[], at = 0): void => {
    if (!inserted) {
      totals.rowsDuplicate++;
      return;
    }
    totals.rowsAccepted++;
    if (dateAt >= 0) {
      const d = p[at + dateAt];
      if (typeof d === 'string') {
        if (totals.dateMin === null || d < totals.dateMin) totals.dateMin = d;
        if (totals.dateMax === null || d > totals.dateMax) totals.dateMax = d;
      }
    }
  };

  // Rows go in GROUP at a time through one multi-row INSERT (insert-sql.ts). When fewer rows went in
  // than were sent, some met a stored row: the group's own rows are taken out again (by id:
  // AUTOINCREMENT ids only grow) and its rows are settled one by one. (RETURNING would say which
  // rows went in, but costs more than it saves.)
  // Customers go one by one: an upsert that replaces a flagged stub cannot be taken back by id.
  const groupInsert = entity !== 'customers' ? sqlite.prepare(insertSql(entity, builder.columns, batchId, false, GROUP)) : null;
  const dropSince = sqlite.prepare(`delete from ${entity} where id > ?`);
  let lastId = Number((sqlite.prepare(`select coalesce(max(id), 0) from ${entity}`).pluck().get() as number | bigint) ?? 0);
  const group: unknown[] = new Array<unknown>(GROUP * width).fill(null);
  let grouped = 0;
  const insertOne = (): boolean => {
    const r = insert.run(params);
    if (r.changes > 0 && entity !== 'customers') lastId = Number(r.lastInsertRowid);
    return r.changes > 0;
  };
  const tryInsert = (key: string): boolean => {
    params[0] = key;
    return insertOne();
  };
  const resolve = (): void => {
    if (!fingerprinted) return settle(false, params);
    const fp = params[0] as string;
    // An earlier row of the same group met this fingerprint first and settled the count.
    const seen = copies.get(fp);
    if (seen !== undefined) {
      copies.set(fp, seen + 1);
      return settle(tryInsert(`${fp}#${seen + 1}`), params);
    }
    // Stored by this batch: a second identical row of this file (an order line repeated within one
    // order), kept under its occurrence number. Stored by an earlier batch: a duplicate.
    if (ownerOf.get(fp) === batchId) {
      copies.set(fp, 2);
      settle(tryInsert(`${fp}#2`), params);
    } else {
      copies.set(fp, 1);
      settle(false, params);
    }
  };
  const oneByOne = (): void => {
    for (let g = 0; g < grouped; g++) {
      for (let c = 0; c < width; c++) params[c] = group[g * width + c];
      if (insertOne()) settle(true, params);
      else resolve();
    }
  };
  const flush = (): void => {
    if (grouped === 0) return;
    if (grouped === GROUP && groupInsert !== null) {
      const r = groupInsert.run(group);
      if (r.changes === GROUP) {
        lastId = Number(r.lastInsertRowid);
        for (let g = 0; g < GROUP; g++) settle(true, group, g * width);
      } else {
        if (r.changes > 0) dropSince.run(lastId);
        oneByOne();
      }
    } else oneByOne();
    grouped = 0;
  };

  return {
    totals,
    write(chunk) {
      totals.rowsRead += chunk.rowsRead;
      totals.unknownCustomers += chunk.unknownCustomers;
      for (const r of chunk.rejects) insertReject.run(r);
      totals.rowsRejected += chunk.rowsRejected;
      for (const [key, name] of chunk.stubs) if (insertStub.run(key, batchId, key, name).changes > 0) totals.customersCreated++;
      totals.idsUnfloated += chunk.idsUnfloated;
      totals.namesFromIds += chunk.namesFromIds;
      const attrs = chunk.attributes;
      for (let at = 0; at < attrs.length; at += 3) upsertAttribute.run(attrs[at], attributeNames[attrs[at + 1] as number], attrs[at + 2]);
      const rows = chunk.rows;
      for (let at = 0; at < rows.length; at += width) {
        const key = rows[at] as string;
        const seen = fingerprinted ? copies.get(key) : undefined;
        if (seen === undefined) {
          const to = grouped * width;
          for (let c = 0; c < width; c++) group[to + c] = rows[at + c];
          if (++grouped === GROUP) flush();
        } else {
          // A further copy of a row this batch has already met: keyed by its occurrence number.
          for (let c = 1; c < width; c++) params[c] = rows[at + c];
          copies.set(key, seen + 1);
          settle(tryInsert(`${key}#${seen + 1}`), params);
        }
      }
    },
    end() {
      flush();
      return { ...totals };
    },
  };
}
