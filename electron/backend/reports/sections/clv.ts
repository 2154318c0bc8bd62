import { formatMoneyText } from '../../../../shared/reports/format';
import { buildClvShareBars, buildClvTrackingChart } from '../../../../shared/charts';
import { MIN_CUSTOMERS_FOR_TOP_SHARES, type BreakdownGroup } from '../../../../shared/clv/breakdown';
import { aliveBandLabel, segmentGroupLabel, tierGroupLabel, valueBandLabel } from '../../../../shared/clv/breakdown-labels';
import type { TFunction } from 'i18next';
import type { ModelFitResult } from '../../../../shared/clv/fit';
import { intervalsWithheld } from '../../../../shared/clv/intervals';
import { DORMANT_P_ALIVE, type ClvRun } from '../../../../shared/clv/types';
import type { KeyFigure, ReportBlock, TableCell } from '../../../../shared/reports/model';
import { customersPage, latestClvRunId, loadClvRun } from '../../clv/store';
import { loadClvBreakdown } from '../../clv/breakdown';
import { countFitUnidentified } from '../../../../shared/clv/diagnostics';
import type { ReadableDB } from '../../workspace/connection';
import type { SectionBuilder, SectionContent } from './context';

// Customer lifetime value, from the latest stored CLV run (clv_run / clv_customer), in the order a
// reader must meet it: the verdict and the hold-out evaluation with the tracking plots, the fitted
// parameters with standard errors and intervals, the zero / negative spend accounting, then the book
// value and the customers with the highest CLV, each with its 95% interval. When the data do not suit
// the model the customers are left out and the section says why.

const TOP_CUSTOMERS = 30;

type C = (key: string, p?: Record<string, string | number>) => string;

function parameterRows(label: string, fit: ModelFitResult, c: C): TableCell[][] {
  const status = c(`status.${fit.status}`, { parameter: fit.parameter ?? '', reason: fit.reason ? c(`reason.${fit.reason}`) : '' });
  if (fit.parameters.length === 0) return [[label, '—', null, null, null, null, fit.logLikelihood, status]];
  // The fit's name, log-likelihood and status once, on its first parameter's row.
  return fit.parameters.map((p, i): TableCell[] => [
    i === 0 ? label : '',
    p.name,
    p.value,
    p.se,
    p.low,
    p.high,
    i === 0 ? fit.logLikelihood : null,
    i === 0 ? status : '',
  ]);
}

function evaluationBlocks(run: ClvRun, c: C): ReportBlock[] {
  const r = run.result;
  const e = r.evaluation;
  const unit = c(`unit.${r.unit}`);
  const keys = new Set(e.reasons.map((x) => x.key));
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: `${c('verdict.heading')} ${c(`verdict.${e.verdict}`)}` },
    { kind: 'bullets', items: e.reasons.map((x) => c(`verdict.reasons.${x.key}`, x.params)) },
  ];
  if (e.verdict === 'unsuitable') {
    const why = [c('ui.unsuitable.body')];
    if (keys.has('few-repeat-buyers') || r.countFit.reason === 'too-few-repeat-buyers') why.push(c('ui.unsuitable.fewRepeaters'));
    if (keys.has('contractual')) why.push(c('ui.unsuitable.contractual'));
    blocks.push({ kind: 'paragraph', text: `${c('ui.unsuitable.heading')}. ${why.join(' ')}` });
  }
  if (countFitUnidentified(r.countFit.status)) blocks.push({ kind: 'paragraph', text: c('verdict.withheld', { status: r.countFit.status }) });
  const error =
    e.holdoutActual !== null && e.holdoutPredicted !== null && e.holdoutActual > 0 ? (e.holdoutPredicted - e.holdoutActual) / e.holdoutActual : null;
  const figures: KeyFigure[] = [
    {
      label: c('ui.evaluation.holdoutError'),
      value: error,
      format: 'percent',
      note:
        error === null
          ? c('ui.evaluation.noHoldout')
          : `${c('ui.evaluation.holdoutCounts', { predicted: Math.round(e.holdoutPredicted as number), actual: e.holdoutActual as number })}; ${c('ui.evaluation.holdoutErrorFormula', { length: e.holdoutLength, unit, date: e.calibrationEnd ?? '' })}`,
      tone: error === null ? null : Math.abs(error) <= 0.1 ? 'green' : Math.abs(error) <= 0.25 ? 'yellow' : 'red',
    },
    {
      label: c('fit.logLikelihood'),
      value: r.countFit.logLikelihood,
      format: 'number',
      decimals: 1,
      note: `${c(`model.${r.model}`)}, n = ${r.countFit.observations}`,
    },
    {
      label: c('fit.repeatBuyers'),
      value: r.repeatBuyers,
      format: 'integer',
      note: `${c('fit.customers')}: ${r.customers}`,
    },
  ];
  blocks.push({ kind: 'keyFigures', figures });
  if (e.tracking.length > 0) {
    const width = e.tracking.length > 1 ? (e.tracking[1]!.period - e.tracking[0]!.period) * (r.unit === 'day' ? 1 : 7) : 7;
    for (const mode of ['cumulative', 'incremental'] as const) {
      blocks.push({
        kind: 'chart',
        title: c(mode === 'cumulative' ? 'ui.evaluation.cumulativeTitle' : 'ui.evaluation.incrementalTitle'),
        width: 640,
        height: 300,
        option: buildClvTrackingChart({
          points: e.tracking,
          unit: r.unit,
          mode,
          actualName: c('tracking.actual'),
          predictedName: c('tracking.predicted'),
          holdoutName: c('tracking.holdout'),
          yName: c(mode === 'cumulative' ? 'tracking.cumulative' : 'ui.evaluation.perPeriod'),
        }),
        caption: [c('ui.evaluation.bucketNote', { days: width }), error === null ? c('ui.evaluation.noHoldout') : ''].filter(Boolean).join(' · '),
      });
    }
  }
  const fits: TableCell[][] = [];
  if (e.calibrationFit)
    fits.push(...parameterRows(`${c(`model.${r.model}`)} (${c('ui.evaluation.calibrationFit', { date: e.calibrationEnd ?? '' })})`, e.calibrationFit, c));
  fits.push(...parameterRows(`${c(`model.${r.model}`)} (${c('ui.evaluation.finalFit', { asOf: r.asOf })})`, r.countFit, c));
  if (r.spendFit) fits.push(...parameterRows(c('model.gamma-gamma'), r.spendFit, c));
  blocks.push({
    kind: 'table',
    title: c('report.parameters'),
    columns: [
      { key: 'fit', label: c('report.fit'), format: 'text', width: 30 },
      { key: 'name', label: c('fit.parameter'), format: 'text', width: 8 },
      { key: 'value', label: c('fit.value'), format: 'number', decimals: 4, width: 12 },
      { key: 'se', label: c('fit.se'), format: 'number', decimals: 4, width: 12 },
      { key: 'low', label: c('report.low'), format: 'number', decimals: 4, width: 12 },
      { key: 'high', label: c('report.high'), format: 'number', decimals: 4, width: 12 },
      { key: 'll', label: c('fit.logLikelihood'), format: 'number', decimals: 2, width: 12 },
      { key: 'status', label: c('report.status'), format: 'text', width: 40 },
    ],
    rows: fits,
    note: e.spendCorrelation === null ? null : c('correlation', { value: e.spendCorrelation.toFixed(2) }),
  });
  if (e.buckets.length > 0) {
    blocks.push({
      kind: 'table',
      title: c('buckets.heading'),
      columns: [
        { key: 'x', label: c('buckets.frequency'), format: 'text', width: 14 },
        { key: 'n', label: c('buckets.customers'), format: 'integer', width: 10 },
        { key: 'actual', label: c('buckets.actual'), format: 'number', decimals: 2, width: 12 },
        { key: 'predicted', label: c('buckets.predicted'), format: 'number', decimals: 2, width: 12 },
      ],
      rows: e.buckets.map((b): TableCell[] => [`${b.frequency}${b.openEnded ? '+' : ''}`, b.customers, b.actual, b.predicted]),
      note: c('ui.evaluation.bucketsNote'),
    });
  }
  return blocks;
}

function spendBlocks(run: ClvRun, c: C, money: (v: number) => string): ReportBlock[] {
  const x = run.result.exclusions;
  const items = [
    x.zeroAmountLines > 0 ? c('exclusions.zero', { count: x.zeroAmountLines }) : null,
    x.negativeAmountLines > 0 ? c('exclusions.negative', { count: x.negativeAmountLines, amount: money(x.negativeAmount) }) : null,
    x.customersWithoutPositiveOccasion > 0 ? c('exclusions.withoutPositive', { count: x.customersWithoutPositiveOccasion }) : null,
    run.result.spendExcluded > 0 ? c('exclusions.spendExcluded', { count: run.result.spendExcluded }) : null,
  ].filter((s): s is string => s !== null);
  return [
    { kind: 'paragraph', text: `${c('ui.spendNotes.heading')}: ${c('ui.spendNotes.why')}` },
    items.length ? { kind: 'bullets', items } : { kind: 'paragraph', text: c('ui.spendNotes.none') },
  ];
}

/** The CLV distribution, value by segment and tier, and alive vs dormant: a chart and a table each, with denominators. */
function breakdownBlocks(sqlite: ReadableDB, run: ClvRun, c: C, t: TFunction, money: (v: number) => string): ReportBlock[] {
  const b = loadClvBreakdown(sqlite, run.id);
  const d = b.distribution;
  const common = { customers: b.customers.toLocaleString(), book: money(b.bookValue), id: run.id };
  const chart = (title: string, groups: readonly BreakdownGroup[], names: string[], caption: string): ReportBlock => ({
    kind: 'chart',
    title,
    width: 640,
    height: 280,
    option: buildClvShareBars({
      categories: names,
      customerShare: groups.map((g) => g.customerShare),
      valueShare: groups.map((g) => g.valueShare),
      customerShareName: c('breakdown.customerShare'),
      valueShareName: c('breakdown.valueShare'),
    }),
    caption,
  });
  const table = (title: string, label: string, groups: readonly BreakdownGroup[], names: string[], note: string | null): ReportBlock => ({
    kind: 'table',
    title,
    columns: [
      { key: 'group', label, format: 'text', width: 26 },
      { key: 'customers', label: c('breakdown.customers'), format: 'integer', width: 10 },
      { key: 'customerShare', label: c('breakdown.customerShare'), format: 'percent', width: 10 },
      { key: 'value', label: c('breakdown.value'), format: 'currency', decimals: 0, width: 14 },
      { key: 'valueShare', label: c('breakdown.valueShare'), format: 'percent', width: 10 },
      { key: 'meanClv', label: c('breakdown.meanClv'), format: 'currency', decimals: 0, width: 12 },
      { key: 'meanPAlive', label: c('breakdown.meanPAlive'), format: 'percent', width: 10 },
    ],
    rows: groups.map((g, i): TableCell[] => [
      names[i] ?? '',
      g.customers,
      g.customerShare,
      g.value,
      g.valueShare,
      g.meanClv,
      g.customers > 0 ? g.meanPAlive : null,
    ]),
    note,
  });
  const step = d.bands.length > 1 ? money(d.bands[1]!.low) : '–';
  const distNote = c('breakdown.distribution.note', { ...common, months: run.result.horizonMonths, step, median: money(d.medianClv ?? 0) });
  const top =
    d.top10Share === null || d.top20Share === null
      ? c('breakdown.distribution.topTooFew', { min: MIN_CUSTOMERS_FOR_TOP_SHARES })
      : c('breakdown.distribution.top', {
          n10: d.top10Customers,
          n20: d.top20Customers,
          top10: `${(d.top10Share * 100).toFixed(1)}%`,
          top20: `${(d.top20Share * 100).toFixed(1)}%`,
        });
  const bandNames = d.bands.map((x) => valueBandLabel(x, money));
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: `${c('breakdown.distribution.heading')}: ${top}` }];
  if (d.bands.length > 0) {
    blocks.push(chart(c('breakdown.distribution.heading'), d.bands, bandNames, c('breakdown.chartNote')));
    blocks.push(
      table(
        c('breakdown.distribution.heading'),
        c('breakdown.distribution.band'),
        d.bands,
        bandNames,
        [distNote, b.withoutClv > 0 ? c('breakdown.distribution.withoutClv', { count: b.withoutClv }) : ''].filter(Boolean).join(' '),
      ),
    );
  }
  if (b.diagnosticRun === null) blocks.push({ kind: 'paragraph', text: c('breakdown.groups.none') });
  else {
    const note = c('breakdown.groups.note', { ...common, id: b.diagnosticRun.id, asOf: b.diagnosticRun.asOf, run: run.id });
    const segNames = b.segments.map((g) => segmentGroupLabel(t, g));
    const tierNames = b.tiers.map((g) => tierGroupLabel(t, g));
    blocks.push(
      chart(c('breakdown.groups.segmentsHeading'), b.segments, segNames, c('breakdown.chartNote')),
      table(c('breakdown.groups.segmentsHeading'), c('breakdown.groups.segment'), b.segments, segNames, note),
      chart(c('breakdown.groups.tiersHeading'), b.tiers, tierNames, c('breakdown.chartNote')),
      table(c('breakdown.groups.tiersHeading'), c('breakdown.groups.tier'), b.tiers, tierNames, note),
    );
  }
  const aliveNames = b.alive.map(aliveBandLabel);
  const dormant = b.alive.filter((a) => a.low < DORMANT_P_ALIVE);
  const dormantCount = dormant.reduce((s, a) => s + a.customers, 0);
  blocks.push(
    chart(c('breakdown.alive.heading'), b.alive, aliveNames, c('breakdown.chartNote')),
    table(
      c('breakdown.alive.heading'),
      c('breakdown.alive.band'),
      b.alive,
      aliveNames,
      `${c('breakdown.alive.note', { ...common, asOf: run.asOf })} ${c('breakdown.alive.dormant', {
        count: dormantCount.toLocaleString(),
        share: `${((100 * dormantCount) / Math.max(1, b.customers)).toFixed(1)}%`,
        value: `${(100 * dormant.reduce((s, a) => s + a.valueShare, 0)).toFixed(1)}%`,
      })}`,
    ),
  );
  return blocks;
}

export const clvSection: SectionBuilder = async (ctx): Promise<SectionContent> => {
  const c: C = (key, p) => String(ctx.t(`clv:${key}`, p ?? {}));
  const runId = latestClvRunId(ctx.sqlite);
  if (runId === null) return { blocks: [{ kind: 'paragraph', text: c('report.missing') }], status: 'missing', source: null };
  const run = loadClvRun(ctx.sqlite, runId);
  const r = run.result;
  const money = (v: number): string => formatMoneyText(v, ctx);
  const blocks = [...evaluationBlocks(run, c), ...spendBlocks(run, c, money)];
  const fitted = r.countFit.parameters.length > 0;
  // A boundary / flat count fit is not identified even when a run stored before that rule says "caution".
  const suitable = r.evaluation.verdict !== 'unsuitable' && !countFitUnidentified(r.countFit.status);
  const withheld = intervalsWithheld(r);
  const book = r.intervals?.clv ?? null;
  if (fitted && suitable) {
    blocks.push({
      kind: 'keyFigures',
      figures: [
        {
          label: c('ui.book.value', { months: r.horizonMonths }),
          value: r.totals.clv,
          format: 'currency',
          decimals: 0,
          note: `${book ? `95%: ${money(book.low)} – ${money(book.high)}. ` : ''}${c('ui.book.formula', { discount: (r.discount * 100).toFixed(1), customers: r.customers })}`,
        },
        { label: c('ui.book.purchases'), value: r.totals.expectedPurchases, format: 'number', decimals: 0 },
        { label: c('ui.book.meanAlive'), value: r.totals.meanPAlive, format: 'percent', note: r.asOf },
      ],
    });
    blocks.push(...breakdownBlocks(ctx.sqlite, run, c, ctx.t, money));
    const top = customersPage(ctx.sqlite, { runId, sort: 'clv', descending: true, offset: 0, limit: TOP_CUSTOMERS });
    blocks.push({
      kind: 'table',
      title: c('report.topCustomers', { n: top.rows.length }),
      columns: [
        { key: 'key', label: ctx.r('columns.customerKey'), format: 'text', width: 10 },
        { key: 'name', label: ctx.r('columns.customer'), format: 'text', width: 30, pii: 'customer' },
        { key: 'x', label: c('customers.frequency'), format: 'integer', width: 7 },
        { key: 'alive', label: c('customers.pAlive'), format: 'percent', width: 8 },
        { key: 'purchases', label: c('customers.expectedPurchases'), format: 'number', decimals: 2, width: 9 },
        { key: 'spend', label: c('customers.expectedSpend'), format: 'currency', decimals: 0, width: 11 },
        { key: 'clv', label: c('customers.clv'), format: 'currency', decimals: 0, width: 12 },
        { key: 'low', label: c('report.low'), format: 'currency', decimals: 0, width: 12 },
        { key: 'high', label: c('report.high'), format: 'currency', decimals: 0, width: 12 },
      ],
      rows: top.rows.map((s): TableCell[] => [s.customerId, s.name, s.x, s.pAlive, s.expectedPurchases, s.expectedSpend, s.clv, s.clvLow, s.clvHigh]),
      note: `${c('ui.list.note', { asOf: r.asOf, months: r.horizonMonths })} ${withheld ? c(`intervals.withheld.${withheld}`) : c('intervals.note')}`,
    });
    // The win-back list: more likely gone than active, by past repeat spend.
    const dormant = customersPage(ctx.sqlite, { runId, sort: 'pastValue', descending: true, pAliveBelow: DORMANT_P_ALIVE, offset: 0, limit: 10 });
    const threshold = DORMANT_P_ALIVE * 100;
    blocks.push(
      dormant.total === 0
        ? { kind: 'paragraph', text: c('ui.atRisk.none', { threshold }) }
        : {
            kind: 'table',
            title: c('ui.atRisk.heading'),
            columns: [
              { key: 'key', label: ctx.r('columns.customerKey'), format: 'text', width: 12 },
              { key: 'name', label: ctx.r('columns.customer'), format: 'text', width: 24, pii: 'customer' },
              { key: 'x', label: c('customers.frequency'), format: 'integer', width: 8 },
              { key: 'past', label: c('ui.atRisk.pastValue'), format: 'currency', decimals: 0, width: 14 },
              { key: 'alive', label: c('customers.pAlive'), format: 'percent', width: 10 },
              { key: 'clv', label: c('customers.clv'), format: 'currency', decimals: 0, width: 14 },
            ],
            rows: dormant.rows.map((s): TableCell[] => [s.customerId, s.name, s.x, s.x * s.monetary, s.pAlive, s.clv]),
            note: c('ui.atRisk.note', {
              threshold,
              count: dormant.total,
              share: `${((100 * dormant.total) / Math.max(1, r.customers)).toFixed(1)}%`,
              n: dormant.rows.length,
            }),
          },
    );
  } else if (fitted) blocks.push({ kind: 'paragraph', text: c('report.withheldCustomers') });
  const verdict = c(`verdict.${r.evaluation.verdict}`);
  return {
    blocks,
    status: 'stored',
    source: c('report.source', { id: run.id, model: c(`model.${r.model}`), asOf: r.asOf, months: r.horizonMonths, discount: (r.discount * 100).toFixed(1) }),
    highlights:
      fitted && suitable && r.totals.clv !== null
        ? [
            {
              label: c('ui.book.value', { months: r.horizonMonths }),
              value: r.totals.clv,
              format: 'currency',
              decimals: 0,
              note: book ? `95%: ${money(book.low)} – ${money(book.high)}` : null,
              tone: r.evaluation.verdict === 'suits' ? null : 'yellow',
            },
          ]
        : [],
    findings: [
      fitted && suitable && r.totals.clv !== null
        ? book
          ? c('report.finding', { verdict, months: r.horizonMonths, clv: money(r.totals.clv), low: money(book.low), high: money(book.high) })
          : c('report.findingNoInterval', { verdict, months: r.horizonMonths, clv: money(r.totals.clv) })
        : `${c('verdict.heading')} ${verdict}`,
    ],
  };
};
