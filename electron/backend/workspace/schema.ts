import type { Selectable } from 'kysely';
import type { CoreTables } from './tables/core';
import type { DataTables } from './tables/data';
import type { ImportTables } from './tables/import';
import type { AttributeTables } from './tables/attributes';
import type { DiagnosticsTables } from './tables/diagnostics';
import type { ChecklistTables } from './tables/checklists';
import type { HealthTables } from './tables/health';
import type { ReportTables } from './tables/reports';
import type { ChurnTables } from './tables/churn';
import type { ParamTables } from './tables/params';
import type { ClvTables } from './tables/clv';
import type { ImpactTables } from './tables/impact';
import type { TriageTables } from './tables/triage';
import type { VocTables } from './tables/voc';
import type { ViewTables } from './tables/views';

// Today's table types, one interface per domain, merged here. Migrations never import these.
export interface DB
  extends
    CoreTables,
    DataTables,
    ImportTables,
    DiagnosticsTables,
    HealthTables,
    ChecklistTables,
    ReportTables,
    ChurnTables,
    AttributeTables,
    ParamTables,
    ClvTables,
    TriageTables,
    VocTables,
    ViewTables,
    ImpactTables {}

/**
 * A row of `table` as a select returns it: the one row type of each table, for kysely and for the
 * better-sqlite3 statements on hot paths alike (`Pick<Row<'t'>, ...>` for a partial select).
 */
export type Row<T extends keyof DB> = Selectable<DB[T]>;

// Repositories take the executor first: ReadExecutor / WriteExecutor (and ReadableDB / WritableDB for
// better-sqlite3) in ./connection. Inside a transaction pass the transaction, never the db.
