import { AnalyticsParamsSchema, type AnalyticsParams } from './params';

/**
 * The parameters of a stored run. The value-group rules were stored as `rfm.seedRules` before
 * migration 0009 renamed the key in every workspace it upgrades; a document written with the old
 * key (a copied run, a file saved from an older version) still loads, with the same rules.
 */
export function parseStoredParams(raw: unknown): AnalyticsParams {
  return AnalyticsParamsSchema.parse(withCurrentKeys(raw));
}

function withCurrentKeys(raw: unknown): unknown {
  if (!isObject(raw) || !isObject(raw.rfm) || !('seedRules' in raw.rfm) || 'valueGroupRules' in raw.rfm) return raw;
  const { seedRules, ...rfm } = raw.rfm;
  return { ...raw, rfm: { ...rfm, valueGroupRules: seedRules } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
