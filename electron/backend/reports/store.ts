import type { ReadableDB, WritableDB } from '../workspace/connection';
import type { Row } from '../workspace/schema';
import type { Locale } from '../../../shared/errors';
import { toLocale } from '../../../shared/errors';
import {
  defaultReportDefinition,
  normaliseReportDefinition,
  type ReportDefinition,
  type ReportExportEntry,
  type ReportExportKind,
} from '../../../shared/reports/definition';
import type { ReportSectionId } from '../../../shared/reports/model';
import { emptyPseudonymMap, PSEUDONYM_KINDS, type PseudonymMap } from '../../../shared/reports/pseudonymise';

// The report tables of migration 0007, read and written through better-sqlite3 (the pseudonym map of a
// 100k-customer workspace is 400k rows: prepared statements in one transaction, not kysely per row).

const DEFAULT_KEY = 'default';

export function getDefinition(sqlite: ReadableDB, fallbackLanguage: Locale): ReportDefinition {
  const row = sqlite.prepare('select definition from report_definition where key = ?').get(DEFAULT_KEY) as { definition: string } | undefined;
  if (!row) return defaultReportDefinition(fallbackLanguage);
  try {
    return normaliseReportDefinition(JSON.parse(row.definition) as ReportDefinition);
  } catch {
    return defaultReportDefinition(fallbackLanguage);
  }
}

export function saveDefinition(sqlite: WritableDB, def: ReportDefinition, now: string): ReportDefinition {
  const clean = normaliseReportDefinition(def);
  sqlite
    .prepare(
      `insert into report_definition (key, definition, updated_at) values (?, ?, ?)
       on conflict(key) do update set definition = excluded.definition, updated_at = excluded.updated_at`,
    )
    .run(DEFAULT_KEY, JSON.stringify(clean), now);
  return clean;
}

export function loadPseudonymMap(sqlite: ReadableDB): PseudonymMap {
  const map = emptyPseudonymMap();
  for (const r of sqlite.prepare('select kind, original, n from report_pseudonym').iterate() as Iterable<{ kind: string; original: string; n: number }>) {
    if ((PSEUDONYM_KINDS as readonly string[]).includes(r.kind)) map.entries[r.kind as keyof PseudonymMap['entries']][r.original] = r.n;
  }
  return map;
}

/**
 * Adds the entries of `map` not yet stored; existing tokens are never changed. `stored`, the map as
 * loaded before, lets a repeated export skip the 400k inserts that would all be ignored.
 */
export function storePseudonymMap(sqlite: WritableDB, map: PseudonymMap, stored?: PseudonymMap): number {
  const insert = sqlite.prepare('insert or ignore into report_pseudonym (kind, original, n) values (?, ?, ?)');
  let added = 0;
  sqlite.transaction(() => {
    for (const kind of PSEUDONYM_KINDS) {
      const known = stored?.entries[kind];
      for (const [original, n] of Object.entries(map.entries[kind])) {
        if (known && known[original] === n) continue;
        added += insert.run(kind, original, n).changes;
      }
    }
  })();
  return added;
}

export function recordExport(
  sqlite: WritableDB,
  e: { at: string; kind: ReportExportKind; path: string; language: Locale; sections: ReportSectionId[]; pseudonymised: boolean; bytes: number },
): ReportExportEntry {
  const r = sqlite
    .prepare('insert into report_export (at, kind, path, language, sections, pseudonymised, bytes) values (?, ?, ?, ?, ?, ?, ?)')
    .run(e.at, e.kind, e.path, e.language, JSON.stringify(e.sections), e.pseudonymised ? 1 : 0, e.bytes);
  return { id: Number(r.lastInsertRowid), ...e };
}

export function listExports(sqlite: ReadableDB, limit: number): ReportExportEntry[] {
  const rows = sqlite.prepare('select * from report_export order by id desc limit ?').all(limit) as Row<'report_export'>[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    path: r.path,
    language: toLocale(r.language),
    sections: JSON.parse(r.sections) as ReportSectionId[],
    pseudonymised: r.pseudonymised === 1,
    bytes: r.bytes,
  }));
}
