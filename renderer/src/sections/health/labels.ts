import type { TFunction } from 'i18next';
import type { HealthModel, HealthMeasure } from '../../../../shared/health/model';

/** A model's display name: catalogue key for presets, free text for the consultant's own. */
export function modelName(t: TFunction, m: Pick<HealthModel, 'name' | 'nameKey' | 'id'>): string {
  return m.nameKey ? t(m.nameKey) : (m.name ?? m.id);
}

export function measureName(t: TFunction, m: Pick<HealthMeasure, 'label' | 'labelKey' | 'id'>): string {
  return m.labelKey ? t(m.labelKey) : (m.label ?? m.id);
}

export function fmtScore(score: number | null | undefined): string {
  return score == null || Number.isNaN(score) ? '–' : score.toFixed(1);
}

export function fmtValue(v: number | null): string {
  if (v == null) return '–';
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** '2026-11-24T09:00:00' → '2026-11-24 09:00' */
export function fmtWhen(dt: string | null): string {
  return dt ? dt.replace('T', ' ').slice(0, 16) : '–';
}
