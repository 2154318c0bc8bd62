// The signal inbox and the action board as exportable tables: the rows the screen's filters match,
// in its sort, with the customer dimensions the triage lists show (the same queries, a page at a time).
import type { TFunction } from 'i18next';
import { FACETS, type Facet, type SignalFilter, type ActionFilter } from '../../../../shared/health/triage';
import type { TriageContext } from '../../../../shared/contract/triage';
import { listTriageActions, listTriageSignals } from '../../health/triage-lists';
import { triageContext } from '../../health/triage-query';
import { localNow, localToday } from '../../health/clock';
import { overdueClock } from '../../health/overdue-clock';
import { checkpoint } from '../../jobs';
import type { SourceContext, TableDescription, TableSource } from '../source';

const PAGE = 1000;

function valueLabel(t: TFunction, facet: Facet, v: string | null): string {
  if (v === null) return t('triage:filters.notSet');
  switch (facet) {
    case 'severity':
      return t(`health:severities.${v}`);
    case 'ruleId':
      return t(`health:signals.${v}.name`);
    case 'tier':
      return t(`analytics:tiers.names.${v}`, { defaultValue: v });
    case 'band':
      return t(`health:bands.${v}`);
    case 'churnRisk':
      return t(`triage:churnRisk.${v}`);
    default:
      return v;
  }
}

/** The filter phrases of a title line ("负责人：王经理 / 李娜"). */
function filterPhrases(t: TFunction, f: Partial<Record<Facet, (string | null)[] | undefined>> & { search?: string | undefined }): string[] {
  const out: string[] = [];
  for (const facet of FACETS) {
    const values = f[facet];
    if (values?.length) out.push(`${t(`triage:filters.${facet === 'ruleId' ? 'rule' : facet}`)}：${values.map((v) => valueLabel(t, facet, v)).join(' / ')}`);
  }
  if (f.search) out.push(t('tableExport:search', { text: f.search }));
  return out;
}

/** What revenue at stake and churn risk were read from (the title's run line). */
function runLine(t: TFunction, c: TriageContext): string | null {
  if (!c.healthRun) return null;
  const parts = [t('tableExport:run.health', { id: c.healthRun.id, asOf: c.healthRun.asOf })];
  if (c.stakeBasis === 'churn' && c.churnRun) parts.push(t('triage:stake.churn', { id: c.churnRun.id, date: c.churnRun.scoredAsOf }));
  else parts.push(t('triage:stake.revenue12m', { id: c.healthRun.id, date: c.healthRun.asOf }));
  if (c.churnRunRejected) parts.push(t('triage:churnRunRejected', { id: c.churnRunRejected.id, status: c.churnRunRejected.status }));
  return parts.join(' · ');
}

const customerColumns = (t: TFunction) =>
  [
    { id: 'owner', header: t('triage:columns.owner'), format: 'text' },
    { id: 'tier', header: t('triage:columns.tier'), format: 'text' },
    { id: 'segment', header: t('triage:filters.segment'), format: 'text' },
    { id: 'band', header: t('triage:columns.band'), format: 'text' },
    { id: 'churnRisk', header: t('triage:columns.churnRisk'), format: 'text' },
    { id: 'stake', header: t('triage:columns.stake'), format: 'currency' },
  ] as const;

export const healthSignalsSource: TableSource<'health.signals'> = {
  id: 'health.signals',
  describe(ctx: SourceContext, f): TableDescription {
    const { t } = ctx;
    const c = triageContext(ctx.ws.sqlite, localToday());
    const total = listTriageSignals(ctx.ws.sqlite, c, { ...f, groupBy: 'signal', limit: 1, offset: 0, facets: false }).signals;
    return {
      title: `${t('health:ui.tabs.signals')} · ${t(`triage:views.${f.view}`)}`,
      run: runLine(t, c),
      filters: [...filterPhrases(t, f), `${t('triage:sort.label')}：${t(`triage:sort.${f.sort}`)}`],
      total,
    };
  },
  columns(ctx) {
    const { t } = ctx;
    return [
      { id: 'customerKey', header: t('tableExport:col.customerKey'), format: 'text' },
      { id: 'customer', header: t('triage:columns.customer'), format: 'text' },
      { id: 'severity', header: t('triage:filters.severity'), format: 'text' },
      { id: 'rule', header: t('triage:columns.rule'), format: 'text' },
      { id: 'evidence', header: t('triage:columns.evidence'), format: 'text' },
      ...customerColumns(t),
      { id: 'since', header: t('triage:columns.since'), format: 'date' },
      { id: 'action', header: t('triage:columns.action'), format: 'text' },
      { id: 'status', header: t('triage:columns.status'), format: 'text' },
    ];
  },
  async *rows(ctx, f) {
    const { t } = ctx;
    const c = triageContext(ctx.ws.sqlite, localToday());
    for (let offset = 0; ;) {
      await checkpoint(ctx.signal);
      const page = listTriageSignals(ctx.ws.sqlite, c, { ...(f as SignalFilter), sort: f.sort, groupBy: 'signal', limit: PAGE, offset, facets: false });
      for (const s of page.items)
        yield [
          s.customerKey,
          s.customerName,
          t(`health:severities.${s.severity}`),
          t(`health:signals.${s.ruleId}.name`),
          t(`health:${s.evidence.messageKey}`, s.evidence.params),
          s.owner,
          s.tier ? valueLabel(t, 'tier', s.tier) : null,
          s.segment,
          t(`health:bands.${s.band ?? 'none'}`),
          t(`triage:churnRisk.${s.churnRisk}`),
          s.revenueAtStake,
          s.triggeredOn ?? s.asOf,
          s.actionId ? t('triage:list.actionOpened') : t('triage:list.noAction'),
          [
            t(`triage:views.${s.status === 'open' && s.snoozedUntil && s.snoozedUntil > c.today ? 'snoozed' : s.status}`),
            s.dismissedReasonCode ? t(`triage:reasons.${s.dismissedReasonCode}`) : null,
            s.dismissedReason,
          ]
            .filter(Boolean)
            .join(' · '),
        ];
      offset += page.items.length;
      ctx.progress(offset, page.total);
      if (page.items.length < PAGE || offset >= page.total) return;
    }
  },
};

export const healthActionsSource: TableSource<'health.actions'> = {
  id: 'health.actions',
  describe(ctx: SourceContext, f): TableDescription {
    const { t } = ctx;
    const c = triageContext(ctx.ws.sqlite, localToday());
    const total = listTriageActions(ctx.ws.sqlite, c, { ...f, limit: 1, offset: 0, facets: false }, overdueClock(ctx.ws.sqlite, localNow()).at).total;
    const filters = filterPhrases(t, f);
    if (f.status) filters.unshift(`${t('triage:columns.status')}：${t(`triage:actionViews.${f.status}`)}`);
    if (f.overdueOnly) filters.unshift(t('health:ui.actions.overdueOnly'));
    filters.push(`${t('triage:sort.label')}：${t(`triage:sort.${f.sort}`)}`);
    return { title: t('health:ui.tabs.actions'), run: runLine(t, c), filters, total };
  },
  columns(ctx) {
    const { t } = ctx;
    return [
      { id: 'customerKey', header: t('tableExport:col.customerKey'), format: 'text' },
      { id: 'customer', header: t('triage:columns.customer'), format: 'text' },
      { id: 'action', header: t('triage:columns.action'), format: 'text' },
      { id: 'source', header: t('triage:columns.source'), format: 'text' },
      ...customerColumns(t),
      { id: 'status', header: t('triage:columns.status'), format: 'text' },
      { id: 'due', header: t('triage:columns.due'), format: 'datetime' },
    ];
  },
  async *rows(ctx, f) {
    const { t } = ctx;
    const c = triageContext(ctx.ws.sqlite, localToday());
    const now = overdueClock(ctx.ws.sqlite, localNow()).at;
    for (let offset = 0; ;) {
      await checkpoint(ctx.signal);
      const page = listTriageActions(ctx.ws.sqlite, c, { ...(f as ActionFilter), sort: f.sort, limit: PAGE, offset, facets: false }, now);
      for (const a of page.items)
        yield [
          a.customerKey,
          a.customerName,
          t(`health:actions.${a.templateId}.title`),
          a.source?.kind === 'signal'
            ? `${t(`health:severities.${a.source.severity}`)} · ${t(`health:signals.${a.source.ruleId}.name`)}`
            : a.source?.kind === 'redScore'
              ? t('health:ui.actions.fromRedScore', { score: a.source.score.toFixed(1) })
              : t('health:ui.actions.manual'),
          a.owner,
          a.tier ? valueLabel(t, 'tier', a.tier) : null,
          a.segment,
          t(`health:bands.${a.band ?? 'none'}`),
          t(`triage:churnRisk.${a.churnRisk}`),
          a.revenueAtStake,
          a.snoozedUntil && a.snoozedUntil > c.today
            ? `${t(`health:actionStatuses.${a.status}`)} · ${t('triage:list.snoozedUntil', { date: a.snoozedUntil })}`
            : t(`health:actionStatuses.${a.status}`),
          a.dueAt,
        ];
      offset += page.items.length;
      ctx.progress(offset, page.total);
      if (page.items.length < PAGE || offset >= page.total) return;
    }
  },
};
