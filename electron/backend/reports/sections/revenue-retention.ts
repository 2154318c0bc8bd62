import { buildTrendChart } from '../../../../shared/charts';
import type { ReportBlock, TableCell } from '../../../../shared/reports/model';
import { missingSection, type SectionBuilder } from './context';
import { absentText, figureOf, latestDiagnosticRun, periodLabel, runSource } from './diagnostics-run';

// Revenue retention (GRR, NRR, MRR movements) from the latest stored diagnostic run.
export const revenueRetentionSection: SectionBuilder = async (ctx) => {
  const run = latestDiagnosticRun(ctx);
  if (!run) return missingSection(ctx, 'diagnostics');
  const rows = run.results.revenueRetention;
  if (!rows || rows.length === 0) {
    return {
      blocks: [{ kind: 'paragraph', text: absentText(ctx, run.results.revenueRetentionAbsent ?? 'no-contracts') }],
      status: 'stored',
      source: runSource(ctx, run),
    };
  }
  const last = rows[rows.length - 1]!;
  const f = (id: string) => ctx.t(`analytics:formulas.${id}.name`);
  const blocks: ReportBlock[] = [
    {
      kind: 'keyFigures',
      figures: [
        figureOf(ctx, f('grr'), last.grr, ctx.t('analytics:formulas.grr.formula')),
        figureOf(ctx, f('nrr'), last.nrr, ctx.t('analytics:formulas.nrr.formula')),
        // As boards quote it: the starting base only, and over the trailing twelve months.
        figureOf(ctx, f('baseNrr'), last.baseNrr, ctx.t('analytics:formulas.baseNrr.formula')),
        figureOf(ctx, f('t12mNrr'), last.t12mNrr, `${last.t12mBaseDate} → ${last.period.key} · ${ctx.t('analytics:formulas.t12mNrr.formula')}`),
        figureOf(ctx, f('t12mGrr'), last.t12mGrr, ctx.t('analytics:formulas.t12mGrr.formula')),
        { label: f('mrrStart'), value: last.startMrr, format: 'currency', decimals: 0, note: last.period.key },
        { label: f('mrrEnd'), value: last.endMrr, format: 'currency', decimals: 0, note: last.period.partial ? ctx.r('retention.partial') : null },
      ],
    },
    {
      kind: 'chart',
      title: ctx.r('revenue.chart'),
      width: 680,
      height: 300,
      option: buildTrendChart({
        categories: rows.map((p) => periodLabel(p.period.key, p.period.partial)),
        series: [
          { name: f('grr'), kind: 'line', values: rows.map((p) => p.grr.value), showLabels: rows.length <= 12 },
          { name: f('nrr'), kind: 'line', values: rows.map((p) => p.nrr.value), showLabels: rows.length <= 12 },
          { name: f('t12mNrr'), kind: 'line', values: rows.map((p) => p.t12mNrr.value), showLabels: false },
        ],
        leftAxis: { unit: 'percent' },
        locale: ctx.locale,
      }),
    },
    {
      kind: 'table',
      title: ctx.r('revenue.table'),
      columns: [
        { key: 'period', label: ctx.r('columns.period'), format: 'text', width: 11 },
        { key: 'start', label: f('mrrStart'), format: 'currency', decimals: 0, width: 13 },
        { key: 'new', label: f('mrrNew'), format: 'currency', decimals: 0, width: 12 },
        { key: 'exp', label: f('mrrExpansion'), format: 'currency', decimals: 0, width: 12 },
        { key: 'con', label: f('mrrContraction'), format: 'currency', decimals: 0, width: 12 },
        { key: 'churn', label: f('mrrChurn'), format: 'currency', decimals: 0, width: 12 },
        { key: 'react', label: f('mrrReactivation'), format: 'currency', decimals: 0, width: 12 },
        { key: 'end', label: f('mrrEnd'), format: 'currency', decimals: 0, width: 13 },
        { key: 'grr', label: f('grr'), format: 'percent', width: 9 },
        { key: 'nrr', label: f('nrr'), format: 'percent', width: 9 },
        { key: 'bgrr', label: ctx.t('analytics:ui.revenueBase.baseGrr'), format: 'percent', width: 11 },
        { key: 'bnrr', label: ctx.t('analytics:ui.revenueBase.baseNrr'), format: 'percent', width: 11 },
        { key: 'tgrr', label: ctx.t('analytics:ui.revenueBase.t12mGrr'), format: 'percent', width: 11 },
        { key: 'tnrr', label: ctx.t('analytics:ui.revenueBase.t12mNrr'), format: 'percent', width: 11 },
      ],
      rows: rows.map((p): TableCell[] => {
        const cell = (v: number | null): TableCell => (p.period.partial ? { value: v, partial: true } : v);
        const m = p.movements;
        return [
          p.period.key,
          p.startMrr,
          m.new,
          m.expansion,
          m.contraction,
          m.churn,
          m.reactivation,
          cell(p.endMrr),
          cell(p.grr.value),
          cell(p.nrr.value),
          cell(p.baseGrr.value),
          cell(p.baseNrr.value),
          cell(p.t12mGrr.value),
          cell(p.t12mNrr.value),
        ];
      }),
      note: [
        ctx.t('analytics:formulas.nrr.formula'),
        ctx.t('analytics:formulas.nrr.denominator'),
        `${f('baseNrr')}: ${ctx.t('analytics:formulas.baseNrr.formula')}`,
        `${f('t12mNrr')}: ${ctx.t('analytics:formulas.t12mNrr.formula')}`,
        `${f('t12mGrr')}: ${ctx.t('analytics:formulas.t12mGrr.formula')}`,
        ...(rows.some((p) => p.t12mNrr.reason === 'history-shorter-than-12-months') ? [`— ${absentText(ctx, 'history-shorter-than-12-months')}`] : []),
      ].join('\n'),
    },
  ];
  return {
    blocks,
    status: 'stored',
    source: runSource(ctx, run),
    highlights: [figureOf(ctx, f('nrr'), last.nrr, last.period.key)],
    findings:
      last.nrr.value !== null && last.grr.value !== null
        ? [ctx.r('revenue.finding', { period: last.period.key, nrr: (last.nrr.value * 100).toFixed(1), grr: (last.grr.value * 100).toFixed(1) })]
        : [],
  };
};
