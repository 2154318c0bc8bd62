// What an import batch is, as the UI, the CLI and the reports see it: plain data that crosses the
// process boundary. The pipeline (electron/backend/import/pipeline.ts) writes it; the contract
// (shared/contract/import.ts) carries it.
import type { EntityKind } from '../domain/entities';
import type { AttributeType } from './attributes';

/** Orders naming a customer the customer table lacks: create it (flagged) or reject the line. */
export type UnknownCustomerPolicy = 'create' | 'reject';

export interface ImportOptions {
  unknownCustomers: UnknownCustomerPolicy;
  /** How to read 03/04/2024; unset rejects such dates as ambiguous rather than guessing. */
  slashOrder?: 'mdy' | 'dmy';
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = { unknownCustomers: 'create' };

/** One confirmed column → field assignment (column: 0-based index in the source). */
export interface MappingEntry {
  field: string;
  column: number;
  header: string;
  scale?: number;
  /** field 'attribute': kept as a customer attribute named by the header, of this type. */
  attributeType?: AttributeType;
}

export type BatchStatus = 'committed' | 'undone';

export interface ImportBatchSummary {
  id: number;
  entity: EntityKind;
  fileName: string;
  fileHash: string;
  fileSize: number;
  sheet: string | null;
  status: BatchStatus;
  /** Every data row read is accepted, rejected or a duplicate: read = accepted + rejected + duplicate. */
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsDuplicate: number;
  /** Customers this batch created for orders naming one the customer table lacked. */
  customersCreated: number;
  /** Rows naming a customer not in the customer table at import time (created or rejected, per options). */
  unknownCustomers: number;
  /** Id cells a spreadsheet had written as floats (17850.0), read as the id the client wrote (17850). */
  idsUnfloated: number;
  /** Customers named by their id: the customer list had no name column, or a blank name. */
  namesFromIds: number;
  dateMin: string | null;
  dateMax: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  undoneAt: string | null;
  mapping: MappingEntry[];
  options: ImportOptions;
}

export interface RejectReasonCount {
  code: string;
  /** The column most rejects of this reason were found in (null: the row as a whole). */
  column: string | null;
  count: number;
}

export interface ImportBatchDetail extends ImportBatchSummary {
  rejectsByReason: RejectReasonCount[];
  /** The entity's data-quality figures after this batch (whole workspace, not only this batch). */
  quality: EntityQuality;
}

export interface RejectRow {
  id: number;
  rowNumber: number;
  column: string | null;
  rawValue: string | null;
  code: string;
  params: Record<string, string | number>;
  /** The reason in the engagement's language when the batch ran (UIs re-word it from code + params). */
  reason: string;
  /** The source row, header → cell text. */
  rawRow: Record<string, string>;
}

export interface RejectPage {
  total: number;
  offset: number;
  rows: RejectRow[];
}

/** Data-quality figures of one entity over the whole workspace. */
export interface EntityQuality {
  entity: EntityKind;
  rows: number;
  batches: number;
  rejects: number;
  dateMin: string | null;
  dateMax: string | null;
  /** Rows whose customer is not in the customer table (null for customers themselves). */
  unknownCustomers: number | null;
  /** customers: customers with no order line. */
  customersWithoutOrders: number | null;
  /** customers: created by an order import because the customer list lacked them. */
  createdFromOrders: number | null;
  /** orders: distinct order ids (rows are order lines). */
  distinctOrders: number | null;
  /** orders: return lines. */
  returns: number | null;
}

/**
 * Reasons the pipeline adds to the value parsers' codes (catalogue: import:reasons.<code>); a row the
 * reader flagged (RowIssueCode: quotes that do not pair, undecodable bytes) is rejected under its code.
 */
export type PipelineReasonCode = 'customer_unknown' | 'amount_not_derivable' | 'contract_value_missing';
