import { createHash, randomBytes } from 'node:crypto';
import type { ReadableDB, WritableDB } from '../workspace/connection';
import { recordAuditSync } from '../workspace/repositories/audit';
import type { CustomerEraseResult, ErasureNotes } from '../../../shared/domain/privacy';
import { WorkbenchError } from '../errors';
import { normaliseForPseudonym } from '../../../shared/reports/pseudonymise';
import { rebuildFile, tableColumns } from './clear-personal';

// Erasure on request (PIPL art. 47): every row keyed by the customer goes, from the canonical tables
// and from the stored runs' per-customer tables, found by their customer_key column so a table added
// later is covered too. A run's aggregates (its results JSON, its counts) were computed with the
// customer and stay as they are; the run is noted instead. The audit entry names the customer only by
// a salted hash: the log cannot be edited later, so it must not hold the key it is meant to forget.

const SALT_KEY = 'privacy.erasureSalt';
const NOTES_KEY = 'privacy.erasures';
const RUN_TABLES = { diagnostic: 'diagnostic_customer', health: 'health_score', churn: 'churn_score', clv: 'clv_customer' } as const;

const quote = (id: string): string => `"${id.replace(/"/g, '""')}"`;

function setting(sqlite: ReadableDB, key: string): string | null {
  const row = sqlite.prepare('select value from workspace_setting where key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

function putSetting(sqlite: WritableDB, key: string, value: string): void {
  sqlite.prepare('insert into workspace_setting (key, value) values (?, ?) on conflict(key) do update set value = excluded.value').run(key, value);
}

export function erasureNotes(sqlite: ReadableDB): ErasureNotes {
  const raw = setting(sqlite, NOTES_KEY);
  const empty: ErasureNotes = { diagnostic: {}, health: {}, churn: {}, clv: {} };
  if (!raw) return empty;
  try {
    return { ...empty, ...(JSON.parse(raw) as Partial<ErasureNotes>) };
  } catch {
    return empty;
  }
}

/** The key's hash under this workspace's salt (made on first use): the same key gives the same hash here only. */
export function erasureKeyHash(sqlite: WritableDB, customerKey: string): string {
  let salt = setting(sqlite, SALT_KEY);
  if (!salt) {
    salt = randomBytes(16).toString('hex');
    putSetting(sqlite, SALT_KEY, salt);
  }
  return createHash('sha256').update(`${salt}\n${customerKey}`).digest('hex');
}

export function eraseCustomer(sqlite: WritableDB, customerKey: string): CustomerEraseResult {
  const tables = tableColumns(sqlite);
  const keyed = [...tables].filter(([, cols]) => cols.some((c) => c.name === 'customer_key')).map(([t]) => t);
  const exists = keyed.some((t) => sqlite.prepare(`select 1 from ${quote(t)} where customer_key = ? limit 1`).get(customerKey) !== undefined);
  if (!exists) throw new WorkbenchError('CUSTOMER_NOT_FOUND', { key: customerKey });

  // Freed cells are zeroed as the rows go, and the file is rebuilt after: old copies of the rows left
  // in free space by earlier updates go too.
  const previous = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    const result = eraseRows(sqlite, customerKey, tables, keyed);
    rebuildFile(sqlite);
    return result;
  } finally {
    sqlite.pragma(`secure_delete = ${previous ? 'ON' : 'OFF'}`);
  }
}

function eraseRows(sqlite: WritableDB, customerKey: string, tables: ReturnType<typeof tableColumns>, keyed: string[]): CustomerEraseResult {
  return sqlite.transaction((): CustomerEraseResult => {
    // Actions point at signals (set null on delete); deferring lets the tables go in any order.
    sqlite.pragma('defer_foreign_keys = ON');
    const personal = sqlite.prepare('select name, contact_name, phone, email from customers where customer_key = ?').all(customerKey) as Record<
      'name' | 'contact_name' | 'phone' | 'email',
      string | null
    >[];
    const notes = erasureNotes(sqlite);
    let runsNoted = 0;
    for (const [kind, table] of Object.entries(RUN_TABLES) as [keyof ErasureNotes, string][]) {
      if (!tables.has(table)) continue;
      for (const runId of sqlite
        .prepare(`select distinct run_id from ${quote(table)} where customer_key = ?`)
        .pluck()
        .all(customerKey) as number[]) {
        notes[kind][String(runId)] = (notes[kind][String(runId)] ?? 0) + 1;
        runsNoted += 1;
      }
    }
    const rowsDeleted: Record<string, number> = {};
    for (const t of keyed) {
      const n = sqlite.prepare(`delete from ${quote(t)} where customer_key = ?`).run(customerKey).changes;
      if (n > 0) rowsDeleted[t] = n;
    }
    // Rejected import rows keep the source row as {header: cell}: those with the key in a cell are theirs.
    if (tables.has('import_reject')) {
      const n = sqlite
        .prepare('delete from import_reject where json_valid(raw_row) and exists (select 1 from json_each(raw_row) where value = ?)')
        .run(customerKey).changes;
      if (n > 0) rowsDeleted.import_reject = n;
    }
    // The pseudonym key's entries for this customer's name and contact details.
    if (tables.has('report_pseudonym')) {
      const del = sqlite.prepare('delete from report_pseudonym where kind = ? and original = ?');
      let n = 0;
      for (const p of personal) {
        for (const [kind, v] of [
          ['customer', p.name],
          ['contact', p.contact_name],
          ['phone', p.phone],
          ['email', p.email],
        ] as const) {
          if (v) n += del.run(kind, normaliseForPseudonym(kind, v)).changes;
        }
      }
      if (n > 0) rowsDeleted.report_pseudonym = n;
    }
    putSetting(sqlite, NOTES_KEY, JSON.stringify(notes));
    const keyHash = erasureKeyHash(sqlite, customerKey);
    recordAuditSync(sqlite, 'customers.erase', { keyHash, rowsDeleted, runsNoted });
    return { keyHash, rowsDeleted, runsNoted };
  })();
}
