import { buildDistributionChart } from '../../../../shared/charts';
import type { SegmentSummary } from '../../../../shared/analytics/rfm';
import type { ReportBlock, TableCell } from '../../../../shared/reports/model';
import { missingSection, type SectionBuilder, type SectionContext } from './context';
import { latestDiagnosticRun, runSource } from './diagnostics-run';

// RFM segments (the usual named ones and the three value groups) from the latest stored diagnostic run.
function segmentTable(ctx: SectionContext, title: string, rows: readonly SegmentSummary[], labelOf: (id: string) => string): ReportBlock {
  return {
    kind: 'table',
    title,
    columns: [
      { key: 'seg', label: ctx.r('columns.segment'), format: 'text', width: 22 },
      { key: 'n', label: ctx.r('columns.customers'), format: 'integer', width: 10 },
      { key: 'share', label: ctx.r('columns.customerShare'), format: 'percent', width: 10 },
      { key: 'm', label: ctx.t('analytics:formulas.monetary.name'), format: 'currency', decimals: 0, width: 14 },
      { key: 'ms', label: ctx.r('columns.revenueShare'), format: 'percent', width: 10 },
    ],
    rows: rows.map((s): TableCell[] => [labelOf(s.segment), s.count, s.share, s.monetary, s.monetaryShare.value]),
  };
}

export const rfmSection: SectionBuilder = async (ctx) => {
  const run = latestDiagnosticRun(ctx);
  if (!run) return missingSection(ctx, 'diagnostics');
  const rfm = run.results.rfm;
  const classic = (id: string) => ctx.t(`analytics:rfm.segments.${id}`, { defaultValue: id });
  const valueGroup = (id: string) => ctx.t(`analytics:rfm.valueGroups.${id}`, { defaultValue: ctx.t(`analytics:rfm.segments.${id}`, { defaultValue: id }) });
  const shown = rfm.classic.filter((s) => s.count > 0);
  return {
    blocks: [
      { kind: 'paragraph', text: ctx.r('rfm.intro', { scored: rfm.scored, asOf: rfm.asOf }) },
      {
        kind: 'chart',
        title: ctx.r('rfm.chart'),
        width: 680,
        height: Math.max(260, 40 + shown.length * 26),
        option: buildDistributionChart({
          kind: 'bar',
          orientation: 'horizontal',
          seriesName: ctx.r('columns.customers'),
          unit: 'integer',
          locale: ctx.locale,
          items: shown.map((s) => ({ label: classic(s.segment), value: s.count })),
        }),
      },
      segmentTable(ctx, ctx.r('rfm.classic'), rfm.classic, classic),
      segmentTable(ctx, ctx.r('rfm.valueGroups'), rfm.valueGroups, valueGroup),
    ],
    status: 'stored',
    source: runSource(ctx, run),
  };
};
