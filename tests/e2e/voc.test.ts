import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';
import type { VocThemeRun } from '../../shared/voc/types';
import type { ChurnReview } from '../../shared/churn-review/types';

// 客户之声 and 流失复盘 in the browser, on the demo: NPS with its interval, a theme run started from the
// section (a job thread in the built engine, so jieba loads in the bundle), a theme's examples, the
// lexicon saved and reset; a churn review built for 2026-Q3 with a lost customer's timeline, walked
// through in the presenter view.

let app: ServedApp;
let b: BrowserSession;
const SHOTS = process.env.RWB_SHOTS;

async function shot(name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await b.page.waitForTimeout(600);
  await b.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
  for (const asOf of ['2026-05-31', '2026-06-30']) await app.api('health.run', { asOf });
}, 180_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('voice of the customer in the browser', () => {
  it('shows NPS with its interval, runs the themes from the section and opens a theme’s examples', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/voc`);
    await page.reload();
    await expect.poll(() => page.getByTestId('voc-nps').textContent(), { timeout: 30_000 }).toBe('2.3');
    expect(await page.getByTestId('voc-overall').textContent()).toContain('95% [-2.9, 7.4]');
    expect(await page.getByTestId('voc-by-period').locator('tbody tr').count()).toBeGreaterThan(3);

    await page.getByTestId('voc-themes-run').click();
    await expect.poll(() => page.getByTestId('voc-themes-line').count(), { timeout: 120_000 }).toBe(1);
    const run = (await app.api<VocThemeRun | null>('voc.analysis', {}))!;
    const service = run.analysis.themes.find((t) => t.id === 'serviceResponse')!;
    const row = page.getByTestId('voc-theme-serviceResponse');
    expect(await row.textContent()).toContain(`+${service.npsEffect!.toFixed(1)}`);
    await row.getByRole('button').click();
    await expect.poll(() => page.locator('.voc-example-list li').count()).toBe(service.examples.length);
    expect(await page.getByTestId('voc-signals').textContent()).toContain('提及竞品');
    await shot('voc-zh-CN');

    // The lexicon: a word added to the domain dictionary is saved in the workspace, then reset.
    await page.getByTestId('voc-lexicon-toggle').click();
    const terms = page.getByTestId('voc-domain-terms');
    await terms.fill(`${await terms.inputValue()}\n边缘网关`);
    await page.getByTestId('voc-lexicon-save').click();
    await expect
      .poll(async () => (await app.api<{ config: { domainTerms: string[] }; edited: boolean }>('voc.lexicon', {})).config.domainTerms.includes('边缘网关'))
      .toBe(true);
  }, 240_000);
});

describe('churn review in the browser', () => {
  it('builds the 2026-Q3 review, opens a lost customer’s timeline and walks the presenter view', async () => {
    const { page } = b;
    await page.goto(`${app.origin}/#/e/churnReview`);
    await page.reload();
    await page.getByTestId('cr-period').fill('2026-Q3');
    await page.getByTestId('cr-run').click();
    await expect.poll(() => page.getByTestId('cr-kpis').count(), { timeout: 120_000 }).toBe(1);
    const review = (await app.api<ChurnReview | null>('churn.getReview', {}))!;
    expect(review.params.period).toBe('2026-Q3');
    const first = review.customers[0]!;
    await page.getByTestId(`cr-open-${first.customerKey}`).click();
    const timeline = page.getByTestId('cr-timeline');
    await expect.poll(() => timeline.locator('li').count()).toBe(first.timeline.length);
    for (const date of await timeline.locator('.cr-date').allTextContents()) expect(date < first.churnDate).toBe(true);
    await shot('churn-review-zh-CN');

    await page.getByTestId('cr-present').click();
    await expect.poll(() => page.getByTestId('cr-slide-overview').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('cr-slide-rates').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId(`cr-slide-customer-${first.customerKey}`).count()).toBe(1);
    await shot('churn-review-presenter-zh-CN');
    await page.getByTestId('cr-presenter-exit').click();
    await expect.poll(() => page.getByTestId('cr-kpis').count()).toBe(1);
  }, 240_000);
});
