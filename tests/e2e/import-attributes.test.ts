// Browser mode end to end: what clients really send, through the page with default settings. A
// Chinese superstore export (zh-CN) and a telecom churn list without names (en): the mapping step
// shows the columns kept as customer attributes with their types, the type can be changed, and the
// summary says what was kept, named by id and read back from floats. RWB_SHOTS=dir saves screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';
import { tempDir } from '../helpers/temp';
import { writeRetail, writeSuperstore, writeTelco } from '../integration/import/real-shapes';

let app: ServedApp;
let b: BrowserSession;
const dir = tempDir('rwb-e2e-attrs-');
const shots = process.env.RWB_SHOTS;

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
}, 120_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

async function openImport(locale: 'zh-CN' | 'en', file: string): Promise<void> {
  await app.api('app.setLocale', { locale });
  await app.api('engagement.create', { path: join(app.docs, `client-${locale}.rwb`), meta: { clientName: locale === 'en' ? 'Telecom client' : '华东超市' } });
  const { page } = b;
  await page.goto(app.url);
  await page.goto(`${app.origin}/#/e/import`);
  await page.reload();
  await page.getByTestId('import-file-input').setInputFiles(file);
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
}

describe('customer attributes in the mapping step', () => {
  it('zh-CN: a superstore export keeps 细分/城市/省/自治区/地区 as category attributes and imports', async () => {
    const file = join(dir, '超市订单.csv');
    const { lines } = writeSuperstore(file);
    await openImport('zh-CN', file);
    const { page } = b;
    expect(await page.getByTestId('import-entity').inputValue()).toBe('orders');
    // 行 ID, 订单 ID, 订单日期, 客户 ID, 客户名称, 细分, 城市, 省/自治区, 地区, 销售额, 数量, 折扣, 利润
    expect(await page.getByTestId('import-map-5').inputValue()).toBe('attribute:category');
    expect(await page.getByTestId('import-map-7').inputValue()).toBe('attribute:category');
    expect(await page.getByTestId('import-map-9').inputValue()).toBe('amount');
    expect(await page.getByTestId('import-map-11').inputValue()).toBe('');
    expect(await page.getByTestId('import-attribute-help').textContent()).toContain('客户属性');
    expect(await page.getByTestId('import-attributes-kept').textContent()).toBe('客户属性（4）：细分 · 类别、城市 · 类别、省/自治区 · 类别、地区 · 类别');
    if (shots) await page.screenshot({ path: join(shots, 'import-mapping-zh-CN.png'), fullPage: true });
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
    expect(await page.getByTestId('import-accepted').textContent()).toBe(lines.toLocaleString('zh-CN'));
    expect(await page.getByTestId('import-notes').textContent()).toContain('作为客户属性保留：细分（类别）、城市（类别）、省/自治区（类别）、地区（类别）');
    if (shots) await page.screenshot({ path: join(shots, 'import-summary-zh-CN.png'), fullPage: true });
  });

  it('en: a telecom list without names imports with ids as names; a type changed in the mapping step is kept', async () => {
    const file = join(dir, 'telco.csv');
    const { customers } = writeTelco(file);
    await openImport('en', file);
    const { page } = b;
    expect(await page.getByTestId('import-entity').inputValue()).toBe('customers');
    expect(await page.getByTestId('import-no-name').textContent()).toContain('No name column');
    // customerID, gender, SeniorCitizen, Partner, tenure, Contract, MonthlyCharges, TotalCharges, Churn
    expect(await page.getByTestId('import-map-2').inputValue()).toBe('attribute:number');
    expect(await page.getByTestId('import-map-7').inputValue()).toBe('attribute:number');
    // SeniorCitizen is a 0/1 flag: the user keeps it as a category instead.
    await page.getByTestId('import-map-2').selectOption('attribute:category');
    if (shots) await page.screenshot({ path: join(shots, 'import-mapping-en.png'), fullPage: true });
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
    const notes = await page.getByTestId('import-notes').textContent();
    expect(notes).toContain(`${customers} customers have no name in the file: each is shown under its id.`);
    expect(notes).toContain('SeniorCitizen (category)');
    expect(notes).toContain('TotalCharges (number)');
    if (shots) await page.screenshot({ path: join(shots, 'import-summary-en.png'), fullPage: true });
  });

  it('en: a UCI-like order file: the summary says how many float ids were read back', async () => {
    const file = join(dir, 'Online Retail.csv');
    const r = writeRetail(file);
    const { page } = b;
    await page
      .getByTestId('import-file-input')
      .setInputFiles(file)
      .catch(async () => {
        await page.goto(`${app.origin}/#/e/import`);
        await page.reload();
        await page.getByTestId('import-file-input').setInputFiles(file);
      });
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
    // The previous file's mapping step may still be on screen for a moment: wait for this file's.
    await expect
      .poll(
        () =>
          page
            .getByTestId('import-map-7')
            .inputValue()
            .catch(() => ''),
        { timeout: 30_000 },
      )
      .toBe('attribute:category');
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
    expect(await page.getByTestId('import-notes').textContent()).toContain(
      `${r.lines - r.withoutCustomer} ids written as decimals by a spreadsheet (17850.0) were read as the id the client wrote (17850).`,
    );
    if (shots) await page.screenshot({ path: join(shots, 'import-summary-floats-en.png'), fullPage: true });
  });
});
