import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

// The churn model's isotonic recalibration and the health measures that read model runs, from the
// UI: the fit form's calibration choice reaches the stored run and the evaluation shows the Brier
// before and after; the health run line names the churn run it read (or says there is none); the
// workshop adds the churn-probability measure and saves it as a model whose run scores with it.

let app: ServedApp;
let b: BrowserSession;

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'en' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
  await app.api('health.run', {});
}, 180_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('model runs in health, from the browser', () => {
  it('says there is no churn run yet, then fits one with isotonic recalibration and shows the Brier before and after', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/health/overview`);
    await page.reload();
    const churnSource = page.getByTestId('health-source-churn');
    await expect.poll(() => churnSource.getAttribute('data-status'), { timeout: 30_000 }).toBe('absent');
    expect(await churnSource.textContent()).toContain('there was no usable churn-model run');

    await page.goto(`${app.origin}/#/e/churn`);
    await page.reload();
    await page.getByTestId('churn-calibration-method').selectOption('isotonic');
    await page.getByTestId('churn-fit-run').click();
    const cal = page.getByTestId('churn-calibration');
    await expect.poll(() => cal.count(), { timeout: 120_000 }).toBe(1);
    expect(await cal.getAttribute('data-method')).toBe('isotonic');
    const run = await app.api<{ params: { calibration: string }; evaluation: { brier: number; calibration: { before: { brier: number } } } } | null>(
      'churn.get',
      {},
    );
    expect(run!.params.calibration).toBe('isotonic');
    expect(await page.getByTestId('churn-brier-before').textContent()).toContain(run!.evaluation.calibration.before.brier.toFixed(3));
    expect(await page.getByTestId('churn-brier-after').textContent()).toContain(run!.evaluation.brier.toFixed(3));
  }, 240_000);

  it('adds the churn measure in the workshop, saves the model, and its run reads the churn run', async () => {
    const { page } = b;
    await page.goto(`${app.origin}/#/e/health/workshop`);
    await page.reload();
    const add = page.getByTestId('whatif-add-measure');
    await expect.poll(() => add.count(), { timeout: 30_000 }).toBe(1);
    await add.selectOption('churnProbabilityPct');
    await expect.poll(() => page.getByTestId('weight-churnRisk').count()).toBe(1);
    // The latest health run predates the churn fit: the workshop says the measure has no data there and why.
    expect(await page.getByTestId('nodata-churnRisk').textContent()).toContain('there was no usable churn-model run');
    await page.getByLabel('Model name').fill('Combined + churn risk');
    await page.getByRole('button', { name: 'Save as model' }).click();
    await expect
      .poll(async () => (await app.api<{ model: { name?: string } }[]>('health.models', {})).some((m) => m.model.name === 'Combined + churn risk'))
      .toBe(true);

    const saved = (await app.api<{ model: { id: string; name?: string } }[]>('health.models', {})).find((m) => m.model.name === 'Combined + churn risk')!;
    await page.getByTestId('health-model').selectOption(saved.model.id);
    await page.getByTestId('health-run').click();
    const churnSource = page.getByTestId('health-source-churn');
    await expect.poll(() => churnSource.getAttribute('data-status'), { timeout: 120_000 }).toBe('used');
    expect(await churnSource.textContent()).toMatch(/Churn-model run #\d+ \(logistic regression, isotonic calibration/);
    await expect.poll(() => page.getByTestId('nodata-churnRisk').count()).toBe(0);
  }, 240_000);
});
