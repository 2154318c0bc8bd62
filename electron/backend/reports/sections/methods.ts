import { METRIC_DEFINITIONS } from '../../../../shared/analytics/formulas';
import type { HealthModel } from '../../../../shared/health/model';
import type { ReportBlock, TableCell } from '../../../../shared/reports/model';
import { listRuns } from '../../health/queries';
import type { SectionBuilder, SectionContext } from './context';

// Data quality and method notes: what was imported and refused (import_batch / import_reject of
// migration 0002), how much data each entity holds, the health model the stored run used, and every
// diagnostic formula with its denominator from shared/analytics/formulas.ts.

const COVERAGE: readonly { entity: string; table: string; date: string | null }[] = [
  { entity: 'customers', table: 'customers', date: 'first_seen' },
  { entity: 'orders', table: 'orders', date: 'order_date' },
  { entity: 'contracts', table: 'contracts', date: 'start_date' },
  { entity: 'interactions', table: 'interactions', date: 'date' },
  { entity: 'tickets', table: 'tickets', date: 'opened_at' },
  { entity: 'surveys', table: 'surveys', date: 'date' },
  { entity: 'usage', table: 'usage', date: 'period' },
  { entity: 'projects', table: 'projects', date: 'planned_start' },
];

function coverage(ctx: SectionContext): ReportBlock {
  const rows: TableCell[][] = COVERAGE.map(({ entity, table, date }) => {
    // Table and column names come from the constant above, never from input.
    const r = ctx.sqlite.prepare(`select count(*) as n${date ? `, min(${date}) as lo, max(${date}) as hi` : ''} from ${table}`).get() as {
      n: number;
      lo?: string | null;
      hi?: string | null;
    };
    return [ctx.t(`common:entities.${entity}`, { defaultValue: entity }), r.n, r.lo ?? null, r.hi ?? null];
  });
  return {
    kind: 'table',
    title: ctx.r('methods.coverage'),
    columns: [
      { key: 'entity', label: ctx.r('columns.entity'), format: 'text', width: 18 },
      { key: 'rows', label: ctx.r('columns.rows'), format: 'integer', width: 12 },
      { key: 'from', label: ctx.r('columns.from'), format: 'date', width: 12 },
      { key: 'to', label: ctx.r('columns.to'), format: 'date', width: 12 },
    ],
    rows,
  };
}

function imports(ctx: SectionContext): ReportBlock[] {
  const batches = ctx.sqlite
    .prepare(
      `select id, entity, file_name, rows_read, rows_accepted, rows_rejected, rows_duplicate, status, coalesce(finished_at, started_at) as at
         from import_batch order by id`,
    )
    .all() as {
    id: number;
    entity: string;
    file_name: string;
    rows_read: number;
    rows_accepted: number;
    rows_rejected: number;
    rows_duplicate: number;
    status: string;
    at: string;
  }[];
  if (batches.length === 0) return [{ kind: 'paragraph', text: ctx.r('methods.noImports') }];
  const read = batches.reduce((s, b) => s + b.rows_read, 0);
  const rejected = batches.reduce((s, b) => s + b.rows_rejected, 0);
  const out: ReportBlock[] = [
    {
      kind: 'table',
      title: ctx.r('methods.imports'),
      columns: [
        { key: 'file', label: ctx.r('columns.file'), format: 'text', width: 26 },
        { key: 'entity', label: ctx.r('columns.entity'), format: 'text', width: 12 },
        { key: 'read', label: ctx.r('columns.rowsRead'), format: 'integer', width: 10 },
        { key: 'accepted', label: ctx.r('columns.rowsAccepted'), format: 'integer', width: 10 },
        { key: 'rejected', label: ctx.r('columns.rowsRejected'), format: 'integer', width: 10 },
        { key: 'dup', label: ctx.r('columns.rowsDuplicate'), format: 'integer', width: 10 },
        { key: 'rate', label: ctx.r('columns.rejectRate'), format: 'percent', width: 10 },
        { key: 'at', label: ctx.r('columns.importedAt'), format: 'datetime', width: 16 },
      ],
      rows: batches.map((b): TableCell[] => [
        b.file_name,
        ctx.t(`common:entities.${b.entity}`, { defaultValue: b.entity }),
        b.rows_read,
        b.rows_accepted,
        b.rows_rejected,
        b.rows_duplicate,
        b.rows_read > 0 ? b.rows_rejected / b.rows_read : null,
        b.at,
      ]),
      note: ctx.r('methods.importsNote', { read, rejected, pct: read > 0 ? ((rejected / read) * 100).toFixed(2) : '0' }),
    },
  ];
  const reasons = ctx.sqlite
    .prepare(
      `select reason_code, min(reason) as reason, count(*) as n from import_reject
        where batch_id in (select id from import_batch where status = 'committed')
        group by reason_code order by n desc limit 15`,
    )
    .all() as { reason_code: string; reason: string; n: number }[];
  if (reasons.length > 0) {
    out.push({
      kind: 'table',
      title: ctx.r('methods.rejects'),
      columns: [
        { key: 'code', label: ctx.r('columns.reasonCode'), format: 'text', width: 18 },
        { key: 'reason', label: ctx.r('columns.reason'), format: 'text', width: 44 },
        { key: 'n', label: ctx.r('columns.rows'), format: 'integer', width: 10 },
      ],
      rows: reasons.map((r): TableCell[] => [r.reason_code, r.reason, r.n]),
    });
  }
  return out;
}

function healthModelNotes(ctx: SectionContext): ReportBlock[] {
  const run = listRuns(ctx.sqlite)[0];
  if (!run) return [];
  const row = ctx.sqlite.prepare('select model from health_run where id = ?').get(run.id) as { model: string };
  const model = JSON.parse(row.model) as HealthModel;
  const totalWeight = model.measures.reduce((s, m) => s + m.weight, 0);
  return [
    {
      kind: 'table',
      title: ctx.r('methods.healthModel', { id: run.id }),
      columns: [
        { key: 'measure', label: ctx.r('columns.measure'), format: 'text', width: 22 },
        { key: 'metric', label: ctx.r('columns.metric'), format: 'text', width: 26 },
        { key: 'weight', label: ctx.r('columns.weight'), format: 'percent', width: 10 },
        { key: 'scoring', label: ctx.r('columns.scoring'), format: 'text', width: 14 },
        { key: 'note', label: ctx.r('columns.source'), format: 'text', width: 30 },
      ],
      rows: model.measures.map((m): TableCell[] => [
        m.labelKey ? ctx.t(`health:${m.labelKey}`) : (m.label ?? m.id),
        ctx.t(`health:metrics.${m.metric}`),
        totalWeight > 0 ? m.weight / totalWeight : null,
        ctx.t(`health:scoringKinds.${m.scoring.kind}`),
        m.note ?? null,
      ]),
      note: [
        model.aggregation === 'lowest' ? ctx.t('health:formulaLowest') : ctx.t('health:formula'),
        ctx.r('methods.bands', { redMax: model.bands.redMax, yellowMax: model.bands.yellowMax }),
      ].join('\n'),
    },
  ];
}

function formulas(ctx: SectionContext): ReportBlock {
  return {
    kind: 'table',
    title: ctx.r('methods.formulas'),
    columns: [
      { key: 'name', label: ctx.r('columns.metricName'), format: 'text', width: 20 },
      { key: 'formula', label: ctx.r('columns.formula'), format: 'text', width: 46 },
      { key: 'den', label: ctx.r('columns.denominator'), format: 'text', width: 30 },
    ],
    rows: METRIC_DEFINITIONS.map((d): TableCell[] => [
      ctx.t(d.nameKey),
      ctx.t(d.formulaKey),
      d.denominatorKey ? ctx.t(d.denominatorKey) : ctx.r('methods.noDenominator'),
    ]),
  };
}

export const methodsSection: SectionBuilder = async (ctx) => {
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: ctx.r('methods.intro') }, coverage(ctx), ...imports(ctx), ...healthModelNotes(ctx), formulas(ctx)];
  const customers = (ctx.sqlite.prepare('select count(*) as n from customers').get() as { n: number }).n;
  return {
    blocks,
    status: 'stored',
    source: ctx.r('sources.data'),
    highlights: [{ label: ctx.r('summary.customers'), value: customers, format: 'integer', note: ctx.r('summary.customersNote') }],
  };
};
