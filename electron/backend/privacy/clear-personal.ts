import type { WritableDB, ReadableDB } from '../workspace/connection';
import { recordAuditSync } from '../workspace/repositories/audit';
import { loadPseudonymMap } from '../reports/store';
import { assignPseudonyms, formatPseudonym, normaliseForPseudonym } from '../../../shared/reports/pseudonymise';
import { createTranslator } from '../../../shared/i18n/translate';
import type { Locale } from '../../../shared/errors';
import { PERSONAL_COLUMNS, canHoldText, type ColumnRule } from './personal-columns';
import { scrubJsonText, type Scrubber } from './scrub-json';

// Close-out of the personal fields: one transaction walks PERSONAL_COLUMNS over the tables this file
// has, then the file is rebuilt (VACUUM) and the WAL folded in and truncated, with secure_delete on,
// so the old text survives in no free page, WAL frame or journal of the workspace.

export interface ClearedFields {
  cleared: Record<string, number>;
  rowsDeleted: Record<string, number>;
  walTruncated: boolean;
}

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
}

export function tableColumns(sqlite: ReadableDB): Map<string, ColumnInfo[]> {
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_autoindex%'").pluck().all() as string[];
  return new Map(tables.map((t) => [t, sqlite.prepare('select name, type, "notnull", dflt_value from pragma_table_info(?)').all(t) as ColumnInfo[]]));
}

const quote = (id: string): string => `"${id.replace(/"/g, '""')}"`;

function distinct(sqlite: ReadableDB, tables: Map<string, ColumnInfo[]>, pairs: [string, string][]): string[] {
  const out = new Set<string>();
  for (const [t, c] of pairs) {
    if (!tables.get(t)?.some((col) => col.name === c)) continue;
    for (const v of sqlite
      .prepare(`select distinct ${quote(c)} from ${quote(t)} where ${quote(c)} is not null`)
      .pluck()
      .iterate() as Iterable<unknown>) {
      if (typeof v === 'string' && v.trim() !== '') out.add(v);
    }
  }
  return [...out].sort();
}

function whereRule(rule: ColumnRule['do']): [string, string][] {
  return Object.entries(PERSONAL_COLUMNS).flatMap(([t, r]) =>
    r.rows === 'keep'
      ? Object.entries(r.columns)
          .filter(([, c]) => c.do === rule)
          .map(([c]): [string, string] => [t, c])
      : [],
  );
}

/** Tokens for every customer name and staff name, and the scrubber for stored JSON. */
function buildTokens(sqlite: ReadableDB, tables: Map<string, ColumnInfo[]>, locale: Locale) {
  const t = createTranslator(locale);
  const customerNames = distinct(sqlite, tables, whereRule('customerToken'));
  const map = assignPseudonyms(loadPseudonymMap(sqlite), 'customer', customerNames);
  const customerToken = (name: string): string => {
    const n = map.entries.customer[normaliseForPseudonym('customer', name)];
    return n === undefined ? name : formatPseudonym('customer', n, locale);
  };
  const staff = new Map(distinct(sqlite, tables, whereRule('staffToken')).map((s, i) => [s, t('privacy:staffToken', { n: String(i + 1).padStart(3, '0') })]));
  const exact = new Map<string, string | null>();
  for (const name of customerNames) exact.set(name, customerToken(name));
  for (const [name, token] of staff) exact.set(name, token);
  for (const v of distinct(sqlite, tables, [
    ['customers', 'contact_name'],
    ['customers', 'phone'],
    ['customers', 'email'],
  ]))
    exact.set(v, null);
  const scrubber: Scrubber = { exact, inner: staff };
  return { customerToken, staffToken: (s: string) => staff.get(s) ?? s, scrubber, respondent: (n: number) => t('privacy:respondentToken', { n }) };
}

function clearedValue(col: ColumnInfo): string | null {
  if (!col.notnull) return null;
  // A NOT NULL column goes back to its declared default ('[]', '{}'), else to empty text.
  if (col.dflt_value === null) return '';
  const m = /^'(.*)'$/s.exec(col.dflt_value);
  return m ? m[1]!.replace(/''/g, "'") : '';
}

type ClearingRule = Exclude<ColumnRule['do'], 'keep'>;

/** Clear or replace one column's values; returns how many values changed. */
function clearColumn(sqlite: WritableDB, table: string, col: ColumnInfo, rule: ClearingRule, respondent: (n: number) => string): number {
  const t = quote(table);
  const c = quote(col.name);
  switch (rule) {
    case 'clear': {
      // A value already in its cleared form ('[]' tags) is not counted again.
      const v = clearedValue(col);
      return sqlite.prepare(`update ${t} set ${c} = ? where ${c} is not ?`).run(v, v).changes;
    }
    case 'customerToken':
      // A name no map knows falls back to the customer's key: never left as it was.
      return sqlite.prepare(`update ${t} set ${c} = coalesce(rwb_customer_token(${c}), customer_key) where ${c} is not null`).run().changes;
    case 'staffToken':
      return sqlite.prepare(`update ${t} set ${c} = rwb_staff_token(${c}) where ${c} is not null`).run().changes;
    case 'projectKey':
      return sqlite.prepare(`update ${t} set ${c} = project_key where ${c} is not null`).run().changes;
    case 'scrubJson':
      return sqlite.prepare(`update ${t} set ${c} = rwb_scrub_json(${c}) where ${c} is not null`).run().changes;
    case 'respondentToken': {
      const rows = sqlite.prepare(`select rowid as id from ${t} where ${c} is not null order by rowid`).pluck().all() as number[];
      const update = sqlite.prepare(`update ${t} set ${c} = ? where rowid = ?`);
      return rows.reduce((n, id, i) => n + update.run(respondent(i + 1), id).changes, 0);
    }
  }
}

export function clearPersonalFields(sqlite: WritableDB, locale: Locale): ClearedFields {
  const tables = tableColumns(sqlite);
  const tokens = buildTokens(sqlite, tables, locale);
  sqlite.function('rwb_customer_token', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? tokens.customerToken(v) : v) as string | null);
  sqlite.function('rwb_staff_token', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? tokens.staffToken(v) : v) as string | null);
  sqlite.function('rwb_scrub_json', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? scrubJsonText(v, tokens.scrubber) : v) as string | null);

  const cleared: Record<string, number> = {};
  const rowsDeleted: Record<string, number> = {};
  const previous = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    sqlite.transaction(() => {
      for (const [table, cols] of tables) {
        const rule = PERSONAL_COLUMNS[table];
        if (!rule) continue; // refused by the test; a table nobody declared is left as it is
        if (rule.rows === 'delete') {
          const n = sqlite.prepare(`delete from ${quote(table)}`).run().changes;
          if (n > 0) rowsDeleted[table] = n;
          continue;
        }
        for (const col of cols) {
          const r = rule.columns[col.name];
          if (!r || r.do === 'keep' || !canHoldText(col.type)) continue;
          const changes = clearColumn(sqlite, table, col, r.do, tokens.respondent);
          if (changes > 0) cleared[`${table}.${col.name}`] = changes;
        }
      }
      recordAuditSync(sqlite, 'engagement.closeOut', { mode: 'personalFields', cleared, rowsDeleted });
    })();
    return { cleared, rowsDeleted, walTruncated: rebuildFile(sqlite) };
  } finally {
    sqlite.pragma(`secure_delete = ${previous ? 'ON' : 'OFF'}`);
  }
}

/**
 * Rebuild the file from its live rows and fold the WAL in, truncated. secure_delete zeroes what a
 * statement frees, but not the free space earlier updates left on a page (an import that rewrote a
 * customer row leaves its old cell there), so only a rebuild leaves no old text in the file. VACUUM's
 * temporary copy holds the live rows only, already cleared. False when a reader kept the WAL alive.
 */
export function rebuildFile(sqlite: WritableDB): boolean {
  try {
    sqlite.exec('VACUUM');
  } catch (err) {
    // A job thread's connection mid-read: the rows are cleared, the rebuild must wait for it.
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return false;
    throw err;
  }
  const [cp] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return cp === undefined || cp.busy === 0;
}
