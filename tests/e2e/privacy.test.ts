import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

// The Data & privacy section as a consultant uses it at the end of an engagement: the audit chain
// shown verified, one customer erased on request (the runs noted), the personal fields closed out
// (in Chinese), then the whole workspace deleted (in English). With RWB_SHOTS=<dir> each step is saved.

let app: ServedApp;
let b: BrowserSession;
const SHOTS = process.env.RWB_SHOTS;
const path = () => join(app.docs, 'demo.rwb');

async function shot(name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await b.page.waitForTimeout(300);
  await b.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.createDemo', { path: path() });
  await app.api('diagnostics.run', { params: {} });
  await app.api('health.run', {});
}, 180_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('data & privacy in the browser', () => {
  it('verifies the chain, erases one customer, then closes out the personal fields', async () => {
    const { page } = b;
    const db = new Database(path(), { readonly: true });
    const names = db.prepare('select name from customers order by customer_key limit 20 offset 10').pluck().all() as string[];
    db.close();
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/privacy`);
    await page.reload();
    await expect.poll(() => page.getByTestId('audit-chain').textContent(), { timeout: 30_000 }).toContain('审计链完整');

    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('erase-key').fill('KH00003');
    await page.getByTestId('erase-run').click();
    await expect.poll(() => page.getByTestId('erasure-notes').textContent(), { timeout: 30_000 }).toContain('留存诊断 #');

    await expect.poll(() => page.getByTestId('close-out-run').isDisabled()).toBe(true);
    await page.getByTestId('close-out-understood').check();
    await shot('privacy-close-out-zh-CN');
    await page.getByTestId('close-out-run').click();
    await expect.poll(() => page.getByTestId('close-out-result').textContent(), { timeout: 60_000 }).toContain('已完成');
    await shot('privacy-done-zh-CN');
    expect(await page.getByTestId('audit-chain').textContent()).toContain('审计链完整');
    const bytes = readFileSync(path());
    expect(names.filter((n) => bytes.includes(Buffer.from(n)))).toEqual([]);
    expect(existsSync(join(app.docs, 'demo-close-out-certificate.json'))).toBe(true);
  }, 120_000);

  it('erases a customer from their own card', async () => {
    const { page } = b;
    await app.api('app.setLocale', { locale: 'en' });
    await page.goto(`${app.origin}/#/e/health/customer/KH00004`);
    await expect.poll(() => page.getByTestId('customer-erase').count(), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('customer-erase').scrollIntoViewIfNeeded();
    await shot('customer-erase');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('customer-erase').click();
    await expect.poll(() => page.getByTestId('customer-card').count(), { timeout: 30_000 }).toBe(0);
    const erased = await app.api<{ diagnostic: Record<string, number> }>('privacy.erasures', {});
    expect(Object.values(erased.diagnostic)).toEqual([2]);
    await page.goto(`${app.origin}/#/e/privacy`);
  }, 60_000);

  it('deletes the whole workspace from the English page', async () => {
    const { page } = b;
    await page.reload();
    await page.getByTestId('close-out-workspace').check();
    await page.getByTestId('close-out-understood').check();
    await shot('privacy-delete-en');
    await page.getByTestId('close-out-run').click();
    await expect.poll(() => existsSync(path()), { timeout: 30_000 }).toBe(false);
    expect(existsSync(`${path()}-wal`) || existsSync(`${path()}-lock`)).toBe(false);
    // The certificate is written once the files are gone.
    const cert = () => JSON.parse(readFileSync(join(app.docs, 'demo-close-out-certificate.json'), 'utf8')) as { mode: string; audit: { intact: boolean } };
    await expect.poll(() => cert().mode, { timeout: 30_000 }).toBe('workspace');
    expect(cert().audit.intact).toBe(true);
    await expect.poll(() => page.url(), { timeout: 30_000 }).not.toContain('/e/');
    await shot('privacy-deleted-en');
  }, 120_000);
});
