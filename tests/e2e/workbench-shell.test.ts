import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { DiagnosticRunSummary } from '../../shared/analytics';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

// The consultant's day around the screens: keyboard shortcuts and their help panel, leaving an
// engagement asks first, browser mode's picker lists the workspaces in the documents folder, and
// deleting a diagnostic run can be undone.

let app: ServedApp;
let b: BrowserSession;

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
  await app.api('diagnostics.run', { params: { asOf: '2026-07-31' } });
  await app.api('diagnostics.run', { params: {} });
}, 180_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('shortcuts, leaving, picking a workspace, undo', () => {
  it('switches sections with number keys, lists the shortcuts on ?, focuses the customer search on /', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/overview`);
    await page.getByTestId('overview-headline').waitFor({ timeout: 60_000 });
    await page.keyboard.press('3');
    await expect.poll(() => page.evaluate<string>('location.hash'), { timeout: 10_000 }).toBe('#/e/diagnostics');
    await page.keyboard.press('?');
    await expect.poll(() => page.getByTestId('shortcuts-help').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('shortcuts-help').textContent()).toContain('搜索客户');
    await page.getByTestId('shortcuts-close').click();
    await page.getByTestId('diag-run-line').waitFor({ timeout: 60_000 });
    await page.keyboard.press('/');
    await expect
      .poll(() => page.evaluate<string | null>("document.activeElement && document.activeElement.getAttribute('data-testid')"), { timeout: 10_000 })
      .toBe('diag-search');
    // Typing in the field is typing, not a shortcut.
    await page.keyboard.type('1');
    expect(await page.evaluate<string>('location.hash')).toBe('#/e/diagnostics');
  });

  it('deletes a run with an undo, and the undone run stays in the engine', async () => {
    const { page } = b;
    const before = await app.api<DiagnosticRunSummary[]>('diagnostics.runs', {});
    await page.getByTestId('diag-delete').click();
    await expect.poll(() => page.getByTestId('diag-undo').count(), { timeout: 30_000 }).toBe(1);
    const shownId = before.reduce((a, r) => (r.asOf > a.asOf || (r.asOf === a.asOf && r.id > a.id) ? r : a)).id;
    expect(await page.getByTestId('diag-undo').textContent()).toContain(`第 ${shownId} 次诊断`);
    await page.getByTestId('diag-undo-button').click();
    await expect.poll(() => page.getByTestId('diag-undo').count()).toBe(0);
    expect((await app.api<DiagnosticRunSummary[]>('diagnostics.runs', {})).length).toBe(before.length);
    await expect.poll(() => page.getByTestId('diag-run-line').textContent(), { timeout: 30_000 }).toContain(`第 ${shownId} 次诊断`);
    // Without undo, the run is deleted when the undo window closes or the page is left.
    await page.getByTestId('diag-delete').click();
    await page.getByTestId('nav-overview').click();
    await expect.poll(async () => (await app.api<DiagnosticRunSummary[]>('diagnostics.runs', {})).length, { timeout: 30_000 }).toBe(before.length - 1);
  });

  it('asks before the brand link leaves the engagement', async () => {
    const { page } = b;
    page.once('dialog', (d) => void d.dismiss());
    await page.getByTestId('brand-link').click();
    await page.waitForTimeout(300);
    expect(await page.evaluate<string>('location.hash')).toBe('#/e/overview');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('brand-link').click();
    await expect.poll(() => page.evaluate<string>('location.hash'), { timeout: 10_000 }).toBe('#/');
  });

  it('lists the workspaces of the documents folder in the open dialog and opens one with a double click', async () => {
    const { page } = b;
    await app.api('engagement.close', {});
    await page.goto(`${app.origin}/#/`);
    await page.getByTestId('open-engagement').click();
    const items = page.getByTestId('documents-picker-item');
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await items.first().textContent()).toContain('demo.rwb');
    await items.first().dblclick();
    await expect.poll(() => page.getByTestId('engagement-title').count(), { timeout: 30_000 }).toBe(1);
  });
});
