import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';
import type { ClvCustomerRow, ClvRun } from '../../shared/clv/types';
import type { ClvBreakdown } from '../../shared/clv/breakdown';

// Lifetime value fitted on the demo from the 客户价值 section: the evaluation (verdict, hold-out
// error, tracking plots, fits) appears before the book value and the customer list; a row opens the
// customer card, which shows the customer's figures; the customer table gains P(alive) and CLV.

let app: ServedApp;
let b: BrowserSession;
const SHOTS = process.env.RWB_SHOTS;

async function shot(name: string, testId?: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  if (testId) await b.page.getByTestId(testId).evaluate((el) => el.scrollIntoView());
  await b.page.waitForTimeout(800);
  await b.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
  await app.api('diagnostics.run', { params: {} });
}, 180_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('customer value in the browser', () => {
  it('fits BG/NBD + Gamma-Gamma on the demo from the UI: the evaluation first, then the book value and the customers', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/clv`);
    await page.reload();
    await expect.poll(() => page.getByTestId('clv-empty').count(), { timeout: 90_000 }).toBe(1);
    expect(await page.locator('nav').textContent()).toContain('客户价值');

    await page.getByTestId('clv-horizon').fill('6');
    await page.getByTestId('clv-fit-run').click();
    const evaluation = page.getByTestId('clv-evaluation');
    await expect.poll(() => evaluation.count(), { timeout: 120_000 }).toBe(1);
    const run = (await app.api<ClvRun | null>('clv.get', {}))!;
    expect(run.params.horizonMonths).toBe(6);

    // The verdict in words, and the hold-out error with the stored run's figures.
    expect(await page.getByTestId('clv-verdict').getAttribute('data-verdict')).toBe(run.result.evaluation.verdict);
    expect(await page.getByTestId('clv-verdict').textContent()).toContain('模型是否适合这份数据？');
    const e = run.result.evaluation;
    const error = ((e.holdoutPredicted! - e.holdoutActual!) / e.holdoutActual!) * 100;
    expect(await page.getByTestId('clv-kpi-holdout').textContent()).toContain(`${error.toFixed(1)}%`);
    await expect.poll(() => page.getByTestId('clv-tracking-cumulative').locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('clv-tracking-incremental').locator('canvas').count()).toBeGreaterThan(0);
    // Parameters with standard errors and intervals.
    const countFit = page.getByTestId('clv-count-fit');
    expect(await countFit.locator('tbody tr').count()).toBe(4);
    expect(await countFit.textContent()).toContain('标准误');
    expect(await page.getByTestId('clv-spend-fit').locator('tbody tr').count()).toBe(3);

    // Evaluation above the book value, which is above the customers.
    const y = async (id: string) => (await page.getByTestId(id).boundingBox())!.y;
    await expect.poll(() => page.getByTestId('clv-customer-row').count(), { timeout: 30_000 }).toBe(25);
    expect(await y('clv-evaluation')).toBeLessThan(await y('clv-book'));
    expect(await y('clv-book')).toBeLessThan(await y('clv-customers'));

    // The book value and its interval are the stored run's.
    const book = (await page.getByTestId('clv-book-value').textContent()) ?? '';
    expect(book).toContain(Math.round(run.result.totals.clv!).toLocaleString('zh-CN'));
    expect(book).toContain(Math.round(run.result.intervals!.clv!.low).toLocaleString('zh-CN'));
    expect(await page.getByTestId('clv-spend-notes').textContent()).toContain('退货');

    // How the book splits, as the engine aggregates it: the distribution with the top 10% / 20% share,
    // value by the diagnostic run's segment and tier, alive vs dormant by P(alive) band.
    const bd = await app.api<ClvBreakdown>('clv.breakdown', { runId: run.id });
    await expect.poll(() => page.getByTestId('clv-distribution').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('clv-top-share').textContent()).toContain(`${(bd.distribution.top10Share! * 100).toFixed(1)}%`);
    expect(await page.getByTestId('clv-top-share').textContent()).toContain(`${(bd.distribution.top20Share! * 100).toFixed(1)}%`);
    await expect.poll(() => page.getByTestId('clv-distribution-chart').locator('canvas').count()).toBeGreaterThan(0);
    const byGroup = page.getByTestId('clv-by-group');
    expect(await byGroup.textContent()).toContain(`第 ${bd.diagnosticRun!.id} 次诊断运行`);
    expect(await byGroup.textContent()).toContain('战略');
    const tables = byGroup.getByTestId('clv-breakdown-table');
    expect(await tables.nth(0).locator('tbody tr').count()).toBe(bd.segments.length);
    expect(await tables.nth(1).locator('tbody tr').count()).toBe(bd.tiers.length);
    const alive = page.getByTestId('clv-alive');
    const aliveRows = alive.locator('tbody tr');
    expect(await aliveRows.count()).toBe(4);
    for (let i = 0; i < 4; i += 1) expect(await aliveRows.nth(i).locator('td').nth(1).textContent()).toBe(bd.alive[i]!.customers.toLocaleString('zh-CN'));
    expect(await alive.textContent()).toContain('< 25%');
    expect(await y('clv-book')).toBeLessThan(await y('clv-distribution'));
    expect(await y('clv-distribution')).toBeLessThan(await y('clv-by-group'));
    expect(await y('clv-by-group')).toBeLessThan(await y('clv-alive'));
    await shot('clv-distribution-zh-CN', 'clv-distribution');
    await shot('clv-by-group-zh-CN', 'clv-by-group');
    await shot('clv-alive-zh-CN', 'clv-alive');

    // Highest CLV first, with its interval; sorting by P(alive) asks the engine for another order.
    const top = (await app.api<{ rows: ClvCustomerRow[] }>('clv.customers', { runId: run.id, limit: 1 })).rows[0]!;
    const first = page.getByTestId('clv-customer-row').first();
    expect(await first.textContent()).toContain(top.customerId);
    expect(await first.textContent()).toContain(Math.round(top.clvLow!).toLocaleString('zh-CN'));
    await page.getByTestId('clv-sort-pAlive').click();
    const mostAlive = (await app.api<{ rows: ClvCustomerRow[] }>('clv.customers', { runId: run.id, sort: 'pAlive', limit: 1 })).rows[0]!;
    await expect.poll(() => page.getByTestId('clv-customer-row').first().textContent()).toContain(mostAlive.customerId);
    await page.getByTestId('clv-sort-clv').click();
    await expect.poll(() => page.getByTestId('clv-customer-row').first().textContent()).toContain(top.customerId);
    // A customer's name opens the customer card over the section (the list keeps its sort), Esc closes it.
    await page.getByTestId('clv-customer-row').first().getByTestId('customer-link').click();
    await expect.poll(() => page.getByTestId('customer-card-drawer').count(), { timeout: 30_000 }).toBe(1);
    expect(page.url()).toContain('#/e/clv');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('customer-card-drawer').count(), { timeout: 30_000 }).toBe(0);
    // The win-back list: customers below 50% P(alive) with the most past repeat spend, as the engine pages them.
    const dormant = await app.api<{ total: number; rows: ClvCustomerRow[] }>('clv.customers', {
      runId: run.id,
      sort: 'pastValue',
      pAliveBelow: 0.5,
      limit: 10,
    });
    await expect.poll(() => page.getByTestId('clv-at-risk-row').count(), { timeout: 30_000 }).toBe(dormant.rows.length);
    if (dormant.rows.length > 0) expect(await page.getByTestId('clv-at-risk-row').first().textContent()).toContain(dormant.rows[0]!.customerId);
    await shot('clv-at-risk-zh-CN', 'clv-at-risk');
    await page.getByTestId('clv-evaluation').evaluate((el) => el.scrollIntoView());
    await shot('clv-zh-CN');
    await shot('clv-customers-zh-CN', 'clv-customers');
    await shot('clv-book-zh-CN', 'clv-book');
    await shot('clv-fits-zh-CN', 'clv-count-fit');

    // A row opens the customer card, which shows the same figures.
    await first.locator('a').first().click();
    const panel = page.getByTestId('customer-clv');
    await expect.poll(() => panel.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('customer-clv-value').textContent()).toBe(`¥${Math.round(top.clv!).toLocaleString('zh-CN')}`);
    expect(await page.getByTestId('customer-clv-alive').textContent()).toBe(`${(top.pAlive * 100).toFixed(1)}%`);
    await shot('customer-card-clv-zh-CN', 'customer-clv');

    // The diagnostics customer table gains P(alive) and CLV columns.
    await page.goto(`${app.origin}/#/e/diagnostics`);
    await expect.poll(() => page.getByTestId('diag-clv-value').count(), { timeout: 60_000 }).toBeGreaterThan(3);
    expect(await page.getByTestId('diag-clv-alive').first().textContent()).toMatch(/^\d+\.\d%$/);
  }, 300_000);

  it('cancel stops a fit and stores nothing', async () => {
    const { page } = b;
    const before = (await app.api<unknown[]>('clv.runs', {})).length;
    await page.goto(`${app.origin}/#/e/clv`);
    await page.reload();
    await expect.poll(() => page.getByTestId('clv-evaluation').count(), { timeout: 90_000 }).toBe(1);
    await page.getByTestId('clv-model').selectOption('pnbd');
    await page.getByTestId('clv-fit-run').click();
    await page.getByTestId('clv-fit-cancel').click();
    await expect.poll(() => page.getByTestId('clv-fit-cancel').count(), { timeout: 60_000 }).toBe(0);
    expect((await app.api<unknown[]>('clv.runs', {})).length).toBe(before);
  }, 120_000);

  it('speaks English', async () => {
    const { page } = b;
    await app.api('app.setLocale', { locale: 'en' });
    await page.goto(`${app.origin}/#/e/clv`);
    await page.reload();
    await expect.poll(() => page.getByTestId('clv-evaluation').textContent(), { timeout: 90_000 }).toContain('Hold-out error');
    expect(await page.getByTestId('clv-book').textContent()).toContain('Total CLV over the next 6 months');
    expect(await page.getByTestId('clv-interval-note').textContent()).toContain('delta method');
    await page.getByTestId('clv-evaluation').evaluate((el) => el.scrollIntoView());
    await expect.poll(() => page.getByTestId('clv-alive').textContent(), { timeout: 30_000 }).toContain('Alive vs dormant');
    expect(await page.getByTestId('clv-distribution').textContent()).toContain('The top 10% of customers by CLV');
    expect(await page.getByTestId('clv-by-group').textContent()).toContain('Value by tier');
    await shot('clv-distribution-en', 'clv-distribution');
    await shot('clv-by-group-en', 'clv-by-group');
    await shot('clv-alive-en', 'clv-alive');
    await page.getByTestId('clv-evaluation').evaluate((el) => el.scrollIntoView());
    await shot('clv-en');
    await shot('clv-customers-en', 'clv-customers');
    await shot('clv-book-en', 'clv-book');
  }, 120_000);
});
