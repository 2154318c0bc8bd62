import type { KeyFigure, ReportBlock, TableCell } from '../../../../shared/reports/model';
import { INDICATOR_FAMILIES } from '../../../../shared/impact/indicators';
import { formatIndicator } from '../../../../shared/impact/format';
import { evaluateExperiment } from '../../../../shared/impact/experiment';
import { repairSuccess } from '../../../../shared/impact/repairs';
import { dataEnd, repairRecords } from '../../impact/data';
import { getExperiment, listExperiments, windowEndOf } from '../../impact/experiments-store';
import { memberOutcomes, monthlyPanel } from '../../impact/outcomes';
import { indicatorsReport } from '../../impact/indicators';
import { computeFee, getFeeTerms } from '../../impact/fee';
import type { SectionBuilder, SectionContent, SectionContext } from './context';
import { registerDeckSection } from '../deck/sections';
import { impactSlides } from '../deck/impact-slides';
import { formatMoneyText, formatValue } from '../../../../shared/reports/format';

// 成效评估 in the report: the indicator system against the frozen baseline with its deviation flags,
// each experiment's verdict with its difference, interval and caveats, and repair success. The fee
// statement is its own section (feeStatementSection) so it can be printed alone as one page.

type C = (key: string, p?: Record<string, string | number>) => string;
const translator =
  (ctx: SectionContext): C =>
  (key, p) =>
    String(ctx.t(`impact:${key}`, p ?? {}));

const pp = (v: number, locale: string): string => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}${locale === 'zh-CN' ? ' 个百分点' : ' pp'}`;

function indicatorBlocks(ctx: SectionContext, c: C): { blocks: ReportBlock[]; deviations: number } {
  const r = indicatorsReport(ctx.sqlite, { series: false });
  const rows: TableCell[][] = r.rows.map((row) => [
    c(`indicators.names.${row.id}`),
    c(`indicators.families.${INDICATOR_FAMILIES[row.id]}`),
    row.baseline ? formatIndicator(row.baseline, ctx.locale) : '—',
    formatIndicator(row.current, ctx.locale),
    row.change === null ? '—' : row.unit === 'percent' ? pp(row.change, ctx.locale) : row.change.toFixed(1),
    c(`indicators.flags.${row.flag}`),
    row.current.value === null
      ? c(`indicators.absent.${row.current.absentReason ?? 'unknown'}`)
      : c(`indicators.formulas.${row.id}`, {
          num: row.id === 'arpuGrowth' ? formatMoneyText(row.current.numerator, ctx) : (row.current.numerator ?? ''),
          den: row.id === 'arpuGrowth' ? formatMoneyText(row.current.denominator, ctx) : (row.current.denominator ?? ''),
        }),
  ]);
  const tol = Math.round(r.tolerance * 100);
  return {
    deviations: r.deviations,
    blocks: [
      {
        kind: 'paragraph',
        text: `${c('indicators.heading')} — ${c(`indicators.grains.${r.grain}`)}, ${c('indicators.period', { ...r.period })}. ${
          r.baseline
            ? c('indicators.baselineLine', { asOf: r.baseline.asOf, from: r.baseline.period.from, to: r.baseline.period.to, frozenAt: r.baseline.frozenAt })
            : c('indicators.noBaseline')
        }`,
      },
      {
        kind: 'table',
        title: c('indicators.heading'),
        columns: [
          { key: 'name', label: c('indicators.cols.indicator'), format: 'text', width: 22 },
          { key: 'family', label: '', format: 'text', width: 12 },
          { key: 'baseline', label: c('indicators.cols.baseline'), format: 'text', width: 10 },
          { key: 'current', label: c('indicators.cols.current'), format: 'text', width: 10 },
          { key: 'change', label: c('indicators.cols.change'), format: 'text', width: 12 },
          {
            key: 'flag',
            label: c('indicators.cols.flag'),
            format: 'text',
            width: 10,
            colour: { kind: 'tones', tones: { [c('indicators.flags.above')]: 'green', [c('indicators.flags.below')]: 'red' } },
          },
          { key: 'basis', label: c('indicators.cols.basis'), format: 'text', width: 48 },
        ],
        rows,
        note: `${r.baseline ? c('indicators.deviations', { count: r.deviations, tolerance: tol }) : ''} ${c('indicators.note', { tolerance: tol })} ${c(
          'indicators.settings',
          {
            window: r.settings.activityWindowDays,
            grace: r.settings.renewalGraceDays,
            share: Math.round(r.settings.strategicShare * 100),
            core: Math.round(r.settings.coreTopShare * 100),
          },
        )}`.trim(),
      },
    ],
  };
}

function experimentBlocks(ctx: SectionContext, c: C): ReportBlock[] {
  const list = listExperiments(ctx.sqlite);
  if (!list.length) return [{ kind: 'paragraph', text: c('experiments.empty') }];
  const end = dataEnd(ctx.sqlite);
  const blocks: ReportBlock[] = [];
  for (const s of list) {
    const e = getExperiment(ctx.sqlite, s.id);
    const d = e.definition;
    const r = evaluateExperiment({
      experimentId: e.id,
      definition: d,
      members: memberOutcomes(ctx.sqlite, e.id, d),
      windowEnd: windowEndOf(d),
      dataEnd: end,
      ...(d.design === 'did' ? { panel: monthlyPanel(ctx.sqlite, e.id, d, end) } : {}),
      bootstrapSeed: e.seed ?? e.id,
      assignedAt: e.assignedAt,
    });
    const rate = r.outcome !== 'revenue';
    const fmt = (v: number) => (rate ? pp(v, ctx.locale) : formatMoneyText(v, ctx));
    const measure = c(`experiments.outcomeShort.${r.outcome}`);
    blocks.push({
      kind: 'paragraph',
      text: `#${e.id} ${e.name} (${e.action}) — ${c(`experiments.verdicts.${r.verdict}`, { measure, alpha: r.alpha, mde: r.mde === null ? '—' : fmt(r.mde) })}`,
    });
    blocks.push({
      kind: 'table',
      columns: [
        { key: 'method', label: c('experiments.arm.value'), format: 'text', width: 24 },
        { key: 'nt', label: `${c('experiments.arm.treatment')} n`, format: 'integer', width: 10 },
        { key: 'nc', label: `${c('experiments.arm.control')} n`, format: 'integer', width: 10 },
        { key: 'diff', label: c('experiments.difference'), format: 'text', width: 14 },
        { key: 'ci', label: c('experiments.ci', { level: Math.round((1 - r.alpha) * 100) }), format: 'text', width: 24 },
        { key: 'p', label: c('experiments.pValue'), format: 'number', decimals: 4, width: 10 },
      ],
      rows: r.estimates.map((x) => [
        c(`experiments.methods.${x.method}`),
        r.treatment.n,
        r.control.n,
        fmt(x.difference),
        `[${fmt(x.ciLow)}, ${fmt(x.ciHigh)}]`,
        x.pValue,
      ]),
      note: `${c('experiments.windowLine', { start: r.startDate, end: r.windowEnd, dataEnd: r.dataEnd ?? '—' })}${e.seed === null ? '' : ` · ${c('experiments.seedLine', { seed: e.seed })}`}`,
    });
    if (r.caveats.length) blocks.push({ kind: 'bullets', items: r.caveats.map((k) => c(`experiments.caveats.${k.key}`, k.params)) });
  }
  return blocks;
}

function repairBlocks(ctx: SectionContext, c: C): ReportBlock[] {
  const r = repairSuccess(repairRecords(ctx.sqlite));
  const rate = (v: number | null) => v;
  const figures: KeyFigure[] = [
    {
      label: c('repairs.highRisk'),
      value: rate(r.highRisk.successRate),
      format: 'percent',
      note: `${r.highRisk.held} / ${r.highRisk.checked}. ${c('repairs.note')}`,
    },
    { label: c('repairs.cols.actions'), value: r.total.actions, format: 'integer', note: `${c('repairs.cols.closed')} ${r.total.closed}` },
  ];
  const blocks: ReportBlock[] = [{ kind: 'keyFigures', figures }];
  if (r.total.actions === 0) return [...blocks, { kind: 'paragraph', text: c('repairs.empty') }];
  blocks.push({
    kind: 'table',
    title: c('repairs.by.severity'),
    columns: [
      { key: 'k', label: c('repairs.cols.key'), format: 'text', width: 18 },
      { key: 'a', label: c('repairs.cols.actions'), format: 'integer', width: 8 },
      { key: 'c', label: c('repairs.cols.closed'), format: 'integer', width: 8 },
      { key: 'h', label: c('repairs.cols.held'), format: 'integer', width: 8 },
      { key: 'p', label: c('repairs.cols.partial'), format: 'integer', width: 8 },
      { key: 'n', label: c('repairs.cols.notHeld'), format: 'integer', width: 8 },
      { key: 'r', label: c('repairs.cols.rate'), format: 'percent', width: 10 },
    ],
    rows: r.by.severity.map((g) => [c(`repairs.severity.${g.key}`), g.actions, g.closed, g.held, g.partial, g.notHeld, g.successRate]),
  });
  return blocks;
}

export const impactSection: SectionBuilder = async (ctx): Promise<SectionContent> => {
  const c = translator(ctx);
  const ind = indicatorBlocks(ctx, c);
  return {
    blocks: [
      ...ind.blocks,
      { kind: 'paragraph', text: c('experiments.heading') },
      ...experimentBlocks(ctx, c),
      { kind: 'paragraph', text: c('repairs.heading') },
      ...repairBlocks(ctx, c),
    ],
    status: 'stored',
    source: null,
    findings: ind.deviations > 0 ? [c('indicators.deviations', { count: ind.deviations, tolerance: 15 })] : [],
  };
};

/** The one-page fee statement: every figure the fee rests on, the bands, the limits and the sensitivity. */
export const feeStatementSection: SectionBuilder = async (ctx): Promise<SectionContent> => {
  const c = translator(ctx);
  const terms = getFeeTerms(ctx.sqlite);
  if (!terms) return { blocks: [{ kind: 'paragraph', text: c('fee.missing') }], status: 'missing', source: null };
  const s = computeFee(ctx.sqlite, terms, ctx.now);
  const cur = s.terms.currency;
  const money = (v: number) => formatValue(v, 'currency', { locale: ctx.locale, currency: cur, decimals: 2 });
  const ind = (v: number) => formatIndicator({ unit: s.unit, value: v }, ctx.locale);
  const rows: TableCell[][] = [
    [c('fee.indicator'), c(`indicators.names.${s.indicator}`)],
    [
      `${c('fee.baseline')} (${s.baselineSource === 'frozen' ? c('fee.baselineFrozen', { asOf: s.baselineAsOf ?? '' }) : c('fee.baselineTerms')})`,
      ind(s.baseline),
    ],
    [
      c('fee.current', { ...s.measurementPeriod }),
      `${ind(s.current.value as number)} — ${c(`indicators.formulas.${s.indicator}`, { num: s.current.numerator ?? '', den: s.current.denominator ?? '' })}`,
    ],
    [c('fee.improvement'), s.points.toFixed(2)],
    ...s.breakdown.bands.map((b): TableCell[] => [
      c('fee.band', { from: b.fromPoints, to: b.toPoints ?? '∞', rate: b.ratePerPoint.toLocaleString(ctx.locale) }),
      `${b.points.toFixed(2)} → ${money(b.amount)}`,
    ]),
    [c('fee.fixed'), money(s.breakdown.fixedFee)],
    [c('fee.beforeLimits'), money(s.breakdown.beforeLimits)],
    [`${c('fee.floor')} / ${c('fee.cap')}`, `${money(s.terms.floor)} / ${s.terms.cap === null ? '—' : money(s.terms.cap)}`],
    [c('fee.total'), `${money(s.breakdown.fee)} ${s.breakdown.limitedBy ? c(`fee.limitedBy.${s.breakdown.limitedBy}`) : ''}`.trim()],
  ];
  return {
    blocks: [
      { kind: 'paragraph', text: c('fee.note') },
      {
        kind: 'keyFigures',
        figures: [
          { label: c('fee.total'), value: s.breakdown.fee, format: 'number', decimals: 0, note: `${cur}. ${c('fee.improvement')}: ${s.points.toFixed(2)}` },
        ],
      },
      {
        kind: 'table',
        title: c('fee.statement'),
        columns: [
          { key: 'item', label: '', format: 'text', width: 44 },
          { key: 'value', label: '', format: 'text', width: 44 },
        ],
        rows,
      },
      {
        kind: 'table',
        title: c('fee.sensitivity'),
        columns: [
          { key: 'p', label: c('fee.sensCols.points'), format: 'number', decimals: 2, width: 14 },
          { key: 'v', label: c('fee.sensCols.value'), format: 'text', width: 14 },
          { key: 'f', label: c('fee.sensCols.fee'), format: 'number', decimals: 0, width: 16 },
          { key: 'n', label: '', format: 'text', width: 16 },
        ],
        rows: s.sensitivity.map((r) => [
          r.points,
          ind(r.value),
          r.fee,
          `${r.actual ? c('fee.actual') : ''} ${r.limitedBy ? c(`fee.limitedBy.${r.limitedBy}`) : ''}`.trim(),
        ]),
      },
    ],
    status: 'stored',
    source: `${c('fee.current', { ...s.measurementPeriod })}`,
  };
};

registerDeckSection('impact', impactSlides);
