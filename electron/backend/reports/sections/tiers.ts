import { buildDistributionChart } from '../../../../shared/charts';
import type { TableCell } from '../../../../shared/reports/model';
import { missingSection, type SectionBuilder } from './context';
import { latestDiagnosticRun, runSource } from './diagnostics-run';

// Customer tiers (战略级 / 核心级 / 潜力级 / 普通级) and their revenue shares, from the latest stored run.
export const tiersSection: SectionBuilder = async (ctx) => {
  const run = latestDiagnosticRun(ctx);
  if (!run) return missingSection(ctx, 'diagnostics');
  const tiers = run.results.tiers;
  const name = (t: string) => ctx.t(`analytics:tiers.names.${t}`, { defaultValue: t });
  const top = tiers[0];
  return {
    blocks: [
      {
        kind: 'chart',
        title: ctx.r('tiers.chart'),
        width: 640,
        height: 300,
        option: buildDistributionChart({
          kind: 'pie',
          seriesName: ctx.r('columns.revenueShare'),
          unit: 'currency',
          currency: ctx.currency,
          locale: ctx.locale,
          items: tiers.map((t) => ({ label: name(t.tier), value: t.yearlyRevenue })),
        }),
      },
      {
        kind: 'table',
        title: ctx.r('tiers.table'),
        columns: [
          { key: 'tier', label: ctx.r('columns.tier'), format: 'text', width: 14 },
          { key: 'n', label: ctx.r('columns.customers'), format: 'integer', width: 10 },
          { key: 'cs', label: ctx.r('columns.customerShare'), format: 'percent', width: 12 },
          { key: 'rev', label: ctx.r('columns.yearlyRevenue'), format: 'currency', decimals: 0, width: 16 },
          { key: 'rs', label: ctx.r('columns.revenueShare'), format: 'percent', width: 12 },
        ],
        rows: tiers.map((t): TableCell[] => [name(t.tier), t.count, t.customerShare, t.yearlyRevenue, t.revenueShare]),
        note: ctx.t('analytics:formulas.tierRevenueShare.formula'),
      },
    ],
    status: 'stored',
    source: runSource(ctx, run),
    findings:
      top && top.revenueShare !== null
        ? [ctx.r('tiers.finding', { tier: name(top.tier), share: (top.customerShare * 100).toFixed(1), revenue: (top.revenueShare * 100).toFixed(1) })]
        : [],
  };
};
