import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { action } from '../program';
import { CliFailure, printResult, type CliGlobals } from '../output';
import { createTranslator } from '../../../shared/i18n/translate';
import { formatError } from '../../../shared/errors';
import type { ExperimentDefinitionInput, ExperimentResult, Outcome } from '../../../shared/impact/experiment';
import type { Grain, IndicatorValue } from '../../../shared/impact/indicators';
import type { FeeStatement, IndicatorsReport, RepairSuccessReport } from '../../../shared/impact/views';
import { formatIndicator, formatMeasure } from '../../../shared/impact/format';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function readText(path: string, g: CliGlobals): string {
  const file = resolve(path);
  if (!existsSync(file)) {
    const params = { path: file };
    throw new CliFailure({ code: 'FILE_NOT_FOUND', message: formatError('FILE_NOT_FOUND', params, g.lang), params });
  }
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

function readJson(path: string, g: CliGlobals, field: string): unknown {
  const text = readText(path, g);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const params = { field, detail: `${path}: ${(e as Error).message}`, 'detail@zh-CN': `${path} 不是有效的 JSON：${(e as Error).message}` };
    throw new CliFailure({ code: 'FEE_TERMS_INVALID', message: formatError('FEE_TERMS_INVALID', params, 'en'), params });
  }
}

/** One customer id per line (a CSV's first column; a header line of non-ids is kept out by the engine's check). */
const readKeys = (path: string, g: CliGlobals): string[] =>
  readText(path, g)
    .split(/\r?\n/)
    .map((l) => (l.split(/[,\t]/)[0] ?? '').trim().replace(/^"|"$/g, ''))
    .filter((l) => l.length > 0);

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

function resultText(r: ExperimentResult, g: CliGlobals): string {
  const t = createTranslator(g.lang);
  const m = (v: number) => formatMeasure(v, r.outcome, g.lang);
  const measure = t(`impact:experiments.outcomeShort.${r.outcome}`);
  const lines = [
    t(`impact:experiments.verdicts.${r.verdict}`, { measure, alpha: r.alpha, mde: r.mde === null ? '—' : m(r.mde) }),
    t('impact:experiments.windowLine', { start: r.startDate, end: r.windowEnd, dataEnd: r.dataEnd ?? '—' }),
    `${t('impact:experiments.arm.treatment')}: n=${r.treatment.n}, ${measure} ${m(r.treatment.mean)} (${t('impact:experiments.arm.pre')} ${m(r.treatment.preMean)})`,
    `${t('impact:experiments.arm.control')}: n=${r.control.n}, ${measure} ${m(r.control.mean)} (${t('impact:experiments.arm.pre')} ${m(r.control.preMean)})`,
  ];
  for (const e of r.estimates)
    lines.push(
      '  ' +
        t('impact:experiments.estimateLine', {
          method: t(`impact:experiments.methods.${e.method}`),
          diff: m(e.difference),
          level: Math.round(e.confidence * 100),
          low: m(e.ciLow),
          high: m(e.ciHigh),
          p: e.pValue < 0.0001 ? e.pValue.toExponential(2) : e.pValue.toFixed(4),
        }),
    );
  if (r.mde !== null) lines.push(`${t('impact:experiments.mde')}: ${m(r.mde)}`);
  if (r.caveats.length) {
    lines.push(t('impact:experiments.caveatsHeading'));
    for (const c of r.caveats) lines.push(`  · ${t(`impact:experiments.caveats.${c.key}`, c.params)}`);
  }
  return lines.join('\n');
}

function indicatorsText(r: IndicatorsReport, g: CliGlobals): string {
  const t = createTranslator(g.lang);
  const v = (x: IndicatorValue | null) => (x ? formatIndicator(x, g.lang) : '—');
  const lines = [
    `${t('impact:indicators.heading')} — ${t(`impact:indicators.grains.${r.grain}`)}, ${t('impact:indicators.period', { ...r.period })}`,
    r.baseline
      ? t('impact:indicators.baselineLine', { asOf: r.baseline.asOf, from: r.baseline.period.from, to: r.baseline.period.to, frozenAt: r.baseline.frozenAt })
      : t('impact:indicators.noBaseline'),
  ];
  for (const row of r.rows) {
    const name = t(`impact:indicators.names.${row.id}`);
    const change = row.change === null ? '' : ` Δ ${row.unit === 'percent' ? `${(row.change * 100).toFixed(1)}pt` : row.change.toFixed(1)}`;
    const flag = row.flag === 'na' ? '' : ` [${t(`impact:indicators.flags.${row.flag}`)}]`;
    const why = row.current.value === null ? ` (${t(`impact:indicators.absent.${row.current.absentReason ?? 'unknown'}`)})` : '';
    lines.push(`  ${name}: ${v(row.baseline)} → ${v(row.current)}${change}${flag}${why}`);
  }
  if (r.baseline) lines.push(t('impact:indicators.deviations', { count: r.deviations, tolerance: Math.round(r.tolerance * 100) }));
  return lines.join('\n');
}

function feeText(f: FeeStatement, g: CliGlobals): string {
  const t = createTranslator(g.lang);
  const money = (x: number) => `${x.toLocaleString(g.lang, { maximumFractionDigits: 2 })} ${f.terms.currency}`;
  const base: IndicatorValue = { ...f.current, value: f.baseline };
  const lines = [
    `${t('impact:fee.indicator')}: ${t(`impact:indicators.names.${f.indicator}`)}`,
    `${t('impact:fee.baseline')}: ${formatIndicator(base, g.lang)} (${f.baselineSource === 'frozen' ? t('impact:fee.baselineFrozen', { asOf: f.baselineAsOf ?? '' }) : t('impact:fee.baselineTerms')})`,
    `${t('impact:fee.current', { ...f.measurementPeriod })}: ${formatIndicator(f.current, g.lang)}`,
    `${t('impact:fee.improvement')}: ${f.points.toFixed(2)}`,
  ];
  for (const b of f.breakdown.bands)
    lines.push(`  ${t('impact:fee.band', { from: b.fromPoints, to: b.toPoints ?? '∞', rate: b.ratePerPoint })}: ${b.points.toFixed(2)} → ${money(b.amount)}`);
  lines.push(`${t('impact:fee.fixed')}: ${money(f.breakdown.fixedFee)}`, `${t('impact:fee.beforeLimits')}: ${money(f.breakdown.beforeLimits)}`);
  lines.push(`${t('impact:fee.total')}: ${money(f.breakdown.fee)} ${f.breakdown.limitedBy ? t(`impact:fee.limitedBy.${f.breakdown.limitedBy}`) : ''}`);
  lines.push(t('impact:fee.sensitivity'));
  for (const s of f.sensitivity)
    lines.push(
      `  ${s.points.toFixed(2).padStart(7)}  ${formatIndicator({ ...f.current, value: s.value }, g.lang).padStart(8)}  ${money(s.fee)}${s.actual ? ` ← ${t('impact:fee.actual')}` : ''}`,
    );
  return lines.join('\n');
}

function repairsText(r: RepairSuccessReport, g: CliGlobals): string {
  const t = createTranslator(g.lang);
  const lines = [
    `${t('impact:repairs.highRisk')}: ${r.highRisk.successRate === null ? '—' : pct(r.highRisk.successRate)} (${r.highRisk.held}/${r.highRisk.checked})`,
    `${t('impact:repairs.winBack')} (${t('impact:repairs.yearNote', { asOf: r.asOf })}): ${formatIndicator(r.winBack, g.lang)}`,
  ];
  for (const dim of ['severity', 'rule', 'owner', 'actionType'] as const) {
    lines.push(t(`impact:repairs.by.${dim}`));
    for (const x of r.by[dim])
      lines.push(`  ${x.key}: ${x.actions} / ${x.closed} · ${x.held}/${x.partial}/${x.notHeld} · ${x.successRate === null ? '—' : pct(x.successRate)}`);
  }
  return lines.join('\n');
}

export function registerImpactCommands(program: Command): void {
  const exp = program.command('experiment').description('experiments on retention actions (A/B测试): define, draw the groups, read the result');

  exp
    .command('create')
    .description('define an experiment and draw its groups (random: the seed is recorded)')
    .argument('<file>', 'workspace file')
    .requiredOption('--name <name>', 'experiment name')
    .requiredOption('--action <action>', 'the retention action tested')
    .requiredOption('--outcome <outcome>', 'retained, converted or revenue')
    .requiredOption('--start <date>', 'first day of the window, YYYY-MM-DD')
    .option('--window <days>', 'window length in days', '90')
    .option('--select <how>', 'random, rule or list', 'random')
    .option('--design <design>', 'ab or did (difference-in-differences)', 'ab')
    .option('--region <r>', 'rule: region (repeat)', collect, [])
    .option('--industry <i>', 'rule: industry (repeat)', collect, [])
    .option('--owner <o>', 'rule: owner (repeat)', collect, [])
    .option('--band <b>', 'rule: health band red|yellow|green (repeat)', collect, [])
    .option('--control-region <r>', 'rule design: control region (repeat)', collect, [])
    .option('--control-industry <i>', 'rule design: control industry (repeat)', collect, [])
    .option('--control-owner <o>', 'rule design: control owner (repeat)', collect, [])
    .option('--control-band <b>', 'rule design: control health band (repeat)', collect, [])
    .option('--treatment-list <file>', 'list: treatment customer ids, one a line')
    .option('--control-list <file>', 'list: control customer ids, one a line')
    .option('--seed <n>', 'random: the seed (default: picked and recorded)')
    .option('--share <x>', 'random: treatment share', '0.5')
    .option('--cuped', 'reduce variance with the pre-period (CUPED)')
    .option('--alpha <x>', 'significance level', '0.05')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as Record<string, string | string[] | boolean | undefined>;
        const list = (k: string) => (o[k] as string[] | undefined) ?? [];
        await s.call('engagement.open', { path: String(file) });
        const definition: ExperimentDefinitionInput = {
          name: String(o.name),
          action: String(o.action),
          outcome: String(o.outcome) as Outcome,
          startDate: String(o.start),
          windowDays: Number(o.window),
          selection: String(o.select) as ExperimentDefinitionInput['selection'],
          design: String(o.design) as 'ab' | 'did',
          rule: { regions: list('region'), industries: list('industry'), owners: list('owner'), healthBands: list('band') as ('red' | 'yellow' | 'green')[] },
          controlRule: {
            regions: list('controlRegion'),
            industries: list('controlIndustry'),
            owners: list('controlOwner'),
            healthBands: list('controlBand') as ('red' | 'yellow' | 'green')[],
          },
          treatmentKeys: o.treatmentList ? readKeys(String(o.treatmentList), g) : [],
          controlKeys: o.controlList ? readKeys(String(o.controlList), g) : [],
          seed: o.seed === undefined ? null : Number(o.seed),
          treatmentShare: Number(o.share),
          varianceReduction: o.cuped ? 'cuped' : 'none',
          plan: { alpha: Number(o.alpha) },
        };
        const created = await s.call('impact.createExperiment', { definition });
        const e = await s.call('impact.assign', { id: created.id });
        const t = createTranslator(g.lang);
        printResult(g, e, () =>
          [
            `#${e.id} ${e.name}`,
            t('impact:experiments.groupsLine', { treatment: e.treatment, control: e.control }),
            e.seed === null ? '' : t('impact:experiments.seedLine', { seed: e.seed }),
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }),
    );

  exp
    .command('assign')
    .description('draw the groups again (random: with the recorded seed, or --seed)')
    .argument('<file>', 'workspace file')
    .argument('<id>', 'experiment id')
    .option('--seed <n>', 'a new seed')
    .action(
      action(async (s, g, file, id, opts) => {
        const o = opts as { seed?: string };
        await s.call('engagement.open', { path: String(file) });
        const e = await s.call('impact.assign', { id: Number(id), ...(o.seed !== undefined ? { seed: Number(o.seed) } : {}) });
        const t = createTranslator(g.lang);
        printResult(
          g,
          e,
          () =>
            `${t('impact:experiments.groupsLine', { treatment: e.treatment, control: e.control })}${e.seed === null ? '' : `\n${t('impact:experiments.seedLine', { seed: e.seed })}`}`,
        );
      }),
    );

  exp
    .command('result')
    .description('the difference with its interval and p-value, the verdict in plain words and its caveats')
    .argument('<file>', 'workspace file')
    .argument('<id>', 'experiment id')
    .action(
      action(async (s, g, file, id) => {
        await s.call('engagement.open', { path: String(file) });
        const r = await s.call('impact.result', { id: Number(id) });
        printResult(g, r, () => resultText(r, g));
      }),
    );

  exp
    .command('list')
    .description('the experiments of the workspace')
    .argument('<file>', 'workspace file')
    .action(
      action(async (s, g, file) => {
        await s.call('engagement.open', { path: String(file) });
        const list = await s.call('impact.experiments', {});
        printResult(g, list, () =>
          list.map((e) => `#${e.id}  ${e.name}  ${e.outcome}  ${e.startDate}+${e.windowDays}d  ${e.treatment}/${e.control}`).join('\n'),
        );
      }),
    );

  exp
    .command('plan')
    .description('before the start: sample size for an effect, or the power and MDE of the groups on hand')
    .requiredOption('--outcome <outcome>', 'retained, converted or revenue')
    .option('--baseline-rate <x>', 'rates: the expected control rate (0-1)')
    .option('--sd <x>', 'revenue: standard deviation per customer')
    .option('--effect <x>', 'effect to detect: rate points (0.05) or money')
    .option('--sizes <t,c>', 'groups on hand: treatment,control')
    .option('--alpha <x>', 'significance level', '0.05')
    .option('--power <x>', 'power', '0.8')
    .action(
      action(async (s, g, opts) => {
        const o = opts as { outcome: Outcome; baselineRate?: string; sd?: string; effect?: string; sizes?: string; alpha: string; power: string };
        const [nt, nc] = (o.sizes ?? '').split(',').map(Number);
        const r = await s.call('impact.plan', {
          outcome: o.outcome,
          alpha: Number(o.alpha),
          power: Number(o.power),
          ...(o.baselineRate !== undefined ? { baselineRate: Number(o.baselineRate) } : {}),
          ...(o.sd !== undefined ? { sd: Number(o.sd) } : {}),
          ...(o.effect !== undefined ? { effect: Number(o.effect) } : {}),
          ...(o.sizes ? { treatmentSize: nt, controlSize: nc } : {}),
        });
        const t = createTranslator(g.lang);
        const m = (v: number) => formatMeasure(v, o.outcome, g.lang);
        printResult(g, r, () =>
          [
            r.needed ? t('impact:experiments.calculator.needed', r.needed) : '',
            r.achievedPower !== null ? t('impact:experiments.calculator.achieved', { power: pct(r.achievedPower) }) : '',
            o.sizes ? (r.mde === null ? t('impact:experiments.calculator.mdeNone') : t('impact:experiments.calculator.mde', { mde: m(r.mde) })) : '',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }),
    );

  program
    .command('indicators')
    .description('the indicator system (seed 001) against the frozen baseline, with ±15% deviation flags')
    .argument('<file>', 'workspace file')
    .option('--baseline <date>', 'freeze a baseline at this date first (the engagement start)')
    .option('--as-of <date>', 'current values as of (default: the last day of data)')
    .option('--grain <grain>', 'month, quarter or year', 'quarter')
    .option('--tolerance <pct>', 'deviation threshold in percent', '15')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { baseline?: string; asOf?: string; grain: Grain; tolerance: string };
        await s.call('engagement.open', { path: String(file) });
        const tolerance = Number(o.tolerance) / 100;
        if (o.baseline) await s.call('impact.freezeBaseline', { asOf: o.baseline, grain: o.grain, tolerance, label: null });
        const r = await s.call('impact.indicators', { grain: o.grain, tolerance, series: false, ...(o.asOf ? { asOf: o.asOf } : {}) });
        printResult(g, r, () => indicatorsText(r, g));
      }),
    );

  program
    .command('repairs')
    .description('repair success: the one-month repair checks by severity, rule, owner and action type')
    .argument('<file>', 'workspace file')
    .option('--as-of <date>', 'as of (default: the last day of data)')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { asOf?: string };
        await s.call('engagement.open', { path: String(file) });
        const r = await s.call('impact.repairs', o.asOf ? { asOf: o.asOf } : {});
        printResult(g, r, () => repairsText(r, g));
      }),
    );

  program
    .command('fee')
    .description('the outcome-based fee for a terms file, with every figure it rests on and a sensitivity table')
    .argument('<file>', 'workspace file')
    .option('--terms <terms.json>', 'the fee terms (default: the ones saved in the workspace)')
    .option('--save', 'save the terms in the workspace')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { terms?: string; save?: boolean };
        await s.call('engagement.open', { path: String(file) });
        const terms = o.terms ? readJson(o.terms, g, 'terms') : undefined;
        if (o.save && terms !== undefined) await s.call('impact.saveFeeTerms', { terms });
        const f = await s.call('impact.fee', terms === undefined ? {} : { terms });
        printResult(g, f, () => feeText(f, g));
      }),
    );
}
