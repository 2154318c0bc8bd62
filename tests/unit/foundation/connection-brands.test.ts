import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expectTypeOf, it } from 'vitest';
import type { ReadableDB, ReadExecutor, WritableDB, WritableKysely, WriteExecutor } from '../../../electron/backend/workspace/connection';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import type { deleteRun, loadRun, storeRun } from '../../../electron/backend/diagnostics/runs-repo';
import type { customerPage, CustomerPageArgs } from '../../../electron/backend/diagnostics/drill-sql';
import type { dismissSignal, overview } from '../../../electron/backend/health/queries';
import type { getDefinition, saveDefinition } from '../../../electron/backend/reports/store';
import type { listAudit, recordAudit } from '../../../electron/backend/workspace/repositories/audit';
import type { SectionContext } from '../../../electron/backend/reports/sections/context';
import type { ReportDefinition } from '../../../shared/reports/definition';

// A type test: `tsc -b` (part of `npm test`) checks every line, and each @ts-expect-error fails the
// typecheck if the call it marks ever compiles, i.e. if a writer would accept a reader's connection.
// Nothing here runs a query; the functions below are never called. Every other argument is of the
// right type, so the brand is the only thing each marked call gets wrong.

function readerCannotWrite(
  reader: ReadableDB,
  readExecutor: ReadExecutor,
  plain: Database.Database,
  definition: ReportDefinition,
  fns: { del: typeof deleteRun; save: typeof saveDefinition; dismiss: typeof dismissSignal; audit: typeof recordAudit; load: typeof loadRun },
): void {
  fns.load(reader, 1);
  // @ts-expect-error a function that writes refuses a read-only connection
  fns.del(reader, 1);
  // @ts-expect-error the same for the report store's writer
  fns.save(reader, definition, '2026-01-01');
  // @ts-expect-error and for a health signal's status change
  fns.dismiss(reader, 1, 'reason', '2026-01-01T00:00:00');
  // @ts-expect-error kysely repositories too: recording an audit entry needs a WriteExecutor
  void fns.audit(readExecutor, 'x');
  // @ts-expect-error a connection opened anywhere but workspace/db.ts carries no brand at all
  fns.load(plain, 1);
}

function writerCanRead(ws: Workspace, pageArgs: CustomerPageArgs, fns: { load: typeof loadRun; page: typeof customerPage; list: typeof listAudit }): void {
  fns.load(ws.sqlite, 1);
  fns.page(ws.sqlite, pageArgs);
  void fns.list(ws.db, 10);
}

describe('branded connections', () => {
  it('the workspace holds the writable connections, and writable is also readable', () => {
    expectTypeOf<Workspace['sqlite']>().toEqualTypeOf<WritableDB>();
    expectTypeOf<Workspace['db']>().toEqualTypeOf<WritableKysely>();
    expectTypeOf<WritableDB>().toExtend<ReadableDB>();
    expectTypeOf<WritableKysely>().toExtend<ReadExecutor>();
    expectTypeOf<WriteExecutor>().toExtend<ReadExecutor>();
    expectTypeOf<ReadableDB>().not.toExtend<WritableDB>();
    expectTypeOf<ReadExecutor>().not.toExtend<WriteExecutor>();
    expectTypeOf(readerCannotWrite).toBeFunction();
    expectTypeOf(writerCanRead).toBeFunction();
  });

  it('readers declare the read-only type, writers the writable one', () => {
    expectTypeOf<Parameters<typeof loadRun>[0]>().toEqualTypeOf<ReadableDB>();
    expectTypeOf<Parameters<typeof customerPage>[0]>().toEqualTypeOf<ReadableDB>();
    expectTypeOf<Parameters<typeof overview>[0]>().toEqualTypeOf<ReadableDB>();
    expectTypeOf<Parameters<typeof getDefinition>[0]>().toEqualTypeOf<ReadableDB>();
    expectTypeOf<Parameters<typeof listAudit>[0]>().toEqualTypeOf<ReadExecutor>();
    expectTypeOf<Parameters<typeof storeRun>[0]>().toEqualTypeOf<WritableDB>();
    expectTypeOf<Parameters<typeof saveDefinition>[0]>().toEqualTypeOf<WritableDB>();
    expectTypeOf<Parameters<typeof recordAudit>[0]>().toEqualTypeOf<WriteExecutor>();
    // report sections only read what other domains stored
    expectTypeOf<SectionContext['sqlite']>().toEqualTypeOf<ReadableDB>();
    expectTypeOf<SectionContext['db']>().toEqualTypeOf<ReadExecutor>();
  });
});
