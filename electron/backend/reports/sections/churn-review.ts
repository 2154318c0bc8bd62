import type { KeyFigure, ReportBlock, TableCell, TableColumn } from '../../../../shared/reports/model';
import { reviewDefinitionText } from '../../../../shared/churn-review/definition';
import type { ChurnedCustomer, ChurnReview } from '../../../../shared/churn-review/types';
import { loadChurnReview } from '../../churn-review/review';
import type { SectionBuilder } from './context';

// The monthly churn review pack: the latest stored review (churn_review), read as stored. Lost
// customers by revenue with what preceded the loss, the traits over-represented among them, and the
// revenue rates by both of Gainsight's definitions.

const f1 = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(1));
const frac = (v: number | null): number | null => (v === null ? null : v / 100);

export function traitLabel(
  r: ChurnReview['traits']['rows'][number],
  v: (key: string) => string,
  themeName: (id: string) => string,
  ruleName: (id: string) => string,
): string {
  const dim = r.dimension.startsWith('attr:') ? r.dimension.slice(5) : v(`review.traits.dimension.${r.dimension}`);
  let value = r.value;
  if (r.dimension === 'tenure') value = v(`review.traits.tenure.${r.value}`);
  else if (r.dimension === 'nps') value = v(`review.traits.nps.${r.value}`);
  else if (r.dimension === 'theme') value = themeName(r.value);
  else if (r.dimension === 'signal') value = ruleName(r.value);
  return `${dim}: ${value}`;
}

export const churnReviewSection: SectionBuilder = async (ctx) => {
  const v = (key: string, p?: Record<string, string | number>): string => String(ctx.t(`voc:${key}`, p ?? {}));
  const review = loadChurnReview(ctx.sqlite, null);
  if (!review) return { blocks: [{ kind: 'paragraph', text: v('review.empty') }], status: 'missing', source: null };
  const rr = review.rates;
  const ruleName = (id: string): string => String(ctx.t(`health:signals.${id}.name`, { defaultValue: id }));
  const figures: KeyFigure[] = [
    { label: v('review.kpi.churned'), value: review.churnedCount, format: 'integer', note: v('review.kpi.onBook', { count: review.onBook }) },
    { label: v('review.kpi.churnRate'), value: frac(review.churnRatePct), format: 'percent', note: v('review.formula.churnRate') },
    { label: v('review.kpi.lostRevenue'), value: review.lostRevenue, format: 'currency', note: v('review.formula.lost') },
    { label: v('review.rates.churnOfStarting'), value: frac(rr.churnOfStarting.pct), format: 'percent', note: v('review.rates.startingNote') },
    { label: v('review.rates.churnOfDue'), value: frac(rr.churnOfDue.pct), format: 'percent', note: v('review.rates.dueNote', { count: rr.dueContracts }) },
    { label: v('review.rates.downsellOfStarting'), value: frac(rr.downsellOfStarting.pct), format: 'percent' },
    { label: v('review.rates.downsellOfDue'), value: frac(rr.downsellOfDue.pct), format: 'percent' },
  ];
  const blocks: ReportBlock[] = [
    ...(review.definition ? [{ kind: 'paragraph' as const, text: reviewDefinitionText(review.definition, v) }] : []),
    { kind: 'keyFigures', figures },
  ];
  if (review.healthRuns === 0) blocks.push({ kind: 'paragraph', text: v('review.noHealthRuns') });
  // A column nobody has a value in (tiers before any diagnostics run) is left out: the PDF page has
  // room for about ten.
  const hasTier = review.customers.some((c) => c.tier !== null);
  const lostTable: { column: TableColumn; cell: (c: ChurnedCustomer) => TableCell }[] = [
    { column: { key: 'key', label: ctx.r('columns.customerKey'), format: 'text', width: 10 }, cell: (c) => c.customerKey },
    { column: { key: 'name', label: ctx.r('columns.customer'), format: 'text', width: 24, pii: 'customer' }, cell: (c) => c.name },
    { column: { key: 'date', label: v('review.customers.churnDate'), format: 'text', width: 11 }, cell: (c) => c.churnDate },
    { column: { key: 'lost', label: v('review.customers.lost'), format: 'currency', width: 13 }, cell: (c) => c.lostRevenue },
    ...(hasTier
      ? [
          {
            column: { key: 'tier', label: v('review.customers.tier'), format: 'text', width: 8 } as TableColumn,
            cell: (c: ChurnedCustomer): TableCell => (c.tier ? String(ctx.t(`analytics:tiers.names.${c.tier}`, { defaultValue: c.tier })) : null),
          },
        ]
      : []),
    { column: { key: 'owner', label: v('review.customers.owner'), format: 'text', width: 9 }, cell: (c) => c.owner },
    {
      column: { key: 'signals', label: `${v('review.customers.signals')} · ${v('review.event.action')}`, format: 'text', width: 12 },
      cell: (c) => `${c.signalsBefore} · ${c.actionsDone}/${c.actionsBefore}`,
    },
    { column: { key: 'nps', label: v('review.customers.lastNps'), format: 'integer', width: 8 }, cell: (c) => c.lastNps },
    { column: { key: 'reason', label: v('review.customers.reason'), format: 'text', width: 24 }, cell: (c) => c.reason },
    { column: { key: 'comment', label: v('review.customers.lastComment'), format: 'text', width: 36 }, cell: (c) => c.lastComment },
  ];
  blocks.push({
    kind: 'table',
    title: v('review.customers.heading', { top: review.params.top }),
    columns: lostTable.map((x) => x.column),
    rows: review.customers.map((c) => lostTable.map((x) => x.cell(c))),
    note: `${v('review.formula.lost')}. ${v('review.formula.unwarned')}: ${review.unwarned}. ${v('review.customers.signals')} · ${v('review.event.action')}: ${v('review.customers.acted', { acted: 'n', total: 'N' })}.`,
  });
  blocks.push({
    kind: 'table',
    title: v('review.reasons.heading'),
    columns: [
      { key: 'reason', label: v('review.reasons.reason'), format: 'text', width: 36 },
      { key: 'n', label: v('review.reasons.customers'), format: 'integer', width: 10 },
      { key: 'lost', label: v('review.reasons.lost'), format: 'currency', width: 14 },
    ],
    rows: review.reasons.map((r): TableCell[] => [r.reason || v('review.reasons.none'), r.customers, r.lostRevenue]),
  });
  const t = review.traits;
  blocks.push({
    kind: 'table',
    title: v('review.traits.heading', {
      churned: t.churned,
      retained: t.retained,
      start: review.traitWindow.start,
      end: review.traitWindow.end,
      min: t.minSupport,
    }),
    columns: [
      { key: 'trait', label: v('review.traits.trait'), format: 'text', width: 28 },
      { key: 'c', label: v('review.traits.churnedWith'), format: 'text', width: 14 },
      { key: 'r', label: v('review.traits.retainedWith'), format: 'text', width: 14 },
      { key: 'ratio', label: v('review.traits.shareRatio'), format: 'number', decimals: 2, width: 10 },
      { key: 'lift', label: v('review.traits.lift'), format: 'number', decimals: 2, width: 10 },
      { key: 'q', label: v('review.traits.q'), format: 'number', decimals: 3, width: 8 },
      { key: 'sig', label: '', format: 'text', width: 12 },
    ],
    rows: t.rows
      .slice(0, 25)
      .map((x): TableCell[] => [
        traitLabel(x, v, (id) => review.themeNames[id]?.[ctx.locale] ?? id, ruleName),
        `${x.churnedWith} (${f1(x.shareChurned)}%)`,
        `${x.retainedWith} (${f1(x.shareRetained)}%)`,
        Number.isFinite(x.shareRatio) ? x.shareRatio : null,
        x.lift,
        x.q,
        x.q <= 0.1 ? v('review.traits.significant') : v('review.traits.notSignificant'),
      ]),
    note: `${v('review.traits.formula')} ${t.belowSupport ? v('review.traits.belowSupport', { count: t.belowSupport, min: t.minSupport }) : ''}`,
  });
  const topTrait = t.rows.find((x) => x.q <= 0.1);
  return {
    blocks,
    status: 'stored',
    source: `churn_review #${review.id} · ${review.params.period} · ${review.createdAt.slice(0, 10)}`,
    highlights: [
      { label: v('review.kpi.lostRevenue'), value: review.lostRevenue, format: 'currency', note: `${review.params.period} · ${review.churnedCount}` },
    ],
    findings: topTrait
      ? [
          `${v('review.title')} ${review.params.period}: ${traitLabel(topTrait, v, (id) => review.themeNames[id]?.[ctx.locale] ?? id, ruleName)} · lift ${topTrait.lift.toFixed(2)} · q ${topTrait.q.toFixed(3)}`,
        ]
      : [],
  };
};
