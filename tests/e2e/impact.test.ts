import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';
import type { Experiment, ExperimentResult } from '../../shared/impact/experiment';
import type { IndicatorsReport } from '../../shared/impact/views';

// 成效评估 on the demo: define an A/B experiment from the UI (random split with a recorded seed), see
// its result and verdict; freeze a baseline at the engagement start and see each indicator's change and
// deviation flag; the fee statement from example terms.

let app: ServedApp;
let b: BrowserSession;
const SHOTS = process.env.RWB_SHOTS;

async function shot(name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await b.page.waitForTimeout(800);
  await b.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
}, 180_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('impact in the browser', () => {
  it('defines an experiment on the demo and shows its result and verdict', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/impact/experiments`);
    await page.reload();
    expect(await page.locator('nav').textContent()).toContain('成效评估');
    await page.getByTestId('impact-define').click();
    await page.getByTestId('exp-name').fill('续约价值盘点提醒');
    await page.getByTestId('exp-action').fill('renewalValueReview');
    await page.getByTestId('exp-selection').selectOption('random');
    await page.getByTestId('exp-regions').fill('华东');
    await page.getByTestId('exp-seed').fill('42');
    await page.getByTestId('exp-outcome').selectOption('converted');
    await page.getByTestId('exp-start').fill('2026-05-01');
    await page.getByTestId('exp-window').fill('90');
    await page.getByTestId('exp-create').click();

    const verdict = page.getByTestId('impact-verdict');
    await expect.poll(() => verdict.count(), { timeout: 60_000 }).toBe(1);
    const list = await app.api<Experiment[]>('impact.experiments', {});
    expect(list).toHaveLength(1);
    const e = list[0] as Experiment;
    expect(e.seed).toBe(42);
    expect(e.treatment + e.control).toBeGreaterThan(100);
    const r = await app.api<ExperimentResult>('impact.result', { id: e.id });
    // The page shows the engine's verdict, in words, and the two-proportion test's interval.
    expect(await verdict.getAttribute('data-verdict')).toBe(r.verdict);
    expect(r.estimates[0]?.method).toBe('twoProportion');
    const text = await verdict.textContent();
    expect(text).toMatch(/有效|适得其反|未检测到效果|为时尚早|不可信/);
    const estimates = await page.getByTestId('impact-estimates').textContent();
    expect(estimates).toContain('两比例 z 检验');
    expect(estimates).toContain((r.estimates[0] as { pValue: number }).pValue.toFixed(4));
    await shot('impact-experiment-zh-CN');

    // The same groups come back for the same seed: drawing again changes nothing.
    const again = await app.api<Experiment>('impact.assign', { id: e.id });
    expect([again.treatment, again.control]).toEqual([e.treatment, e.control]);
  }, 180_000);

  it('freezes a baseline and shows the indicators with their deviations', async () => {
    const { page } = b;
    await page.getByTestId('impact-tab-indicators').click();
    await expect.poll(() => page.getByTestId('ind-table').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('ind-baseline-line').textContent()).toContain('尚未冻结基准线');
    // Without a baseline no row is flagged; referral share says what data it needs.
    expect(await page.getByTestId('ind-row-referralShare').textContent()).toContain('转介绍');
    await page.getByTestId('ind-freeze-date').fill('2025-10-31');
    await page.getByTestId('ind-freeze').click();
    await expect.poll(() => page.getByTestId('ind-deviations').count(), { timeout: 60_000 }).toBe(1);
    const report = await app.api<IndicatorsReport>('impact.indicators', { grain: 'quarter', series: false });
    expect(report.baseline?.asOf).toBe('2025-10-31');
    expect(report.deviations).toBeGreaterThan(0);
    for (const row of report.rows) expect(await page.getByTestId(`ind-row-${row.id}`).getAttribute('data-flag')).toBe(row.flag);
    expect(await page.getByTestId('ind-deviations').textContent()).toContain(`${report.deviations} 项指标偏离基准线超过 ±15%`);
    await shot('impact-indicators-zh-CN');

    // The threshold is editable: at 500% nothing deviates.
    await page.getByTestId('ind-tolerance').fill('500');
    await page.getByTestId('ind-save-tolerance').click();
    await expect.poll(async () => page.getByTestId('ind-deviations').textContent(), { timeout: 30_000 }).toContain('0 项');
  }, 180_000);

  it('computes the fee from example terms with every figure it rests on', async () => {
    const { page } = b;
    await page.getByTestId('impact-tab-fee').click();
    await page.getByTestId('fee-example').click();
    await page.getByTestId('fee-compute').click();
    await expect.poll(() => page.getByTestId('fee-statement').count(), { timeout: 60_000 }).toBe(1);
    const total = await page.getByTestId('fee-total').textContent();
    // The fee in its terms' currency, written with its symbol and grouped thousands.
    expect(total).toMatch(/¥[0-9]{1,3}(,[0-9]{3})+/);
    expect(await page.getByTestId('fee-sensitivity').locator('tbody tr').count()).toBeGreaterThan(5);
    await shot('impact-fee-zh-CN');
  }, 120_000);
});
