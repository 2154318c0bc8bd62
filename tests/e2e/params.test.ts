import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

// Parameters edited in the UI with their effect shown before running, a run that records the set,
// and a report built from an older run that names it on its cover.

let app: ServedApp;
let b: BrowserSession;
let latestAsOf: string;
const SHOTS = process.env.RWB_SHOTS;

interface RunSummary {
  id: number;
  asOf: string;
  paramSet: string | null;
  label: string | null;
}

/** With RWB_SHOTS set, a screenshot of the window with `testId` scrolled into view (docs/DEVELOPING.md "Looking at it"). */
async function shot(name: string, testId?: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  if (testId) await b.page.getByTestId(testId).scrollIntoViewIfNeeded();
  await b.page.waitForTimeout(500);
  await b.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The first number in a text (figures are printed with thousands separators). */
const firstNumber = (s: string): number => Number((/\d[\d,]*/.exec(s)?.[0] ?? 'NaN').replace(/,/g, ''));

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
  latestAsOf = (await app.api<RunSummary>('diagnostics.run', { params: {} })).asOf;
  await app.api('health.run', {});
}, 180_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('analysis parameters in the browser', () => {
  it('changes RFM cut points and a signal threshold, previews the effect, runs, and the stored run records the set', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/params`);
    await page.reload();
    const rfmLine = page.getByTestId('params-rfm-preview');
    await expect.poll(() => rfmLine.textContent(), { timeout: 30_000 }).toContain('R=5');

    await page.getByTestId('params-rfm-scoring').selectOption('cuts');
    await page.getByTestId('params-cut-recency-0').fill('7');
    // With R=5 meaning a purchase in the last 7 days, the preview agrees with the engine's own count.
    const expected = await app.api<{ rfm: { r: { now: number[] } } }>('params.preview', {
      set: { name: 'x', rfm: { scoring: 'cuts', cuts: { recency: [7, 90, 180, 365], frequency: [2, 3, 5, 10], monetary: [1000, 5000, 20000, 100000] } } },
      signals: false,
    });
    await expect.poll(async () => firstNumber((await rfmLine.textContent()) ?? ''), { timeout: 10_000 }).toBe(expected.rfm.r.now[4]);

    const fire = page.getByTestId('params-fire-unansweredOutreach');
    await expect.poll(() => fire.textContent(), { timeout: 30_000 }).toMatch(/\d/);
    const before = firstNumber((await fire.textContent()) ?? '');
    await page.getByTestId('params-signal-unansweredOutreach-streak').fill('1');
    await expect.poll(async () => firstNumber((await fire.textContent()) ?? ''), { timeout: 30_000 }).toBeGreaterThan(before);
    await page.getByTestId('params-severity-unansweredOutreach').selectOption('heavy');
    await expect.poll(() => page.getByTestId('params-preview-state').textContent(), { timeout: 30_000 }).toContain('毫秒');
    await shot('params-zh-CN', 'params-rfm');
    await shot('params-signals-zh-CN', 'params-signals');
    await shot('params-segments-zh-CN', 'params-segments');
    await shot('params-rules-zh-CN', 'params-playbook');

    await page.getByTestId('params-name').fill('零售测试');
    await page.getByTestId('params-run-diagnostics').click();
    await expect.poll(() => page.getByTestId('params-message').textContent(), { timeout: 120_000 }).toContain('记录的参数集：「零售测试」');
    const runs = await app.api<RunSummary[]>('diagnostics.runs', {});
    const stored = await app.api<{ paramSet: string; params: { rfm: { scoring: string; cuts: { recency: number[] } } } }>('diagnostics.get', {
      runId: runs[0]!.id,
    });
    expect(stored.paramSet).toBe('零售测试');
    expect(stored.params.rfm).toMatchObject({ scoring: 'cuts', cuts: { recency: [7, 90, 180, 365] } });

    await page.getByTestId('params-run-health').click();
    await expect.poll(() => page.getByTestId('params-message').textContent(), { timeout: 120_000 }).toContain('健康度计算');
    const health = await app.api<RunSummary[]>('health.runs', {});
    expect(health[0]?.paramSet).toBe('零售测试');
    const set = await app.api<{ signals: { id: string; severity: string; params: Record<string, number> }[] }>('params.get', { name: '零售测试' });
    expect(set.signals.find((r) => r.id === 'unansweredOutreach')).toMatchObject({ severity: 'heavy', params: { streak: 1 } });

    // The dashboard names the set in its run line.
    await page.goto(`${app.origin}/#/e/diagnostics`);
    await expect.poll(() => page.getByTestId('diag-run-line').textContent(), { timeout: 30_000 }).toContain('参数集「零售测试」');
    await shot('diagnostics-zh-CN', 'diag-run-line');

    await app.api('app.setLocale', { locale: 'en' });
    await page.goto(`${app.origin}/#/e/params`);
    await page.reload();
    await page.getByTestId('params-set-select').selectOption('零售测试');
    await expect.poll(() => page.getByTestId('params-rfm-preview').textContent(), { timeout: 30_000 }).toContain('R=5');
    await expect.poll(() => page.getByTestId('params-preview-state').textContent(), { timeout: 30_000 }).toContain(' ms');
    await shot('params-en', 'params-rfm');
    await shot('params-signals-en', 'params-signals');
    await shot('params-segments-en', 'params-segments');
    await shot('params-rules-en', 'params-playbook');
    await app.api('app.setLocale', { locale: 'zh-CN' });
  }, 300_000);

  it('builds a report from an older run picked in the builder; its as-of date is on the XLSX cover', async () => {
    const { page } = b;
    const older = await app.api<RunSummary>('diagnostics.run', { params: { asOf: '2025-06-30' }, label: '半年回看' });
    expect(older.asOf < latestAsOf).toBe(true);
    await page.goto(`${app.origin}/#/e/reports`);
    await page.reload();
    const picker = page.getByTestId('report-diagnostic-run');
    // By default the latest as-of run, though the older one was executed last.
    await expect.poll(async () => (await picker.locator('option').first().textContent()) ?? '', { timeout: 30_000 }).toContain(latestAsOf);
    await picker.selectOption(String(older.id));
    const frame = page.getByTestId('report-preview');
    await expect
      .poll(async () => (await frame.getAttribute('srcdoc')) ?? '', { timeout: 30_000 })
      .toContain(`留存诊断运行 #${older.id}「半年回看」 · 评估日期 2025-06-30`);
    await shot('reports-zh-CN', 'report-runs');

    await page.getByTestId('report-export-xlsx').click();
    await expect.poll(() => page.getByTestId('report-done').textContent(), { timeout: 240_000 }).toContain('已导出 XLSX');
    const href = await page.getByTestId('report-download').getAttribute('href');
    const bytes = Buffer.from(await (await fetch(`${app.origin}${href}`)).arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const cover: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cover.push(String(c.value))));
    expect(cover.join('\n')).toContain(`留存诊断运行 #${older.id}「半年回看」 · 评估日期 2025-06-30`);
    // Only the picked diagnostic run is named (the health line beside it is the latest health run).
    expect(cover.filter((l) => l.startsWith('留存诊断运行'))).toEqual([`留存诊断运行 #${older.id}「半年回看」 · 评估日期 2025-06-30 · 默认参数`]);

    await app.api('app.setLocale', { locale: 'en' });
    await page.reload();
    await expect.poll(async () => (await page.getByTestId('report-runs').textContent()) ?? '', { timeout: 30_000 }).toContain('Runs in this report');
    await expect.poll(async () => (await page.getByTestId('report-preview').getAttribute('srcdoc')) ?? '', { timeout: 30_000 }).toContain('2025-06-30');
    await shot('reports-en', 'report-runs');
    await page.goto(`${app.origin}/#/e/diagnostics`);
    await expect.poll(() => page.getByTestId('diag-run-line').textContent(), { timeout: 30_000 }).toContain(latestAsOf);
    await shot('diagnostics-en', 'diag-run-line');
  }, 480_000);
});
