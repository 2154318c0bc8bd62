// The experiment's verdict and caveats from its members' outcomes.
import { describe, expect, it } from 'vitest';
import { ExperimentDefinitionSchema, evaluateExperiment, type MemberOutcome } from '../../../shared/impact/experiment';

const def = (over: Record<string, unknown> = {}) =>
  ExperimentDefinitionSchema.parse({ name: 'x', action: 'y', selection: 'random', outcome: 'converted', startDate: '2026-03-01', windowDays: 60, ...over });

/** n members per arm; `hits` of them converted; pre-period converted for the first `pre`. */
function arm(a: 'treatment' | 'control', n: number, hits: number, pre = 0): MemberOutcome[] {
  return Array.from({ length: n }, (_v, i) => ({ customerKey: `${a}${i}`, arm: a, value: i < hits ? 1 : 0, pre: i < pre ? 1 : 0 }));
}

describe('verdicts', () => {
  const members = [...arm('treatment', 200, 140), ...arm('control', 200, 100)];
  it('worked: a significant rise once the window is over', () => {
    const r = evaluateExperiment({ experimentId: 1, definition: def(), members, windowEnd: '2026-04-29', dataEnd: '2026-06-30' });
    expect(r.verdict).toBe('worked');
    expect(r.primary?.method).toBe('twoProportion');
    expect(r.primary?.difference).toBeCloseTo(0.2, 12);
    expect(r.caveats).toEqual([]);
  });
  it('too early: the same figures before the window ends are interim', () => {
    const r = evaluateExperiment({ experimentId: 1, definition: def(), members, windowEnd: '2026-04-29', dataEnd: '2026-04-01' });
    expect(r.verdict).toBe('tooEarly');
    expect(r.caveats.map((c) => c.key)).toContain('windowNotOver');
  });
  it('backfired: a significant fall', () => {
    const r = evaluateExperiment({
      experimentId: 1,
      definition: def(),
      members: [...arm('treatment', 200, 60), ...arm('control', 200, 100)],
      windowEnd: '2026-04-29',
      dataEnd: '2026-06-30',
    });
    expect(r.verdict).toBe('backfired');
  });
  it('untrustworthy: a 50/50 design that came out 300/100 is a sample-ratio mismatch', () => {
    const r = evaluateExperiment({
      experimentId: 1,
      definition: def(),
      members: [...arm('treatment', 300, 200), ...arm('control', 100, 50)],
      windowEnd: '2026-04-29',
      dataEnd: '2026-06-30',
    });
    expect(r.srm?.mismatch).toBe(true);
    expect(r.verdict).toBe('untrustworthy');
  });
  it('no effect detected on small groups: says what it could have detected, and that the groups are small', () => {
    const r = evaluateExperiment({
      experimentId: 1,
      definition: def(),
      members: [...arm('treatment', 20, 11), ...arm('control', 20, 10)],
      windowEnd: '2026-04-29',
      dataEnd: '2026-06-30',
    });
    expect(r.verdict).toBe('noEffectDetected');
    expect(r.mde).toBeGreaterThan(0.3);
    expect(r.caveats.map((c) => c.key)).toContain('tooSmall');
  });
  it('not assigned: no members', () => {
    expect(evaluateExperiment({ experimentId: 1, definition: def(), members: [], windowEnd: '2026-04-29', dataEnd: '2026-06-30' }).verdict).toBe('notAssigned');
  });
  it('groups chosen by rule that differed before the start say so', () => {
    const r = evaluateExperiment({
      experimentId: 1,
      definition: def({ selection: 'rule' }),
      members: [...arm('treatment', 200, 140, 150), ...arm('control', 200, 100, 60)],
      windowEnd: '2026-04-29',
      dataEnd: '2026-06-30',
    });
    expect(r.caveats.map((c) => c.key)).toEqual(expect.arrayContaining(['notRandom', 'preImbalance']));
  });
  it('revenue: Welch and the bootstrap, CUPED first when chosen', () => {
    const rev = (a: 'treatment' | 'control', shift: number): MemberOutcome[] =>
      Array.from({ length: 100 }, (_v, i) => ({ customerKey: `${a}${i}`, arm: a, pre: 1000 + 10 * i, value: 1000 + 10 * i + shift + ((i * 37) % 11) }));
    const r = evaluateExperiment({
      experimentId: 1,
      definition: def({ outcome: 'revenue', varianceReduction: 'cuped' }),
      members: [...rev('treatment', 50), ...rev('control', 0)],
      windowEnd: '2026-04-29',
      dataEnd: '2026-06-30',
    });
    expect(r.estimates.map((e) => e.method)).toEqual(['cuped', 'welch', 'bootstrap']);
    expect(r.cuped?.varianceReduction).toBeGreaterThan(0.99);
    expect(r.primary?.difference).toBeCloseTo(50, 6);
    expect(r.verdict).toBe('worked');
    // Without CUPED the pre-period spread hides the 50.
    const raw = evaluateExperiment({
      experimentId: 1,
      definition: def({ outcome: 'revenue' }),
      members: [...rev('treatment', 50), ...rev('control', 0)],
      windowEnd: '2026-04-29',
      dataEnd: '2026-06-30',
    });
    expect(raw.verdict).toBe('noEffectDetected');
  });
});

describe('a random draw made after the start', () => {
  it('says the result measures the action only if it reached exactly the treatment group', () => {
    const members = [...arm('treatment', 50, 30), ...arm('control', 50, 25)];
    const late = evaluateExperiment({
      experimentId: 1,
      definition: def(),
      members,
      windowEnd: '2026-04-29',
      dataEnd: '2026-06-30',
      assignedAt: '2026-12-04T10:00:00',
    });
    expect(late.caveats.find((c) => c.key === 'drawnAfterStart')?.params).toEqual({ drawn: '2026-12-04', start: '2026-03-01' });
    const early = evaluateExperiment({
      experimentId: 1,
      definition: def(),
      members,
      windowEnd: '2026-04-29',
      dataEnd: '2026-06-30',
      assignedAt: '2026-02-20T10:00:00',
    });
    expect(early.caveats.map((c) => c.key)).not.toContain('drawnAfterStart');
  });
});
