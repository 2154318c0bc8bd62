import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ResultOf } from '../../shared/contract';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

// The health section's long lists come from the engine a page at a time: the signal inbox per
// severity and the action board per status, each column's count from the engine's total.

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

describe('health lists paged by the engine', () => {
  it("shows each severity column's first page and its total, and fetches more on demand", async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/health`);
    await page.getByTestId('health-tab-signals').click();
    const open = await app.api<ResultOf<'signals.list'>>('signals.list', { status: 'open', severity: 'light', limit: 1 });
    const light = page.getByTestId('inbox-light');
    await expect.poll(() => light.locator('.inbox-count').textContent(), { timeout: 30_000 }).toBe(String(open.counts.light));
    await expect.poll(() => light.getByTestId('signal-card').count()).toBe(Math.min(60, open.total));
    if (open.total > 60) {
      await light.locator('button.more').click();
      await expect.poll(() => light.getByTestId('signal-card').count()).toBe(Math.min(120, open.total));
    }
  });

  it("shows each action column's first page with the engine's total", async () => {
    const { page } = b;
    await page.getByTestId('health-tab-actions').click();
    for (const status of ['open', 'inProgress', 'done'] as const) {
      const r = await app.api<ResultOf<'actions.list'>>('actions.list', { status, limit: 1 });
      const col = page.getByTestId(`board-${status}`);
      await expect.poll(() => col.locator('.inbox-count').textContent(), { timeout: 30_000 }).toBe(String(r.total));
      expect(await col.getByTestId('hl-action').count()).toBe(Math.min(40, r.total));
    }
  });
});
