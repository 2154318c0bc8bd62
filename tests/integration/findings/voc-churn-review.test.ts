// Findings from the stored voice-of-customer and churn-review results of the demo engagement: each
// figure equals the stored one (the quarter's NPS as the 客户之声 section computes it, the theme run's
// NPS effect, the review's lost revenue and the trait's lift), and nothing is drafted before they exist.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { runThemes } from '../../../electron/backend/voc/themes-run';
import { runChurnReview } from '../../../electron/backend/churn-review/review';
import { vocSummary } from '../../../electron/backend/voc/summary';
import { findingsInput } from '../../../electron/backend/findings/input';
import { proposeFindings } from '../../../shared/findings';
import { defaultVocConfig } from '../../../shared/voc/config';

const dir = tempDir();
let ws: Workspace;
const cfg = defaultVocConfig();
const noRuns = { diagnostic: null, health: null };

beforeAll(async () => {
  ws = await createDemoWorkspace(join(dir, 'demo.rwb'), 'zh-CN');
}, 180_000);
afterAll(async () => {
  await ws?.close();
});

describe('findings from the stored voice-of-customer and churn-review results', () => {
  it('quote the stored figures, with the survey answers, theme run and review as evidence', async () => {
    const before = proposeFindings(findingsInput(ws.sqlite, noRuns, 'CNY', '2026-12-04T10:00:00'));
    // Survey answers exist in the demo: the NPS finding is there; no theme run or review yet.
    expect(before.some((f) => f.kind === 'npsChange')).toBe(true);
    expect(before.some((f) => f.kind === 'npsTheme')).toBe(false);
    expect(before.some((f) => f.kind === 'churnReviewLost' || f.kind === 'churnReviewTrait')).toBe(false);

    const run = await runThemes(ws.sqlite, {
      params: { sources: ['survey'], scope: { from: null, to: null }, examplesPerTheme: 3 },
      config: cfg,
      now: '2026-12-04T10:00:00',
    });
    const review = await runChurnReview(ws.sqlite, {
      params: { period: '2026-Q3', top: 20, traitMonths: 12, minSupport: 5 },
      config: cfg,
      now: '2026-12-04T10:00:00',
    });
    const findings = proposeFindings(findingsInput(ws.sqlite, noRuns, 'CNY', '2026-12-04T10:00:00'));
    const byKind = (k: string) => findings.find((f) => f.kind === k)!;

    const periods = vocSummary(ws.sqlite, { from: null, to: null }, 'quarter', 'segment').byPeriod.filter((p) => p.nps.nps !== null);
    const nps = byKind('npsChange');
    expect(nps.figure.value).toBe(periods[periods.length - 1]!.nps.nps);
    expect(nps.figure.baseline).toBe(periods[periods.length - 2]!.nps.nps);
    expect(nps.basis).toBe(periods[periods.length - 1]!.nps.responses);
    expect(nps.evidence).toMatchObject({ section: 'voc', run: { kind: 'surveys', id: 879 } });

    const top = run.analysis.themes.find((t) => (t.npsEffect ?? 0) > 0)!;
    const theme = byKind('npsTheme');
    expect(theme.id).toBe(`nps-theme:${top.id}`);
    expect(theme.figure.value).toBe(top.npsEffect);
    expect(theme.headline['zh-CN']).toContain(`涉及 ${top.comments} 条评论`);
    expect(theme.evidence.run).toEqual({ kind: 'voc', id: run.id, asOf: '2026-12-04' });

    const lost = byKind('churnReviewLost');
    expect(lost.figure.value).toBe(review.lostRevenue);
    expect(lost.basis).toBe(review.onBook);
    expect(lost.evidence.run).toEqual({ kind: 'churnReview', id: review.id, asOf: '2026-12-04' });

    const trait = byKind('churnReviewTrait');
    const stored = review.traits.rows.find((r) => trait.id === `churn-review-trait:${r.dimension}:${r.value}`)!;
    expect(stored).toBeDefined();
    expect(trait.figure.value).toBe(stored.lift);
    expect(trait.formula.en).toContain(`${stored.churnedWith} churned, ${stored.retainedWith} retained`);
    // The review's traits that pass (support ≥ 5, q < 0.1): the finding is the one with the largest lift among them.
    const passing = review.traits.rows.filter((r) => r.dimension !== 'owner' && r.lift > 1 && r.churnedWith >= 5 && r.q < 0.1);
    if (passing.length > 0) {
      expect(trait.weak).toBe(false);
      expect(stored.lift).toBe(Math.max(...passing.map((r) => r.lift)));
    } else expect(trait.weak).toBe(true);
  }, 120_000);
});
