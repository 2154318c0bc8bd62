import { buildCohortHeatmap } from '../../../../shared/charts';
import type { TableCell, TableColumn } from '../../../../shared/reports/model';
import { missingSection, type SectionBuilder } from './context';
import { latestDiagnosticRun, runSource } from './diagnostics-run';

// The cohort matrix of the latest stored diagnostic run: share of each cohort active k periods later.
// Every cohort the run holds (the run's cohort range: all of the data by default), so the report
// quotes the same cohorts as the dashboard; columns stop at 24 periods, what a landscape page holds.
const MAX_OFFSETS = 24;
/**
 * Below this many customers a cohort's rates move by 10 points or more per customer (0%, 50%, 100%):
 * its label carries ‡ and the note says so, so a reader does not take them for findings.
 */
export const SMALL_COHORT = 10;

export const cohortsSection: SectionBuilder = async (ctx) => {
  const run = latestDiagnosticRun(ctx);
  if (!run) return missingSection(ctx, 'diagnostics');
  const rows = run.results.cohorts.rows;
  const label = (r: (typeof rows)[number]) => `${r.key}${r.leftCensored ? '†' : ''}${r.size < SMALL_COHORT ? '‡' : ''}`;
  if (rows.length === 0) return { blocks: [{ kind: 'paragraph', text: ctx.r('cohorts.empty') }], status: 'stored', source: runSource(ctx, run) };
  const width = Math.min(MAX_OFFSETS, Math.max(...rows.map((r) => r.cells.length)));
  const offsets = Array.from({ length: width }, (_, k) => k);
  const value = (row: (typeof rows)[number], k: number) => row.cells.find((c) => c.offset === k);
  const columns: TableColumn[] = [
    // Wide enough for "2015-Q1†‡" on one line beside 24 offset columns (11 wrapped it in the PDF).
    { key: 'cohort', label: ctx.r('columns.cohort'), format: 'text', width: 17 },
    { key: 'size', label: ctx.t('analytics:formulas.cohortSize.name'), format: 'integer', width: 9 },
    ...offsets.map((k): TableColumn => ({ key: `k${k}`, label: `+${k}`, format: 'percent', decimals: 0, width: 7, colour: { kind: 'scale', min: 0, max: 1 } })),
  ];
  return {
    blocks: [
      {
        kind: 'chart',
        title: ctx.r('cohorts.chart'),
        width: 720,
        height: Math.max(260, 60 + rows.length * 22),
        option: buildCohortHeatmap({
          subtitle: ctx.r('cohorts.partialMark'),
          cohorts: rows.map(label),
          periods: offsets.map((k) => `+${k}`),
          values: rows.map((r) => offsets.map((k) => value(r, k)?.onRate ?? null)),
          partial: rows.map((r) => offsets.map((k) => value(r, k)?.partial ?? false)),
          unit: 'percent',
          locale: ctx.locale,
        }),
      },
      {
        kind: 'table',
        title: ctx.r('cohorts.table'),
        columns,
        rows: rows.map((r): TableCell[] => [
          label(r),
          r.size,
          ...offsets.map((k): TableCell => {
            const c = value(r, k);
            return c ? (c.partial ? { value: c.onRate, partial: true } : c.onRate) : null;
          }),
        ]),
        note: [
          ctx.t('analytics:formulas.cohortOn.formula'),
          ctx.t('analytics:formulas.cohortOn.denominator'),
          ctx.t('analytics:ui.cohortNotes.firstColumn'),
          ...(rows.some((r) => r.leftCensored) ? [ctx.t('analytics:ui.cohortNotes.censored')] : []),
          ...(rows.some((r) => r.size < SMALL_COHORT) ? [ctx.r('cohorts.smallMark', { min: SMALL_COHORT })] : []),
        ].join('\n'),
      },
    ],
    status: 'stored',
    source: runSource(ctx, run),
  };
};
