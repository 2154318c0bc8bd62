import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

let app: ServedApp;
let b: BrowserSession;

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
});
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('engagement shell in browser mode', () => {
  it('creates an engagement, closes it and reopens it from the recent list', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.getByTestId('new-engagement').click();
    await page.locator('input[name=clientName]').fill('苏州恒达精密');
    await page.locator('input[name=industry]').fill('汽车零部件');
    await page.getByTestId('create-engagement').click();
    await expect.poll(() => page.getByTestId('engagement-title').textContent()).toBe('苏州恒达精密');
    await page.getByTestId('close-engagement').click();
    await page.getByTestId('recent-list').locator('.recent-name', { hasText: '苏州恒达精密' }).click();
    await expect.poll(() => page.getByTestId('engagement-meta').textContent()).toContain('汽车零部件');
  });

  it('switches language, and the choice persists across a reload', async () => {
    const { page } = b;
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('nav-import').textContent()).toContain('Data import');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-import').textContent()).toContain('Data import');
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(() => page.getByTestId('nav-import').textContent()).toContain('数据导入');
  });

  it('refuses a text file renamed to .rwb with a clear message, leaving it unchanged', async () => {
    const { page } = b;
    mkdirSync(app.docs, { recursive: true });
    const bad = join(app.docs, 'renamed.rwb');
    writeFileSync(bad, '客户名单\n张三,李四\n'.repeat(50));
    const before = createHash('sha256').update(readFileSync(bad)).digest('hex');
    await page.getByTestId('close-engagement').click();
    await page.getByTestId('open-engagement').click();
    await page.locator('input[name=path]').fill(bad);
    await page.getByTestId('open-path').click();
    await expect.poll(() => page.getByTestId('inline-error').textContent()).toContain('不是留存诊断工作台的项目文件');
    expect(createHash('sha256').update(readFileSync(bad)).digest('hex')).toBe(before);
  });
});
