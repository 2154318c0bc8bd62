import { buildDistributionChart } from '../../../shared/charts';
import { reportFindings, runText, weakText } from '../../../shared/findings';
import type { FindingsOptions, ReviewedFinding } from '../../../shared/findings/types';
import type { Locale } from '../../../shared/errors';
import { formatValue } from '../../../shared/reports/format';
import type { ChartBlock, ReportBlock, ReportFinding, ReportFindings, TableCell } from '../../../shared/reports/model';
import type { SectionContext } from '../reports/sections/context';
import { latestDiagnosticRun } from '../reports/sections/diagnostics-run';

// The reviewed findings as the report prints them: in the report's language, each with its chart
// (the evidence section's own chart, or the breakdown the segment finding compares), its formula as
// a footnote, and the findings table that leads the summary page.

export function findingFigure(f: ReviewedFinding, locale: Locale, currency: string): string {
  return formatValue(f.figure.value, f.figure.format, {
    locale,
    currency,
    ...(f.figure.format === 'currency' ? { decimals: 0 } : f.figure.decimals !== undefined ? { decimals: f.figure.decimals } : {}),
  });
}

/** A bar chart of the groups of one attribute: the segment finding's evidence. */
function segmentChart(ctx: SectionContext, f: ReviewedFinding): ChartBlock | null {
  const [, attribute] = f.id.split(':');
  const run = latestDiagnosticRun(ctx);
  const b = run?.results.breakdowns.find((x) => x.attribute === attribute);
  if (!b) return null;
  const revenue = f.kind === 'segmentRevenue';
  const groups = b.groups.filter((g) => g.value !== null && (revenue ? g.nrr?.value != null : g.retention.retentionRate.value !== null)).slice(0, 16);
  const name = f.id.split(':').slice(2).join(':');
  const label = (v: string) => (attribute === 'tier' ? ctx.t(`analytics:tiers.names.${v}`, { defaultValue: v }) : v);
  return {
    kind: 'chart',
    title: f.evidence.chart[ctx.locale],
    width: 680,
    height: 320,
    option: buildDistributionChart({
      kind: 'bar',
      seriesName: revenue ? ctx.t('analytics:formulas.nrr.name') : ctx.t('analytics:formulas.retentionRate.name'),
      unit: 'percent',
      locale: ctx.locale,
      items: groups.map((g) => ({
        label: label(g.value ?? ''),
        value: (revenue ? g.nrr?.value : g.retention.retentionRate.value) ?? 0,
        ...(g.value === name ? { tone: 'red' as const } : {}),
      })),
    }),
  };
}

export function toReportFindings(
  ctx: SectionContext,
  reviewed: readonly ReviewedFinding[],
  sectionChart: (section: string) => ChartBlock | null,
  options: Partial<FindingsOptions> = {},
): ReportFindings {
  const { findings, drafted } = reportFindings(reviewed);
  const items = findings.map((f): ReportFinding => ({
    id: f.id,
    text: f.text[ctx.locale],
    figure: findingFigure(f, ctx.locale, ctx.currency),
    formula: f.formula[ctx.locale],
    evidence: `${f.evidence.chart[ctx.locale]} · ${runText(ctx.locale, f.evidence.run)}`,
    action: f.action.text[ctx.locale],
    weak: weakText(ctx.locale, f, options),
    chart:
      f.kind === 'segmentRetention' || f.kind === 'segmentRevenue'
        ? (segmentChart(ctx, f) ?? sectionChart(f.evidence.section))
        : sectionChart(f.evidence.section),
  }));
  return { items, drafted };
}

/**
 * The summary's findings table: one row per finding, the formula of each as a numbered footnote
 * printed once (two findings on the same formula share the note).
 */
export function findingsBlocks(ctx: SectionContext, findings: ReportFindings): ReportBlock[] {
  if (findings.items.length === 0) return [];
  const notes: string[] = [];
  const noteOf = (formula: string): number => {
    const at = notes.indexOf(formula);
    if (at >= 0) return at + 1;
    notes.push(formula);
    return notes.length;
  };
  const rows = findings.items.map((f, i): TableCell[] => [
    i + 1,
    `${f.text}${f.weak ? `（${f.weak}）` : ''} [${noteOf(f.formula)}]`,
    f.figure,
    f.evidence,
    f.action,
  ]);
  return [
    ...(findings.drafted ? [{ kind: 'paragraph' as const, text: ctx.t('findings:report.draftNote') }] : []),
    {
      kind: 'table',
      title: ctx.t('findings:report.heading'),
      columns: [
        { key: 'n', label: '#', format: 'integer', width: 4 },
        { key: 'finding', label: ctx.t('findings:report.findingLabel'), format: 'text', width: 52 },
        { key: 'figure', label: ctx.t('findings:ui.figure'), format: 'text', width: 12 },
        { key: 'evidence', label: ctx.t('findings:report.evidenceLabel'), format: 'text', width: 24 },
        { key: 'action', label: ctx.t('findings:report.actionLabel'), format: 'text', width: 30 },
      ],
      rows,
      note: notes.map((n, i) => `[${i + 1}] ${n}`).join('\n'),
    },
  ];
}
