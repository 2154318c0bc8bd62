import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  ACTION_TEMPLATE_IDS,
  DEFAULT_SIGNAL_RULES,
  HEALTH_METRICS,
  HEALTH_PRESETS,
  OWNER_ROLES,
  REPAIR_INDICATORS,
  SEVERITIES,
} from '../../../shared/health';
import { STATUS_NOTE_KEYS } from '../../../shared/health/status-notes';
import en from '../../../shared/i18n/locales/en/health.json';
import zh from '../../../shared/i18n/locales/zh-CN/health.json';

type Tree = { [k: string]: string | Tree };

function leaves(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const zhLeaves = leaves(zh as Tree);
const enLeaves = leaves(en as Tree);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('health catalogues', () => {
  it('zh-CN and en have the same keys and the same placeholders', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    for (const [k, v] of zhLeaves) expect(placeholders(v), k).toEqual(placeholders(enLeaves.get(k) ?? ''));
  });

  it('every key the code refers to exists', () => {
    const keys = [
      ...HEALTH_METRICS.map((m) => `metrics.${m}`),
      ...SEVERITIES.map((s) => `severities.${s}`),
      ...OWNER_ROLES.map((r) => `ownerRoles.${r}`),
      ...ACTION_STATUSES.map((s) => `actionStatuses.${s}`),
      ...ACTION_TEMPLATE_IDS.flatMap((a) => [`actions.${a}.title`, `actions.${a}.description`]),
      ...DEFAULT_SIGNAL_RULES.flatMap((r) => ['name', 'description', 'response', 'evidence'].map((p) => `signals.${r.id}.${p}`)),
      ...HEALTH_PRESETS.flatMap((p) => [p.nameKey, p.descriptionKey, ...p.measures.map((m) => m.labelKey)]),
      ...REPAIR_INDICATORS.map((i) => `repair.indicators.${i}`),
      ...['held', 'partial', 'notHeld', 'insufficientData', 'notYetDue'].map((v) => `repair.verdicts.${v}`),
      ...STATUS_NOTE_KEYS.map((k) => `ui.status.notes.${k}`),
      'noScore.allMeasuresNA',
      'noScore.onlyZeroWeights',
      'bands.red',
      'trend.up',
    ];
    for (const k of keys) {
      expect(k, 'key defined').toBeTypeOf('string');
      expect(zhLeaves.has(k as string), `zh-CN ${k}`).toBe(true);
      expect(enLeaves.has(k as string), `en ${k}`).toBe(true);
    }
  });
});
