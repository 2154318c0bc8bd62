import { TIERS, type DiagnosticCustomerRow, type DiagnosticRun } from '../../../../shared/analytics';
import { drillLabel, segmentLabel } from '../../../../shared/analytics/drill-label';
import type { ParsedTableFilters } from '../../../../shared/table-export/tables';
import { attributeBreakdown } from '../../diagnostics/attribute-breakdown';
import { customerPage } from '../../diagnostics/drill-sql';
import { loadRun } from '../../diagnostics/runs-repo';
import { checkpoint } from '../../jobs';
import type { PlainCellInput } from '../../reports/safe-cell';
import type { ExportColumn, SourceContext, TableDescription, TableSource } from '../source';

/** Rows read from the engine per page (the customer table's own page channel allows up to 5,000). */
const PAGE = 2000;

/** "诊断运行 #3 · 评估日 2026-10-31 · 按月 · 购买口径 · 默认参数". */
export function diagnosticRunLine(ctx: SourceContext, run: DiagnosticRun): string {
  const { t } = ctx;
  return [
    t('tableExport:run.diagnostic', { id: run.id, asOf: run.asOf }),
    t(`analytics:grains.${run.grain}`),
    t(`analytics:ui.params.basisShort.${run.basis}`),
    ...(run.label ? [run.label] : []),
    run.paramSet ? t('params:runParams.set', { name: run.paramSet }) : t('params:runParams.defaults'),
  ].join(' · ');
}

const SORT_COLUMN: Record<ParsedTableFilters<'diagnostics.customers'>['sort'], string> = {
  customerKey: 'customerKey',
  name: 'name',
  revenue12m: 'revenue12m',
  monetary: 'monetary',
  recencyDays: 'lastPurchase',
  frequency: 'frequency',
  tenureDays: 'tenureDays',
  mrr: 'mrr',
};

/** The latest churn run's probability per customer, when a churn run exists (the table's churn column). */
function churnLookup(ctx: SourceContext): ((key: string) => number | null) | null {
  const latest = ctx.ws.sqlite.prepare('select max(id) from churn_run').pluck().get() as number | null;
  if (latest === null) return null;
  const stmt = ctx.ws.sqlite.prepare('select probability from churn_score where run_id = ? and customer_key = ?').pluck();
  return (key) => (stmt.get(latest, key) as number | undefined) ?? null;
}

export const diagnosticsCustomersSource: TableSource<'diagnostics.customers'> = {
  id: 'diagnostics.customers',
  describe(ctx, f): TableDescription {
    const { t } = ctx;
    const run = loadRun(ctx.ws.sqlite, f.runId);
    const filters: string[] = [];
    if (f.target) filters.push(drillLabel(t, f.target, run.results));
    if (f.search) filters.push(t('tableExport:search', { text: f.search }));
    const sortHeader = t(`analytics:ui.table.col.${SORT_COLUMN[f.sort]}`, { defaultValue: f.sort });
    filters.push(t(f.descending ? 'tableExport:sortDesc' : 'tableExport:sortAsc', { column: sortHeader }));
    const total = customerPage(ctx.ws.sqlite, { ...f, offset: 0, limit: 1 }).total;
    return { title: t('analytics:ui.table.title'), run: diagnosticRunLine(ctx, run), filters, total };
  },
  columns(ctx): ExportColumn[] {
    const h = (id: string) => ctx.t(`analytics:ui.table.col.${id}`);
    const cols: ExportColumn[] = [
      { id: 'customerKey', header: h('customerKey'), format: 'text' },
      { id: 'name', header: h('name'), format: 'text' },
      { id: 'industry', header: h('industry'), format: 'text' },
      { id: 'region', header: h('region'), format: 'text' },
      { id: 'owner', header: h('owner'), format: 'text' },
      { id: 'tier', header: h('tier'), format: 'text' },
      { id: 'stage', header: h('stage'), format: 'text' },
      { id: 'valueGroup', header: h('valueGroup'), format: 'text' },
      { id: 'segment', header: h('segment'), format: 'text' },
      { id: 'rfm', header: h('rfm'), format: 'text' },
      { id: 'lastPurchase', header: h('lastPurchase'), format: 'date' },
      { id: 'frequency', header: h('frequency'), format: 'integer' },
      { id: 'monetary', header: h('monetary'), format: 'currency', decimals: 0 },
      { id: 'revenue12m', header: h('revenue12m'), format: 'currency', decimals: 0 },
      { id: 'mrr', header: h('mrr'), format: 'currency', decimals: 0 },
      { id: 'churn', header: ctx.t('churn:ui.tableColumn'), format: 'percent' },
    ];
    return cols;
  },
  async *rows(ctx, f) {
    const { t } = ctx;
    const churn = churnLookup(ctx);
    const cells = (r: DiagnosticCustomerRow): PlainCellInput[] => [
      r.customerKey,
      r.name,
      r.industry,
      r.region,
      r.owner,
      r.tier ? t(`analytics:tiers.names.${r.tier}`) : null,
      r.stage ? t(`analytics:lifecycle.stages.${r.stage}`) : null,
      r.valueGroup ? segmentLabel(t, r.valueGroup) : null,
      r.segment ? segmentLabel(t, r.segment) : null,
      r.r === null ? null : `${r.r}·${r.f}·${r.m}`,
      r.lastPurchase,
      r.frequency,
      r.monetary,
      r.revenue12m,
      r.mrr ? r.mrr : null,
      churn ? churn(r.customerKey) : null,
    ];
    let offset = 0;
    for (;;) {
      await checkpoint(ctx.signal);
      const page = customerPage(ctx.ws.sqlite, { ...f, offset, limit: PAGE });
      for (const r of page.rows) yield cells(r);
      offset += page.rows.length;
      ctx.progress(offset, page.total);
      if (page.rows.length < PAGE || offset >= page.total) return;
    }
  },
};

export const diagnosticsBreakdownSource: TableSource<'diagnostics.breakdown'> = {
  id: 'diagnostics.breakdown',
  describe(ctx, f) {
    const { t } = ctx;
    const run = loadRun(ctx.ws.sqlite, f.runId);
    const by = f.keptAttribute ?? t(`analytics:breakdown.attributes.${f.attribute}`);
    const period = run.results.retention[run.results.retention.length - 1]?.period.key ?? '';
    return {
      title: t('analytics:ui.breakdown.title'),
      run: diagnosticRunLine(ctx, run),
      filters: [t('tableExport:breakdownBy', { attribute: by }), t('tableExport:latestPeriod', { period })],
      total: null,
    };
  },
  columns(ctx, f) {
    const { t } = ctx;
    const withRevenue = f.keptAttribute === undefined && loadRun(ctx.ws.sqlite, f.runId).results.revenueRetention !== null;
    return [
      { id: 'value', header: f.keptAttribute ?? t(`analytics:breakdown.attributes.${f.attribute}`), format: 'text' },
      { id: 'customers', header: t('analytics:ui.breakdown.customers'), format: 'integer' },
      { id: 'active', header: t('analytics:ui.breakdown.active'), format: 'integer' },
      { id: 'retention', header: t('analytics:ui.breakdown.retention'), format: 'percent' },
      { id: 'churn', header: t('analytics:ui.breakdown.churn'), format: 'percent' },
      ...(withRevenue
        ? ([
            { id: 'grr', header: t('analytics:ui.breakdown.grr'), format: 'percent' },
            { id: 'nrr', header: t('analytics:ui.breakdown.nrr'), format: 'percent' },
          ] as const)
        : []),
      { id: 'revenue12m', header: t('analytics:ui.breakdown.revenue12m'), format: 'currency', decimals: 0 },
      // The screen's tier bar, as one count column per tier.
      ...TIERS.map((tier) => ({ id: `tier.${tier}`, header: t(`analytics:tiers.names.${tier}`), format: 'integer' as const })),
    ];
  },
  async *rows(ctx, f) {
    const { t } = ctx;
    const run = loadRun(ctx.ws.sqlite, f.runId);
    const withRevenue = f.keptAttribute === undefined && run.results.revenueRetention !== null;
    const groups = f.keptAttribute
      ? attributeBreakdown(ctx.ws.sqlite, f.runId, f.keptAttribute).groups
      : (run.results.breakdowns.find((b) => b.attribute === f.attribute)?.groups ?? []);
    const label = (v: string | null) =>
      v === null ? t('analytics:breakdown.notSet') : f.keptAttribute === undefined && f.attribute === 'tier' ? t(`analytics:tiers.names.${v}`) : v;
    for (const g of groups) {
      const grr = 'grr' in g ? g.grr : null;
      const nrr = 'nrr' in g ? g.nrr : null;
      yield [
        label(g.value),
        g.customers,
        g.active,
        g.retention.retentionRate.value,
        g.retention.churnRate.value,
        ...(withRevenue ? [grr?.value ?? null, nrr?.value ?? null] : []),
        g.revenue12m,
        ...TIERS.map((tier) => g.tiers[tier] ?? 0),
      ];
    }
  },
};

export const diagnosticsSegmentsSource: TableSource<'diagnostics.segments'> = {
  id: 'diagnostics.segments',
  describe(ctx, f) {
    const run = loadRun(ctx.ws.sqlite, f.runId);
    return {
      title: ctx.t('analytics:ui.charts.segments'),
      run: diagnosticRunLine(ctx, run),
      filters: [ctx.t(`analytics:ui.charts.${f.scheme}`)],
      total: null,
    };
  },
  columns(ctx) {
    const { t } = ctx;
    return [
      { id: 'segment', header: t('tableExport:col.segment'), format: 'text' },
      { id: 'count', header: t('analytics:ui.charts.count'), format: 'integer' },
      { id: 'share', header: t('analytics:ui.charts.share'), format: 'percent' },
      { id: 'monetary', header: t('tableExport:col.monetary'), format: 'currency', decimals: 0 },
      { id: 'monetaryShare', header: t('tableExport:col.monetaryShare'), format: 'percent' },
    ];
  },
  async *rows(ctx, f) {
    const rfm = loadRun(ctx.ws.sqlite, f.runId).results.rfm;
    for (const s of f.scheme === 'classic' ? rfm.classic : rfm.valueGroups)
      yield [segmentLabel(ctx.t, s.segment), s.count, s.share, s.monetary, s.monetaryShare.value];
  },
};

export const diagnosticsTiersSource: TableSource<'diagnostics.tiers'> = {
  id: 'diagnostics.tiers',
  describe(ctx, f) {
    return { title: ctx.t('analytics:ui.charts.tiers'), run: diagnosticRunLine(ctx, loadRun(ctx.ws.sqlite, f.runId)), filters: [], total: null };
  },
  columns(ctx) {
    const { t } = ctx;
    return [
      { id: 'tier', header: t('analytics:ui.table.col.tier'), format: 'text' },
      { id: 'count', header: t('analytics:ui.charts.count'), format: 'integer' },
      { id: 'share', header: t('analytics:ui.charts.share'), format: 'percent' },
      { id: 'revenueShare', header: t('analytics:formulas.tierRevenueShare.name'), format: 'percent' },
      { id: 'yearlyRevenue', header: t('tableExport:col.yearlyRevenue'), format: 'currency', decimals: 0 },
    ];
  },
  async *rows(ctx, f) {
    for (const s of loadRun(ctx.ws.sqlite, f.runId).results.tiers)
      yield [ctx.t(`analytics:tiers.names.${s.tier}`), s.count, s.customerShare, s.revenueShare, s.yearlyRevenue];
  },
};

export const diagnosticsLifecycleSource: TableSource<'diagnostics.lifecycle'> = {
  id: 'diagnostics.lifecycle',
  describe(ctx, f) {
    return { title: ctx.t('analytics:ui.charts.lifecycle'), run: diagnosticRunLine(ctx, loadRun(ctx.ws.sqlite, f.runId)), filters: [], total: null };
  },
  columns(ctx) {
    const { t } = ctx;
    return [
      { id: 'stage', header: t('analytics:ui.table.col.stage'), format: 'text' },
      { id: 'count', header: t('analytics:ui.charts.count'), format: 'integer' },
      { id: 'share', header: t('analytics:ui.charts.share'), format: 'percent' },
    ];
  },
  async *rows(ctx, f) {
    for (const s of loadRun(ctx.ws.sqlite, f.runId).results.lifecycle) yield [ctx.t(`analytics:lifecycle.stages.${s.stage}`), s.count, s.share];
  },
};
