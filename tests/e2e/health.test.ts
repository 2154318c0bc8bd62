import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
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

describe('health in browser mode', () => {
  it('scores the demo engagement on first visit and shows the distribution', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/health`);
    await expect.poll(() => page.getByTestId('health-run-line').textContent(), { timeout: 60_000 }).toContain('第 1 次计算');
    await expect.poll(() => page.getByTestId('health-kpis').textContent()).toContain('红色');
    // The chart and the table render after the run's data arrives: poll, don't read once.
    await expect.poll(() => page.getByTestId('health-band-chart').locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('health-lowest').locator('tbody tr').count()).toBeGreaterThan(5);
  });

  it('shows the signal inbox filtered by severity and dismisses a signal with a reason', async () => {
    const { page } = b;
    await page.getByTestId('health-tab-signals').click();
    await expect.poll(() => page.getByTestId('signal-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    for (const sev of ['heavy', 'medium', 'light'])
      expect(Number((await page.getByTestId(`signals-count-${sev}`).locator('strong').textContent())?.replace(/,/g, ''))).toBeGreaterThan(0);
    await page.getByTestId('facet-severity').locator('summary').click();
    await page.getByTestId('facet-severity-heavy').locator('input').check();
    await page.getByTestId('facet-severity').locator('summary').click();
    await expect.poll(() => page.getByTestId('signal-row').locator('.sev-badge.sev-medium').count()).toBe(0);
    const before = await page.getByTestId('signal-row').count();
    const first = page.getByTestId('signal-row').first();
    const customer = (await first.locator('.cust-name').textContent()) ?? '';
    await first.locator('input[type=checkbox]').check();
    await page.getByTestId('signal-bulk-dismiss').click();
    await page.getByTestId('bulk-reason-other').locator('input').check();
    await page.getByTestId('bulk-note').fill('客户已说明原因，暂不跟进');
    await page.getByTestId('bulk-apply').click();
    await expect.poll(() => page.getByTestId('signal-row').count()).toBe(before - 1);
    await page.getByTestId('signals-status-dismissed').click();
    await expect.poll(() => page.getByTestId('signal-inbox').textContent()).toContain('客户已说明原因，暂不跟进');
    expect(await page.getByTestId('signal-inbox').textContent()).toContain(customer);
  });

  it('re-scores in the page when a weight slider moves', async () => {
    const { page } = b;
    await page.getByTestId('health-tab-workshop').click();
    await expect.poll(() => page.getByTestId('whatif-red').textContent()).toMatch(/\d/);
    const redBefore = await page.getByTestId('whatif-red').locator('.kpi-value').textContent();
    await page.getByTestId('band-redMax').fill('70');
    await expect.poll(() => page.getByTestId('whatif-red').locator('.kpi-value').textContent()).not.toBe(redBefore);
    // The page shows how long the re-score took; the budget itself is measured in the health benchmark.
    const ms = Number((await page.getByTestId('whatif-ms').textContent())?.match(/([\d.]+)\s*(毫秒|ms)/)?.[1]);
    expect(Number.isFinite(ms)).toBe(true);
  });
});
