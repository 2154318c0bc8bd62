// Screenshots of the workbench for a person to look at: `npx tsx scripts/screenshots.ts OUT_DIR [routes...]`.
// Starts browser mode with a fresh demo engagement and captures each route in Chinese and English.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openBrowser } from '../tests/helpers/browser';

const out = process.argv[2] ?? '/tmp/rwb-shots';
const routes = process.argv.slice(3);
mkdirSync(out, { recursive: true });

const app = await serve();
const b = await openBrowser();
try {
  for (const locale of ['zh-CN', 'en'] as const) {
    await app.api('app.setLocale', { locale });
    await app.api('engagement.close', {});
    await b.page.goto(app.url);
    await b.page.waitForTimeout(400);
    await b.page.screenshot({ path: join(out, `home-empty-${locale}.png`) });
    await app.api('engagement.createDemo', { path: join(app.docs, `demo-${locale}.rwb`) });
    await app.api('engagement.close', {});
    await b.page.goto(`${app.origin}/#/`);
    await b.page.waitForTimeout(400);
    await b.page.screenshot({ path: join(out, `home-${locale}.png`) });
    await app.api('engagement.open', { path: join(app.docs, `demo-${locale}.rwb`) });
    // The voice-of-the-customer and churn-review screens show stored runs: make them first. Health
    // runs at month-ends before the review period give the lost customers a history to show.
    if (routes.some((r) => r.startsWith('voc') || r.startsWith('churnReview'))) {
      for (const asOf of ['2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31']) await app.api('health.run', { asOf });
      await app.api('voc.analyse', { params: { sources: ['survey'] } });
      await app.api('churn.review', { params: { period: '2026-Q3' } });
    }
    // The impact screens show an experiment's verdict, the indicators against a frozen baseline and a
    // fee statement: define, freeze and save them first (health.run opens the actions repairs count).
    if (routes.some((r) => r.startsWith('impact'))) {
      await app.api('health.run', {});
      const ab = (await app.api('impact.createExperiment', {
        definition: {
          name: locale === 'zh-CN' ? '续约价值盘点提醒' : 'Renewal review reminder',
          action: 'renewalValueReview',
          selection: 'random',
          seed: 20260501,
          outcome: 'converted',
          startDate: '2026-05-01',
          windowDays: 90,
          varianceReduction: 'cuped',
        },
      })) as { id: number };
      await app.api('impact.assign', { id: ab.id });
      const did = (await app.api('impact.createExperiment', {
        definition: {
          name: locale === 'zh-CN' ? '华东专属服务团队' : 'East China service team',
          action: 'crossTeamMeeting',
          design: 'did',
          selection: 'rule',
          rule: { regions: ['华东'] },
          controlRule: { regions: ['华南'] },
          outcome: 'revenue',
          startDate: '2026-05-01',
          windowDays: 120,
        },
      })) as { id: number };
      await app.api('impact.assign', { id: did.id });
      await app.api('impact.freezeBaseline', { asOf: '2025-10-31', grain: 'quarter' });
      await app.api('impact.saveFeeTerms', {
        terms: {
          indicator: 'crossSell',
          baseline: 'frozen',
          measurementDate: '2026-10-31',
          grain: 'quarter',
          fixedFee: 50000,
          schedule: {
            kind: 'tiers',
            tiers: [
              { fromPoints: 0, toPoints: 2, ratePerPoint: 10000 },
              { fromPoints: 2, toPoints: 5, ratePerPoint: 20000 },
              { fromPoints: 5, toPoints: null, ratePerPoint: 30000 },
            ],
          },
          cap: 250000,
          floor: 60000,
        },
      });
    }
    // The report builder's findings editor drafts from stored runs: make them, and accept two.
    if (routes.includes('reports')) {
      await app.api('diagnostics.run', {});
      await app.api('health.run', {});
      const list = (await app.api('findings.list', {})) as { findings: { id: string }[] };
      const ids = list.findings.slice(0, 2).map((f) => f.id);
      if (ids.length > 0) await app.api('findings.decide', { changes: ids.map((id) => ({ id, status: 'accepted' })) });
    }
    for (const route of routes.length ? routes : ['overview']) {
      await b.page.goto(`${app.origin}/#/e/${route}`);
      await b.page.reload();
      await b.page.waitForTimeout(1500);
      const ready: Record<string, string> = {
        'impact/experiments': '[data-testid="impact-result"]',
        'impact/indicators': '[data-testid="ind-table"]',
        'impact/repairs': '[data-testid="impact-repairs"]',
        'impact/fee': '[data-testid="fee-statement"]',
        reports: '[data-testid="findings-editor"] .fd-item',
      };
      if (ready[route]) await b.page.waitForSelector(ready[route], { timeout: 30_000 });
      await b.page.screenshot({ path: join(out, `${route.replaceAll('/', '_')}-${locale}.png`), fullPage: true });
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await b.close();
  await app.stop();
}
