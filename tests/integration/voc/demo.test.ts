// The text machinery on the demo engagement: the planted competitor, decision-maker and
// low-satisfaction patterns (resources/demo/planted-patterns.json) found and missed; the theme run
// and the churn review on real imported rows; a churned customer's timeline holding the signals
// before the churn date and none after.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { communicationFindings, computeThemes, runThemes } from '../../../electron/backend/voc/themes-run';
import { domainSegmenter } from '../../../electron/backend/voc/segment';
import { computeChurnReview, runChurnReview, loadChurnReview } from '../../../electron/backend/churn-review/review';
import { vocSummary } from '../../../electron/backend/voc/summary';
import { defaultVocConfig, segmenterWords } from '../../../shared/voc/config';
import { sentimentOf } from '../../../shared/voc/themes';
import { resourcesDir } from '../../../electron/backend/resources';

interface Planted {
  asOf: string;
  patterns: Record<string, { customers: string[] }>;
}
const planted = JSON.parse(readFileSync(join(resourcesDir(), 'demo', 'planted-patterns.json'), 'utf8')) as Planted;
const dir = tempDir();
let ws: Workspace;
const cfg = defaultVocConfig();

beforeAll(async () => {
  ws = await createDemoWorkspace(join(dir, 'demo.rwb'), 'zh-CN');
}, 180_000);
afterAll(async () => {
  await ws?.close();
});

const days = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('planted patterns found by the text machinery', () => {
  it('competitor and decision-maker mentions in the last 90 days: every planted customer found, none extra', () => {
    const seg = domainSegmenter(segmenterWords(cfg));
    const comm = communicationFindings(ws.sqlite, cfg, seg, { scope: { from: days(planted.asOf, -90), to: planted.asOf } });
    const figures: Record<string, { found: number; missed: string[]; extra: string[] }> = {};
    for (const kind of ['competitor', 'decisionMaker'] as const) {
      const hit = new Set(comm.findings.filter((f) => f.kind === kind && f.source === 'interaction').map((f) => f.customerKey));
      const expected = planted.patterns[kind]!.customers;
      figures[kind] = {
        found: expected.filter((k) => hit.has(k)).length,
        missed: expected.filter((k) => !hit.has(k)),
        extra: [...hit].filter((k) => !expected.includes(k)),
      };
    }
    // Measured: competitor 12 of 12, decision-maker 6 of 6, no customer flagged who was not planted.
    expect(figures.competitor).toEqual({ found: 12, missed: [], extra: [] });
    expect(figures.decisionMaker).toEqual({ found: 6, missed: [], extra: [] });
    // Evidence is the sentence as the rep wrote it.
    const one = comm.findings.find((f) => f.kind === 'decisionMaker')!;
    expect(one.sentence.length).toBeGreaterThan(4);
    expect(one.sentence).not.toMatch(/[。；]/);
  });

  it('low satisfaction twice: the last two comments both read negative (6 of 8 found; the 2 missed left no comment)', () => {
    const seg = domainSegmenter(segmenterWords(cfg));
    const lex = { terms: cfg.sentiment, negators: cfg.negators, intensifiers: cfg.intensifiers };
    const rows = ws.sqlite.prepare(`select customer_key, comment from surveys order by customer_key, date, id`).raw(true).all() as [string, string | null][];
    const last2 = new Map<string, (string | null)[]>();
    for (const [k, c] of rows) last2.set(k, [...(last2.get(k) ?? []), c].slice(-2));
    const flagged = new Set(
      [...last2].filter(([, l]) => l.length === 2 && l.every((c) => c !== null && sentimentOf(seg.cut(c), lex).score <= -0.3)).map(([k]) => k),
    );
    const expected = planted.patterns.lowSatTwice!.customers;
    const found = expected.filter((k) => flagged.has(k));
    const missed = expected.filter((k) => !flagged.has(k));
    expect(found).toHaveLength(6);
    expect(missed.sort()).toEqual(['KH00188', 'KH00341']);
    for (const k of missed) expect(last2.get(k)!.some((c) => c === null)).toBe(true);
  });
});

describe('NPS, themes and the churn review on the demo', () => {
  it('NPS over every answer with its interval; themes cover most comments and rank by NPS effect', async () => {
    const s = vocSummary(ws.sqlite, { from: null, to: null }, 'quarter', 'segment');
    expect(s.overall.nps.responses).toBe(879);
    expect(s.overall.nps.low!).toBeLessThan(s.overall.nps.nps!);
    const run = await runThemes(ws.sqlite, {
      params: { sources: ['survey'], scope: { from: null, to: null }, examplesPerTheme: 3 },
      config: cfg,
      now: '2026-12-04T10:00:00',
    });
    expect(run.analysis.comments).toBeGreaterThan(600);
    expect(run.analysis.coveragePct!).toBeGreaterThan(90);
    const effects = run.analysis.themes.map((t) => t.npsEffect ?? 0);
    expect([...effects].sort((a, b) => b - a)).toEqual(effects);
    const service = run.analysis.themes.find((t) => t.id === 'serviceResponse')!;
    expect(service.examples.length).toBe(3);
    // effect = 100 × the theme's detractors ÷ all answers
    expect(service.npsEffect!).toBeCloseTo((100 * service.detractors) / 879, 9);
    const again = await computeThemes(ws.sqlite, { params: run.params, config: cfg });
    expect(again.assigned).toHaveLength(run.analysis.comments);
  });

  it('churned customers ranked by lost revenue, churn dates inside the period, rates by both definitions', async () => {
    const r = await runChurnReview(ws.sqlite, {
      params: { period: '2026-Q3', top: 20, traitMonths: 12, minSupport: 5 },
      config: cfg,
      now: '2026-12-04T10:00:00',
    });
    expect(r.churnedCount).toBeGreaterThan(0);
    expect(r.customers.length).toBe(Math.min(20, r.churnedCount));
    for (const c of r.customers) expect(c.churnDate >= '2026-07-01' && c.churnDate <= '2026-09-30').toBe(true);
    const lost = r.customers.map((c) => c.lostRevenue);
    expect([...lost].sort((a, b) => b - a)).toEqual(lost);
    expect(r.rates.churnOfStarting.denominator).toBeGreaterThan(0);
    expect(r.rates.churnOfDue.denominator).toBeGreaterThan(0);
    for (const t of r.traits.rows) expect(t.churnedWith).toBeGreaterThanOrEqual(5);
    expect(loadChurnReview(ws.sqlite, r.id)!.customers.map((c) => c.customerKey)).toEqual(r.customers.map((c) => c.customerKey));
  });

  it('a churned customer’s timeline holds the signals that fired before the churn date and none after', async () => {
    const r0 = await computeChurnReview(ws.sqlite, { params: { period: '2026-Q3', top: 1, traitMonths: 12, minSupport: 5 }, config: cfg, now: 'x' });
    const c = r0.customers[0]!;
    const run = ws.sqlite
      .prepare(`insert into health_run (model_id, model, rules, as_of, started_at, finished_at) values ('m', '{}', '[]', ?, ?, ?)`)
      .run(days(c.churnDate, -30), '2026-12-04T10:00:00', '2026-12-04T10:00:01').lastInsertRowid;
    const sig = ws.sqlite.prepare(
      `insert into health_signal (customer_key, rule_id, severity, evidence, triggered_on, as_of, first_run_id, last_run_id) values (?, ?, 'heavy', ?, ?, ?, ?, ?)`,
    );
    const evidence = JSON.stringify({
      messageKey: 'x',
      params: {},
      data: [{ fact: 'texts[0].text', value: '客户新任采购总监上任，要求重新评估所有数字化供应商', date: null }],
    });
    const before = Number(sig.run(c.customerKey, 'decisionMakerChange', evidence, days(c.churnDate, -40), days(c.churnDate, -30), run, run).lastInsertRowid);
    sig.run(c.customerKey, 'competitorMention', evidence, c.churnDate, c.churnDate, run, run); // on the churn date: not before it
    sig.run(c.customerKey, 'silent', '{}', days(c.churnDate, 20), days(c.churnDate, 20), run, run);
    ws.sqlite
      .prepare(
        `insert into health_action (customer_key, template_id, owner_role, opened_at, due_at, status, source_kind, source_signal_id) values (?, 'executiveNegotiation', 'executive', ?, ?, 'done', 'signal', ?)`,
      )
      .run(c.customerKey, `${days(c.churnDate, -29)}T09:00:00`, `${days(c.churnDate, -27)}T09:00:00`, before);
    const r = await computeChurnReview(ws.sqlite, { params: { period: '2026-Q3', top: 1, traitMonths: 12, minSupport: 5 }, config: cfg, now: 'x' });
    const t = r.customers[0]!;
    expect(t.customerKey).toBe(c.customerKey);
    const signals = t.timeline.filter((e) => e.kind === 'signal');
    expect(signals.map((e) => e.code)).toEqual(['decisionMakerChange']);
    expect(signals[0]).toMatchObject({ date: days(c.churnDate, -40), actedOn: true, detail: '客户新任采购总监上任，要求重新评估所有数字化供应商' });
    expect(t.signalsBefore).toBe(1);
    expect(t.actionsBefore).toBe(1);
    for (const e of t.timeline) expect(e.date < t.churnDate).toBe(true);
    expect(r.healthRuns).toBe(1);
  });
});
