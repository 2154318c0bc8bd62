import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

const fixtures = join(import.meta.dirname, '../fixtures/checklists');
let app: ServedApp;
let b: BrowserSession;

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.create', { path: join(app.docs, 'workshop.rwb'), meta: { clientName: '苏州恒达精密' } });
});
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

async function waitSaved(page: Page) {
  await expect.poll(() => page.getByTestId('save-indicator').textContent(), { timeout: 10_000 }).toContain('已自动保存');
}

describe('checklists in the browser', () => {
  it('refuses a malformed template upload with the exact problem, then imports a valid one', async () => {
    const { page } = b;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/checklists`);
    await page.reload();
    await page.getByTestId('open-templates').click();
    await page.getByTestId('template-file').setInputFiles(join(fixtures, 'missing-field.json'));
    await expect
      .poll(() => page.getByTestId('template-refusal').textContent())
      .toContain('missing-field.json › sections[0].questions[1].recommendation：缺少必填字段');
    await page.getByTestId('template-file').setInputFiles(join(fixtures, 'valid-workshop.json'));
    await expect.poll(() => page.getByTestId('template-notice').textContent()).toContain('工作坊测试清单');
    await expect.poll(() => page.getByTestId('template-list').textContent()).toContain('workshop-test');
  });

  it('fills a checklist with two respondents, autosaved, and shows the radar and the disagreement', async () => {
    const { page } = b;
    await page.getByTestId('nav-checklists').click();
    await page.getByTestId('start-workshop-test').click();
    await page.locator('input[name=respondent-0]').fill('销售VP 王总');
    await page.locator('input[name=respondent-1]').fill('交付总监 李总');
    await page.getByTestId('start-assessment').click();

    // 王总: the best answer everywhere
    await page.getByTestId('q-a1-yes').click();
    await page.getByTestId('q-a2-5').click();
    await page.getByTestId('q-b1-full').click();
    await page.getByTestId('q-b2-input').fill('5');
    await page.getByTestId('q-c1-yes').click();
    await page.getByTestId('q-c2-5').click();
    await page.getByTestId('question-a1').getByText('备注与证据').click();
    await page.getByTestId('q-a1-note').fill('委员会已成立，每月开会');
    await waitSaved(page);
    await expect.poll(() => page.getByTestId('completion-销售VP 王总').textContent()).toBe('100%');

    // 李总 sees it differently
    await page.getByTestId('respondent-交付总监 李总').click();
    await expect.poll(() => page.getByTestId('q-a2-5').getAttribute('aria-checked')).toBe('false');
    await page.getByTestId('q-a1-no').click();
    await page.getByTestId('q-a2-1').click();
    await page.getByTestId('q-b1-some').click();
    await page.getByTestId('q-b2-input').fill('20');
    await page.getByTestId('q-c1-yes').click();
    await page.getByTestId('q-c2-3').click();
    await waitSaved(page);
    await expect.poll(() => page.getByTestId('completion-交付总监 李总').textContent()).toBe('100%');

    // autosaved: a reload brings every answer and the note back
    await page.reload();
    await page.getByTestId('respondent-销售VP 王总').click();
    await expect.poll(() => page.getByTestId('q-a2-5').getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => page.getByTestId('q-a1-note').inputValue()).toBe('委员会已成立，每月开会');

    await page.getByTestId('show-results').click();
    // (100 + 31.25) / 2, stage 已管理级
    await expect.poll(() => page.getByTestId('overall-score').textContent()).toBe('65.6');
    await expect.poll(() => page.getByTestId('overall-stage').textContent()).toBe('已管理级');
    const radar = page.getByTestId('radar-chart').locator('canvas');
    await expect.poll(() => radar.count()).toBeGreaterThan(0);
    const box = await radar.first().boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    const disagreement = page.getByTestId('disagreement-list').locator('li');
    await expect.poll(() => disagreement.first().textContent()).toContain('是否成立了客户留存委员会？');
    expect(await disagreement.first().textContent()).toContain('交付总监 李总');
    expect(await page.getByTestId('gap-list').locator('tbody tr').first().textContent()).toContain('制定协同SOP。');

    // presenter: one section at a time
    await page.getByTestId('open-presenter').click();
    await expect.poll(() => page.getByTestId('presenter').isVisible()).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('slide-people').textContent()).toContain('组织准备');
    await page.getByTestId('presenter-exit').click();
    await expect.poll(() => page.getByTestId('overall-score').textContent()).toBe('65.6');
  });
});
