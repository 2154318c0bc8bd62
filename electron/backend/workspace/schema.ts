import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from './tables/core';
import type { DataTables } from './tables/data';
import type { ImportTables } from './tables/import';
import type { DiagnosticsTables } from './tables/diagnostics';
import type { ChecklistTables } from './tables/checklists';
import type { HealthTables } from './tables/health';
import type { ReportTables } from './tables/reports';

// Today's table types, one interface per domain, merged here. Migrations never import these.
export interface DB extends CoreTables, DataTables, ImportTables, DiagnosticsTables, HealthTables, ChecklistTables, ReportTables {}

/** Repositories take the executor first; inside a transaction pass the transaction, never the db. */
export type Executor = Kysely<DB> | Transaction<DB>;
