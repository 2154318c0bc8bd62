import type { Command } from 'commander';
import { action } from '../program';
import { printResult, type CliGlobals } from '../output';
import type { TFunction } from 'i18next';
import { createTranslator } from '../../../shared/i18n/translate';
import { COUNT_MODELS, type CountModel } from '../../../shared/clv/models';
import { TIME_UNITS, type TimeUnit } from '../../../shared/clv/summary';
import type { ModelFitResult } from '../../../shared/clv/fit';
import { intervalsWithheld } from '../../../shared/clv/intervals';
import { countFitUnidentified } from '../../../shared/clv/diagnostics';
import { DORMANT_P_ALIVE, type ClvCustomerRow, type ClvRun } from '../../../shared/clv/types';
import { MIN_CUSTOMERS_FOR_TOP_SHARES, type BreakdownGroup, type ClvBreakdown } from '../../../shared/clv/breakdown';
import { aliveBandLabel, segmentGroupLabel, tierGroupLabel, valueBandLabel } from '../../../shared/clv/breakdown-labels';

const sig = (v: number | null | undefined, digits = 4): string => (v === null || v === undefined ? '-' : Number(v.toPrecision(digits)).toString());
const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

function fitLines(title: string, fit: ModelFitResult, t: (key: string, params?: Record<string, string | number>) => string): string[] {
  const reason = fit.reason ? t(`clv:reason.${fit.reason}`) : '';
  const lines = [`${title}: ${fit.status} — ${t(`clv:status.${fit.status}`, { parameter: fit.parameter ?? '', reason })}`];
  if (fit.parameters.length) {
    lines.push(`  ${t('clv:fit.parameter')}  ${t('clv:fit.value')}  ${t('clv:fit.se')}  ${t('clv:fit.interval')}`);
    for (const p of fit.parameters)
      lines.push(`  ${p.name.padEnd(6)} ${sig(p.value, 5).padStart(10)}  ${sig(p.se).padStart(9)}  [${sig(p.low)}, ${sig(p.high)}]`);
    lines.push(`  ${t('clv:fit.logLikelihood')}: ${fit.logLikelihood?.toFixed(4) ?? '-'}  (n = ${fit.observations})`);
  }
  return lines;
}

/** The fit and its verdict first, then the customers: a reader meets the caveats before the predictions. */
/** The distribution, value by segment and tier, and alive vs dormant, each with its denominators. */
function breakdownLines(run: ClvRun, b: ClvBreakdown, t: (key: string, params?: Record<string, string | number>) => string, i18n: TFunction): string[] {
  const money = (v: number): string => Math.round(v).toLocaleString('en');
  const common = { customers: b.customers, book: money(b.bookValue), id: run.id };
  const d = b.distribution;
  const table = (groups: readonly BreakdownGroup[], name: (g: BreakdownGroup) => string): string[] => [
    `  ${t('clv:breakdown.customers')} | ${t('clv:breakdown.customerShare')} | ${t('clv:breakdown.value')} | ${t('clv:breakdown.valueShare')} | ${t('clv:breakdown.meanPAlive')}`,
    ...groups.map(
      (g) =>
        `  ${String(g.customers).padStart(7)}  ${pct(g.customerShare).padStart(6)}  ${money(g.value).padStart(12)}  ${pct(g.valueShare).padStart(6)}  ${(g.customers ? pct(g.meanPAlive) : '-').padStart(6)}  ${name(g)}`,
    ),
  ];
  const step = d.bands.length > 1 ? money((d.bands[1] as BreakdownGroup & { low: number }).low) : '-';
  const lines = [
    '',
    t('clv:breakdown.distribution.heading'),
    t('clv:breakdown.distribution.note', { ...common, months: run.result.horizonMonths, step, median: money(d.medianClv ?? 0) }),
    d.top10Share === null || d.top20Share === null
      ? t('clv:breakdown.distribution.topTooFew', { min: MIN_CUSTOMERS_FOR_TOP_SHARES })
      : t('clv:breakdown.distribution.top', { n10: d.top10Customers, n20: d.top20Customers, top10: pct(d.top10Share), top20: pct(d.top20Share) }),
    ...table(d.bands, (g) => valueBandLabel(g as (typeof d.bands)[number], money)),
    '',
    `${t('clv:breakdown.groups.segmentsHeading')} · ${t('clv:breakdown.groups.tiersHeading')}`,
  ];
  if (b.diagnosticRun === null) lines.push(t('clv:breakdown.groups.none'));
  else
    lines.push(
      t('clv:breakdown.groups.note', { ...common, id: b.diagnosticRun.id, asOf: b.diagnosticRun.asOf, run: run.id }),
      ...table(b.segments, (g) => segmentGroupLabel(i18n, g)),
      '',
      ...table(b.tiers, (g) => tierGroupLabel(i18n, g)),
    );
  lines.push(
    '',
    t('clv:breakdown.alive.heading'),
    t('clv:breakdown.alive.note', { ...common, asOf: run.asOf }),
    ...table(b.alive, (g) => aliveBandLabel(g as (typeof b.alive)[number])),
  );
  return lines;
}

function clvText(run: ClvRun, top: ClvCustomerRow[], atRisk: { total: number; rows: ClvCustomerRow[] }, breakdown: ClvBreakdown | null, g: CliGlobals): string {
  const i18n = createTranslator(g.lang);
  const t = (key: string, params?: Record<string, string | number>): string => i18n(key, params ?? {});
  const r = run.result;
  const e = r.evaluation;
  const money = (v: number | null): string => (v === null ? '-' : Math.round(v).toLocaleString(g.lang));
  const unit = t(`clv:unit.${r.unit}`);
  const lines = [`${t('clv:title')} #${run.id} — ${t(`clv:model.${r.model}`)}, ${r.asOf}, ${unit}`, ''];
  lines.push(`${t('clv:verdict.heading')} ${t(`clv:verdict.${e.verdict}`)}`);
  for (const reason of e.reasons) lines.push(`  · ${t(`clv:verdict.reasons.${reason.key}`, reason.params)}`);
  if (countFitUnidentified(r.countFit.status)) lines.push(`  ! ${t('clv:verdict.withheld', { status: r.countFit.status })}`);
  if (e.calibrationFit) {
    lines.push('', t('clv:fit.calibration', { date: e.calibrationEnd ?? '', length: e.holdoutLength, unit }));
    lines.push(...fitLines(t(`clv:model.${r.model}`), e.calibrationFit, t).map((l) => `  ${l}`));
  }
  if (e.buckets.length) {
    lines.push(
      '',
      t('clv:buckets.heading'),
      `  ${t('clv:buckets.frequency')}  ${t('clv:buckets.customers')}  ${t('clv:buckets.actual')}  ${t('clv:buckets.predicted')}`,
    );
    for (const b of e.buckets)
      lines.push(
        `  ${`${b.frequency}${b.openEnded ? '+' : ''}`.padStart(4)}  ${String(b.customers).padStart(6)}  ${b.actual.toFixed(2).padStart(6)}  ${b.predicted.toFixed(2).padStart(6)}`,
      );
  }
  if (e.spendCorrelation !== null) lines.push('', t('clv:correlation', { value: e.spendCorrelation.toFixed(3) }));
  lines.push('', t('clv:fit.heading'), `  ${t('clv:fit.customers')}: ${r.customers}; ${t('clv:fit.repeatBuyers')}: ${r.repeatBuyers}`);
  lines.push(...fitLines(t(`clv:model.${r.model}`), r.countFit, t).map((l) => `  ${l}`));
  if (r.spendFit) lines.push(...fitLines(t('clv:model.gamma-gamma'), r.spendFit, t).map((l) => `  ${l}`));
  const x = r.exclusions;
  if (x.zeroAmountLines) lines.push(`  · ${t('clv:exclusions.zero', { count: x.zeroAmountLines })}`);
  if (x.negativeAmountLines) lines.push(`  · ${t('clv:exclusions.negative', { count: x.negativeAmountLines, amount: money(x.negativeAmount) })}`);
  if (x.customersWithoutPositiveOccasion) lines.push(`  · ${t('clv:exclusions.withoutPositive', { count: x.customersWithoutPositiveOccasion })}`);
  if (r.spendExcluded) lines.push(`  · ${t('clv:exclusions.spendExcluded', { count: r.spendExcluded })}`);
  if (top.length) {
    lines.push(
      '',
      t('clv:totals', {
        customers: r.customers,
        purchases: r.totals.expectedPurchases.toFixed(0),
        months: r.horizonMonths,
        clv: money(r.totals.clv),
        discount: (r.discount * 100).toFixed(1),
      }),
    );
    const withheld = intervalsWithheld(r);
    const book = r.intervals?.clv;
    if (book && r.totals.clv !== null) lines.push(t('clv:intervals.total', { clv: money(r.totals.clv), low: money(book.low), high: money(book.high) }));
    lines.push(withheld ? t(`clv:intervals.withheld.${withheld}`) : t('clv:intervals.note'));
    lines.push(
      `${t('clv:customers.heading')}: ${t('clv:customers.clv')} [95%] | ${t('clv:customers.pAlive')} | ${t('clv:customers.pAliveAtHorizon')} | ${t('clv:customers.expectedPurchases')} [95%] | ${t('clv:customers.expectedSpend')} | ${t('clv:customers.frequency')}`,
    );
    const range = (low: number | null, high: number | null, f: (v: number) => string): string =>
      low === null || high === null ? '' : `[${f(low)}, ${f(high)}]`;
    for (const c of top) {
      const clv = `${money(c.clv)} ${range(c.clvLow, c.clvHigh, money)}`;
      const purchases = `${c.expectedPurchases.toFixed(2)} ${range(c.expectedPurchasesLow, c.expectedPurchasesHigh, (v) => v.toFixed(2))}`;
      lines.push(
        `  ${clv.padStart(24)}  ${pct(c.pAlive).padStart(6)}  ${pct(c.pAliveAtHorizon).padStart(6)}  ${purchases.padStart(20)}  ${money(c.expectedSpend).padStart(8)}  ${String(c.x).padStart(3)}  ${c.customerId} ${c.name ?? ''}`,
      );
    }
  }
  if (breakdown) lines.push(...breakdownLines(run, breakdown, t, i18n));
  if (atRisk.rows.length) {
    const threshold = DORMANT_P_ALIVE * 100;
    lines.push(
      '',
      t('clv:ui.atRisk.heading'),
      t('clv:ui.atRisk.note', { threshold, count: atRisk.total, share: pct(atRisk.total / Math.max(1, r.customers)), n: atRisk.rows.length }),
      `  ${t('clv:ui.atRisk.pastValue')} | ${t('clv:customers.pAlive')} | ${t('clv:customers.clv')} | ${t('clv:customers.frequency')}`,
    );
    for (const c of atRisk.rows)
      lines.push(
        `  ${money(c.x * c.monetary).padStart(10)}  ${pct(c.pAlive).padStart(6)}  ${money(c.clv).padStart(10)}  ${String(c.x).padStart(3)}  ${c.customerId} ${c.name ?? ''}`,
      );
  }
  return lines.join('\n');
}

export function registerClvCommands(program: Command): void {
  program
    .command('clv')
    .description('customer lifetime value (BG/NBD or Pareto/NBD with Gamma-Gamma): the fit and its verdict first, then the customers')
    .argument('<file>', 'workspace file')
    .option('--model <model>', COUNT_MODELS.join(' or '), 'bgnbd')
    .option('--unit <unit>', `purchase occasions and time in ${TIME_UNITS.join(' or ')}`, 'day')
    .option('--as-of <date>', 'predict as of YYYY-MM-DD (default: the last order date)')
    .option('--holdout-days <n>', 'days before as-of held out to test the model first (0: none)', '90')
    .option('--calibration-end <date>', 'the calibration / hold-out split: last calibration day, YYYY-MM-DD (sets the hold-out days)')
    .option('--horizon-months <n>', 'months of future purchases valued', '12')
    .option('--discount <rate>', 'monthly discount rate', '0.01')
    .option('--top <n>', 'customers to list, highest CLV first (0: all)', '20')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as {
          model: string;
          unit: string;
          asOf?: string;
          calibrationEnd?: string;
          holdoutDays: string;
          horizonMonths: string;
          discount: string;
          top: string;
        };
        await s.call('engagement.open', { path: String(file) });
        const run = await s.call('clv.fit', {
          params: {
            model: o.model as CountModel,
            unit: o.unit as TimeUnit,
            holdoutDays: Number(o.holdoutDays),
            horizonMonths: Number(o.horizonMonths),
            discount: Number(o.discount),
            ...(o.asOf ? { asOf: o.asOf } : {}),
            ...(o.calibrationEnd ? { calibrationEnd: o.calibrationEnd } : {}),
          },
        });
        // A count fit that could not be identified (boundary / flat) gives no per-customer figure worth
        // reading: withhold the list, the win-back list and the breakdowns rather than print them.
        const withheld = countFitUnidentified(run.result.countFit.status);
        const wanted = withheld ? 0 : Number(o.top) > 0 ? Number(o.top) : run.customers;
        const customers: ClvCustomerRow[] = [];
        while (customers.length < wanted) {
          const page = await s.call('clv.customers', {
            runId: run.id,
            sort: 'clv',
            descending: true,
            offset: customers.length,
            limit: Math.min(5000, wanted - customers.length),
          });
          customers.push(...page.rows);
          if (page.rows.length === 0) break;
        }
        // The win-back list: more likely gone than active, by past repeat spend (as the section shows it).
        const atRisk =
          !withheld && run.result.countFit.parameters.length > 0
            ? await s.call('clv.customers', { runId: run.id, sort: 'pastValue', descending: true, pAliveBelow: DORMANT_P_ALIVE, limit: 10 })
            : { total: 0, rows: [] };
        // How the book splits (distribution, segment and tier, P(alive) bands), as the section shows it.
        const breakdown = !withheld && run.result.countFit.parameters.length > 0 ? await s.call('clv.breakdown', { runId: run.id }) : null;
        printResult(g, { run, figuresWithheld: withheld ? 'not-identified' : null, customers, atRisk, breakdown }, () =>
          clvText(run, customers, atRisk, breakdown, g),
        );
      }),
    );
}
