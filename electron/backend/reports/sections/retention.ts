import { buildTrendChart } from '../../../../shared/charts';
import type { ReportBlock, TableCell } from '../../../../shared/reports/model';
import { missingSection, type SectionBuilder } from './context';
import { figureOf, latestDiagnosticRun, periodLabel, runSource } from './diagnostics-run';
import { runNoteBlocks } from './run-notes';

// Retention and churn per period, from the latest stored diagnostic run's `retention` rows.
export const retentionSection: SectionBuilder = async (ctx) => {
  const run = latestDiagnosticRun(ctx);
  if (!run) return missingSection(ctx, 'diagnostics');
  const rows = run.results.retention;
  const last = rows[rows.length - 1];
  const repeat = run.results.repeat;
  const lastRepeat = repeat[repeat.length - 1];
  const int = (n: number) => new Intl.NumberFormat(ctx.locale).format(n);
  // The window and its basis, and what the data are too short to show, before any figure.
  const blocks: ReportBlock[] = runNoteBlocks(ctx, run.results);
  if (last) {
    const note = ctx.r('retention.rateNote', { retained: int(last.retained), start: int(last.start), period: last.period.key });
    blocks.push({
      kind: 'keyFigures',
      figures: [
        figureOf(ctx, ctx.t('analytics:formulas.retentionRate.name'), last.retentionRate, note),
        figureOf(
          ctx,
          ctx.t('analytics:formulas.churnRate.name'),
          last.churnRate,
          ctx.r('retention.churnNote', { lost: int(last.lost), start: int(last.start) }),
        ),
        ...(lastRepeat
          ? [
              figureOf(
                ctx,
                ctx.t('analytics:formulas.repeatRate.name'),
                lastRepeat.rate,
                `${lastRepeat.periodKey}: ${int(lastRepeat.repeat)} / ${int(lastRepeat.previous)} (${lastRepeat.previousPeriodKey})`,
              ),
            ]
          : []),
        { label: ctx.t('analytics:formulas.customersStart.name'), value: last.start, format: 'integer', note: last.period.key },
        {
          label: ctx.t('analytics:formulas.customersEnd.name'),
          value: last.end,
          format: 'integer',
          note: last.period.partial ? ctx.r('retention.partial') : null,
        },
      ],
    });
  }
  blocks.push({
    kind: 'chart',
    title: ctx.r('retention.chart'),
    width: 680,
    height: 320,
    option: buildTrendChart({
      categories: rows.map((p) => periodLabel(p.period.key, p.period.partial)),
      series: [
        { name: ctx.t('analytics:formulas.customersEnd.name'), kind: 'bar', values: rows.map((p) => p.end), axis: 'right' },
        { name: ctx.t('analytics:formulas.retentionRate.name'), kind: 'line', values: rows.map((p) => p.retentionRate.value), showLabels: rows.length <= 12 },
        { name: ctx.t('analytics:formulas.repeatRate.name'), kind: 'line', values: repeat.map((p) => p.rate.value), showLabels: false },
      ],
      leftAxis: { unit: 'percent', min: 0, max: 100 },
      rightAxis: { unit: 'integer' },
      locale: ctx.locale,
    }),
  });
  blocks.push({
    kind: 'table',
    title: ctx.r('retention.table'),
    columns: [
      { key: 'period', label: ctx.r('columns.period'), format: 'text', width: 12 },
      { key: 's', label: 'S', format: 'integer', width: 9 },
      { key: 'e', label: 'E', format: 'integer', width: 9 },
      { key: 'n', label: 'N', format: 'integer', width: 9 },
      { key: 'new', label: ctx.r('columns.newCustomers'), format: 'integer', width: 9 },
      { key: 'react', label: ctx.r('columns.reactivated'), format: 'integer', width: 9 },
      { key: 'lost', label: ctx.r('columns.lost'), format: 'integer', width: 9 },
      { key: 'r', label: ctx.r('columns.retentionRate'), format: 'percent', width: 10, colour: { kind: 'scale', min: 0.5, max: 1 } },
      { key: 'c', label: ctx.r('columns.churnRate'), format: 'percent', width: 10 },
      { key: 'rep', label: ctx.t('analytics:ui.retentionTable.repeat'), format: 'percent', width: 12 },
    ],
    rows: rows.map((p): TableCell[] => {
      const cell = (v: number | null): TableCell => (p.period.partial ? { value: v, partial: true } : v);
      // † marks a left-censored period: its "new" customers may be older ones first seen there.
      const key = p.leftCensored ? `${p.period.key}†` : p.period.key;
      const rep = repeat.find((x) => x.periodKey === p.period.key);
      return [
        key,
        p.start,
        cell(p.end),
        cell(p.gained),
        p.new,
        p.reactivated,
        cell(p.lost),
        cell(p.retentionRate.value),
        cell(p.churnRate.value),
        cell(rep ? rep.rate.value : null),
      ];
    }),
    note: [
      ctx.t('analytics:formulas.retentionRate.formula'),
      ctx.t('analytics:formulas.retentionRate.denominator'),
      `${ctx.t('analytics:formulas.repeatRate.name')}: ${ctx.t('analytics:formulas.repeatRate.formula')}`,
      ...(rows.some((p) => p.leftCensored) ? [`† ${ctx.t('analytics:ui.retentionTable.censoredTitle')}`] : []),
      ...(rows.some((p) => p.retentionRate.reason === 'history-shorter-than-window')
        ? [`— ${ctx.t('analytics:absentReasons.history-shorter-than-window')}`]
        : []),
    ].join('\n'),
  });
  const findings =
    last && last.retentionRate.value !== null
      ? [
          ctx.r('retention.finding', {
            period: last.period.key,
            rate: (last.retentionRate.value * 100).toFixed(1),
            lost: int(last.lost),
            start: int(last.start),
          }),
        ]
      : [];
  return {
    blocks,
    status: 'stored',
    source: runSource(ctx, run),
    highlights: last
      ? [
          figureOf(
            ctx,
            ctx.t('analytics:formulas.retentionRate.name'),
            last.retentionRate,
            ctx.r('retention.rateNote', { retained: int(last.retained), start: int(last.start), period: last.period.key }),
          ),
        ]
      : [],
    findings,
  };
};
