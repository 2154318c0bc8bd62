import { formatMoneyText } from '../../../../shared/reports/format';
import { buildCalibrationChart, buildGainsChart } from '../../../../shared/charts';
import { featureLabel, reasonText, type T } from '../../../../shared/churn/labels';
import { MIN_CHURNED, MIN_CUSTOMERS } from '../../../../shared/churn/pipeline';
import { CHURN_CALIBRATIONS, type ChurnRun, type Interval } from '../../../../shared/churn/types';
import type { KeyFigure, ReportBlock, TableCell } from '../../../../shared/reports/model';
import { runBacktest } from '../../churn/backtest';
import { latestChurnRunId, loadChurnRun, scoresPage } from '../../churn/store';
import { missingSection, type SectionBuilder, type SectionContext } from './context';
import { registerDeckSection } from '../deck/sections';
import { churnSectionSlides } from '../deck/churn-slides';

// Churn risk, from the latest stored churn run (churn_run / churn_score) in the order a reader must
// meet it: the evaluation on held-out customers, then the drivers, the signal backtest and the
// customers most at risk by revenue at stake. The backtest is not stored with the run, so it is
// replayed here at the run's horizon through the churn domain's own function.

const TOP_DRIVERS = 20;
const TOP_CUSTOMERS = 30;

const f3 = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(3));
const interval = (i: Interval | null): string => (i ? `${f3(i.value)} [${f3(i.low)}, ${f3(i.high)}]` : '—');

function evaluationBlocks(ctx: SectionContext, run: ChurnRun, c: (key: string, p?: Record<string, string | number>) => string): ReportBlock[] {
  const e = run.evaluation;
  const scheme =
    e.scheme === 'time-holdout'
      ? c('scheme.time-holdout', { train: e.train.cutoff ?? '', test: e.test.cutoff ?? '' })
      : c('scheme.kfold', { folds: e.folds ?? 0 });
  const figures: KeyFigure[] = [
    {
      label: c('evaluation.rocAuc'),
      value: e.rocAuc?.value ?? null,
      format: 'number',
      decimals: 3,
      note: `${c('report.interval')} ${interval(e.rocAuc)}`,
      tone: run.status === 'ok' ? null : 'yellow',
    },
    { label: c('evaluation.prAuc'), value: e.prAuc?.value ?? null, format: 'number', decimals: 3, note: `${c('report.interval')} ${interval(e.prAuc)}` },
    { label: c('evaluation.baseRate'), value: e.baseRate, format: 'percent', note: c('ui.evaluation.base', { churned: e.test.churned, n: e.test.customers }) },
    { label: c('evaluation.brier'), value: e.brier, format: 'number', decimals: 3, note: `${c('evaluation.brierBaseline')} ${f3(e.brierBaseline)}` },
  ];
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: `${c('report.status')}: ${c(`status.${run.status}`, { min: run.status === 'too-small' ? MIN_CUSTOMERS : MIN_CHURNED })}` },
    {
      kind: 'paragraph',
      text: `${scheme}. ${c('evaluation.train')}: ${e.train.customers} / ${e.train.churned}; ${c('evaluation.test')}: ${e.test.customers} / ${e.test.churned} (${c('evaluation.customers')} / ${c('evaluation.churned')}).`,
    },
    { kind: 'keyFigures', figures },
    {
      kind: 'bullets',
      items: [
        c('ui.evaluation.auc'),
        c('ui.evaluation.pr'),
        c('ui.evaluation.brier', { n: e.test.customers }),
        c('ui.evaluation.referenceNote'),
        ...run.notes.map((n) => c(n.key, n.params)),
      ],
    },
  ];
  if (e.lift.length > 0) {
    blocks.push({
      kind: 'table',
      title: c('evaluation.lift'),
      columns: [
        { key: 'decile', label: c('evaluation.decile'), format: 'integer', width: 8 },
        { key: 'customers', label: c('evaluation.customers'), format: 'integer', width: 10 },
        { key: 'churned', label: c('evaluation.churned'), format: 'integer', width: 10 },
        { key: 'rate', label: c('evaluation.rate'), format: 'percent', width: 12 },
        { key: 'lift', label: c('evaluation.liftColumn'), format: 'number', decimals: 2, width: 10 },
        { key: 'gain', label: c('evaluation.gain'), format: 'percent', width: 14 },
      ],
      rows: e.lift.map((r): TableCell[] => [r.decile, r.customers, r.churned, r.rate, r.lift, r.cumulativeGain]),
      note: c('ui.evaluation.liftNote', { n: e.test.customers }),
    });
    blocks.push({
      kind: 'chart',
      title: c('ui.evaluation.gainsTitle'),
      width: 560,
      height: 320,
      option: buildGainsChart({
        lift: e.lift,
        modelName: c('ui.evaluation.gainsModel'),
        randomName: c('ui.evaluation.gainsRandom'),
        xName: c('ui.evaluation.gainsX'),
        yName: c('ui.evaluation.gainsY'),
      }),
    });
    blocks.push({
      kind: 'table',
      title: c('evaluation.reliability'),
      columns: [
        { key: 'from', label: c('report.binFrom'), format: 'percent', width: 10 },
        { key: 'to', label: c('report.binTo'), format: 'percent', width: 10 },
        { key: 'n', label: c('evaluation.customers'), format: 'integer', width: 10 },
        { key: 'pred', label: c('evaluation.meanPredicted'), format: 'percent', width: 14 },
        { key: 'obs', label: c('evaluation.observed'), format: 'percent', width: 14 },
      ],
      rows: e.reliability.map((r): TableCell[] => [r.from, r.to, r.customers, r.meanPredicted, r.observedRate]),
    });
    blocks.push({
      kind: 'chart',
      title: c('ui.evaluation.calibrationTitle'),
      width: 560,
      height: 320,
      option: buildCalibrationChart({
        reliability: e.reliability,
        observedName: c('ui.evaluation.calibrationObserved'),
        perfectName: c('ui.evaluation.calibrationPerfect'),
        xName: c('ui.evaluation.calibrationX'),
        yName: c('ui.evaluation.calibrationY'),
        ...(e.calibration ? { before: e.calibration.before.reliability, beforeName: c('calibration.before') } : {}),
      }),
    });
    const cal = e.calibration;
    if (cal) {
      const byMethod = CHURN_CALIBRATIONS.map((m) => `${c(`calibration.method.${m}`)} ${cal.brierByMethod[m].toFixed(3)}`).join(' · ');
      blocks.push({
        kind: 'paragraph',
        text: `${c('calibration.heading')}: ${c('calibration.line', { method: c(`calibration.method.${cal.method}`), n: cal.fittedOn })} ${c('calibration.brierBefore')} ${cal.before.brier.toFixed(3)} → ${c('calibration.brierAfter')} ${(e.brier ?? 0).toFixed(3)}. ${c('calibration.byMethod', { list: byMethod })}`,
      });
    }
  }
  return blocks;
}

export const churnSection: SectionBuilder = async (ctx) => {
  const runId = latestChurnRunId(ctx.sqlite);
  if (runId === null) return missingSection(ctx, 'churn');
  const run = loadChurnRun(ctx.sqlite, runId);
  const c = (key: string, p?: Record<string, string | number>): string => String(ctx.t(`churn:${key}`, p ?? {}));
  const names: T = (key, p) => String(ctx.t(key, p ?? {}));
  const blocks = evaluationBlocks(ctx, run, c);
  // Too little data: there is no model to read, so its drivers and scores stay out of the report.
  const withheld = run.status === 'too-small' || run.status === 'too-few-churned';
  if (withheld) blocks.push({ kind: 'paragraph', text: c('ui.withheld') });
  else if (run.status !== 'ok') blocks.push({ kind: 'paragraph', text: c('ui.notShown') });

  const kind = run.drivers[0]?.kind ?? 'odds-ratio';
  if (!withheld)
    blocks.push({
      kind: 'table',
      title: `${c('drivers.heading')} — ${c(`drivers.${kind}`)}`,
      columns: [
        { key: 'feature', label: c('ui.drivers.feature'), format: 'text', width: 36 },
        { key: 'value', label: c('ui.drivers.value'), format: 'number', decimals: 3, width: 10 },
        { key: 'low', label: c('report.low'), format: 'number', decimals: 2, width: 10 },
        { key: 'high', label: c('report.high'), format: 'number', decimals: 2, width: 10 },
        { key: 'dir', label: c('ui.drivers.direction'), format: 'text', width: 12 },
      ],
      rows: run.drivers
        .slice(0, TOP_DRIVERS)
        .map((d): TableCell[] => [
          featureLabel(d, names),
          d.value,
          d.low,
          d.high,
          d.direction > 0 ? c('drivers.up') : d.direction < 0 ? c('drivers.down') : c('drivers.unclear'),
        ]),
      note: `${kind === 'odds-ratio' ? c('ui.drivers.orNote') : c('ui.drivers.permNote')} ${c('features.used')}: ${run.features.used.length}; ${c('features.dropped')}: ${
        run.features.dropped.map((d) => `${featureLabel(d, names)} (${c(`features.reasons.${d.reason}`)})`).join(', ') || '—'
      }`,
    });

  const bt = await runBacktest(ctx.sqlite, { horizonDays: run.params.horizonDays });
  blocks.push({
    kind: 'table',
    title: c('backtest.heading'),
    columns: [
      { key: 'rule', label: c('backtest.rule'), format: 'text', width: 28 },
      { key: 'fires', label: c('backtest.fires'), format: 'integer', width: 10 },
      { key: 'precision', label: c('backtest.precision'), format: 'percent', width: 12 },
      { key: 'recall', label: c('backtest.recall'), format: 'percent', width: 12 },
      { key: 'lift', label: c('backtest.lift'), format: 'number', decimals: 2, width: 10 },
      { key: 'lead', label: c('backtest.lead'), format: 'number', decimals: 0, width: 14 },
    ],
    rows: bt.rules.map((r): TableCell[] => [
      String(ctx.t(`health:signals.${r.ruleId}.name`, { defaultValue: r.ruleId })),
      r.fires,
      r.precision,
      r.recall,
      r.lift,
      r.medianLeadDays,
    ]),
    note: `${c('backtest.summary', { observations: bt.observations, dates: bt.dates.length, churned: bt.churned, horizon: bt.horizonDays, baseRate: `${(bt.baseRate * 100).toFixed(1)}%` })} ${c('ui.backtest.note')}`,
  });

  const top = withheld ? { total: 0, rows: [] } : scoresPage(ctx.sqlite, { runId, sort: 'revenueAtStake', descending: true, offset: 0, limit: TOP_CUSTOMERS });
  if (!withheld)
    blocks.push({
      kind: 'table',
      title: c('scores.heading'),
      columns: [
        { key: 'key', label: ctx.r('columns.customerKey'), format: 'text', width: 12 },
        { key: 'name', label: ctx.r('columns.customer'), format: 'text', width: 24, pii: 'customer' },
        { key: 'owner', label: ctx.r('columns.owner'), format: 'text', width: 10 },
        { key: 'p', label: c('scores.probability'), format: 'percent', width: 12 },
        { key: 'rev', label: c('scores.revenue12m'), format: 'currency', width: 14 },
        { key: 'stake', label: c('scores.revenueAtStake'), format: 'currency', width: 14 },
        { key: 'reasons', label: c('scores.reasons'), format: 'text', width: 48 },
      ],
      rows: top.rows.map((s): TableCell[] => [
        s.customerKey,
        s.name,
        s.owner,
        s.probability,
        s.revenue12m,
        s.revenueAtStake,
        s.reasons.map((r) => reasonText(r, names, ctx.locale)).join('; '),
      ]),
      note: c('ui.scores.note', { asOf: run.scoredAsOf }),
    });

  const stake = top.rows.reduce((sum, s) => sum + s.revenueAtStake, 0);
  return {
    blocks,
    status: 'stored',
    source: c('report.source', { id: run.id, model: run.params.model, label: run.params.label, asOf: run.scoredAsOf }),
    highlights:
      run.status === 'ok' && run.rocAuc !== null
        ? [{ label: c('report.highlightAuc'), value: run.rocAuc, format: 'number', decimals: 3, note: interval(run.evaluation.rocAuc) }]
        : [],
    findings: [
      run.status === 'ok'
        ? c('report.findingOk', { auc: f3(run.rocAuc), n: top.rows.length, stake: formatMoneyText(stake, ctx) })
        : c(`status.${run.status}`, { min: run.status === 'too-small' ? MIN_CUSTOMERS : MIN_CHURNED }),
    ],
  };
};

registerDeckSection('churn', churnSectionSlides);
