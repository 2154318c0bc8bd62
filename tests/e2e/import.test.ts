import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

// Browser mode end to end: upload a CSV through the page, confirm the suggested mapping, import, and
// read the summary and the reject list; then undo the batch from the history.

let app: ServedApp;
let b: BrowserSession;

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.create', { path: join(app.docs, 'client.rwb'), meta: { clientName: '华东精密' } });
}, 120_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

describe('data import in the browser', () => {
  it('uploads a CSV, shows the suggested mapping, imports the good rows and lists the bad ones', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/import`);
    await page.reload();
    await page.getByTestId('import-file-input').setInputFiles(resolve('tests/fixtures/import/orders-bad-rows.csv'));

    // The mapping preview: entity recognised from the headers, every column pre-filled.
    await expect
      .poll(
        () =>
          page
            .getByTestId('import-mapping')
            .isVisible()
            .catch(() => false),
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(await page.getByTestId('import-file-name').textContent()).toBe('orders-bad-rows.csv');
    expect(await page.getByTestId('import-entity').inputValue()).toBe('orders');
    expect(await page.getByTestId('import-map-0').inputValue()).toBe('orderKey');
    expect(await page.getByTestId('import-map-1').inputValue()).toBe('customerKey');
    expect(await page.getByTestId('import-map-2').inputValue()).toBe('orderDate');
    expect(await page.getByTestId('import-map-3').inputValue()).toBe('amount');
    expect(await page.getByTestId('import-preview-table').textContent()).toContain('2024-02-30');

    // Unmapping a required column blocks the import and says which field is missing; mapping it back unblocks.
    await page.getByTestId('import-map-2').selectOption('');
    expect(await page.getByTestId('import-missing').textContent()).toContain('下单日期');
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await page.getByTestId('import-map-2').selectOption('orderDate');
    expect(await page.getByTestId('import-run').isDisabled()).toBe(false);

    await page.getByTestId('import-run').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('import-summary')
            .isVisible()
            .catch(() => false),
        { timeout: 60_000 },
      )
      .toBe(true);
    expect(await page.getByTestId('import-read').textContent()).toBe('8');
    expect(await page.getByTestId('import-accepted').textContent()).toBe('2');
    expect(await page.getByTestId('import-rejected').textContent()).toBe('6');
    expect(await page.getByTestId('import-duplicates').textContent()).toBe('0');
    // The two good lines name customers the workspace lacks: a count of rows, with the customers created.
    const unknown = await page.getByTestId('import-unknown-customers').textContent();
    expect(unknown).toContain('未知客户的行2');
    expect(unknown).toContain('新建客户（已标记）：2 个');
    const reasons = await page.getByTestId('import-reasons').textContent();
    expect(reasons).toContain('必填项为空');
    expect(reasons).toContain('不存在的日期');

    const rejects = await page.getByTestId('import-reject-table').textContent();
    expect(rejects).toContain('2024-02-30');
    expect(rejects).toContain('无法识别的金额：abc');
    expect(rejects).toContain('$20');

    await page.getByTestId('import-export-rejects').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('import-rejects-download')
            .isVisible()
            .catch(() => false),
        { timeout: 20_000 },
      )
      .toBe(true);
    const href = await page.getByTestId('import-rejects-download').getAttribute('href');
    const csv = await (await fetch(`${app.origin}${href}`)).text();
    expect(csv).toContain('2024-02-30');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(7);

    // The history lists the batch; undo removes its rows.
    expect(await page.getByTestId('import-history').textContent()).toContain('orders-bad-rows.csv');
    const [batch] = (await app.api('import.batches', {})) as { id: number }[];
    await page.getByTestId(`import-undo-${batch!.id}`).click();
    await page.getByTestId('import-undo-confirm').click();
    await expect.poll(() => page.getByTestId(`import-batch-${batch!.id}`).textContent(), { timeout: 20_000 }).toContain('已撤销');
    const quality = (await app.api('import.quality', {})) as { entity: string; rows: number }[];
    expect(quality.find((q) => q.entity === 'orders')?.rows).toBe(0);
  });
});
