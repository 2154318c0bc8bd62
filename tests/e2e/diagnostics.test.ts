import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { DiagnosticRun } from '../../shared/analytics';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

let app: ServedApp;
let b: BrowserSession;

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
}, 120_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('diagnostics in browser mode', () => {
  it('runs on first visit and shows the KPI cards and the cohort heatmap', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/diagnostics`);
    await expect.poll(() => page.getByTestId('diag-run-line').textContent(), { timeout: 60_000 }).toContain('第 1 次诊断');
    const kpis = page.getByTestId('diag-kpis');
    await expect.poll(() => kpis.textContent()).toContain('客户留存率');
    expect(await kpis.textContent()).toContain('净收入留存 NRR');
    // The retention card's tooltip states the formula and its denominator.
    expect(await page.getByTestId('diag-kpi-retentionRate').locator('.kpi-label').getAttribute('title')).toMatch(/公式[\s\S]*分母/);
    await expect.poll(() => page.getByTestId('diag-cohort-chart').locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('diag-table-count').textContent()).toContain('499 / 499');
  });

  it('filters the customer table to the customers of a clicked cohort cell', async () => {
    const { page } = b;
    const run = (await app.api<DiagnosticRun | null>('diagnostics.get', {}))!;
    const rows = run.results.cohorts.rows;
    const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
    const cell = rows[0]!.cells[1]!;
    // The heatmap's grid (shared/charts/heatmap.ts): left 88, right 24, top 32 without a title, bottom 64.
    const chart = page.getByTestId('diag-cohort-chart');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    const cellW = (box.width - 88 - 24) / width;
    const cellH = (box.height - 32 - 64) / rows.length;
    await page.mouse.click(box.x + 88 + 1.5 * cellW, box.y + 32 + 0.5 * cellH);
    const chip = page.getByTestId('diag-drill-chip');
    await expect.poll(() => chip.textContent()).toContain(`批次 ${rows[0]!.key} 第 1 期`);
    await expect.poll(() => page.getByTestId('diag-table-count').textContent()).toContain(`显示 ${cell.on} / 499`);
    // The selected cell's customers export from the heatmap itself, as many rows as the cell counts.
    await expect.poll(() => page.getByTestId('diag-cohort-selection').textContent()).toContain(`批次 ${rows[0]!.key} 第 1 期`);
    await page.getByTestId('diag-cohort-export-button').click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('diag-cohort-export-xlsx').click()]);
    const file = join(app.docs, 'cohort-cell.xlsx');
    await download.saveAs(file);
    await expect.poll(() => page.getByTestId('diag-cohort-export-done').textContent(), { timeout: 30_000 }).toContain(`已导出 ${cell.on} 行`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.worksheets[0]!;
    // The title rows name the cell; under the header, one row per customer of the cell.
    const titles = [1, 2, 3, 4, 5].map((i) => String(ws.getRow(i).getCell(1).value ?? '')).join(' ');
    expect(titles).toContain(`批次 ${rows[0]!.key} 第 1 期`);
    let header = 1;
    while (header < ws.rowCount && String(ws.getRow(header).getCell(1).value) !== '编号') header++;
    expect(ws.rowCount - header).toBe(cell.on);
    // Only the rows in view (plus a margin) are drawn, every one of them loaded from the drilled page.
    const table = page.getByTestId('diag-customer-table');
    await expect.poll(() => table.getByTestId('vt-row').count()).toBeGreaterThan(0);
    expect(await table.getByTestId('vt-row-loading').count()).toBe(0);
    expect(await table.getByTestId('vt-row').count()).toBeLessThanOrEqual(cell.on);
    await page.getByTestId('diag-drill-clear').click();
    await expect.poll(() => page.getByTestId('diag-table-count').textContent()).toContain('499 / 499');
  });

  it('drills from a tier row and sorts the table', async () => {
    const { page } = b;
    const run = (await app.api<DiagnosticRun | null>('diagnostics.get', {}))!;
    const core = run.results.tiers.find((x) => x.tier === 'core')!;
    await page.getByTestId('diag-tiers').locator('tr.clickable').nth(1).click();
    await expect.poll(() => page.getByTestId('diag-table-count').textContent()).toContain(`显示 ${core.count} / 499`);
    await page.getByTestId('vt-sort-name').click();
    const table = page.getByTestId('diag-customer-table');
    await expect.poll(() => table.locator('[aria-sort=ascending]').textContent()).toContain('客户');
    await expect.poll(() => table.getByTestId('vt-row').first().textContent()).toContain('核心级');
  });

  it('searches the table in the engine and pages it as it scrolls', async () => {
    const { page } = b;
    await page.getByTestId('diag-drill-clear').click();
    await expect.poll(() => page.getByTestId('diag-table-count').textContent()).toContain('499 / 499');
    const table = page.getByTestId('diag-customer-table');
    const scroller = table.locator('.vtable-scroll');
    const run = (await app.api<DiagnosticRun | null>('diagnostics.get', {}))!;
    type Page = { total: number; rows: { customerKey: string }[] };
    // The table is still sorted by name, as the test before left it.
    const last = (await app.api<Page>('diagnostics.customers', { runId: run.id, sort: 'name', descending: false, offset: 498, limit: 1 })).rows[0]!;
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    // The last rows come from a page fetched on demand (the first page holds 100 of 499).
    await expect.poll(() => table.getByTestId('vt-row').last().textContent(), { timeout: 10_000 }).toContain(last.customerKey);
    expect(await table.getByTestId('vt-row-loading').count()).toBe(0);
    // Sorting again where the table stands loads the rows in view for the new order.
    const firstByName = (await app.api<Page>('diagnostics.customers', { runId: run.id, sort: 'name', descending: false, offset: 0, limit: 1 })).rows[0]!;
    await page.getByTestId('vt-sort-name').click();
    await expect.poll(() => table.getByTestId('vt-row').last().textContent(), { timeout: 10_000 }).toContain(firstByName.customerKey);
    expect(await table.getByTestId('vt-row-loading').count()).toBe(0);
    const wanted = (await app.api<Page>('diagnostics.customers', { runId: run.id, sort: 'name', offset: 7, limit: 1 })).rows[0]!;
    await page.getByTestId('diag-search').fill(wanted.customerKey);
    await expect.poll(() => page.getByTestId('diag-table-count').textContent()).toMatch(/显示 \d{1,2} \/ 499/);
    await expect.poll(() => table.getByTestId('vt-row').filter({ hasText: wanted.customerKey }).count()).toBe(1);
  });
});
