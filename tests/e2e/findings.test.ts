import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import JSZip from 'jszip';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

// The findings editor in the report builder and the deck export, as a consultant uses them.

let app: ServedApp;
let b: BrowserSession;
const WORDING = '普通级客户留存落后整体，建议由客户总监牵头跟进';

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
  await app.api('diagnostics.run', {});
  await app.api('health.run', {});
}, 300_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('findings editor and deck export', () => {
  it('accepts and rewords a drafted finding, then exports the deck with it leading, with progress', async () => {
    const { page } = b;
    const list = (await app.api('findings.list', {})) as { findings: { id: string; status: string }[] };
    const first = list.findings[0]!.id;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/reports`);
    await page.reload();
    const item = page.getByTestId(`finding-${first}`);
    await item.waitFor({ timeout: 60_000 });
    await item.getByTestId('finding-accept').click();
    await expect.poll(() => item.textContent(), { timeout: 20_000 }).toContain('已采纳');
    await item.getByTestId('finding-edit').click();
    await item.getByTestId('finding-text').fill(WORDING);
    await item.getByTestId('finding-save').click();
    await expect.poll(() => item.textContent(), { timeout: 20_000 }).toContain(WORDING);
    const after = (await app.api('findings.list', {})) as { findings: { id: string; status: string; text: Record<string, string> }[] };
    expect(after.findings[0]).toMatchObject({ id: first, status: 'accepted', text: { 'zh-CN': WORDING } });

    await page.getByTestId('report-export-pptx').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('report-progress')
            .isVisible()
            .catch(() => false),
        { timeout: 10_000 },
      )
      .toBe(true);
    await expect.poll(() => page.getByTestId('report-done').textContent(), { timeout: 400_000, interval: 2_000 }).toContain('已导出 PPTX');
    const href = await page.getByTestId('report-download').getAttribute('href');
    const res = await fetch(`${app.origin}${href}`);
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    // Title, agenda, KPIs, then the accepted finding.
    expect(await zip.file('ppt/slides/slide4.xml')!.async('string')).toContain(WORDING);
  }, 600_000);
});
