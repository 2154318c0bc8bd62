import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { EngineClient } from '../../electron/backend/engine/client';
import { childProcessLink } from '../../electron/backend/engine/links';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { openBrowser, type BrowserSession } from '../helpers/browser';
import { tempDir } from '../helpers/temp';

// The engine in a child process the test can kill (the same relay as the app's utility process),
// behind the real web host and the built renderer: the page must say the engine restarted and that
// the workspace was checked and reopened, in the user's language.
const root = join(import.meta.dirname, '../..');
const dir = tempDir();
let engine: EngineClient;
let host: WebHost;
let b: BrowserSession;

beforeAll(async () => {
  engine = new EngineClient({
    init: { host: 'web', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs'), pdf: 'chromium' },
    link: childProcessLink,
  });
  await engine.start();
  const created = await engine.call('engagement.create', { path: join(dir, 'docs', 'hengda.rwb'), meta: { clientName: '苏州恒达精密' } });
  expect(created.ok).toBe(true);
  host = await startWebHost({ engine, rendererDir: join(root, 'out/renderer') });
  b = await openBrowser();
});
afterAll(async () => {
  await b?.close();
  await host?.close();
  await engine?.close();
});

async function killEngine(): Promise<void> {
  const pid = engine.pid;
  expect(pid).toBeGreaterThan(0);
  process.kill(pid!, 'SIGKILL');
  await expect.poll(() => engine.pid !== null && engine.pid !== pid, { timeout: 60_000 }).toBe(true);
}

describe('engine status in the page', () => {
  it('says the engine restarted and the workspace was checked and reopened, in Chinese and then in English', async () => {
    const { page } = b;
    await page.goto(`${host.url}#/e/overview`);
    await expect.poll(() => page.getByTestId('engagement-title').textContent()).toBe('苏州恒达精密');

    await killEngine();
    const banner = page.getByTestId('engine-status');
    await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toContain('计算引擎已重新启动');
    expect(await banner.textContent()).toContain('项目工作区已通过完整性检查并重新打开');
    expect(await banner.textContent()).toContain('原因：signal SIGKILL');
    // Reopened: the engagement is still on screen, and still answers.
    expect(await page.getByTestId('engagement-title').textContent()).toBe('苏州恒达精密');
    await banner.getByRole('button').click();
    await expect.poll(() => banner.count()).toBe(0);

    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('nav-import').textContent()).toContain('Data import');
    await killEngine();
    await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toContain('The engine has restarted.');
    expect(await banner.textContent()).toContain('The workspace passed its integrity check and was reopened');
  });
});
