import { buildDistributionChart, buildTrendChart } from '../../../../shared/charts';
import type { ColourRule, KeyFigure, ReportBlock, TableCell } from '../../../../shared/reports/model';
import type { HealthModel } from '../../../../shared/health/model';
import { listSignals, overview } from '../../health/queries';
import { missingSection, share, type SectionBuilder, type SectionContext } from './context';
import { paramsText } from './diagnostics-run';
import { describeSource, isModelMetric } from '../../../../shared/health/model-sources';

// Health and signals, from the latest stored health run (health_run / health_score / health_signal)
// through the health domain's own overview and signal queries.

const TOP_SIGNALS = 30;

/** The run's bands as a colour rule: red when score <= redMax, so yellow starts just above it. */
export function bandRule(model: HealthModel): ColourRule {
  return { kind: 'bands', yellowFrom: model.bands.redMax + 1e-9, greenFrom: model.bands.yellowMax + 1e-9 };
}

export function modelLabel(ctx: SectionContext, model: HealthModel): string {
  return model.nameKey ? ctx.t(`health:${model.nameKey}`) : (model.name ?? model.id);
}

export function severityTones(ctx: SectionContext): ColourRule {
  return {
    kind: 'tones',
    tones: {
      [ctx.t('health:severities.heavy')]: 'red',
      [ctx.t('health:severities.medium')]: 'yellow',
      [ctx.t('health:severities.light')]: 'neutral',
    },
  };
}

export const healthSection: SectionBuilder = async (ctx) => {
  if (ctx.healthRunId === null) return missingSection(ctx, 'health');
  const o = overview(ctx.sqlite, ctx.healthRunId, ctx.now);
  if (!o.run || !o.model) return missingSection(ctx, 'health');
  const { run, model } = o;
  const n = run.customers;
  const b = run.bands;
  const bandLabel = (k: 'red' | 'yellow' | 'green' | 'none') => ctx.t(`health:bands.${k}`);
  const shareNote = (count: number) => ctx.r('health.shareNote', { count, total: n });
  const figures: KeyFigure[] = [
    { label: ctx.r('health.customersScored'), value: n, format: 'integer', note: ctx.r('health.runNote', { id: run.id, asOf: run.asOf }) },
    { label: ctx.r('health.averageScore'), value: o.averageScore, format: 'number', decimals: 1, note: modelLabel(ctx, model) },
    { label: bandLabel('red'), value: share(b.red, n), format: 'percent', note: shareNote(b.red), tone: 'red' },
    { label: bandLabel('yellow'), value: share(b.yellow, n), format: 'percent', note: shareNote(b.yellow), tone: 'yellow' },
    { label: bandLabel('green'), value: share(b.green, n), format: 'percent', note: shareNote(b.green), tone: 'green' },
    {
      label: ctx.r('health.openSignals'),
      value: o.signals.heavy + o.signals.medium + o.signals.light,
      format: 'integer',
      note: ctx.r('health.signalsNote', o.signals),
      tone: o.signals.heavy > 0 ? 'red' : null,
    },
  ];
  const blocks: ReportBlock[] = [{ kind: 'keyFigures', figures }];
  // Scores or signals that rest on a stored model run name it (or say why none was read).
  const readsModels = model.measures.some((m) => isModelMetric(m.metric)) || run.sources?.churn.status === 'used';
  if (readsModels && run.sources) {
    const ht = (key: string, params?: Record<string, string | number>): string => ctx.t(`health:${key}`, params ?? {});
    const sources = run.sources;
    blocks.push({
      kind: 'paragraph',
      text: `${ht('sources.heading')}: ${(['churn', 'clv'] as const).map((kind) => `${ht(`sources.${kind}`)}: ${describeSource(kind, sources[kind], ht)}`).join(' ')}`,
    });
  }

  blocks.push({
    kind: 'chart',
    title: ctx.r('health.bandChart'),
    width: 640,
    height: 300,
    option: buildDistributionChart({
      kind: 'bar',
      seriesName: ctx.r('health.customers'),
      unit: 'integer',
      locale: ctx.locale,
      items: [
        { label: bandLabel('red'), value: b.red, tone: 'red' },
        { label: bandLabel('yellow'), value: b.yellow, tone: 'yellow' },
        { label: bandLabel('green'), value: b.green, tone: 'green' },
        ...(b.none > 0 ? [{ label: bandLabel('none'), value: b.none, tone: 'neutral' as const }] : []),
      ],
    }),
    caption: ctx.r('health.bandsCaption', { redMax: model.bands.redMax, yellowMax: model.bands.yellowMax }),
  });

  if (o.history.length > 1) {
    blocks.push({
      kind: 'chart',
      title: ctx.r('health.historyChart'),
      width: 640,
      height: 300,
      option: buildTrendChart({
        categories: o.history.map((h) => h.asOf),
        series: [
          { name: bandLabel('red'), kind: 'bar', values: o.history.map((h) => h.red), axis: 'right' },
          { name: ctx.r('health.averageScore'), kind: 'line', values: o.history.map((h) => h.average), showLabels: true },
        ],
        leftAxis: { name: ctx.r('health.averageScore'), unit: 'number', min: 0, max: 100 },
        rightAxis: { name: ctx.r('health.customers'), unit: 'integer' },
        locale: ctx.locale,
      }),
    });
  }

  const rule = bandRule(model);
  const bandTones: ColourRule = {
    kind: 'tones',
    tones: { [bandLabel('red')]: 'red', [bandLabel('yellow')]: 'yellow', [bandLabel('green')]: 'green' },
  };
  if (o.byTier.length > 0) {
    blocks.push({
      kind: 'table',
      title: ctx.r('health.byTier'),
      columns: [
        { key: 'tier', label: ctx.r('columns.tier'), format: 'text', width: 18 },
        { key: 'red', label: bandLabel('red'), format: 'integer', width: 12 },
        { key: 'yellow', label: bandLabel('yellow'), format: 'integer', width: 12 },
        { key: 'green', label: bandLabel('green'), format: 'integer', width: 12 },
        { key: 'none', label: bandLabel('none'), format: 'integer', width: 10 },
        { key: 'avg', label: ctx.r('health.averageScore'), format: 'number', decimals: 1, width: 12, colour: rule },
      ],
      rows: o.byTier.map((g): TableCell[] => [g.group ?? ctx.r('notSet'), g.red, g.yellow, g.green, g.none, g.avgScore]),
    });
  }

  blocks.push({
    kind: 'table',
    title: ctx.r('health.lowest'),
    columns: [
      { key: 'key', label: ctx.r('columns.customerKey'), format: 'text', width: 12 },
      { key: 'name', label: ctx.r('columns.customer'), format: 'text', width: 24, pii: 'customer' },
      { key: 'tier', label: ctx.r('columns.tier'), format: 'text', width: 12 },
      { key: 'owner', label: ctx.r('columns.owner'), format: 'text', width: 12 },
      { key: 'score', label: ctx.r('columns.score'), format: 'number', decimals: 1, width: 10, colour: rule },
      { key: 'band', label: ctx.r('columns.band'), format: 'text', width: 14, colour: bandTones },
      { key: 'trend', label: ctx.r('columns.trend'), format: 'text', width: 8 },
      { key: 'signals', label: ctx.r('columns.openSignals'), format: 'integer', width: 10 },
    ],
    rows: o.lowest.map((c): TableCell[] => [
      c.customerKey,
      c.name,
      c.segment,
      c.owner,
      c.score,
      c.band ? bandLabel(c.band) : null,
      c.trend ? ctx.t(`health:trend.${c.trend}`) : null,
      c.openSignals,
    ]),
    note: ctx.r('health.lowestNote', { id: run.id, asOf: run.asOf }),
  });

  const signals = listSignals(ctx.sqlite, { status: 'open', limit: TOP_SIGNALS, offset: 0 });
  if (signals.total > 0) {
    blocks.push({
      kind: 'table',
      title: ctx.r('health.signalsTable'),
      columns: [
        { key: 'sev', label: ctx.r('columns.severity'), format: 'text', width: 14, colour: severityTones(ctx) },
        { key: 'name', label: ctx.r('columns.customer'), format: 'text', width: 20, pii: 'customer' },
        { key: 'rule', label: ctx.r('columns.signal'), format: 'text', width: 16 },
        { key: 'evidence', label: ctx.r('columns.evidence'), format: 'text', width: 44 },
        { key: 'on', label: ctx.r('columns.triggeredOn'), format: 'date', width: 12 },
      ],
      rows: signals.items.map((s): TableCell[] => [
        ctx.t(`health:severities.${s.severity}`),
        s.customerName,
        ctx.t(`health:signals.${s.ruleId}.name`),
        ctx.t(`health:${s.evidence.messageKey}`, s.evidence.params),
        s.triggeredOn,
      ]),
      note: signals.total > TOP_SIGNALS ? ctx.r('health.signalsMore', { shown: TOP_SIGNALS, total: signals.total }) : null,
    });
  }

  const redShare = share(b.red, n);
  const heavy = o.signals.heavy;
  const findings = [
    ctx.r('health.findingBands', {
      red: b.red,
      total: n,
      pct: redShare === null ? '—' : (redShare * 100).toFixed(1),
      asOf: run.asOf,
    }),
    ...(heavy > 0 ? [ctx.r('health.findingHeavy', { n: heavy })] : []),
  ];
  // Only named tiers with enough scored customers: "100% red" of two unlabelled customers is no finding.
  const worstTier = [...o.byTier]
    .filter((g) => g.group !== null && g.red + g.yellow + g.green >= 10)
    .sort((a, c) => c.red / (c.red + c.yellow + c.green) - a.red / (a.red + a.yellow + a.green))[0];
  if (worstTier && worstTier.red > 0) {
    const total = worstTier.red + worstTier.yellow + worstTier.green;
    findings.push(ctx.r('health.findingTier', { tier: worstTier.group ?? ctx.r('notSet'), pct: ((worstTier.red / total) * 100).toFixed(1) }));
  }
  return {
    blocks,
    status: 'stored',
    source: ctx.r('sources.health', { id: run.id, asOf: run.asOf, params: paramsText(ctx, run.paramSet) }),
    highlights: [
      { label: ctx.r('summary.redCustomers'), value: b.red, format: 'integer', note: shareNote(b.red), tone: 'red' },
      { label: ctx.r('summary.heavySignals'), value: heavy, format: 'integer', note: ctx.r('health.signalsNote', o.signals), tone: heavy > 0 ? 'red' : null },
    ],
    findings,
  };
};
