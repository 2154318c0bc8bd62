import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultParamSet, type ParamSet } from '../../../shared/params/param-set';
import { tempDir } from '../../helpers/temp';
import { AS_OF, engagementWithHealthRun, type Engagement } from '../reports/report-fixture';

// Named parameter sets through the contract, as the UI and the CLI use them: saved, previewed on the
// latest stored run, used by runs that then name them, and quoted by a report built from a picked run.

const dir = tempDir();
let e: Engagement;
let latestId: number;
const OLDER = '2025-12-31';

function retail(): ParamSet {
  const set = defaultParamSet('零售 2026');
  set.rfm = { ...set.rfm, scoring: 'cuts', cuts: { recency: [10, 40, 200, 400], frequency: [2, 6, 12, 20], monetary: [5_000, 15_000, 30_000, 40_000] } };
  set.signals = set.signals.map((r) => (r.id === 'unansweredOutreach' ? { ...r, severity: 'heavy' as const, params: { streak: 1 } } : r));
  return set;
}

beforeAll(async () => {
  e = await engagementWithHealthRun(dir);
  latestId = (await e.call('diagnostics.run', { params: { asOf: AS_OF } })).id;
}, 120_000);
afterAll(async () => e?.backend.shutdown());

describe('parameter sets', () => {
  it('previews new RFM cut points on the stored rows of the latest run, counted the way the run would score them', async () => {
    const p = await e.call('params.preview', { set: retail() });
    expect(p.rfm?.runId).toBe(latestId);
    // Hand count from the stored rows: R=5 is a last purchase at most 10 days before the as-of date.
    const rows = e.ws.sqlite
      .prepare(`select recency_days as d, frequency as f, r from diagnostic_customer where run_id = ? and r is not null`)
      .all(latestId) as { d: number; f: number; r: number }[];
    expect(p.rfm?.customers).toBe(rows.length);
    expect(p.rfm?.r.now[4]).toBe(rows.filter((x) => x.d <= 10).length);
    expect(p.rfm?.r.now[0]).toBe(rows.filter((x) => x.d > 400).length);
    expect(p.rfm?.f.now[4]).toBe(rows.filter((x) => x.f >= 20).length);
    expect(p.rfm?.r.was[4]).toBe(rows.filter((x) => x.r === 5).length);
    expect(p.rfm?.r.now.reduce((a, b) => a + b, 0)).toBe(rows.length);
  });

  it("counts the customers a signal threshold would fire for, beside the latest health run's rules", async () => {
    const p = await e.call('params.preview', { set: retail(), rfm: false });
    const rule = p.signals?.rules.find((r) => r.ruleId === 'unansweredOutreach');
    // Every third fixture customer has one unanswered call: a streak of 1 fires for them, 3 for none.
    expect(rule).toMatchObject({ now: 8, was: 0, severity: 'heavy' });
    expect(p.signals?.asOf).toBe(AS_OF);
    expect(p.signals?.bySeverity.heavy.now).toBeGreaterThanOrEqual(8);
  });

  it('is saved, listed, exported and imported as a validated JSON file', async () => {
    await e.call('params.save', { set: retail() });
    const file = join(dir, 'retail.json');
    await e.call('params.export', { name: '零售 2026', path: file });
    const doc = JSON.parse(readFileSync(file, 'utf8')) as ParamSet;
    expect(doc).toMatchObject({ format: 'rwb.param-set', version: 1, name: '零售 2026', rfm: { scoring: 'cuts' } });
    const copy = await e.call('params.import', { path: file, as: '零售副本' });
    expect(copy.rfm.cuts.recency).toEqual([10, 40, 200, 400]);
    expect((await e.call('params.list', {})).map((s) => s.name)).toEqual(['零售 2026', '零售副本']);

    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...doc, rfm: { ...doc.rfm, cuts: { ...doc.rfm.cuts, recency: [40, 10, 200, 400] } } }));
    await expect(e.call('params.import', { path: join(dir, 'bad.json') })).rejects.toThrow(/PARAM_SET_INVALID.*rfm\.cuts\.recency.*ascending/);
    await expect(e.call('params.import', { text: '{"format":"rwb.health-model"}' })).rejects.toThrow(/PARAM_SET_INVALID.*format/);
    await expect(e.call('diagnostics.run', { params: {}, paramSet: '没有这个' })).rejects.toThrow(/PARAM_SET_NOT_FOUND/);
  });

  it('is recorded by the diagnostic and health runs that use it; the dashboard default stays the latest as-of run', async () => {
    const older = await e.call('diagnostics.run', { params: { asOf: OLDER }, paramSet: '零售 2026', label: '年末回看' });
    expect(older).toMatchObject({ paramSet: '零售 2026', asOf: OLDER });
    expect(older.params.rfm.cuts.recency).toEqual([10, 40, 200, 400]);
    expect((await e.call('diagnostics.runs', {})).find((r) => r.id === older.id)?.paramSet).toBe('零售 2026');
    // Executed last, but not the latest as-of date: reopening the dashboard shows the other.
    expect((await e.call('diagnostics.get', {}))?.id).toBe(latestId);

    const h = await e.call('health.run', { asOf: AS_OF, paramSet: '零售 2026' });
    expect(h.paramSet).toBe('零售 2026');
    const stored = e.ws.sqlite.prepare(`select param_set, rules from health_run where id = ?`).get(h.id) as { param_set: string; rules: string };
    expect(stored.param_set).toBe('零售 2026');
    expect(JSON.parse(stored.rules)).toContainEqual(expect.objectContaining({ id: 'unansweredOutreach', params: { streak: 1 } }));
    expect((await e.call('params.list', {})).find((s) => s.name === '零售 2026')?.runs).toBe(2);
  });

  it('builds a report from the picked run and names it on the cover and in each section; by default the latest as-of run', async () => {
    const runs = await e.call('diagnostics.runs', {});
    const older = runs.find((r) => r.asOf === OLDER)!;
    const def = await e.call('report.definition', {});
    const picked = await e.call('report.preview', { definition: { ...def, language: 'zh-CN', diagnosticRunId: older.id } });
    const cover = picked.html.slice(0, picked.html.indexOf('</section>'));
    expect(cover).toContain(`留存诊断运行 #${older.id}「年末回看」 · 评估日期 ${OLDER} · 参数集「零售 2026」`);
    expect(picked.sources.find((s) => s.id === 'retention')?.source).toContain(`#${older.id}`);
    expect(picked.html).toContain(`本章数据来自：留存诊断运行 #${older.id}`);

    const byDefault = await e.call('report.preview', { definition: { ...def, language: 'en', diagnosticRunId: null } });
    expect(byDefault.html.slice(0, byDefault.html.indexOf('</section>'))).toContain(`Diagnostic run #${latestId} · as of ${AS_OF} · default parameters`);
  });
});
