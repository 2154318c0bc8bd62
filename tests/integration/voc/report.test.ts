// The report sections 客户之声 and 流失复盘 read the stored theme run and churn review (and the survey
// rows), in both languages, and say what to run when nothing is stored.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { assembleReport } from '../../../electron/backend/reports/assemble';
import { runThemes } from '../../../electron/backend/voc/themes-run';
import { runChurnReview } from '../../../electron/backend/churn-review/review';
import { defaultReportDefinition } from '../../../shared/reports/definition';
import { defaultVocConfig } from '../../../shared/voc/config';
import type { Locale } from '../../../shared/errors';
import type { ReportSection, TableBlock } from '../../../shared/reports/model';

const dir = tempDir();
let ws: Workspace;

beforeAll(async () => {
  ws = await createDemoWorkspace(join(dir, 'demo.rwb'), 'zh-CN');
}, 180_000);
afterAll(async () => ws?.close());

async function sections(locale: Locale): Promise<ReportSection[]> {
  const def = defaultReportDefinition(locale);
  def.sections = def.sections.map((s) => ({ ...s, included: s.id === 'voc' || s.id === 'churnReview' }));
  const { model } = await assembleReport(ws, def, { now: '2026-12-04T10:00:00' });
  return model.sections.filter((s) => s.id === 'voc' || s.id === 'churnReview');
}

describe('report sections', () => {
  it('without a stored review, the churn-review section says what to run; NPS is read from the survey rows already', async () => {
    const [voc, review] = await sections('zh-CN');
    expect(voc!.title).toBe('客户之声');
    expect(JSON.stringify(voc!.blocks)).toContain('NPS = 推荐者');
    expect(JSON.stringify(voc!.blocks)).toContain('还没有主题分析');
    expect(review!.blocks).toEqual([{ kind: 'paragraph', text: expect.stringContaining('还没有流失复盘') }]);
  });

  it('with a theme run and a review: themes with their NPS effect, lost customers, traits and both rate definitions', async () => {
    const config = defaultVocConfig();
    const run = await runThemes(ws.sqlite, {
      params: { sources: ['survey'], scope: { from: null, to: null }, examplesPerTheme: 2 },
      config,
      now: '2026-12-04T10:00:00',
    });
    const review = await runChurnReview(ws.sqlite, {
      params: { period: '2026-Q3', top: 20, traitMonths: 12, minSupport: 5 },
      config,
      now: '2026-12-04T10:00:00',
    });
    for (const locale of ['zh-CN', 'en'] as const) {
      const [voc, cr] = await sections(locale);
      const tables = (s: ReportSection) => s.blocks.filter((b): b is TableBlock => b.kind === 'table');
      const themes = tables(voc!).find((t) => t.columns.some((c) => c.key === 'e'))!;
      expect(themes.rows).toHaveLength(run.analysis.themes.filter((t) => t.comments > 0).length);
      const service = run.analysis.themes.find((t) => t.id === 'serviceResponse')!;
      const row = themes.rows.find((r) => r[0] === service.name[locale])!;
      expect(row[4]).toBeCloseTo(service.npsEffect!, 9);
      const lost = tables(cr!)[0]!;
      expect(lost.rows.map((r) => r[0])).toEqual(review.customers.map((c) => c.customerKey));
      expect(lost.columns.find((c) => c.key === 'name')!.pii).toBe('customer');
      const figures = cr!.blocks.find((b) => b.kind === 'keyFigures')!;
      expect(JSON.stringify(figures)).toContain(locale === 'en' ? 'Churn (of revenue due for renewal)' : '流失率（占到期待续收入）');
    }
  });
});
