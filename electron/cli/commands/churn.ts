import type { Command } from 'commander';
import { action } from '../program';
import { printResult, type CliGlobals } from '../output';
import { createTranslator } from '../../../shared/i18n/translate';
import { featureLabel, reasonText } from '../../../shared/churn/labels';
import { ISOTONIC_SHRINK_STRENGTH, MIN_CHURNED, MIN_CUSTOMERS } from '../../../shared/churn/pipeline';
import {
  CHURN_CALIBRATIONS,
  CHURN_LABEL_SOURCES,
  CHURN_MODEL_KINDS,
  type ChurnCalibration,
  type ChurnLabelSource,
  type ChurnModelKind,
  type ChurnRun,
  type ChurnScoreRow,
  type Interval,
  type SignalBacktest,
} from '../../../shared/churn/types';

const f3 = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(3));
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const interval = (i: Interval | null) => (i ? `${f3(i.value)} [${f3(i.low)}, ${f3(i.high)}]` : '-');

/** Evaluation first, then drivers, then the riskiest customers: a reader meets the caveats before the predictions. */
function churnText(run: ChurnRun, top: ChurnScoreRow[], backtest: SignalBacktest | null, g: CliGlobals): string {
  const i18n = createTranslator(g.lang);
  const t = (key: string, params?: Record<string, string | number>): string => i18n(key, params ?? {});
  const e = run.evaluation;
  const money = (v: number) => Math.round(v).toLocaleString(g.lang);
  const lines = [
    t('churn:cli.fitted', { id: run.id, model: run.params.model, label: run.params.label, asOf: run.scoredAsOf }),
    '',
    t('churn:evaluation.heading'),
    `  ${t('churn:cli.status')}: ${run.status} — ${t(`churn:status.${run.status}`, { min: run.status === 'too-small' ? MIN_CUSTOMERS : MIN_CHURNED })}`,
    `  ${e.scheme === 'time-holdout' ? t('churn:scheme.time-holdout', { train: e.train.cutoff ?? '', test: e.test.cutoff ?? '' }) : t('churn:scheme.kfold', { folds: e.folds ?? 0 })}`,
    `  ${t('churn:evaluation.train')}: ${e.train.customers} ${t('churn:evaluation.customers')}, ${e.train.churned} ${t('churn:evaluation.churned')}; ${t('churn:evaluation.test')}: ${e.test.customers} ${t('churn:evaluation.customers')}, ${e.test.churned} ${t('churn:evaluation.churned')}`,
    `  ${t('churn:evaluation.baseRate')}: ${pct(e.baseRate)}`,
    `  ${t('churn:evaluation.rocAuc')}: ${interval(e.rocAuc)}`,
    `  ${t('churn:evaluation.prAuc')}: ${interval(e.prAuc)}`,
    `  ${t('churn:evaluation.brier')}: ${f3(e.brier)}  (${t('churn:evaluation.brierBaseline')}: ${f3(e.brierBaseline)})`,
  ];
  const cal = e.calibration;
  if (cal) {
    lines.push(
      `  ${t('churn:calibration.heading')}: ${t('churn:calibration.line', { method: t(`churn:calibration.method.${cal.method}`), n: cal.fittedOn })}`,
      `    ${t('churn:calibration.brierBefore')} ${f3(cal.before.brier)} → ${t('churn:calibration.brierAfter')} ${f3(e.brier)}; ${t('churn:calibration.byMethod', { list: CHURN_CALIBRATIONS.map((m) => `${m} ${f3(cal.brierByMethod[m])}`).join(', ') })}`,
    );
    if (cal.method === 'isotonic')
      lines.push(`    ${t('churn:calibration.isotonicShrink', { strength: ISOTONIC_SHRINK_STRENGTH })}`, `    ${t('churn:calibration.isotonicTies')}`);
    if (cal.method === 'isotonic' && cal.fittedOn < 1000) lines.push(`    ${t('churn:calibration.isotonicSmall', { n: cal.fittedOn })}`);
  }
  if (e.lift.length) {
    lines.push(
      '',
      `  ${t('churn:evaluation.lift')}`,
      `    ${t('churn:evaluation.decile')}  ${t('churn:evaluation.rate')}  ${t('churn:evaluation.liftColumn')}  ${t('churn:evaluation.gain')}`,
    );
    for (const r of e.lift)
      lines.push(`    ${String(r.decile).padStart(2)}  ${pct(r.rate).padStart(6)}  ${r.lift.toFixed(2).padStart(5)}  ${pct(r.cumulativeGain).padStart(6)}`);
    lines.push(
      '',
      `  ${t('churn:evaluation.reliability')}`,
      `    ${t('churn:evaluation.bin')}  n  ${t('churn:evaluation.meanPredicted')}  ${t('churn:evaluation.observed')}`,
    );
    for (const r of e.reliability)
      lines.push(
        `    ${r.from.toFixed(1)}-${r.to.toFixed(1)}  ${String(r.customers).padStart(4)}  ${pct(r.meanPredicted).padStart(6)}  ${pct(r.observedRate).padStart(6)}`,
      );
    if (cal) {
      lines.push('', `  ${t('churn:calibration.before')}`);
      for (const r of cal.before.reliability)
        lines.push(
          `    ${r.from.toFixed(1)}-${r.to.toFixed(1)}  ${String(r.customers).padStart(4)}  ${pct(r.meanPredicted).padStart(6)}  ${pct(r.observedRate).padStart(6)}`,
        );
    }
  }
  for (const n of run.notes) lines.push(`  · ${t(`churn:${n.key}`, n.params)}`);
  if (run.drivers.length) {
    lines.push('', `${t('churn:drivers.heading')} — ${t(`churn:drivers.${run.drivers[0]!.kind}`)}`);
    for (const d of run.drivers.slice(0, 15)) {
      const dir = d.direction > 0 ? t('churn:drivers.up') : d.direction < 0 ? t('churn:drivers.down') : t('churn:drivers.unclear');
      const ci = d.low !== null && d.high !== null ? ` [${d.low.toFixed(2)}, ${d.high.toFixed(2)}]` : '';
      lines.push(`  ${d.value.toFixed(3)}${ci}  ${featureLabel(d, t)}  (${dir})`);
    }
    lines.push(
      `  ${t('churn:features.used')}: ${run.features.used.length}; ${t('churn:features.dropped')}: ${run.features.dropped.map((d) => `${featureLabel(d, t)} (${t(`churn:features.reasons.${d.reason}`)})`).join(', ') || '-'}`,
    );
  }
  if (top.length) {
    lines.push('', t('churn:scores.heading'));
    for (const s of top) {
      lines.push(`  ${pct(s.probability).padStart(6)}  ${money(s.revenueAtStake).padStart(12)}  ${s.customerKey} ${s.name ?? ''}`);
      if (s.reasons.length) lines.push(`          ${s.reasons.map((r) => reasonText(r, t, g.lang)).join('; ')}`);
    }
  }
  if (backtest) {
    lines.push(
      '',
      t('churn:backtest.heading'),
      `  ${t('churn:backtest.summary', { observations: backtest.observations, dates: backtest.dates.length, churned: backtest.churned, horizon: backtest.horizonDays, baseRate: pct(backtest.baseRate) })}`,
      `  ${t('churn:backtest.fires').padStart(6)}  ${t('churn:backtest.precision')}  ${t('churn:backtest.recall')}  ${t('churn:backtest.lift')}  ${t('churn:backtest.lead')}  ${t('churn:backtest.rule')}`,
    );
    for (const r of backtest.rules) {
      lines.push(
        `  ${String(r.fires).padStart(6)}  ${r.precision === null ? '-' : pct(r.precision)}  ${r.recall === null ? '-' : pct(r.recall)}  ${r.lift === null ? '-' : r.lift.toFixed(2)}  ${r.medianLeadDays ?? '-'}  ${t(`health:signals.${r.ruleId}.name`)}`,
      );
    }
  }
  return lines.join('\n');
}

export function registerChurnCommands(program: Command): void {
  program
    .command('churn-model')
    .description("fit a churn-risk model on the engagement's own data; print the evaluation first, then drivers and the riskiest customers")
    .argument('<file>', 'workspace file')
    .option('--label <source>', `labels: ${CHURN_LABEL_SOURCES.join(' or ')}`, 'history')
    .option('--cutoff <date>', 'test cutoff YYYY-MM-DD for history labels (default: one horizon before the latest date in the data)')
    .option('--horizon <days>', 'days after the cutoff in which churn counts', '180')
    .option('--model <kind>', `${CHURN_MODEL_KINDS.join(' or ')}`, 'logistic')
    .option('--folds <k>', 'cross-validation folds', '5')
    .option(
      '--calibration <method>',
      `how scores become probabilities, fitted on the training customers' out-of-fold scores: ${CHURN_CALIBRATIONS.join(' or ')}`,
      'platt',
    )
    .option('--seed <n>', 'seed for folds, bootstrap and permutations', '1')
    .option('--top <n>', 'customers to list by revenue at stake', '20')
    .option('--backtest', 'also replay each early-warning rule at past dates')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as {
          label: string;
          cutoff?: string;
          horizon: string;
          model: string;
          folds: string;
          calibration: string;
          seed: string;
          top: string;
          backtest?: boolean;
        };
        await s.call('engagement.open', { path: String(file) });
        const run = await s.call('churn.fit', {
          params: {
            label: o.label as ChurnLabelSource,
            model: o.model as ChurnModelKind,
            horizonDays: Number(o.horizon),
            folds: Number(o.folds),
            calibration: o.calibration as ChurnCalibration,
            seed: Number(o.seed),
            ...(o.cutoff ? { cutoff: o.cutoff } : {}),
          },
        });
        const top = (await s.call('churn.scores', { runId: run.id, sort: 'revenueAtStake', descending: true, limit: Math.max(1, Number(o.top)) })).rows;
        const backtest = o.backtest ? await s.call('churn.backtest', { horizonDays: Number(o.horizon) }) : null;
        printResult(g, { run, top, backtest }, () => churnText(run, top, backtest, g));
      }),
    );
}
