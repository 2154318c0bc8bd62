import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { computeFacts, defaultAsOf } from '../../../electron/backend/health/facts-sql';
import { defaultSignalRules } from '../../../shared/health/signal-rules';
import { evaluateRules } from '../../../shared/health/signals';
import { metricValues } from '../../../shared/health/metrics';
import type { CustomerFacts } from '../../../shared/health/facts';
import { AS_OF, insertFixture, TRIGGERS } from './fixture';

let ws: Workspace;
let facts: Map<string, CustomerFacts>;
const dir = tempDir();

beforeAll(async () => {
  ws = await newWorkspace(dir);
  insertFixture(ws);
  const r = computeFacts(ws.sqlite, AS_OF);
  facts = new Map(r.facts.map((f) => [f.customerKey, f]));
});
afterAll(async () => ws?.close());

const fired = (key: string) => evaluateRules(defaultSignalRules(), facts.get(key)!).map((s) => s.ruleId);

describe('facts in SQL feed every default signal', () => {
  it.each(Object.entries(TRIGGERS))('%s fires for the customer built to trigger it (%s)', (rule, customer) => {
    expect(fired(customer)).toContain(rule);
  });

  it('stays quiet on the customer built just inside every threshold', () => {
    expect(fired('QUIET')).toEqual([]);
  });

  it('does not flag a contract that another contract renews', () => {
    expect(fired('RENEWED')).not.toContain('contractEnding');
    expect(facts.get('RENEWED')!.contracts).toEqual([{ contractKey: 'HT-R1', endDate: '2026-08-15', mrr: 1000, renewed: true }]);
  });

  it('leaves out customers churned before as-of', () => {
    expect(facts.has('GONE')).toBe(false);
    expect(facts.size).toBe(15);
  });
});

describe('the numbers behind the facts', () => {
  it('counts the two 90-day interaction windows', () => {
    const f = facts.get('DROP')!;
    expect([f.interactionsLast90, f.interactionsPrev90, f.lastInteractionDate]).toEqual([1, 6, '2026-05-10']);
    const q = facts.get('QUIET')!;
    expect([q.interactionsLast90, q.interactionsPrev90]).toEqual([3, 4]);
  });

  it('passes the latest outreach oldest first, with responses', () => {
    expect(facts.get('UNANS')!.outreach.map((o) => [o.date, o.responded])).toEqual([
      ['2026-04-10', true],
      ['2026-05-01', false],
      ['2026-05-20', false],
      ['2026-06-10', false],
    ]);
  });

  it('builds complete quarters from the first order on', () => {
    expect(facts.get('SPEND')!.periods).toEqual([
      { start: '2025-10-01', orders: 1, quantity: 10, spend: 1000 },
      { start: '2026-01-01', orders: 1, quantity: 10, spend: 800 },
      { start: '2026-04-01', orders: 1, quantity: 10, spend: 600 },
    ]);
    expect(metricValues(facts.get('VOL')!).purchaseVolumeChangePct).toBeCloseTo(-30, 10);
  });

  it('measures demand feedback waits to the next outbound contact, or to as-of', () => {
    expect(facts.get('NODEMAND')!.demandFeedback).toEqual([{ raisedOn: '2026-04-15', answeredOn: '2026-04-16', waitDays: 1 }]);
    expect(facts.get('FEEDBACK')!.demandFeedback).toEqual([{ raisedOn: '2026-06-10', answeredOn: null, waitDays: 20 }]);
    expect(facts.get('QUIET')!.demandFeedback[0]!.waitDays).toBe(15);
  });

  it('counts a demand as converted by an order within 90 days, and leaves out demands still in play', () => {
    // NODEMAND's demand (04-15) has no order and its 90-day window is still open at 06-30: no outcome yet.
    expect([facts.get('NODEMAND')!.demandsLast365, facts.get('NODEMAND')!.demandsConvertedLast365]).toEqual([0, 0]);
    expect(metricValues(facts.get('NODEMAND')!).demandConversionPct).toBeNull();
  });

  it('takes median first-response hours in the recent and baseline windows', () => {
    const f = facts.get('SERVICE')!;
    expect(f.responseHoursRecent).toBeCloseTo(12, 6);
    expect(f.responseHoursBaseline).toBeCloseTo(10, 6);
    expect(f.ticketsRecent).toBe(2);
  });

  it('sums logins over the last three complete months against the three before', () => {
    expect([facts.get('USAGE')!.loginsPrevious, facts.get('USAGE')!.loginsRecent]).toEqual([300, 180]);
  });

  it('reads satisfaction oldest first and keeps no-data as null', () => {
    expect(facts.get('LOWSAT')!.surveyReadings.map((s) => s.nps)).toEqual([5, 4]);
    expect(metricValues(facts.get('SILENT')!).npsLatest).toBeNull();
    expect(metricValues(facts.get('SILENT')!).ordersLast365).toBeNull();
  });

  it('defaults the as-of date to the latest dated fact, capped at today', () => {
    expect(defaultAsOf(ws.sqlite, '2030-01-01')).toBe('2026-06-15');
    expect(defaultAsOf(ws.sqlite, '2026-01-01')).toBe('2026-01-01');
  });
});
