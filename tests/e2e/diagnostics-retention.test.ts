import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { DiagnosticRun } from '../../shared/analytics';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

// The retention figures as the consultant sees them: the window derived from the data and stated,
// both definitions per period, every cohort, and a cohort range chosen in the parameter bar.
let app: ServedApp;
let b: BrowserSession;

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'en' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
}, 120_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('retention figures on the diagnostics screen', () => {
  it('states the derived window, shows both definitions and every cohort', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/diagnostics`);
    await expect.poll(() => page.getByTestId('diag-run-line').textContent(), { timeout: 60_000 }).toContain('Run #1');
    const run = (await app.api<DiagnosticRun | null>('diagnostics.get', {}))!;
    expect(run.params.activity.windowDays).toBeNull();
    const w = run.results.window!;
    expect(w.source).toBe('derived');
    expect(await page.getByTestId('diag-window-line').textContent()).toContain(`Activity window ${w.days} days, derived from the data`);
    const table = page.getByTestId('diag-retention-table');
    expect(await table.locator('tbody').first().locator('tr').count()).toBe(run.results.retention.length);
    expect(await table.textContent()).toContain('Period-to-period');
    // Every cohort of the data: the demo's orders start 2023-11, the as-of date is in 2026-10.
    expect(run.results.cohorts.rows.length).toBe(36);
    expect(await page.getByTestId('diag-cohort-range').textContent()).toContain('36 cohorts (2023-11 – 2026-10)');
  });

  it('runs with a cohort range picked in the parameter bar', async () => {
    const { page } = b;
    await page.selectOption('[data-testid="diag-cohort-from"]', '2025-01');
    await page.selectOption('[data-testid="diag-cohort-to"]', '2025-06');
    await page.getByTestId('diag-run').click();
    await expect.poll(() => page.getByTestId('diag-run-line').textContent(), { timeout: 60_000 }).toContain('Run #2');
    await expect.poll(() => page.getByTestId('diag-cohort-range').textContent()).toContain('6 cohorts (2025-01 – 2025-06)');
    const run = (await app.api<DiagnosticRun | null>('diagnostics.get', {}))!;
    expect([run.params.cohortFrom, run.params.cohortTo]).toEqual(['2025-01', '2025-06']);
    expect(run.results.cohorts.rows.map((r) => r.key)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
  });
});
