import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

// The rule editors of the parameters section: a segment rule added, moved to the top (first match
// wins) with the customers it takes shown before saving; a signal threshold whose alert budget moves
// as it is typed; tier and lifecycle changes previewed before → after, an impossible one refused;
// and the diagnostics trend run over every period of the data.

let app: ServedApp;
let b: BrowserSession;
const SHOTS = process.env.RWB_SHOTS;

async function shot(name: string, testId?: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  if (testId) await b.page.getByTestId(testId).scrollIntoViewIfNeeded();
  await b.page.waitForTimeout(500);
  await b.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The numbers in a text, in order (figures carry thousands separators). */
const numbers = (s: string | null): number[] => [...(s ?? '').matchAll(/\d[\d,]*/g)].map((m) => Number(m[0].replace(/,/g, '')));

interface ParamSetDoc {
  rfm: { classicRules: { id: string; r: number[]; f: number[]; m: number[] }[] };
  signals: { id: string; params: Record<string, number> }[];
  tiers: { strategicShare: number };
}

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
  await app.api('diagnostics.run', { params: {} });
  await app.api('health.run', {});
}, 180_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('rule editors in the browser', () => {
  it('adds a segment rule, moves it first, sees the customers it takes, saves it; tunes a signal threshold and sees the alert budget move', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/params`);
    await page.reload();
    await expect.poll(() => page.getByTestId('params-rfm-preview').textContent(), { timeout: 60_000 }).toContain('R=5');
    await expect(page.getByTestId('params-segments-order').textContent()).resolves.toContain('第一条');

    // A new rule goes to the end, where the classic rules (every R x F cell) leave it no customer.
    const rows = page.locator('[data-testid^="params-segment-classic-"][data-testid$="-count"]');
    const before = await rows.count();
    await page.getByTestId('params-segment-classic-add').click();
    const last = before; // index of the new rule
    await expect.poll(() => rows.count()).toBe(before + 1);
    await page.getByTestId(`params-segment-classic-${last}-name`).fill('近期活跃');
    await page.getByTestId(`params-segment-classic-${last}-r0`).fill('5');
    await expect.poll(async () => numbers(await page.getByTestId(`params-segment-classic-${last}-count`).textContent())[0], { timeout: 30_000 }).toBe(0);
    // Moved to the top, it takes every customer with R = 5 before the rules below can.
    // (A click event, not a pointer: the table's sticky header may lie over the row as it scrolls.)
    for (let i = last; i > 0; i--) await page.getByTestId(`params-segment-classic-${i}-up`).dispatchEvent('click');
    const r5 = async () => numbers(await page.getByTestId('params-rfm-preview').textContent())[0]!; // "按这些设置，n 位客户 R=5（原为 m）…"
    await expect.poll(async () => numbers(await page.getByTestId('params-segment-classic-0-count').textContent())[0], { timeout: 30_000 }).toBeGreaterThan(0);
    const taken = numbers(await page.getByTestId('params-segment-classic-0-count').textContent())[0]!;
    expect(taken).toBe(await r5());
    await expect.poll(async () => numbers(await page.getByTestId('params-segments-classic-moved').textContent())[0], { timeout: 30_000 }).toBe(taken);
    await shot('params-editor-segments-zh-CN', 'params-segment-classic-0');

    // The alert budget of a rule as its threshold changes.
    const fire = page.getByTestId('params-fire-unansweredOutreach');
    const inbox = page.getByTestId('params-budget-unansweredOutreach-inbox');
    await expect.poll(() => inbox.textContent(), { timeout: 30_000 }).toContain('新增 0 ·');
    const was = numbers(await fire.textContent())[0]!;
    await page.getByTestId('params-signal-unansweredOutreach-streak').fill('1');
    await expect.poll(async () => numbers(await fire.textContent())[0], { timeout: 30_000 }).toBeGreaterThan(was);
    const now = numbers(await fire.textContent())[0]!;
    // Every customer it fires for beyond today's open alerts is a new alert.
    const [added, , open] = numbers(await inbox.textContent());
    expect(added).toBe(now - open!);
    expect(added).toBeGreaterThan(0);
    expect(await page.getByTestId('params-backtest-none').isVisible()).toBe(true);
    await shot('params-editor-signals-zh-CN', 'params-signals');

    // Tiers: a 5% strategic share moves customers up; lifecycle: a new period past maturity is refused.
    await page.getByTestId('params-name').fill('分群测试');
    await page.getByTestId('params-tiers-strategicShare').fill('5');
    await expect.poll(async () => numbers(await page.getByTestId('params-tiers-preview-line').textContent())[0], { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByTestId('params-lifecycle-newDays').fill('400');
    await expect.poll(() => page.getByTestId('params-issue-lifecycle.newDays').textContent()).toContain('须短于成熟期起点');
    await expect.poll(() => page.getByTestId('params-save').isDisabled()).toBe(true);
    await shot('params-editor-rules-zh-CN', 'params-lifecycle');
    await page.getByTestId('params-lifecycle-newDays').fill('90');
    await expect.poll(() => page.getByTestId('params-save').isEnabled()).toBe(true);
    await shot('params-editor-playbook-zh-CN', 'params-playbook');

    await page.getByTestId('params-save').click();
    await expect.poll(() => page.getByTestId('params-message').textContent(), { timeout: 30_000 }).toContain('已保存参数集「分群测试」');
    const saved = await app.api<ParamSetDoc>('params.get', { name: '分群测试' });
    expect(saved.rfm.classicRules[0]).toEqual({ id: '近期活跃', r: [5, 5], f: [1, 5], m: [1, 5] });
    expect(saved.signals.find((r) => r.id === 'unansweredOutreach')?.params).toEqual({ streak: 1 });
    expect(saved.tiers.strategicShare).toBeCloseTo(0.05, 10);

    // The English screen, reopened from the saved set.
    await app.api('app.setLocale', { locale: 'en' });
    await page.reload();
    await page.getByTestId('params-set-select').selectOption('分群测试');
    await expect.poll(() => page.getByTestId('params-preview-state').textContent(), { timeout: 60_000 }).toContain(' ms');
    await expect.poll(() => page.getByTestId('params-segments-order').textContent()).toContain('first match wins');
    await shot('params-editor-segments-en', 'params-segment-classic-0');
    await shot('params-editor-signals-en', 'params-signals');
    await shot('params-editor-rules-en', 'params-tiers');
    await shot('params-editor-playbook-en', 'params-playbook');
    await app.api('app.setLocale', { locale: 'zh-CN' });
  }, 400_000);

  it('runs the diagnostics trend over every period of the data', async () => {
    const { page } = b;
    await page.goto(`${app.origin}/#/e/diagnostics`);
    await page.reload();
    const range = page.getByTestId('diag-trend-range');
    await expect.poll(() => range.textContent(), { timeout: 60_000 }).toContain('共 12 期');
    await page.getByTestId('diag-trend-from').selectOption('all');
    await page.getByTestId('diag-run').click();
    await expect.poll(async () => numbers(await range.textContent()).at(-1), { timeout: 180_000 }).toBeGreaterThan(12);
    const runs = await app.api<{ id: number }[]>('diagnostics.runs', {});
    const latest = await app.api<{ params: { periodCount: number | null }; results: { retention: unknown[]; data: { firstOrderDate: string } } }>(
      'diagnostics.get',
      {
        runId: Math.max(...runs.map((r) => r.id)),
      },
    );
    expect(latest.params.periodCount).toBeNull();
    expect(numbers(await range.textContent()).at(-1)).toBe(latest.results.retention.length);
    await shot('diagnostics-trend-zh-CN', 'diag-trend-chart');
  }, 300_000);
});
