import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

let app: ServedApp;
let b: BrowserSession;

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
  await app.api('health.run', {});
}, 180_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('report builder in the browser', () => {
  it('orders sections, keeps commentary, previews, exports an Excel workbook with progress and offers it for download', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/reports`);
    await page.reload();
    await expect.poll(() => page.getByTestId('report-section-health').textContent(), { timeout: 30_000 }).toContain('已有结果');
    await expect.poll(() => page.getByTestId('report-section-cohorts').textContent()).toContain('尚无结果');

    // Summary moves below retention; the commentary is typed and autosaved.
    await page.getByTestId('report-down-summary').click();
    await page.getByTestId('report-text-toggle-health').click();
    await page.getByTestId('report-text-health').fill('红色客户集中在小型客户，建议 7 月底前完成回访。');
    await expect.poll(() => page.getByTestId('report-saved').isVisible(), { timeout: 10_000 }).toBe(true);
    const saved = (await app.api('report.definition', {})) as { sections: { id: string; text: string }[] };
    expect(saved.sections.slice(0, 2).map((s) => s.id)).toEqual(['retention', 'summary']);
    expect(saved.sections.find((s) => s.id === 'health')?.text).toBe('红色客户集中在小型客户，建议 7 月底前完成回访。');

    // The preview is the report itself, in a sandboxed frame.
    const frame = page.getByTestId('report-preview');
    expect(await frame.getAttribute('sandbox')).toBe('');
    await expect.poll(async () => (await frame.getAttribute('srcdoc')) ?? '', { timeout: 20_000 }).toContain('红色客户集中在小型客户');

    await page.getByTestId('report-export-xlsx').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('report-progress')
            .isVisible()
            .catch(() => false),
        { timeout: 5_000 },
      )
      .toBe(true);
    await expect.poll(() => page.getByTestId('report-done').textContent(), { timeout: 120_000 }).toContain('已导出 XLSX');
    await expect.poll(() => page.getByTestId('report-history').textContent()).toContain('XLSX');

    const href = await page.getByTestId('report-download').getAttribute('href');
    expect(href).toMatch(/^\/api\/download\?path=/);
    const res = await fetch(`${app.origin}${href}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toContain('客户明细');
    expect(book.worksheets[1]?.name).toBe('客户留存与流失');

    // Only files this backend exported are served.
    const other = await fetch(`${app.origin}/api/download?path=${encodeURIComponent(join(app.docs, 'demo.rwb'))}&token=${app.token}`);
    expect(other.status).toBe(404);
    const noToken = await fetch(`${app.origin}${href!.replace(/&token=[^&]*/, '')}`);
    expect(noToken.status).toBe(401);
  }, 240_000);
});
