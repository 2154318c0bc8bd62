import { describe, expect, it } from 'vitest';
import { statusNotes, type LifecycleVerdict } from '../../../shared/health/status-notes';
import { LifecycleParamsSchema } from '../../../shared/analytics/params';

const rules = LifecycleParamsSchema.parse({});
const stage = (s: LifecycleVerdict['stage']): LifecycleVerdict => ({ stage: s, rules });
const keys = (...args: Parameters<typeof statusNotes>) => statusNotes(...args).map((n) => n.key);

describe('status notes: where two views disagree by design, the card says why', () => {
  it('a 5·5·5 buyer who is lifecycle 风险 gets the RFM-versus-trend note', () => {
    const notes = statusNotes({ band: 'yellow', heavyOpen: 0, heavyShare: 0.25 }, stage('atRisk'), { r: 5, f: 5, m: 5, recencyDays: 6 }, null);
    expect(notes).toEqual([{ key: 'rfmTopButAtRisk', params: { r: 5, f: 5, m: 5, days: 6 } }]);
    // R 3 is not a recent top buyer: nothing to explain beyond the lifecycle rule itself.
    expect(keys({ band: 'yellow', heavyOpen: 0, heavyShare: 0.25 }, stage('atRisk'), { r: 3, f: 5, m: 5, recencyDays: 120 }, null)).toEqual([]);
  });

  it('green with an open heavy signal says how much the model weighs heavy signals, or that it does not', () => {
    expect(statusNotes({ band: 'green', heavyOpen: 2, heavyShare: 0.1 }, stage('mature'), null, null)).toEqual([
      { key: 'greenWithHeavySignal', params: { count: 2, sharePct: 10 } },
    ]);
    expect(keys({ band: 'green', heavyOpen: 1, heavyShare: null }, null, null, null)).toEqual(['greenHeavyNotScored']);
    expect(keys({ band: 'yellow', heavyOpen: 1, heavyShare: 0.25 }, null, null, null)).toEqual([]);
  });

  it('names the dates when lifecycle and RFM come from another as-of date', () => {
    expect(
      statusNotes({ band: 'yellow', heavyOpen: 0, heavyShare: 0.25 }, null, null, { healthAsOf: '2026-10-31', diagnosticAsOf: '2026-09-30', runId: 3 }),
    ).toEqual([{ key: 'differentAsOf', params: { healthAsOf: '2026-10-31', diagnosticAsOf: '2026-09-30', runId: 3 } }]);
  });

  it('explains red health beside a calm lifecycle, green beside 风险, and a churned stage still scored', () => {
    expect(keys({ band: 'red', heavyOpen: 0, heavyShare: 0.25 }, stage('mature'), null, null)).toEqual(['redButLifecycleFine']);
    expect(keys({ band: 'green', heavyOpen: 0, heavyShare: 0.25 }, stage('atRisk'), null, null)).toEqual(['greenButAtRisk']);
    expect(keys({ band: 'yellow', heavyOpen: 0, heavyShare: 0.25 }, stage('churned'), null, null)).toEqual(['churnedButScored']);
    expect(keys({ band: 'green', heavyOpen: 0, heavyShare: 0.25 }, stage('mature'), { r: 5, f: 5, m: 5, recencyDays: 3 }, null)).toEqual([]);
  });
});
