import { loadAssessment } from '../../checklists/assessments';
import { scoreAssessmentById } from '../../checklists/results';
import { listScores } from '../../health/queries';
import { getBatch, listRejects } from '../../import/batches';
import { checkpoint } from '../../jobs';
import type { ExportColumn, SourceContext, TableSource } from '../source';

const PAGE = 1000;

/** One import batch's rejected rows as the reject list shows them (row, column, value, reason, source row). */
export const importRejectsSource: TableSource<'import.rejects'> = {
  id: 'import.rejects',
  describe(ctx, f) {
    const { t } = ctx;
    const batch = getBatch(ctx.ws.sqlite, f.batchId);
    const total = listRejects(ctx.ws.sqlite, f.batchId, 0, 1, f.code).total;
    return {
      title: t('import:rejects.title'),
      run: t('tableExport:run.importBatch', {
        id: batch.id,
        file: batch.fileName,
        entity: t(`import:entities.${batch.entity}`, { defaultValue: batch.entity }),
      }),
      filters: f.code ? [t('tableExport:rejectReason', { reason: t(`import:reasonNames.${f.code}`, { defaultValue: f.code }) })] : [],
      total,
    };
  },
  columns(ctx): ExportColumn[] {
    const h = (k: string) => ctx.t(`import:rejects.${k}`);
    return [
      { id: 'row', header: h('row'), format: 'integer' },
      { id: 'column', header: h('column'), format: 'text' },
      { id: 'value', header: h('value'), format: 'text' },
      { id: 'reason', header: h('reason'), format: 'text' },
      { id: 'sourceRow', header: h('sourceRow'), format: 'text' },
    ];
  },
  async *rows(ctx, f) {
    for (let offset = 0; ;) {
      await checkpoint(ctx.signal);
      const page = listRejects(ctx.ws.sqlite, f.batchId, offset, PAGE, f.code);
      for (const r of page.rows) {
        const raw = Object.entries(r.rawRow)
          .map(([k, v]) => `${k}: ${v}`)
          .join(' | ');
        yield [r.rowNumber, r.column, r.rawValue, ctx.t(`import:reasons.${r.code}`, { ...r.params, defaultValue: r.reason }), raw];
      }
      offset += page.rows.length;
      ctx.progress(offset, page.total);
      if (page.rows.length < PAGE || offset >= page.total) return;
    }
  },
};

function bi(text: { zh: string; en: string } | null | undefined, ctx: SourceContext): string {
  if (!text) return '';
  return ctx.locale === 'zh-CN' ? text.zh : text.en;
}

/** An assessment's table by section: each respondent's score, the mean, the spread and the stage, then the overall row. */
export const checklistResultsSource: TableSource<'checklists.results'> = {
  id: 'checklists.results',
  async describe(ctx, f) {
    const { summary } = await loadAssessment(ctx.ws.db, f.assessmentId); // NOT_FOUND before anything is written
    const sections = (await scoreAssessmentById(ctx.ws.db, f.assessmentId)).aggregate.sections.length;
    return {
      title: ctx.t('checklists:ui.bySection'),
      run: ctx.t('tableExport:run.assessment', { id: f.assessmentId, title: summary.title }),
      filters: [],
      total: sections + 1,
    };
  },
  async columns(ctx, f) {
    const { t } = ctx;
    // One column per respondent, as the screen's table has.
    const names = (await scoreAssessmentById(ctx.ws.db, f.assessmentId)).aggregate.respondents;
    return [
      { id: 'section', header: t('checklists:ui.section'), format: 'text' },
      ...names.map((n, i) => ({ id: `respondent.${i}`, header: n, format: 'number' as const, decimals: 1 })),
      { id: 'average', header: t('checklists:result.average'), format: 'number', decimals: 1 },
      { id: 'sd', header: t('checklists:result.standardDeviation'), format: 'number', decimals: 1 },
      { id: 'stage', header: t('checklists:result.stage'), format: 'text' },
    ];
  },
  async *rows(ctx, f) {
    const { t } = ctx;
    const result = await scoreAssessmentById(ctx.ws.db, f.assessmentId);
    const sectionTitle = new Map(result.template.sections.map((s) => [s.id, bi(s.title, ctx)]));
    for (const s of result.aggregate.sections)
      yield [
        sectionTitle.get(s.sectionId) ?? s.sectionId,
        ...s.byRespondent.map((r) => r.score),
        s.spread?.mean ?? null,
        s.spread?.sd ?? null,
        bi(s.stage?.label, ctx),
      ];
    const o = result.aggregate.overall;
    yield [t('checklists:result.overall'), ...o.byRespondent.map((r) => r.score), o.spread?.mean ?? null, o.spread?.sd ?? null, bi(o.stage?.label, ctx)];
  },
};

/** The health scores of a run, lowest first (the order of the overview's lowest list), by band or search. */
export const healthScoresSource: TableSource<'health.scores'> = {
  id: 'health.scores',
  describe(ctx, f) {
    const { t } = ctx;
    // The run listScores reads: the given one, else the one with the latest as-of date.
    const run = (
      f.runId === undefined
        ? ctx.ws.sqlite.prepare('select id, as_of from health_run where finished_at is not null order by as_of desc, id desc limit 1').get()
        : ctx.ws.sqlite.prepare('select id, as_of from health_run where id = ?').get(f.runId)
    ) as { id: number; as_of: string } | undefined;
    const total = listScores(ctx.ws.sqlite, { ...f, limit: 1, offset: 0 }).total;
    const filters: string[] = [];
    if (f.band) filters.push(t('tableExport:band', { band: t(`health:bands.${f.band}`) }));
    if (f.search) filters.push(t('tableExport:search', { text: f.search }));
    filters.push(t('tableExport:sortAsc', { column: t('health:ui.col.score') }));
    return {
      title: t('tableExport:healthTitle'),
      run: run ? t('tableExport:run.health', { id: run.id, asOf: run.as_of }) : null,
      filters,
      total,
    };
  },
  columns(ctx) {
    const h = (k: string) => ctx.t(`health:ui.col.${k}`);
    return [
      { id: 'customerKey', header: ctx.t('tableExport:col.customerKey'), format: 'text' },
      { id: 'customer', header: h('customer'), format: 'text' },
      { id: 'owner', header: h('owner'), format: 'text' },
      { id: 'score', header: h('score'), format: 'number', decimals: 1 },
      { id: 'band', header: ctx.t('tableExport:col.band'), format: 'text' },
      { id: 'trend', header: ctx.t('tableExport:col.trend'), format: 'text' },
      { id: 'signals', header: h('signals'), format: 'integer' },
      { id: 'worstSeverity', header: ctx.t('tableExport:col.worstSeverity'), format: 'text' },
    ];
  },
  async *rows(ctx, f) {
    const { t } = ctx;
    for (let offset = 0; ;) {
      await checkpoint(ctx.signal);
      const page = listScores(ctx.ws.sqlite, { ...f, limit: PAGE, offset });
      for (const r of page.items)
        yield [
          r.customerKey,
          r.name,
          r.owner,
          r.score,
          r.band ? t(`health:bands.${r.band}`) : t('health:bands.none'),
          r.trend ? t(`tableExport:trend.${r.trend}`) : null,
          r.openSignals,
          r.worstSeverity ? t(`health:severities.${r.worstSeverity}`) : null,
        ];
      offset += page.items.length;
      ctx.progress(offset, page.total);
      if (page.items.length < PAGE || offset >= page.total) return;
    }
  },
};
