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

  it('shows the signal inbox by severity and dismisses a signal with a reason', async () => {
    const { page } = b;
    await page.getByTestId('health-tab-signals').click();
    const heavy = page.getByTestId('inbox-heavy');
    await expect.poll(() => heavy.getByTestId('signal-card').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('inbox-medium').getByTestId('signal-card').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('inbox-light').getByTestId('signal-card').count()).toBeGreaterThan(0);
    const before = await heavy.getByTestId('signal-card').count();
    const first = heavy.getByTestId('signal-card').first();
    const customer = (await first.locator('.cust-name').textContent()) ?? '';
    await first.getByTestId('signal-dismiss').click();
    await page.getByTestId('dismiss-reason').fill('客户已说明原因，暂不跟进');
    await page.getByTestId('dismiss-confirm').click();
    await expect.poll(() => heavy.getByTestId('signal-card').count()).toBe(before - 1);
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
