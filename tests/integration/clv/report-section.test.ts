// The lifetime-value report section on the demo: built from the latest stored CLV run, the verdict
// and the hold-out evaluation (with the tracking plots) first, then the parameters, the zero / negative
// spend accounting, the book value with its interval and the top customers with theirs; written to
// Excel (a sheet of its own) and PDF. Also the clv.lookup channel the customer card and table use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import { clvSection } from '../../../electron/backend/reports/sections/clv';
import { findingsInput } from '../../../electron/backend/findings/input';
import type { SectionContext } from '../../../electron/backend/reports/sections/context';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import type { ClvRun } from '../../../shared/clv/types';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import { createTranslator } from '../../../shared/i18n/translate';
import { reportText, type ReportMessageKey } from '../../../shared/reports/messages';
import { chromiumPath } from '../reports/chromium-available';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
let b: Backend;
let handlers: Handlers;
let run: ClvRun;

async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const env = await dispatch(b, handlers, name, args);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as ResultOf<K>;
}

const definition = (language: 'zh-CN' | 'en') => ({
  sections: [{ id: 'clv' as const, included: true, text: '' }],
  language,
  pseudonymise: false,
  title: null,
  subtitle: null,
  diagnosticRunId: null,
  healthRunId: null,
});

function context(ws: Workspace, locale: 'zh-CN' | 'en'): SectionContext {
  const t = createTranslator(locale);
  return {
    db: ws.db,
    sqlite: ws.sqlite,
    locale,
    t: ((key: string, p?: Record<string, string | number>) => t(key, p ?? {})) as unknown as TFunction,
    r: (key: ReportMessageKey, p?: Record<string, string | number>) => reportText(locale, key, p),
    currency: 'CNY',
    now: '2026-11-01T00:00:00',
    diagnosticRunId: null,
    healthRunId: null,
  };
}

beforeAll(async () => {
  b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  handlers = createHandlers(b);
  const ws = await createDemoWorkspace(join(dir, 'demo.rwb'), 'zh-CN');
  await ws.close();
  await b.open(join(dir, 'demo.rwb'));
}, 120_000);
afterAll(async () => b?.shutdown());

describe('clv report section', () => {
  it('says what to run when no CLV run is stored; clv.lookup answers null', async () => {
    const content = await clvSection(context(b.requireWorkspace(), 'en'));
    expect(content.status).toBe('missing');
    expect(JSON.stringify(content.blocks)).toContain('fit one under “Customer value” first');
    expect(await call('clv.lookup', { customerKeys: ['KH00011'] })).toBeNull();
  });

  it('a split date sets the hold-out; one on or after as-of is refused with CLV_SPLIT_DATE', async () => {
    await expect(call('clv.fit', { params: { asOf: '2026-10-28', calibrationEnd: '2026-11-01' } })).rejects.toThrow(/CLV_SPLIT_DATE/);
    run = await call('clv.fit', { params: { asOf: '2026-10-28', calibrationEnd: '2026-07-30' } });
    expect(run.result.evaluation.calibrationEnd).toBe('2026-07-30');
    expect(run.result.evaluation.holdoutLength).toBe(90);
    expect(run.params.holdoutDays).toBe(90);
  }, 120_000);

  it('clv.lookup gives the stored figures of the keys asked for, with intervals', async () => {
    const page = await call('clv.customers', { runId: run.id, limit: 2 });
    const keys = page.rows.map((r) => r.customerId);
    const found = await call('clv.lookup', { customerKeys: [...keys, 'NOBODY'] });
    expect(found?.run.id).toBe(run.id);
    expect(found?.rows.map((r) => r.customerId).sort()).toEqual([...keys].sort());
    const top = found!.rows.find((r) => r.customerId === keys[0])!;
    expect(top.clv).toBe(page.rows[0]!.clv);
    expect(top.clvLow).toBeLessThan(top.clv as number);
    expect(top.clvHigh).toBeGreaterThan(top.clv as number);
  });

  it('clv.customers narrows to the customers more likely gone than active, by past repeat spend', async () => {
    const all = await call('clv.customers', { runId: run.id, limit: 5000 });
    const dormant = all.rows.filter((r) => r.pAlive < 0.5);
    const page = await call('clv.customers', { runId: run.id, sort: 'pastValue', pAliveBelow: 0.5, limit: 10 });
    expect(page.total).toBe(dormant.length);
    expect(page.total).toBeGreaterThan(0);
    const expected = [...dormant].sort((a, b) => b.x * b.monetary - a.x * a.monetary || (a.customerId < b.customerId ? 1 : -1)).slice(0, 10);
    expect(page.rows.map((r) => r.customerId)).toEqual(expected.map((r) => r.customerId));
  });

  it('clv.breakdown: the distribution, value by segment and tier, and P(alive) bands match the stored customers', async () => {
    const all = (await call('clv.customers', { runId: run.id, limit: 5000 })).rows;
    const before = await call('clv.breakdown', { runId: run.id });
    // No diagnostic run yet: no segment or tier groups, and the report section says so.
    expect(before.diagnosticRun).toBeNull();
    expect(before.segments).toEqual([]);
    expect(JSON.stringify((await clvSection(context(b.requireWorkspace(), 'en'))).blocks)).toContain('No diagnostic run yet');
    const diag = await call('diagnostics.run', { params: { asOf: '2026-10-28' } });
    const bd = await call('clv.breakdown', { runId: run.id });
    expect(bd.diagnosticRun).toEqual({ id: diag.id, asOf: diag.asOf });
    expect(bd.customers).toBe(all.length);
    const book = all.reduce((s, r) => s + (r.clv ?? 0), 0);
    expect(bd.bookValue).toBeCloseTo(book, 6);
    // Top 10%: the ceil(10%) customers with the highest CLV, computed here independently.
    const clvs = all.map((r) => r.clv ?? 0).sort((x, y) => y - x);
    const n10 = Math.ceil(0.1 * clvs.length);
    expect(bd.distribution.top10Customers).toBe(n10);
    expect(bd.distribution.top10Share).toBeCloseTo(clvs.slice(0, n10).reduce((s, v) => s + v, 0) / book, 9);
    expect(bd.distribution.bands.reduce((s, x) => s + x.customers, 0)).toBe(all.length - bd.withoutClv);
    // P(alive) bands against a count of the stored rows.
    const inBand = (lo: number, hi: number | null) => all.filter((r) => r.pAlive >= lo && (hi === null || r.pAlive < hi));
    for (const a of bd.alive) {
      expect(a.customers).toBe(inBand(a.low, a.high).length);
      expect(a.value).toBeCloseTo(
        inBand(a.low, a.high).reduce((s, r) => s + (r.clv ?? 0), 0),
        6,
      );
    }
    // Tiers from the diagnostic run's customer rows.
    const tiers = new Map<string, number>();
    for (let offset = 0; ; offset += 5000) {
      const page = await call('diagnostics.customers', { runId: diag.id, offset, limit: 5000 });
      for (const r of page.rows) if (r.tier) tiers.set(r.customerKey, (tiers.get(r.customerKey) ?? 0) + 1);
      if (page.rows.length < 5000) break;
    }
    expect(bd.tiers.reduce((s, g) => s + g.customers, 0)).toBe(all.length);
    expect(bd.tiers.filter((g) => g.key !== null).reduce((s, g) => s + g.customers, 0)).toBe(all.filter((r) => tiers.has(r.customerId)).length);
    expect(bd.segments.reduce((s, g) => s + g.valueShare, 0)).toBeCloseTo(1, 9);
    await expect(call('clv.breakdown', { runId: 99999 })).rejects.toThrow(/NOT_FOUND/);
  }, 180_000);

  it('puts the verdict and the evaluation before the book value and the customers, with the stored figures', async () => {
    const content = await clvSection(context(b.requireWorkspace(), 'zh-CN'));
    expect(content.status).toBe('stored');
    const kinds = content.blocks.map((bl) => (bl.kind === 'table' || bl.kind === 'chart' ? `${bl.kind}:${bl.title}` : bl.kind));
    const at = (prefix: string) => kinds.findIndex((k) => k.startsWith(prefix));
    expect(kinds[0]).toBe('paragraph');
    expect(at('chart:累计复购次数')).toBeGreaterThan(-1);
    expect(at('chart:每期复购次数')).toBeGreaterThan(at('chart:累计复购次数'));
    expect(at('chart:累计复购次数')).toBeLessThan(at('table:参数估计'));
    expect(at('table:参数估计')).toBeLessThan(at('table:客户终身价值最高的'));
    const first = content.blocks[0];
    expect(first?.kind === 'paragraph' && first.text).toContain('模型是否适合这份数据？');
    const holdout = content.blocks.find((bl) => bl.kind === 'keyFigures');
    const e = run.result.evaluation;
    expect(holdout?.kind === 'keyFigures' && holdout.figures[0]!.value).toBeCloseTo((e.holdoutPredicted! - e.holdoutActual!) / e.holdoutActual!, 12);
    const params = content.blocks.find((bl) => bl.kind === 'table' && bl.title === '参数估计');
    // Calibration fit (4), final fit (4) and Gamma-Gamma (3), each with its standard error.
    expect(params?.kind === 'table' && params.rows.length).toBe(11);
    if (params?.kind === 'table') expect(params.rows[4]![3]).toBe(run.result.countFit.parameters[0]!.se);
    const customers = content.blocks.find((bl) => bl.kind === 'table' && bl.title?.startsWith('客户终身价值最高的'));
    const top = (await call('clv.customers', { runId: run.id, limit: 1 })).rows[0]!;
    expect(customers?.kind === 'table' && customers.rows[0]).toEqual([
      top.customerId,
      top.name,
      top.x,
      top.pAlive,
      top.expectedPurchases,
      top.expectedSpend,
      top.clv,
      top.clvLow,
      top.clvHigh,
    ]);
    expect(customers?.kind === 'table' && customers.note).toContain('delta 法');
    expect(JSON.stringify(content.blocks)).toContain('零消费与负消费');
    const winBack = content.blocks.find((bl) => bl.kind === 'table' && bl.title === '高价值但可能已流失的客户');
    const dormant = await call('clv.customers', { runId: run.id, sort: 'pastValue', pAliveBelow: 0.5, limit: 10 });
    expect(winBack?.kind === 'table' && winBack.rows.map((row) => row[0])).toEqual(dormant.rows.map((d) => d.customerId));
    // The three breakdowns, each a chart and a table, before the top customers.
    for (const title of ['客户价值分布', '按分群的价值', '按分层的价值', '活跃与沉睡']) {
      expect(at(`chart:${title}`)).toBeGreaterThan(at('table:参数估计'));
      expect(at(`table:${title}`)).toBeGreaterThan(at(`chart:${title}`));
      expect(at(`table:${title}`)).toBeLessThan(at('table:客户终身价值最高的'));
    }
    const aliveTable = content.blocks.find((bl) => bl.kind === 'table' && bl.title === '活跃与沉睡');
    const bd = await call('clv.breakdown', { runId: run.id });
    expect(aliveTable?.kind === 'table' && aliveTable.rows.map((row) => row[1])).toEqual(bd.alive.map((a) => a.customers));
    expect(JSON.stringify(content.blocks)).toContain('最高的 10% 客户');
    const book = content.highlights?.[0];
    expect(book?.value).toBe(run.result.totals.clv);
    expect(content.findings?.[0]).toContain('95% 区间');
  });

  it('leaves the customers out when the data do not suit the model', async () => {
    const ws = b.requireWorkspace();
    const stored = JSON.parse(ws.sqlite.prepare(`select results from clv_run where id = ?`).pluck().get(run.id) as string) as ClvRun['result'];
    stored.evaluation.verdict = 'unsuitable';
    stored.evaluation.reasons.push({ key: 'holdout-far-off', level: 'unsuitable', params: { percent: 40, actual: 100, predicted: 140 } });
    ws.sqlite.prepare(`update clv_run set results = ? where id = ?`).run(JSON.stringify(stored), run.id);
    try {
      const content = await clvSection(context(ws, 'en'));
      const text = JSON.stringify(content.blocks);
      expect(text).toContain('These data do not suit the model');
      expect(text).toContain('lists no customer');
      expect(content.blocks.some((bl) => bl.kind === 'table' && bl.title?.startsWith('The 30 customers'))).toBe(false);
      expect(content.highlights).toEqual([]);
    } finally {
      ws.sqlite.prepare(`update clv_run set results = ? where id = ?`).run(JSON.stringify({ ...stored, evaluation: run.result.evaluation }), run.id);
    }
  });

  it('writes its own Excel sheet', async () => {
    const out = await call('report.exportXlsx', { path: join(dir, 'out', 'clv.xlsx'), definition: definition('en') });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out.path);
    const sheet = book.getWorksheet('Customer lifetime value');
    expect(sheet).toBeDefined();
    const texts: string[] = [];
    sheet!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    const all = texts.join('\n');
    expect(all).toContain('Does the model suit the data?');
    expect(all.indexOf('Parameter estimates')).toBeLessThan(all.indexOf('customers with the highest CLV'));
    expect(all).toContain('Interval low');
    expect(all).toContain('Value by tier');
    expect(all).toContain('Alive vs dormant');
  }, 120_000);

  it.skipIf(!chromiumPath())(
    'prints in the PDF',
    async () => {
      const out = await call('report.exportPdf', { path: join(dir, 'out', 'clv.pdf'), definition: definition('zh-CN') });
      const text = execFileSync('pdftotext', ['-layout', out.path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(text).toContain('客户终身价值');
      expect(text.indexOf('模型是否适合这份数据')).toBeLessThan(text.indexOf('参数估计'));
      expect(text).toContain('区间下限');
      expect(text).toContain('客户价值分布');
      expect(text).toContain('按分层的价值');
      expect(text).toContain('活跃与沉睡');
      if (process.env.RWB_SHOTS) execFileSync('cp', [out.path, join(process.env.RWB_SHOTS, 'clv-report.pdf')]);
    },
    120_000,
  );
});

describe('a run whose count model is not identified', () => {
  it('the section says so and withholds the customers and breakdowns, also for a run stored as "caution"', async () => {
    // The demo's Pareto/NBD by week runs to a boundary (beta).
    const weekly = await call('clv.fit', { params: { model: 'pnbd', unit: 'week', holdoutDays: 0 } });
    expect(weekly.result.countFit.status).toBe('boundary');
    expect(weekly.verdict).toBe('unsuitable');
    const ws = b.requireWorkspace();
    const check = async () => {
      const text = JSON.stringify((await clvSection(context(ws, 'en'))).blocks);
      expect(text).toContain('could not be identified on this data');
      expect(text).not.toContain('Alive vs dormant');
      expect(text).not.toContain('customers with the highest CLV');
    };
    await check();
    // A run stored before the rule: verdict "caution" with fit-uncertain. The fit status still decides.
    const old = {
      ...weekly.result,
      evaluation: { ...weekly.result.evaluation, verdict: 'caution', reasons: [{ key: 'fit-uncertain', level: 'caution', params: { status: 'boundary' } }] },
    };
    ws.sqlite.prepare(`update clv_run set verdict = 'caution', results = ? where id = ?`).run(JSON.stringify(old), weekly.id);
    await check();
    const input = findingsInput(ws.sqlite, { diagnostic: null, health: null }, 'CNY', '2026-11-01');
    expect(input.clv).toMatchObject({ verdict: 'unsuitable', dormant: 0 });
  }, 120_000);
});
