// Named parameter sets (migration 0014): the one place that reads and writes param_set. A set is
// stored whole, as the document it exports to (shared/params/param-set.ts).

import type { ReadableDB, WritableDB } from '../workspace/connection';
import type { Row } from '../workspace/schema';
import { ParamSetSchema, type ParamSet } from '../../../shared/params/param-set';
import type { ParamSetSummary } from '../../../shared/contract/params';
import { WorkbenchError } from '../errors';
import { issuesDetail, paramSetIssues } from '../../../shared/params/validate';
import { createTranslator } from '../../../shared/i18n/translate';

type SetRow = Row<'param_set'>;

function parseRow(r: SetRow): ParamSet {
  // A stored set was validated when saved; a later version's defaults fill what it lacks.
  const parsed = ParamSetSchema.safeParse({ ...(JSON.parse(r.params) as object), name: r.name });
  if (!parsed.success) throw new WorkbenchError('PARAM_SET_INVALID', { detail: `${r.name}: ${parsed.error.issues[0]?.message ?? ''}` });
  return parsed.data;
}

export function listParamSets(sqlite: ReadableDB): ParamSetSummary[] {
  const rows = sqlite.prepare(`select name, params, created_at, updated_at from param_set order by name`).all() as SetRow[];
  const used = sqlite.prepare(`select (select count(*) from diagnostic_run where param_set = ?) + (select count(*) from health_run where param_set = ?) as n`);
  return rows.map((r) => {
    const set = parseRow(r);
    return {
      name: r.name,
      description: set.description,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      runs: (used.get(r.name, r.name) as { n: number }).n,
    };
  });
}

/** A stored set; PARAM_SET_NOT_FOUND names the set when there is none. */
export function getParamSet(sqlite: ReadableDB, name: string): ParamSet {
  const r = sqlite.prepare(`select name, params, created_at, updated_at from param_set where name = ?`).get(name) as SetRow | undefined;
  if (!r) throw new WorkbenchError('PARAM_SET_NOT_FOUND', { name });
  return parseRow(r);
}

/** Validates and saves (a set of the same name is replaced); PARAM_SET_INVALID lists the issues. */
export function saveParamSet(sqlite: WritableDB, input: unknown, now: string): ParamSet {
  const parsed = ParamSetSchema.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new WorkbenchError('PARAM_SET_INVALID', { detail });
  }
  const set = parsed.data;
  // What the schema allows but the rules cannot mean (overlapping stages, repeated segment names).
  const errors = paramSetIssues(set).filter((i) => i.level === 'error');
  if (errors.length > 0) {
    const say = (locale: 'zh-CN' | 'en') => {
      const t = createTranslator(locale);
      return issuesDetail(errors, (i) => t(`params:ui.issues.${i.code}`, i.params ?? {}));
    };
    throw new WorkbenchError('PARAM_SET_INVALID', { detail: say('en'), 'detail@zh-CN': say('zh-CN') });
  }
  sqlite
    .prepare(
      `insert into param_set (name, params, created_at, updated_at) values (?, ?, ?, ?)
       on conflict(name) do update set params = excluded.params, updated_at = excluded.updated_at`,
    )
    .run(set.name, JSON.stringify(set), now, now);
  return set;
}

export function deleteParamSet(sqlite: WritableDB, name: string): boolean {
  return sqlite.prepare(`delete from param_set where name = ?`).run(name).changes > 0;
}
