import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsParamsSchema } from '../../../shared/analytics';
import { createTranslator } from '../../../shared/i18n/translate';
import { reportText } from '../../../shared/reports/messages';
import type { ReportBlock } from '../../../shared/reports/model';
import { runAndStore } from '../../../electron/backend/diagnostics/run';
import { latestRunId } from '../../../electron/backend/diagnostics/runs-repo';
import { cohortsSection, SMALL_COHORT } from '../../../electron/backend/reports/sections/cohorts';
import { retentionSection } from '../../../electron/backend/reports/sections/retention';
import type { SectionContext } from '../../../electron/backend/reports/sections/context';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import { AS_OF, fillFixture } from './fixture';

// The report quotes the run as the dashboard shows it: its window and basis, a period too close to
// the data start as absent with the reason (never a rate), left-censored rows marked, every cohort.
const dir = tempDir();
let ws: Workspace;

beforeAll(async () => {
  ws = await newWorkspace(dir);
  fillFixture(ws.sqlite);
  // The fixture's orders start 2023-12-10; with a 31-day window January 2024 (22 days later) is censored.
  await runAndStore(ws.sqlite, {
    params: AnalyticsParamsSchema.parse({ asOf: AS_OF, periodCount: 3, activity: { windowDays: 31 } }),
    now: '2024-03-21T09:00:00',
  });
});
afterAll(async () => ws?.close());

const ctxOf = (locale: 'zh-CN' | 'en'): SectionContext => ({
  db: ws.db,
  sqlite: ws.sqlite,
  locale,
  t: createTranslator(locale),
  r: (key, params) => reportText(locale, key, params),
  currency: 'CNY',
  now: '2024-03-21T09:00:00',
  diagnosticRunId: latestRunId(ws.sqlite),
  healthRunId: null,
});
const texts = (blocks: ReportBlock[]): string => JSON.stringify(blocks);

describe('retention and cohort report sections', () => {
  it('state the window, mark the censored period and give its rate as absent with the reason', async () => {
    const s = await retentionSection(ctxOf('en'));
    const first = s.blocks[0]!;
    // Gaps between purchase days: A 36, 26, 24; B 67 → nearest-rank P90 of four = 67 → 90 days.
    expect(first).toEqual({
      kind: 'paragraph',
      text: 'Activity window 31 days, set by the consultant (the data suggest 90 days: P90 of 4 gaps between purchases).',
    });
    const table = s.blocks.find((b) => b.kind === 'table');
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    const jan = table.rows[0]!;
    expect(jan[0]).toBe('2024-01†');
    // Retention and churn of January are absent, not 50%.
    expect(jan[7]).toBeNull();
    expect(jan[8]).toBeNull();
    expect(table.note).toContain('less than one activity window');
    expect(texts(s.blocks)).toContain('Period-to-period');
  });

  it('lists every cohort of the run and says why column 0 is 100%', async () => {
    const s = await cohortsSection(ctxOf('zh-CN'));
    const table = s.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    // 2024-01 starts 22 days after the first order, inside the 31-day window: censored too.
    // Every fixture cohort has fewer than 10 customers: ‡ on the label and the note says what it means.
    expect(table.rows.map((r) => r[0])).toEqual(['2023-12†‡', '2024-01†‡', '2024-03‡']);
    for (const r of table.rows) expect(r[1]).toBeLessThan(SMALL_COHORT);
    expect(table.note).toContain('第 0 列按定义为 100%');
    expect(table.note).toContain('‡ 客户数少于 10（n < 10）');
    // The label column is wide enough for "2015-Q1†‡" on one line (it wrapped at 11 of 24 offsets' 7).
    expect(table.columns[0]?.width).toBeGreaterThanOrEqual(16);
    const en = (await cohortsSection(ctxOf('en'))).blocks.find((b) => b.kind === 'table');
    expect(en?.kind === 'table' ? en.note : '').toContain('‡ fewer than 10 customers (n < 10)');
  });
});
