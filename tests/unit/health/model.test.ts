import { describe, expect, it } from 'vitest';
import { copyHealthModel, exportHealthModel, HEALTH_PRESETS, importHealthModel, parseHealthModel, RELATIONSHIP_MODEL } from '../../../shared/health';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('health model schema', () => {
  it.each(HEALTH_PRESETS.map((p) => [p.id, p] as const))('preset %s is a valid model', (_id, p) => {
    const r = parseHealthModel(p);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('round-trips through export and import unchanged', () => {
    const text = exportHealthModel(RELATIONSHIP_MODEL);
    const r = importHealthModel(text);
    expect(r).toEqual({ ok: true, model: RELATIONSHIP_MODEL });
  });

  type Edit = [path: (string | number)[], value: unknown];
  // Sets (or, for undefined, deletes) a value at a path inside a JSON copy of a model.
  function apply(target: unknown, [path, value]: Edit): void {
    let node = target as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  const firstId = RELATIONSHIP_MODEL.measures[0]?.id;

  it.each<[string, Edit[], string]>([
    ['points above 100', [[['measures', 1, 'scoring', 'steps', 0, 'points'], 120]], 'measures[1].scoring.steps[0].points'],
    ['unknown metric', [[['measures', 2, 'metric'], 'ticketsPerDay']], 'measures[2].metric'],
    ['negative weight', [[['measures', 0, 'weight'], -1]], 'measures[0].weight'],
    ['weight as text', [[['measures', 0, 'weight'], '25']], 'measures[0].weight'],
    ['duplicate measure id', [[['measures', 3, 'id'], firstId]], 'measures[3].id'],
    ['bands out of order', [[['bands'], { redMax: 80, yellowMax: 60 }]], 'bands.yellowMax'],
    ['unknown scoring kind', [[['measures', 0, 'scoring'], { kind: 'curve' }]], 'measures[0].scoring.kind'],
    ['duplicate threshold bound', [[['measures', 0, 'scoring', 'steps', 1, 'bound'], 12]], 'measures[0].scoring.steps[1].bound'],
    ['measure without a label', [[['measures', 2, 'labelKey'], undefined]], 'measures[2].label'],
    ['all weights zero', [0, 1, 2, 3].map((i): Edit => [['measures', i, 'weight'], 0]), 'measures'],
    ['no measures', [[['measures'], []]], 'measures'],
    ['wrong format marker', [[['format'], 'something-else']], 'format'],
    [
      'grid range upside down',
      [[['measures', 0, 'scoring'], { kind: 'grid', ranges: [{ min: 5, max: 1, points: 10 }], otherwise: null }]],
      'measures[0].scoring.ranges[0]',
    ],
  ])('rejects %s with a clear path', (_what, edits, path) => {
    const bad = clone(RELATIONSHIP_MODEL);
    for (const e of edits) apply(bad, e);
    const r = parseHealthModel(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toContain(path);
      for (const i of r.issues) expect(i.message.length).toBeGreaterThan(0);
    }
  });

  it('says plainly when an imported file is not JSON', () => {
    const r = importHealthModel('{ "format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toMatch(/^not JSON/);
  });

  it('copies a preset into an editable model without touching the preset', () => {
    const copy = copyHealthModel(RELATIONSHIP_MODEL, 'acme-2024', 'ACME 2024 workshop');
    copy.measures[0]!.weight = 99;
    expect(copy).toMatchObject({ id: 'acme-2024', name: 'ACME 2024 workshop', basedOn: 'relationship' });
    expect(copy.nameKey).toBeUndefined();
    expect(RELATIONSHIP_MODEL.measures[0]?.weight).toBe(25);
    expect(parseHealthModel(copy).ok).toBe(true);
  });
});
