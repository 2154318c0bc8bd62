import type { KeyFigure, ReportBlock, TableCell } from '../../../../shared/reports/model';
import { loadThemeRun } from '../../voc/themes-run';
import { vocSummary } from '../../voc/summary';
import { buildNpsTrendChart } from '../../../../shared/charts/nps';
import type { SectionBuilder } from './context';

// Voice of the customer: NPS and CSAT with their intervals by quarter and by customer size (read from
// the survey rows, as the section shows them), then the themes of the latest stored theme run with
// their share among detractors vs promoters and NPS effect, and the communication signals.

const f1 = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(1));
const pct = (v: number | null): number | null => (v === null ? null : v / 100);

export const vocSection: SectionBuilder = async (ctx) => {
  const v = (key: string, p?: Record<string, string | number>): string => String(ctx.t(`voc:${key}`, p ?? {}));
  const hasSurveys = Number(ctx.sqlite.prepare(`select count(*) from surveys where nps is not null or csat is not null`).pluck().get() ?? 0) > 0;
  if (!hasSurveys) return { blocks: [{ kind: 'paragraph', text: v('summary.noSurveys') }], status: 'missing', source: null };
  const s = vocSummary(ctx.sqlite, { from: null, to: null }, 'quarter', 'segment');
  const o = s.overall;
  const figures: KeyFigure[] = [
    { label: 'NPS', value: o.nps.nps, format: 'number', decimals: 1, note: `95% [${f1(o.nps.low)}, ${f1(o.nps.high)}] · n = ${o.nps.responses}` },
    { label: 'CSAT', value: pct(o.csat.csat), format: 'percent', note: `n = ${o.csat.responses}` },
    { label: v('summary.responseRate'), value: pct(o.responseRate), format: 'percent', note: `${o.respondents} / ${o.base}` },
  ];
  const breakdown = (title: string, rows: typeof s.byPeriod, first: string): ReportBlock => ({
    kind: 'table',
    title,
    columns: [
      { key: 'k', label: first, format: 'text', width: 14 },
      { key: 'n', label: v('summary.responses'), format: 'integer', width: 10 },
      { key: 'nps', label: 'NPS', format: 'number', decimals: 1, width: 8 },
      { key: 'ci', label: v('summary.interval'), format: 'text', width: 16 },
      { key: 'p', label: v('summary.promoters'), format: 'integer', width: 9 },
      { key: 'a', label: v('summary.passives'), format: 'integer', width: 9 },
      { key: 'd', label: v('summary.detractors'), format: 'integer', width: 9 },
      { key: 'csat', label: 'CSAT', format: 'percent', width: 9 },
      { key: 'rr', label: v('summary.responseRate'), format: 'percent', width: 10 },
    ],
    rows: rows.map((r): TableCell[] => [
      r.key || v('summary.noValue'),
      r.nps.responses,
      r.nps.nps,
      `[${f1(r.nps.low)}, ${f1(r.nps.high)}]${r.nps.thin ? ' *' : ''}`,
      r.nps.promoters,
      r.nps.passives,
      r.nps.detractors,
      pct(r.csat.csat),
      pct(r.responseRate),
    ]),
    note: `${v('formula.responseRate')} * ${v('summary.thin', { min: 30 })}`,
  });
  const blocks: ReportBlock[] = [
    { kind: 'keyFigures', figures },
    { kind: 'bullets', items: [v('formula.nps'), v('formula.csat')] },
    {
      kind: 'chart',
      title: v('summary.byPeriod'),
      width: 560,
      height: 280,
      option: buildNpsTrendChart(s.byPeriod, { nps: 'NPS', interval: v('summary.interval'), csat: 'CSAT %' }),
    },
    breakdown(v('summary.byPeriod'), s.byPeriod, v('grain.quarter')),
    breakdown(v('summary.byDimension'), s.byDimension, v('dimension.segment')),
  ];
  const run = loadThemeRun(ctx.sqlite, null);
  const findings: string[] = [];
  if (!run) {
    blocks.push({ kind: 'paragraph', text: v('themes.empty') });
  } else {
    const a = run.analysis;
    blocks.push({
      kind: 'table',
      title: v('themes.heading', { comments: a.comments, coverage: f1(a.coveragePct) }),
      columns: [
        { key: 'theme', label: v('themes.theme'), format: 'text', width: 16 },
        { key: 'n', label: v('themes.comments'), format: 'integer', width: 9 },
        { key: 'd', label: v('themes.shareDetractors'), format: 'percent', width: 12 },
        { key: 'p', label: v('themes.sharePromoters'), format: 'percent', width: 12 },
        { key: 'e', label: v('themes.npsEffect'), format: 'number', decimals: 1, width: 10 },
        { key: 's', label: v('themes.sentiment'), format: 'number', decimals: 2, width: 10 },
        { key: 'x', label: v('themes.examples'), format: 'text', width: 50 },
      ],
      rows: a.themes
        .filter((t) => t.comments > 0)
        .map((t): TableCell[] => [
          t.name[ctx.locale],
          t.comments,
          pct(t.shareOfDetractors),
          pct(t.shareOfPromoters),
          t.npsEffect,
          t.meanSentiment,
          t.examples.map((e) => `“${e.text}”`).join(' '),
        ]),
      note: `${v('formula.npsEffect')}. ${v('formula.sentiment')}. ${v('themes.runLine', { id: run.id, at: run.createdAt.replace('T', ' ').slice(0, 16), comments: a.comments, seconds: (run.durationMs / 1000).toFixed(1), nps: f1(run.nps.nps), responses: run.nps.responses })}`,
    });
    const c = run.communication;
    blocks.push({
      kind: 'table',
      title: v('signals.heading'),
      columns: [
        { key: 'date', label: v('signals.date'), format: 'text', width: 11 },
        { key: 'kind', label: '', format: 'text', width: 12 },
        { key: 'key', label: ctx.r('columns.customerKey'), format: 'text', width: 10 },
        { key: 'sentence', label: v('signals.sentence'), format: 'text', width: 60 },
      ],
      rows: c.findings.slice(0, 30).map((f): TableCell[] => [f.date, v(`signals.kind.${f.kind}`), f.customerKey, f.sentence]),
      note: (['competitor', 'decisionMaker', 'complaint'] as const)
        .map((k) => `${v(`signals.kind.${k}`)} ${c.counts[k]} (${v('signals.customers', { count: c.customers[k] })})`)
        .join(' · '),
    });
    const top = a.themes.find((t) => (t.npsEffect ?? 0) > 0);
    if (top) findings.push(`${top.name[ctx.locale]}: ${v('themes.effectLine', { value: f1(top.npsIfPassive) })} (${top.detractors} / ${run.nps.responses})`);
  }
  return {
    blocks,
    status: 'stored',
    source: run ? `voc_run #${run.id} · ${run.createdAt.slice(0, 10)}` : null,
    highlights: [{ label: 'NPS', value: o.nps.nps, format: 'number', decimals: 1, note: `95% [${f1(o.nps.low)}, ${f1(o.nps.high)}] · n = ${o.nps.responses}` }],
    findings,
  };
};
