// Saved health models and the workspace's signal rules. Presets live in code (shared/health/presets)
// and are listed beside the saved ones; a saved model may not take a preset's id, so "relationship" always
// means the relationship-maintenance preset.

import type { ReadableDB, WritableDB } from '../workspace/connection';
import { HEALTH_PRESETS, healthPreset } from '../../../shared/health/presets';
import { parseHealthModel, type HealthModel } from '../../../shared/health/model';
import { defaultSignalRules, SignalRuleSetSchema, type SignalRule } from '../../../shared/health/signal-rules';
import { formatIssuePath } from '../../../shared/health/model';
import type { HealthModelEntry } from '../../../shared/contract/health';
import { WorkbenchError } from '../errors';

const RULES_KEY = 'health.signalRules';

export function listModels(sqlite: ReadableDB): HealthModelEntry[] {
  const saved = sqlite.prepare('select model, updated_at from health_model order by name').all() as { model: string; updated_at: string }[];
  return [
    ...HEALTH_PRESETS.map((model) => ({ model, source: 'preset' as const, updatedAt: null })),
    ...saved.map((r) => ({ model: JSON.parse(r.model) as HealthModel, source: 'saved' as const, updatedAt: r.updated_at })),
  ];
}

export function getModel(sqlite: ReadableDB, id: string): HealthModel {
  const preset = healthPreset(id);
  if (preset) return preset;
  const row = sqlite.prepare('select model from health_model where id = ?').get(id) as { model: string } | undefined;
  if (!row) throw new WorkbenchError('NOT_FOUND', { what: '健康度模型 / health model', id });
  return JSON.parse(row.model) as HealthModel;
}

/** Validates with the model schema; a failure names the first offending path. */
export function validateModel(input: unknown): HealthModel {
  const r = parseHealthModel(input);
  if (!r.ok) {
    const detail = r.issues
      .slice(0, 3)
      .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
      .join('; ');
    throw new WorkbenchError('VALIDATION_FAILED', { detail });
  }
  return r.model;
}

export function saveModel(sqlite: WritableDB, input: unknown, now: string): HealthModelEntry {
  const model = validateModel(input);
  if (healthPreset(model.id)) {
    throw new WorkbenchError('VALIDATION_FAILED', { detail: `id "${model.id}" belongs to a preset; copy it under a new id` });
  }
  const name = model.name ?? model.nameKey ?? model.id;
  sqlite
    .prepare(
      `insert into health_model (id, name, model, created_at, updated_at) values (?, ?, ?, ?, ?)
       on conflict(id) do update set name = excluded.name, model = excluded.model, updated_at = excluded.updated_at`,
    )
    .run(model.id, name, JSON.stringify(model), now, now);
  return { model, source: 'saved', updatedAt: now };
}

export function deleteModel(sqlite: WritableDB, id: string): boolean {
  return sqlite.prepare('delete from health_model where id = ?').run(id).changes > 0;
}

export function getRules(sqlite: ReadableDB): SignalRule[] {
  const row = sqlite.prepare('select value from workspace_setting where key = ?').get(RULES_KEY) as { value: string } | undefined;
  if (!row) return defaultSignalRules();
  const parsed = SignalRuleSetSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? withNewRules(parsed.data) : defaultSignalRules();
}

/**
 * A rule set saved before a rule existed (the churn-risk rule) gets that rule with its defaults at
 * the end, so the rule editor shows it and a run can use it; the saved rules stay as they were.
 */
export function withNewRules(rules: SignalRule[]): SignalRule[] {
  const have = new Set(rules.map((r) => r.id));
  return [...rules, ...defaultSignalRules().filter((r) => !have.has(r.id))];
}

export function saveRules(sqlite: WritableDB, input: unknown): SignalRule[] {
  const parsed = SignalRuleSetSchema.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${formatIssuePath(i.path)}: ${i.message}`)
      .join('; ');
    throw new WorkbenchError('VALIDATION_FAILED', { detail });
  }
  sqlite
    .prepare('insert into workspace_setting (key, value) values (?, ?) on conflict(key) do update set value = excluded.value')
    .run(RULES_KEY, JSON.stringify(parsed.data));
  return parsed.data;
}
