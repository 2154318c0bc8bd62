import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

// Encrypted workspaces in browser mode, as a consultant meets them: created with a passphrase, marked
// in the recent list, opened only after the passphrase is asked for (a wrong one refused in the
// dialog), its passphrase changed from the overview; in Chinese, then in English. With
// RWB_SCREENSHOTS=<dir> the dialogs are saved as PNGs in both languages.

let app: ServedApp;
let b: BrowserSession;
const shots = process.env.RWB_SCREENSHOTS;
// Opening an encrypted file derives its key (PBKDF2, 256,000 rounds): seconds on a busy machine.
const SLOW = { timeout: 30_000 };

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
});
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

async function shot(name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await b.page.waitForTimeout(300);
  await b.page.screenshot({ path: join(shots, `${name}.png`) });
}

describe('encrypted workspaces in the page', () => {
  const path = () => join(app.docs, '保密客户.rwb');

  it('creates one with a passphrase (refusing a short or mismatched one) and its file holds no client name', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.getByTestId('new-engagement').click();
    await page.locator('input[name=clientName]').fill('上海保密科技');
    await page.locator('input[name=path]').fill(path());
    await page.getByTestId('new-encrypt').check();
    await page.locator('input[name=new-passphrase]').fill('short');
    await page.locator('input[name=confirm-passphrase]').fill('short');
    await page.getByTestId('create-engagement').click();
    await expect.poll(() => page.locator('.modal').textContent(), SLOW).toContain('口令至少需要 8 个字符');
    await page.locator('input[name=new-passphrase]').fill('客户数据要保密123');
    await page.locator('input[name=confirm-passphrase]').fill('客户数据要保密12');
    await page.getByTestId('create-engagement').click();
    await expect.poll(() => page.locator('.modal').textContent(), SLOW).toContain('两次输入的口令不一致');
    await page.locator('input[name=confirm-passphrase]').fill('客户数据要保密123');
    await shot('new-encrypted-zh-CN');
    await page.getByTestId('create-engagement').click();
    await expect.poll(() => page.getByTestId('engagement-title').textContent(), SLOW).toBe('上海保密科技');
    expect(await page.getByTestId('encryption-state').textContent()).toContain('已加密');
    expect(readFileSync(path()).includes(Buffer.from('上海保密科技'))).toBe(false);
  });

  it('marks it in the recent list, asks for the passphrase, refuses a wrong one in the dialog, then opens it', async () => {
    const { page } = b;
    await page.getByTestId('close-engagement').click();
    const row = page.getByTestId('recent-list').locator('li', { hasText: '上海保密科技' });
    await expect.poll(() => row.getByTestId('recent-encrypted').textContent(), SLOW).toContain('已加密');
    await shot('recent-zh-CN');
    await row.locator('.recent-open').click();
    await expect.poll(() => page.locator('.modal h2').textContent(), SLOW).toBe('输入口令');
    await page.locator('input[name=passphrase]').fill('不是这个口令');
    await page.getByTestId('unlock-open').click();
    await expect.poll(() => page.locator('.modal').textContent(), SLOW).toContain('口令不正确');
    await shot('unlock-wrong-zh-CN');
    await page.locator('input[name=passphrase]').fill('客户数据要保密123');
    await page.getByTestId('unlock-open').click();
    await expect.poll(() => page.getByTestId('engagement-title').textContent(), SLOW).toBe('上海保密科技');
  });

  it('changes the passphrase from the overview, in English; the path field asks for the new one', async () => {
    const { page } = b;
    await page.getByTestId('lang-en').click();
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('change-passphrase').click();
    await expect.poll(() => page.locator('.modal h2').textContent(), SLOW).toBe('Change passphrase');
    await page.locator('input[name=current-passphrase]').fill('客户数据要保密123');
    await page.locator('input[name=new-passphrase]').fill('a longer new passphrase');
    await page.locator('input[name=confirm-passphrase]').fill('a longer new passphrase');
    await shot('change-passphrase-en');
    await page.getByTestId('change-passphrase-submit').click();
    await expect.poll(() => page.locator('.modal').textContent(), SLOW).toContain('Passphrase changed');
    await page.locator('.modal-footer .btn-primary').click();
    await page.getByTestId('close-engagement').click();

    // Opening by path (browser mode's open dialog): the same passphrase dialog, in English.
    await page.getByTestId('open-engagement').click();
    await page.locator('input[name=path]').fill(path());
    await page.getByTestId('open-path').click();
    await expect.poll(() => page.locator('.modal h2').textContent(), SLOW).toBe('Enter passphrase');
    await page.locator('input[name=passphrase]').fill('客户数据要保密123');
    await page.getByTestId('unlock-open').click();
    await expect.poll(() => page.locator('.modal').textContent(), SLOW).toContain('Wrong passphrase');
    await shot('unlock-wrong-en');
    await page.locator('input[name=passphrase]').fill('a longer new passphrase');
    await page.getByTestId('unlock-open').click();
    await expect.poll(() => page.getByTestId('engagement-title').textContent(), SLOW).toBe('上海保密科技');
  });

  it('encrypts a plain engagement from its overview', async () => {
    const { page } = b;
    await page.getByTestId('close-engagement').click();
    await page.getByTestId('new-engagement').click();
    await page.locator('input[name=clientName]').fill('Plain Co');
    await page.locator('input[name=path]').fill(join(app.docs, 'plain.rwb'));
    await shot('new-plain-en');
    await page.getByTestId('create-engagement').click();
    await expect.poll(() => page.getByTestId('encryption-state').textContent(), SLOW).toContain('Not encrypted');
    await page.getByTestId('encrypt-engagement').click();
    await page.locator('input[name=new-passphrase]').fill('plain no more');
    await page.locator('input[name=confirm-passphrase]').fill('plain no more');
    await shot('encrypt-en');
    await page.getByTestId('encrypt-submit').click();
    await expect.poll(() => page.locator('.modal').textContent(), SLOW).toContain('The engagement file is encrypted');
    await page.locator('.modal-footer .btn-primary').click();
    await expect.poll(() => page.getByTestId('encryption-state').textContent(), SLOW).toContain('Encrypted');
    expect(readFileSync(join(app.docs, 'plain.rwb')).includes(Buffer.from('Plain Co'))).toBe(false);
    await page.getByTestId('close-engagement').click();
    await shot('recent-en');
    await page.getByTestId('lang-zh-CN').click();
    await page.getByTestId('recent-list').locator('li', { hasText: 'Plain Co' }).locator('.recent-open').click();
    await expect.poll(() => page.locator('.modal h2').textContent(), SLOW).toBe('输入口令');
    await shot('unlock-zh-CN');
    await page.locator('input[name=passphrase]').fill('plain no more');
    await page.getByTestId('unlock-open').click();
    await expect.poll(() => page.getByTestId('encryption-state').textContent(), SLOW).toContain('已加密');
    await page.getByTestId('change-passphrase').click();
    await expect.poll(() => page.locator('.modal h2').textContent(), SLOW).toBe('更改口令');
    await page.locator('input[name=current-passphrase]').fill('plain no more');
    await shot('change-passphrase-zh-CN');
    await page.locator('.modal-footer .btn').first().click();
  });
});
