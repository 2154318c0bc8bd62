import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { ResultOf } from '../../shared/contract';
import { serve, openBrowser, type ServedApp, type BrowserSession } from '../helpers/browser';

// Triage in the browser on the demo engagement: filter the inbox to one owner and one severity,
// bulk-dismiss everything that matches with a reason, watch the counts change, undo from the toast;
// the same from the audit log; group by customer; the board's filters and the action policy. With
// RWB_SHOTS=<dir> it saves the inbox and the board in both languages at 1440x900 and 1280x720.

let app: ServedApp;
let b: BrowserSession;
const shots = process.env.RWB_SHOTS;

type Triage = ResultOf<'signals.triage'>;
const num = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

beforeAll(async () => {
  app = await serve();
  b = await openBrowser();
  await app.api('app.setLocale', { locale: 'zh-CN' });
  await app.api('engagement.createDemo', { path: join(app.docs, 'demo.rwb') });
  await app.api('health.run', {});
}, 240_000);
afterAll(async () => {
  await b?.close();
  await app?.stop();
});

async function pick(facet: string, value: string): Promise<void> {
  const { page } = b;
  await page.getByTestId(`facet-${facet}`).locator('summary').click();
  await page.getByTestId(`facet-${facet}-${value}`).locator('input').check();
  await page.getByTestId(`facet-${facet}`).locator('summary').click();
}

describe('triage of signals and actions', { timeout: 240_000 }, () => {
  it('filters the inbox to one owner and one severity, bulk-dismisses all matching with a reason, and undoes it', async () => {
    const { page } = b;
    const all = await app.api<Triage>('signals.triage', { limit: 1 });
    // The owner with the most open heavy signals.
    const heavyByOwner = await app.api<Triage>('signals.triage', { severity: ['heavy'], limit: 1 });
    const owner = heavyByOwner.facets!.owner.find((o) => o.value !== null)!;
    const want = await app.api<Triage>('signals.triage', { owner: [owner.value], severity: ['heavy'], limit: 1 });
    expect(want.signals).toBe(owner.count);
    expect(want.signals).toBeGreaterThan(1);

    await page.goto(app.url);
    await page.goto(`${app.origin}/#/e/health/signals`);
    const matching = page.getByTestId('signals-matching');
    await expect.poll(() => matching.textContent().then(num), { timeout: 60_000 }).toBe(all.signals);
    await pick('owner', owner.value!);
    await pick('severity', 'heavy');
    await expect.poll(() => matching.textContent().then(num)).toBe(want.signals);
    expect(await page.getByTestId('signal-row').count()).toBe(Math.min(100, want.signals));
    // The owner facet still lists every owner, with counts under the severity filter.
    await page.getByTestId('facet-owner').locator('summary').click();
    expect(num(await page.getByTestId(`facet-owner-${owner.value}`).locator('.facet-count').textContent())).toBe(want.signals);
    await page.getByTestId('facet-owner').locator('summary').click();

    await page.getByTestId('signals-select-page').check();
    if (want.signals > 100) await page.getByTestId('signal-select-all').click();
    await expect.poll(() => page.getByTestId('signal-selected').textContent().then(num)).toBe(want.signals);
    await page.getByTestId('signal-bulk-dismiss').click();
    // No reason, no dismissal.
    await expect.poll(() => page.getByTestId('bulk-apply').isDisabled()).toBe(true);
    await page.getByTestId('bulk-reason-handled').locator('input').check();
    await page.getByTestId('bulk-note').fill('周会上已逐一确认');
    await page.getByTestId('bulk-apply').click();
    await expect.poll(() => page.getByTestId('undo-toast').textContent()).toContain(String(want.signals));
    await expect.poll(() => page.getByTestId('signals-empty').count()).toBe(1);
    // Without the filters, the open count went down by exactly that many.
    await page.getByTestId('signal-filters-clear').click();
    await expect.poll(() => matching.textContent().then(num)).toBe(all.signals - want.signals);
    const heavyShown = num(await page.getByTestId('signals-count-heavy').locator('strong').textContent());
    expect(heavyShown).toBe(heavyByOwner.signals - want.signals);
    const tabCount = await page.getByTestId('health-tab-signals').locator('.tab-count').textContent();
    expect(num(tabCount)).toBe(all.signals - want.signals);
    if (shots) await shoot('inbox-after-dismiss');

    await page.getByTestId('undo-button').click();
    await expect.poll(() => page.getByTestId('undo-toast').textContent()).toContain(`已撤销：恢复 ${want.signals} 条`);
    await expect.poll(() => matching.textContent().then(num)).toBe(all.signals);
    const back = await app.api<Triage>('signals.triage', { owner: [owner.value], severity: ['heavy'], limit: 500 });
    expect(back.signals).toBe(want.signals);
  });

  it('groups by customer, sorts by revenue at stake, and says what revenue at stake is', async () => {
    const { page } = b;
    await page.getByTestId('signals-group').selectOption('customer');
    await page.getByTestId('signals-sort').selectOption('revenue');
    const grouped = await app.api<Triage>('signals.triage', { groupBy: 'customer', sort: 'revenue', limit: 100 });
    await expect.poll(() => page.getByTestId('signal-group').count()).toBe(grouped.groups.length);
    const first = page.getByTestId('signal-group').first();
    expect(await first.locator('.cust-name').textContent()).toBe(grouped.groups[0]!.customerName);
    expect(await first.locator('.group-signals li').count()).toBe(grouped.groups[0]!.signals.length);
    expect(await page.getByTestId('triage-basis').textContent()).toContain('近 12 个月收入');
    if (shots) await shoot('inbox-by-customer');
    await page.getByTestId('signals-group').selectOption('signal');
    await page.getByTestId('signals-sort').selectOption('severity');
  });

  it('opens an action by hand for a light signal the policy left in the inbox', async () => {
    const { page } = b;
    await pick('severity', 'light');
    await expect.poll(() => page.getByTestId('signal-row').locator('.sev-badge:not(.sev-light)').count()).toBe(0);
    const first = page.getByTestId('signal-row').first();
    const row = page.locator(`[data-signal-id="${await first.getAttribute('data-signal-id')}"]`);
    const key = (await row.locator('.mono').textContent()) ?? '';
    const before = await app.api<ResultOf<'actions.triage'>>('actions.triage', { search: key, limit: 50 });
    await row.getByTestId('signal-open-action').click();
    await expect.poll(() => row.textContent()).toContain('已开立行动');
    const after = await app.api<ResultOf<'actions.triage'>>('actions.triage', { search: key, limit: 50 });
    expect(after.total).toBe(before.total + 1);
    expect(after.items.some((a) => a.sourceKind === 'signal' && a.severity === 'light')).toBe(true);
    await page.getByTestId('signal-filters-clear').click();
  });

  it('undoes a bulk step from its audit entry', async () => {
    const { page } = b;
    const light = await app.api<Triage>('signals.triage', { severity: ['light'], limit: 3 });
    const r = await app.api<ResultOf<'signals.bulk'>>('signals.bulk', { op: 'snooze', target: { ids: light.items.map((s) => s.id) }, until: '2099-12-31' });
    expect(r.count).toBe(3);
    await page.goto(`${app.origin}/#/e/audit`);
    await page.getByTestId(`audit-undo-${r.stepId}`).click();
    await expect.poll(() => page.getByTestId(`audit-undo-${r.stepId}`).count()).toBe(0);
    expect((await app.api<Triage>('signals.triage', { view: 'snoozed', limit: 1 })).signals).toBe(0);
  });

  it('filters the board and closes a selection; the policy is edited from the board and shown with the run', async () => {
    const { page } = b;
    await page.goto(`${app.origin}/#/e/health/actions`);
    const open = await app.api<ResultOf<'actions.triage'>>('actions.triage', { status: 'open', limit: 1 });
    await expect.poll(() => page.getByTestId('board-open').locator('.inbox-count').textContent().then(num), { timeout: 30_000 }).toBe(open.total);
    // Under the default policy no light signal opened an action: the one light action is the one opened by hand above.
    const bySeverity = (await app.api<ResultOf<'actions.triage'>>('actions.triage', { limit: 1 })).facets!.severity;
    expect(bySeverity.find((f) => f.value === 'light')?.count).toBe(1);
    await pick('severity', 'heavy');
    const heavyOpen = await app.api<ResultOf<'actions.triage'>>('actions.triage', { status: 'open', severity: ['heavy'], limit: 1 });
    await expect.poll(() => page.getByTestId('board-open').locator('.inbox-count').textContent().then(num)).toBe(heavyOpen.total);
    const card = page.getByTestId('board-open').locator('.board-item').first();
    await card.locator('input.board-check').check();
    await page.getByTestId('action-bulk-close').click();
    await page.getByTestId('bulk-outcome').selectOption('cancelled');
    await page.getByTestId('bulk-apply').click();
    await expect.poll(() => page.getByTestId('board-open').locator('.inbox-count').textContent().then(num)).toBe(heavyOpen.total - 1);
    await page.getByTestId('undo-button').click();
    await expect.poll(() => page.getByTestId('board-open').locator('.inbox-count').textContent().then(num)).toBe(heavyOpen.total);
    await page.getByTestId('action-filters-clear').click();
    if (shots) await shoot('board');

    await page.getByTestId('action-policy-open').click();
    if (shots) await shoot('board-policy');
    await page.getByTestId('policy-medium-opens').locator('input').check();
    await page.getByTestId('action-policy-save').click();
    await expect.poll(() => page.getByTestId('action-policy-saved').count()).toBe(1);
    expect((await app.api<ResultOf<'health.actionPolicy'>>('health.actionPolicy', {})).policy).toEqual({
      light: false,
      medium: true,
      heavy: true,
      redScore: true,
    });
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('health-run-policy').textContent()).toContain('重度信号、红色健康度');
  });

  it.runIf(Boolean(shots))('saves the inbox and the board in both languages at 1440x900 and 1280x720', async () => {
    const { page } = b;
    for (const locale of ['zh-CN', 'en'] as const) {
      await app.api('app.setLocale', { locale });
      for (const size of [
        { width: 1440, height: 900 },
        { width: 1280, height: 720 },
      ]) {
        await page.setViewportSize(size);
        for (const tab of ['signals', 'actions'] as const) {
          await page.goto(`${app.origin}/#/e/health/${tab}`);
          await page.reload();
          await page.waitForTimeout(2500);
          await page.screenshot({ path: join(shots!, `${tab}-${locale}-${size.width}.png`) });
        }
      }
    }
    await app.api('app.setLocale', { locale: 'zh-CN' });
  });
});

async function shoot(name: string): Promise<void> {
  mkdirSync(shots!, { recursive: true });
  await b.page.screenshot({ path: join(shots!, `${name}.png`) });
}
