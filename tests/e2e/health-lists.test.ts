import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ResultOf } from '../../shared/contract';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

// The health section's long lists come from the engine a page at a time: the signal inbox (100
// rows a page) and the action board per status, each count from the engine's total.

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
  it("shows the inbox's first page and the engine's total, and fetches more on demand", async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/health`);
    await page.getByTestId('health-tab-signals').click();
    const open = await app.api<ResultOf<'signals.triage'>>('signals.triage', { limit: 1 });
    const light = open.facets!.severity.find((f) => f.value === 'light')!.count;
    await expect.poll(() => page.getByTestId('signals-count-light').locator('strong').textContent(), { timeout: 30_000 }).toBe(light.toLocaleString('zh-CN'));
    await expect.poll(() => page.getByTestId('signal-row').count()).toBe(Math.min(100, open.total));
    if (open.total > 100) {
      await page.getByTestId('signals-more').click();
      await expect.poll(() => page.getByTestId('signal-row').count()).toBe(Math.min(200, open.total));
    }
  });

  it("shows each action column's first page with the engine's total", async () => {
    const { page } = b;
    await page.getByTestId('health-tab-actions').click();
    for (const status of ['open', 'inProgress', 'done'] as const) {
      const r = await app.api<ResultOf<'actions.triage'>>('actions.triage', { status, limit: 1 });
      const col = page.getByTestId(`board-${status}`);
      await expect.poll(() => col.locator('.inbox-count').textContent(), { timeout: 30_000 }).toBe(r.total.toLocaleString('zh-CN'));
      expect(await col.getByTestId('hl-action').count()).toBe(Math.min(40, r.total));
    }
  });
});
