// Experiments in the workspace: the definition, the groups (drawn once and recorded, a random draw with
// its seed), and the evaluation read from the data each time it is asked for.

import type { ReadableDB, WritableDB } from '../workspace/connection';
import type { Row } from '../workspace/schema';
import { WorkbenchError } from '../errors';
import { randomAssignment } from '../../../shared/impact/assignment';
import {
  ExperimentDefinitionSchema,
  type Arm,
  type CustomerRule,
  type Experiment,
  type ExperimentDefinition,
  type ExperimentSummary,
} from '../../../shared/impact/experiment';
import { addDays } from '../../../shared/health/dates';

type ExperimentRow = Row<'experiment'>;

const invalid = (field: string, en: string, zh: string): WorkbenchError => new WorkbenchError('EXPERIMENT_INVALID', { field, detail: en, 'detail@zh-CN': zh });

function counts(sqlite: ReadableDB, id: number): { treatment: number; control: number } {
  const rows = sqlite.prepare(`select arm, count(*) as n from experiment_member where experiment_id = ? group by arm`).all(id) as { arm: Arm; n: number }[];
  return { treatment: rows.find((r) => r.arm === 'treatment')?.n ?? 0, control: rows.find((r) => r.arm === 'control')?.n ?? 0 };
}

function toExperiment(sqlite: ReadableDB, r: ExperimentRow): Experiment {
  const definition = ExperimentDefinitionSchema.parse({ ...(JSON.parse(r.selection_detail) as object), seed: r.seed });
  const summary: ExperimentSummary = {
    id: r.id,
    name: r.name,
    action: r.action,
    design: r.design,
    selection: r.selection,
    outcome: r.outcome,
    startDate: r.start_date,
    windowDays: r.window_days,
    seed: r.seed,
    ...counts(sqlite, r.id),
    assignedAt: r.assigned_at,
    createdAt: r.created_at,
  };
  return { ...summary, definition };
}

export function listExperiments(sqlite: ReadableDB): ExperimentSummary[] {
  const rows = sqlite.prepare(`select * from experiment order by id desc`).all() as ExperimentRow[];
  return rows.map((r) => {
    const { definition: _d, ...s } = toExperiment(sqlite, r);
    return s;
  });
}

export function getExperiment(sqlite: ReadableDB, id: number): Experiment {
  const r = sqlite.prepare(`select * from experiment where id = ?`).get(id) as ExperimentRow | undefined;
  if (!r) throw new WorkbenchError('NOT_FOUND', { what: '实验 / experiment', id });
  return toExperiment(sqlite, r);
}

/** Checks that depend on the definition as a whole; the schema has checked each field. */
function checkDefinition(d: ExperimentDefinition): void {
  if (d.selection === 'list') {
    if (!d.treatmentKeys.length || !d.controlKeys.length)
      throw invalid('treatmentKeys', 'an imported list needs customers in both the treatment and the control list', '导入名单需要同时提供实验组和对照组的客户');
    const t = new Set(d.treatmentKeys);
    const both = d.controlKeys.filter((k) => t.has(k));
    if (both.length)
      throw invalid('controlKeys', `customers in both lists: ${both.slice(0, 5).join(', ')}`, `以下客户同时出现在两个名单中：${both.slice(0, 5).join('、')}`);
  }
  if (d.design === 'did' && d.selection === 'random')
    throw invalid(
      'design',
      'difference-in-differences is for groups that were not randomised; a random split is an A/B test',
      '双重差分用于非随机分组；随机分组请选择 A/B 测试',
    );
  if (d.varianceReduction === 'cuped' && d.design === 'did')
    throw invalid(
      'varianceReduction',
      'CUPED applies to an A/B test; difference-in-differences already uses the pre-period',
      'CUPED 适用于 A/B 测试；双重差分本身已使用实验前数据',
    );
}

export function createExperiment(sqlite: WritableDB, input: unknown, now: string): Experiment {
  const parsed = ExperimentDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw invalid(i?.path.join('.') || 'definition', i?.message ?? 'invalid', i?.message ?? '格式不正确');
  }
  const d = parsed.data;
  checkDefinition(d);
  const { seed, ...rest } = d;
  const id = Number(
    sqlite
      .prepare(
        `insert into experiment (name, action, design, selection, selection_detail, seed, treatment_share, outcome, start_date, window_days, variance_reduction, plan, note, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        d.name,
        d.action,
        d.design,
        d.selection,
        JSON.stringify(rest),
        seed,
        d.selection === 'random' ? d.treatmentShare : null,
        d.outcome,
        d.startDate,
        d.windowDays,
        d.varianceReduction,
        JSON.stringify(d.plan),
        d.note,
        now,
        now,
      ).lastInsertRowid,
  );
  return getExperiment(sqlite, id);
}

export function deleteExperiment(sqlite: WritableDB, id: number): boolean {
  sqlite.prepare(`delete from experiment_member where experiment_id = ?`).run(id);
  return sqlite.prepare(`delete from experiment where id = ?`).run(id).changes > 0;
}

/** Customer keys a rule picks, sorted. Health bands read the latest health run. */
export function customersMatching(sqlite: ReadableDB, rule: CustomerRule, startDate: string): string[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const inList = (column: string, values: string[]) => {
    if (!values.length) return;
    where.push(`${column} in (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('c.industry', rule.industries);
  inList('c.region', rule.regions);
  inList('c.owner', rule.owners);
  inList('c.segment', rule.segments);
  if (rule.excludeChurned) {
    where.push(`(c.churn_date is null or c.churn_date >= ?)`);
    params.push(startDate);
  }
  if (rule.healthBands.length) {
    where.push(
      `c.customer_key in (select s.customer_key from health_score s where s.run_id = (select max(id) from health_run) and s.band in (${rule.healthBands.map(() => '?').join(', ')}))`,
    );
    params.push(...rule.healthBands);
  }
  return sqlite
    .prepare(`select c.customer_key from customers c ${where.length ? `where ${where.join(' and ')}` : ''} order by c.customer_key`)
    .pluck()
    .all(...params) as string[];
}

/**
 * Draws the groups and records them; a random draw stores its seed (the given one, else a new one), so
 * drawing again with the same seed gives the same groups. Replaces an earlier draw.
 */
export function assignExperiment(sqlite: WritableDB, id: number, now: string, seedOverride?: number): Experiment {
  const e = getExperiment(sqlite, id);
  const d = e.definition;
  let treatment: string[];
  let control: string[];
  let seed: number | null = null;
  if (d.selection === 'random') {
    const population = customersMatching(sqlite, d.rule, d.startDate);
    seed = seedOverride ?? d.seed ?? Math.floor(Math.random() * 2 ** 31);
    const a = randomAssignment(population, seed, d.treatmentShare);
    treatment = a.treatment;
    control = a.control;
  } else if (d.selection === 'rule') {
    treatment = customersMatching(sqlite, d.rule, d.startDate);
    const t = new Set(treatment);
    control = customersMatching(sqlite, d.controlRule, d.startDate).filter((k) => !t.has(k));
  } else {
    const known = new Set(sqlite.prepare(`select customer_key from customers`).pluck().all() as string[]);
    const unknown = [...d.treatmentKeys, ...d.controlKeys].filter((k) => !known.has(k));
    if (unknown.length)
      throw invalid(
        'treatmentKeys',
        `customers not in this workspace: ${unknown.slice(0, 5).join(', ')}`,
        `以下客户不在本工作区中：${unknown.slice(0, 5).join('、')}`,
      );
    treatment = [...new Set(d.treatmentKeys)];
    control = [...new Set(d.controlKeys)];
  }
  if (treatment.length < 2 || control.length < 2)
    throw invalid(
      'rule',
      `the groups hold ${treatment.length} treatment and ${control.length} control customers; each needs at least 2`,
      `实验组 ${treatment.length} 位、对照组 ${control.length} 位客户；每组至少需要 2 位`,
    );
  const tx = sqlite.transaction(() => {
    sqlite.prepare(`delete from experiment_member where experiment_id = ?`).run(id);
    const ins = sqlite.prepare(`insert into experiment_member (experiment_id, customer_key, arm) values (?, ?, ?)`);
    for (const k of treatment) ins.run(id, k, 'treatment');
    for (const k of control) ins.run(id, k, 'control');
    sqlite.prepare(`update experiment set seed = ?, assigned_at = ?, updated_at = ? where id = ?`).run(seed, now, now, id);
  });
  tx();
  return getExperiment(sqlite, id);
}

export function members(sqlite: ReadableDB, id: number): { customerKey: string; arm: Arm }[] {
  return (
    sqlite.prepare(`select customer_key, arm from experiment_member where experiment_id = ? order by arm desc, customer_key`).all(id) as {
      customer_key: string;
      arm: Arm;
    }[]
  ).map((r) => ({ customerKey: r.customer_key, arm: r.arm }));
}

export const windowEndOf = (d: Pick<ExperimentDefinition, 'startDate' | 'windowDays'>): string => addDays(d.startDate, d.windowDays - 1);
