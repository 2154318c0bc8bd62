// Does the default health model rank the demo's planted at-risk customers above the others? The
// planted list is read from resources/demo/planted-patterns.json: every customer of an early-warning
// pattern (the README's "Early-warning signals" section). The measure is the ROC AUC of the stored
// scores (lower score = riskier): the share of (at-risk, other) pairs where the at-risk customer
// scores lower, ties counting half. 0.5 is a coin toss; relationship's model scored 0.56 here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import { runHealth } from '../../../electron/backend/health/run';
import { DEFAULT_HEALTH_MODEL } from '../../../shared/health/presets';
import { defaultSignalRules } from '../../../shared/health/signal-rules';
import { addDays, daysBetween } from '../../../shared/health/dates';
import { runAndStore } from '../../../electron/backend/diagnostics/run';
import { customerHealth } from '../../../electron/backend/health/queries';
import { AnalyticsParamsSchema } from '../../../shared/analytics/params';

const EARLY_WARNING_PATTERNS = [
  'silent6m',
  'interactionDrop',
  'unanswered3',
  'purchaseDown',
  'lowSatTwice',
  'competitor',
  'decisionMaker',
  'slowService',
  'loginsDown',
  'projectDelay',
] as const;

interface Planted {
  asOf: string;
  patterns: Record<string, { customers: string[] }>;
}
const planted = JSON.parse(readFileSync(join(__dirname, '../../../resources/demo/planted-patterns.json'), 'utf8')) as Planted;
const atRisk = new Set(EARLY_WARNING_PATTERNS.flatMap((p) => planted.patterns[p]?.customers ?? []));

/** ROC AUC with lower score = positive; pairs with equal scores count half. */
function rocAuc(scores: readonly { score: number; positive: boolean }[]): number {
  let pairs = 0;
  let wins = 0;
  for (const p of scores) {
    if (!p.positive) continue;
    for (const n of scores) {
      if (n.positive) continue;
      pairs++;
      if (p.score < n.score) wins += 1;
      else if (p.score === n.score) wins += 0.5;
    }
  }
  return wins / pairs;
}

const dir = tempDir();
let ws: Workspace;
let scores: { key: string; score: number; band: string | null; positive: boolean }[];

beforeAll(async () => {
  ws = await createDemoWorkspace(join(dir, 'demo.rwb'), 'zh-CN');
  await runHealth(ws.sqlite, { model: DEFAULT_HEALTH_MODEL, rules: defaultSignalRules(), asOf: planted.asOf, now: '2026-11-02T09:00:00' });
  await runAndStore(ws.sqlite, { params: AnalyticsParamsSchema.parse({ asOf: planted.asOf }), now: '2026-11-02T09:05:00' });
  const rows = ws.sqlite.prepare('select customer_key, score, band from health_score where run_id = 1').all() as {
    customer_key: string;
    score: number | null;
    band: string | null;
  }[];
  // A customer without a score sorts as healthy (it gives the model no reason to worry).
  scores = rows.map((r) => ({ key: r.customer_key, score: r.score ?? 100, band: r.band, positive: atRisk.has(r.customer_key) }));
}, 120_000);
afterAll(async () => ws?.close());

describe('the default health model on the demo engagement', () => {
  it('scores every planted at-risk customer (all are in scope at the as-of date)', () => {
    expect(atRisk.size).toBe(77);
    expect(scores.filter((s) => s.positive)).toHaveLength(77);
  });

  it('ranks the planted at-risk customers above the others: ROC AUC at least 0.80', () => {
    const auc = rocAuc(scores);
    expect(auc).toBeGreaterThanOrEqual(0.8);
    // The five red accounts of the README, each with several signals, are none of them green.
    for (const key of ['KH00077', 'KH00188', 'KH00252', 'KH00285', 'KH00341']) {
      expect(scores.find((s) => s.key === key)?.band).not.toBe('green');
    }
  });

  it('opens the low-satisfaction signal for all 8 planted "low twice" customers', () => {
    const open = new Set(
      ws.sqlite.prepare(`select customer_key from health_signal where rule_id = 'lowSatisfaction' and status = 'open'`).pluck().all() as string[],
    );
    expect(planted.patterns.lowSatTwice!.customers.filter((c) => !open.has(c))).toEqual([]);
  });

  it('flags exactly the planted silent customers, none of whom bought within 90 days', () => {
    const silent = ws.sqlite
      .prepare(`select customer_key from health_signal where rule_id = 'silent' and status = 'open' order by 1`)
      .pluck()
      .all() as string[];
    expect(silent).toEqual([...planted.patterns.silent6m!.customers].sort());
    const boughtRecently = ws.sqlite
      .prepare(`select count(distinct customer_key) from orders where is_return = 0 and order_date > ? and customer_key in (select value from json_each(?))`)
      .pluck()
      .get(addDays(planted.asOf, -90), JSON.stringify(silent));
    expect(boughtRecently).toBe(0);
  });

  it('rates no customer with an open heavy signal green', () => {
    const heavy = new Set(ws.sqlite.prepare(`select customer_key from health_signal where severity = 'heavy' and status = 'open'`).pluck().all() as string[]);
    expect(heavy.size).toBeGreaterThan(20);
    expect(scores.filter((s) => heavy.has(s.key) && s.band === 'green').map((s) => s.key)).toEqual([]);
  });
});

describe('the customer card on the demo engagement', () => {
  const NOW = '2026-11-02T10:00:00';

  it("takes lifecycle and RFM from the diagnostic run at the health run's as-of date", () => {
    const c = customerHealth(ws.sqlite, 'KH00077', undefined, NOW);
    expect(c.status).toMatchObject({ healthAsOf: planted.asOf, sameAsOf: true, diagnostic: { asOf: planted.asOf } });
    expect(c.status?.notes.map((n) => n.key)).not.toContain('differentAsOf');
  });

  // A recent top buyer (R 4-5) who is lifecycle 风险 is a disagreement by design: the card explains it
  // with the lifecycle rule and the data that tripped it, and that data does meet the rule.
  it('explains every recent top buyer who is lifecycle 风险, with data that meets the rule', () => {
    const keys = ws.sqlite
      .prepare(
        `select customer_key from diagnostic_customer where run_id = 1 and r >= 4 and stage = 'atRisk' and customer_key in (select customer_key from health_score where run_id = 1)`,
      )
      .pluck()
      .all() as string[];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const s = customerHealth(ws.sqlite, key, undefined, NOW).status!;
      expect(s.notes.map((n) => n.key)).toContain('rfmTopButAtRisk');
      const l = s.lifecycle!;
      expect(l.reasons.length).toBeGreaterThan(0);
      for (const reason of l.reasons) {
        if (reason === 'spend-dropped') expect(l.recentSpend).toBeLessThanOrEqual(l.priorSpend * (1 - l.rules.riskSpendDropPct / 100) + 1e-6);
        else if (reason === 'contract-ending') expect(daysBetween(planted.asOf, l.liveUntil!)).toBeLessThanOrEqual(l.rules.riskContractEndDays);
        else if (reason === 'inactive-too-long') expect(daysBetween(s.rfm!.lastPurchase!, planted.asOf)).toBeGreaterThanOrEqual(l.rules.riskInactiveDays);
        else throw new Error(`unexpected risk reason ${reason} for ${key}`);
      }
    }
  });

  // KH00011 (the strategic account) is RFM 5·5·5 and lifecycle 风险 for its falling spend: the
  // health card's spend trend and the lifecycle rule read the same two windows, so they agree.
  it("shows one spend trend: health's measure and the lifecycle rule read the same windows", () => {
    const c = customerHealth(ws.sqlite, 'KH00011', undefined, NOW);
    const l = c.status!.lifecycle!;
    expect(l.reasons).toContain('spend-dropped');
    const change = ((l.recentSpend - l.priorSpend) / l.priorSpend) * 100;
    expect(c.measures.find((m) => m.metric === 'halfYearSpendChangePct')?.value).toBeCloseTo(change, 6);
    expect(c.status!.rfm).toMatchObject({ r: 5, f: 5, m: 5 });
    expect(c.status!.notes.map((n) => n.key)).toContain('rfmTopButAtRisk');
  });

  it('no customer who bought within 90 days of the as-of date is flagged as silent', () => {
    const since = addDays(planted.asOf, -90);
    const both = ws.sqlite
      .prepare(
        `select g.customer_key from health_signal g where g.rule_id = 'silent' and g.status = 'open'
            and exists (select 1 from orders o where o.customer_key = g.customer_key and o.is_return = 0 and o.order_date > ?)`,
      )
      .pluck()
      .all(since);
    expect(both).toEqual([]);
  });
});
