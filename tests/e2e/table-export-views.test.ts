import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { DiagnosticCustomerRow, DiagnosticRun } from '../../shared/analytics';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';
import { tempDir } from '../helpers/temp';

// Export what you see, and saved views, in Chromium against `rwb serve`: the filtered customer table
// downloads as XLSX with the same rows as the screen; a saved view comes back after a reload.

let app: ServedApp;
let b: BrowserSession;
const dir = tempDir();
let run: DiagnosticRun;
let search: string;
let tier: string;

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
  run = await app.api<DiagnosticRun>('diagnostics.run', { params: {} });
}, 180_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('export what you see, and saved views', () => {
  it('exports the drilled, searched, sorted customer table to XLSX with the same rows', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/diagnostics`);
    await expect.poll(() => page.getByTestId('diag-run-line').textContent(), { timeout: 60_000 }).toContain(`第 ${run.id} 次诊断`);
    // Drill to the core tier from its row, then search within it and sort by name.
    const t = run.results.tiers.find((x) => x.tier === 'core' && x.count > 3) ?? run.results.tiers.find((x) => x.count > 3)!;
    tier = t.tier;
    const drilled = await app.api<{ total: number; rows: DiagnosticCustomerRow[] }>('diagnostics.customers', {
      runId: run.id,
      target: { kind: 'tier', tier },
      limit: 5000,
    });
    search = (drilled.rows.find((r) => (r.name ?? '').length >= 2)?.name ?? '').slice(0, 1);
    await page.getByTestId('diag-tiers').locator('tbody tr.clickable').nth(run.results.tiers.indexOf(t)).click();
    await expect.poll(() => page.getByTestId('diag-drill-chip').textContent(), { timeout: 30_000 }).toContain('分层');
    await page.getByTestId('diag-search').fill(search);
    await page.getByTestId('vt-sort-name').click();
    const expected = await app.api<{ total: number; rows: DiagnosticCustomerRow[] }>('diagnostics.customers', {
      runId: run.id,
      target: { kind: 'tier', tier },
      search,
      sort: 'name',
      descending: false,
      limit: 5000,
    });
    expect(expected.total).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('diag-table-count').textContent(), { timeout: 30_000 }).toContain(`显示 ${expected.total} / `);

    await page.getByTestId('diag-export-button').click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('diag-export-xlsx').click()]);
    const file = join(dir, 'customers.xlsx');
    await download.saveAs(file);
    await expect.poll(() => page.getByTestId('diag-export-done').textContent(), { timeout: 30_000 }).toContain(`已导出 ${expected.total} 行`);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain('客户明细');
    expect(String(ws.getRow(3).getCell(1).value)).toContain(`搜索“${search}”`);
    const header = (ws.getRow(6).values as unknown[]).slice(1);
    expect(header[0]).toBe('编号');
    const keys: string[] = [];
    for (let i = 7; i <= ws.rowCount; i++) keys.push(String(ws.getRow(i).getCell(1).value));
    expect(keys).toEqual(expected.rows.map((r) => r.customerKey));
  }, 180_000);

  it('opens the customer card from a row of the table, over the section', async () => {
    const { page } = b;
    await page.getByTestId('diag-customer-table').getByTestId('vt-row').first().click();
    await expect.poll(() => page.getByTestId('customer-card-drawer').count(), { timeout: 30_000 }).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('customer-card-drawer').count(), { timeout: 30_000 }).toBe(0);
    // The table is as it was: the drill and the search are still on.
    expect(await page.getByTestId('diag-search').inputValue()).toBe(search);
  });

  it('saves the view, and after a reload reopens it with the same filters', async () => {
    const { page } = b;
    await page.getByTestId('diag-columns-button').click();
    await page.getByTestId('diag-columns-mrr').uncheck();
    await page.getByTestId('diag-columns-button').click();
    await page.getByTestId('view-save').click();
    await page.getByTestId('view-name').fill('核心客户 · 按名称');
    await page.getByTestId('view-name-ok').click();
    await expect.poll(() => page.getByTestId('saved-view').count(), { timeout: 30_000 }).toBe(1);
    const views = await app.api<{ id: number; state: { table: { hidden: string[] } } }[]>('views.list', {});
    expect(views[0]!.state.table.hidden).toEqual(['mrr']);

    await page.reload();
    await page.getByTestId('nav-overview').click();
    await page.getByTestId(`saved-view-open-${views[0]!.id}`).click();
    await expect.poll(() => page.getByTestId('diag-search').inputValue(), { timeout: 60_000 }).toBe(search);
    await expect.poll(() => page.getByTestId('diag-drill-chip').textContent(), { timeout: 30_000 }).toContain('分层');
    expect(await page.getByTestId('vt-sort-name').getAttribute('class')).toContain('active');
    expect(await page.getByTestId('diag-customer-table').getByText('MRR', { exact: true }).count()).toBe(0);
    if (process.env.RWB_SHOTS) await page.screenshot({ path: join(process.env.RWB_SHOTS, 'saved-view-zh-CN-1440.png') });
  }, 120_000);
});
