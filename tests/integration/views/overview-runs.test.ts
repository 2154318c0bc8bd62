import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/translate';
import { enablement } from '../../../electron/backend/overview/summary';
import { tempDir } from '../../helpers/temp';
import { engagementWithHealthRun, type Engagement } from '../reports/report-fixture';

// The overview's recent runs and "what the data makes possible" count every kind of stored run (a CLV
// fit was left out: QA on Superstore), and the health-signals hint does not claim signals are missing
// while a health run has raised them from orders alone.

const dir = tempDir();
let e: Engagement;

beforeAll(async () => {
  e = await engagementWithHealthRun(dir);
}, 120_000);
afterAll(async () => e?.backend.shutdown());

describe('overview.summary with other runs', () => {
  it('a CLV fit is a recent run and enables the CLV item', async () => {
    const before = await e.call('overview.summary', {});
    expect(before.enablement.find((x) => x.id === 'clvRun')).toMatchObject({ enabled: false, count: 0, step: { section: 'clv' } });
    const run = await e.call('clv.fit', { params: { holdoutDays: 0 } });
    const s = await e.call('overview.summary', {});
    expect(s.recent.runs.find((r) => r.kind === 'clvRun')).toMatchObject({ id: run.id, label: run.asOf, rows: run.customers });
    expect(s.enablement.find((x) => x.id === 'clvRun')).toMatchObject({ enabled: true, count: 1 });
    for (const id of ['vocRun', 'churnReview'] as const) expect(s.enablement.find((x) => x.id === id)?.step.section).toBe(id === 'vocRun' ? 'voc' : id);
  });

  it('the health-signals hint does not say signals need interactions (signals come from orders too)', () => {
    // Orders only, no activity: the item is off, but its hint must not claim signals are missing.
    const counts = { customers: 10, orders: 100, contracts: 0, interactions: 0, tickets: 0, surveys: 0, usage: 0, projects: 0 };
    expect(enablement(counts, { diagnostic: 1, health: 1, churn: 0, assessments: 0 }).find((x) => x.id === 'healthSignals')?.enabled).toBe(false);
    const zh = createTranslator('zh-CN')('workbench:overview.items.healthSignals.off');
    const en = createTranslator('en')('workbench:overview.items.healthSignals.off');
    expect(zh).not.toMatch(/启用.*预警/);
    expect(en).not.toMatch(/enable .*signals/);
    expect(zh).toContain('订单与合同上的预警不受影响');
    expect(en).toContain('signals from orders and contracts work without them');
  });
});
