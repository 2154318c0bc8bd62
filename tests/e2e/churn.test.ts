import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

// A churn model fitted on the demo from the churn-risk section: the evaluation on held-out customers
// appears before the drivers, then the signal backtest and the riskiest customers with their reasons;
// the customer card shows the customer's probability and reasons.

let app: ServedApp;
let b: BrowserSession;
const SHOTS = process.env.RWB_SHOTS;

async function shot(name: string, testId?: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  if (testId) await b.page.getByTestId(testId).scrollIntoViewIfNeeded();
  await b.page.waitForTimeout(800);
  await b.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
  await app.api('health.run', {});
  await app.api('diagnostics.run', { params: {} });
}, 180_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('churn risk in the browser', () => {
  it('fits a model on the demo from the UI and shows the evaluation before the drivers', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/churn`);
    await page.reload();
    await expect.poll(() => page.getByTestId('churn-empty').count(), { timeout: 30_000 }).toBe(1);

    await page.getByTestId('churn-fit-run').click();
    const evaluation = page.getByTestId('churn-evaluation');
    await expect.poll(() => evaluation.count(), { timeout: 120_000 }).toBe(1);
    expect(await page.getByTestId('churn-status').getAttribute('data-status')).toBe('ok');
    // The ROC AUC shown is the stored run's, with its interval.
    const run = await app.api<{ evaluation: { rocAuc: { value: number; low: number; high: number } } } | null>('churn.get', {});
    const auc = run!.evaluation.rocAuc;
    const kpi = (await page.getByTestId('churn-kpi-roc').textContent()) ?? '';
    expect(kpi).toContain(auc.value.toFixed(3));
    expect(kpi).toContain(auc.low.toFixed(3));
    expect(await page.getByTestId('churn-lift').locator('tbody tr').count()).toBe(10);
    await expect.poll(() => page.getByTestId('churn-gains-chart').locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('churn-calibration-chart').locator('canvas').count()).toBeGreaterThan(0);

    // Evaluation first: it sits above the drivers, which sit above the customers.
    const y = async (id: string) => (await page.getByTestId(id).boundingBox())!.y;
    const drivers = page.getByTestId('churn-drivers');
    await expect.poll(() => drivers.getByTestId('churn-driver-row').count()).toBeGreaterThan(5);
    expect(await y('churn-evaluation')).toBeLessThan(await y('churn-drivers'));
    expect(await y('churn-drivers')).toBeLessThan(await y('churn-customers'));
    expect(await drivers.textContent()).toContain('优势比');

    // The riskiest customers by revenue at stake, each with reasons in words.
    const rows = page.getByTestId('churn-customer-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(25);
    const top = await app.api<{ rows: { customerKey: string }[] }>('churn.scores', {
      runId: (run as unknown as { id: number }).id,
      sort: 'revenueAtStake',
      limit: 1,
    });
    expect(await rows.first().textContent()).toContain(top.rows[0]!.customerKey);
    expect(((await rows.first().locator('td').last().textContent()) ?? '').length).toBeGreaterThan(4);
    // The name opens the customer card as a panel over the section, not the health page.
    await rows.first().getByTestId('customer-link').click();
    await expect.poll(() => page.getByTestId('customer-card-drawer').count(), { timeout: 30_000 }).toBe(1);
    expect(page.url()).toContain('#/e/churn');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('customer-card-drawer').count(), { timeout: 30_000 }).toBe(0);

    // The signal backtest beside each rule.
    await page.getByTestId('churn-backtest-run').click();
    await expect.poll(() => page.getByTestId('churn-backtest').locator('tbody tr').count(), { timeout: 120_000 }).toBeGreaterThan(3);
    await shot('churn-backtest-zh-CN', 'churn-backtest');
    await shot('churn-customers-zh-CN', 'churn-customers');
    await shot('churn-drivers-zh-CN', 'churn-drivers');
    await page.getByTestId('churn-evaluation').evaluate((el) => el.scrollIntoView());
    await shot('churn-zh-CN');
  }, 300_000);

  it('shows the probability and its reasons on the customer card and in the customer table', async () => {
    const { page } = b;
    const run = await app.api<{ id: number }>('churn.get', {});
    const top = (await app.api<{ rows: { customerKey: string; probability: number }[] }>('churn.scores', { runId: run.id, sort: 'revenueAtStake', limit: 1 }))
      .rows[0]!;
    await page.goto(`${app.origin}/#/e/health/customer/${encodeURIComponent(top.customerKey)}`);
    const panel = page.getByTestId('customer-churn');
    await expect.poll(() => panel.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('customer-churn-probability').textContent()).toBe(`${(top.probability * 100).toFixed(1)}%`);
    expect(await page.getByTestId('customer-churn-reasons').locator('li').count()).toBeGreaterThan(0);
    await shot('customer-card-zh-CN', 'customer-churn');

    await page.goto(`${app.origin}/#/e/diagnostics`);
    await expect.poll(() => page.getByTestId('diag-churn-cell').count(), { timeout: 60_000 }).toBeGreaterThan(3);
    expect(await page.getByTestId('diag-churn-cell').first().textContent()).toMatch(/^\d+\.\d%$/);
  }, 120_000);

  it('speaks English', async () => {
    const { page } = b;
    await app.api('app.setLocale', { locale: 'en' });
    await page.goto(`${app.origin}/#/e/churn`);
    await page.reload();
    await expect.poll(() => page.getByTestId('churn-evaluation').textContent(), { timeout: 30_000 }).toContain('Base rate');
    expect(await page.getByTestId('churn-drivers').textContent()).toContain('Odds ratio');
    await page.getByTestId('churn-backtest-run').click();
    await expect.poll(() => page.getByTestId('churn-backtest').locator('tbody tr').count(), { timeout: 120_000 }).toBeGreaterThan(3);
    await page.getByTestId('churn-evaluation').evaluate((el) => el.scrollIntoView());
    await shot('churn-en');
    await shot('churn-drivers-en', 'churn-drivers');
    await shot('churn-customers-en', 'churn-customers');
    const run = await app.api<{ id: number }>('churn.get', {});
    const top = (await app.api<{ rows: { customerKey: string }[] }>('churn.scores', { runId: run.id, sort: 'revenueAtStake', limit: 1 })).rows[0]!;
    await page.goto(`${app.origin}/#/e/health/customer/${encodeURIComponent(top.customerKey)}`);
    await expect.poll(() => page.getByTestId('customer-churn').textContent(), { timeout: 30_000 }).toContain('Top reasons');
    await shot('customer-card-en', 'customer-churn');
    await app.api('app.setLocale', { locale: 'zh-CN' });
  }, 200_000);
});
