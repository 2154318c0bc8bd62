import type { Command } from 'commander';
import { action } from '../program';
import { CliFailure, padText, printResult, type CliGlobals } from '../output';
import { createTranslator } from '../../../shared/i18n/translate';
import { cohortBoundDays, fromDay, METRIC_DEFINITIONS, toDay, windowStatement, type DiagnosticRun, type Figure } from '../../../shared/analytics';

const BASIS = { purchase: 'non-contractual', contract: 'contractual' } as const;

const pct = (f: Figure | number | null, digits = 1): string => {
  const v = f === null ? null : typeof f === 'number' ? f : f.value;
  return v === null ? '—' : `${(v * 100).toFixed(digits)}%`;
};
const int = (n: number) => Math.round(n).toLocaleString('en');

function diagnoseText(run: DiagnosticRun, g: CliGlobals): string {
  const t = createTranslator(g.lang);
  const r = run.results;
  const lines: string[] = [
    t('analytics:cli.runLine', {
      id: run.id,
      asOf: run.asOf,
      grain: t(`analytics:grains.${run.grain}`),
      basis: t(`analytics:ui.params.basisShort.${run.basis}`),
      customers: int(r.customers),
      seconds: (run.durationMs / 1000).toFixed(2),
    }) + ` · ${run.paramSet ? t('params:runParams.set', { name: run.paramSet }) : t('params:runParams.defaults')}`,
    `${t('analytics:cli.window')}: ${((w) => t(w.key, w.params))(windowStatement(r.window, int))}`,
    ...(r.notices.length
      ? [
          '',
          t('analytics:cli.notices'),
          ...r.notices.map(
            (n) =>
              `  ! ${t(`analytics:notices.${n.code}`, Object.fromEntries(Object.entries(n.params).map(([k, v]) => [k, typeof v === 'number' ? int(v) : v])))}`,
          ),
        ]
      : []),
    '',
    t('analytics:cli.kpis', { period: r.kpis.retentionRate.periodKey }),
  ];
  for (const [id, k] of Object.entries(r.kpis)) {
    const isRate = id === 'retentionRate' || id === 'churnRate' || id === 'grr' || id === 'nrr';
    const value = k.value === null ? `— (${t(`analytics:absentReasons.${k.reason}`)})` : isRate ? pct(k.value) : int(k.value);
    const prev = k.previous === null ? '' : `   ← ${k.previousPeriodKey}: ${isRate ? pct(k.previous) : int(k.previous)}`;
    lines.push(`  ${padText(t(`analytics:ui.kpis.${id}`), 18)} ${value}${prev}`);
  }
  lines.push('', t('analytics:cli.retention'), `  ${t('analytics:cli.retentionHeader')}`);
  for (const p of r.retention) {
    lines.push(
      `  ${p.period.key.padEnd(9)}${int(p.start).padStart(6)} ${int(p.end).padStart(6)} ${int(p.gained).padStart(6)}   (${int(p.new).padStart(4)} ${int(p.reactivated).padStart(4)}) ${int(p.lost).padStart(6)}   ${pct(p.retentionRate).padStart(7)}  ${pct(p.churnRate).padStart(7)}${p.period.partial ? `  * ${t('analytics:cli.partial')}` : ''}${p.leftCensored ? `  † ${t('analytics:cli.censoredMark')}` : ''}`,
    );
  }
  lines.push('', t('analytics:cli.repeatHeader'));
  for (const p of r.repeat) {
    lines.push(
      `  ${p.periodKey.padEnd(9)}${int(p.repeat).padStart(6)} / ${int(p.previous).padEnd(6)}  ${pct(p.rate).padStart(7)}${p.rate.value === null ? `  (${t(`analytics:absentReasons.${p.rate.reason}`)})` : ''}`,
    );
  }
  lines.push('', t('analytics:cli.revenueRetention'));
  if (!r.revenueRetention) lines.push(`  — ${t(`analytics:absentReasons.${r.revenueRetentionAbsent ?? 'no-contracts'}`)}`);
  else {
    lines.push(`  ${t('analytics:cli.rrBaseHeader')}`);
    for (const p of r.revenueRetention) {
      lines.push(
        `  ${p.period.key.padEnd(9)}${int(p.startMrr).padStart(12)}  ${pct(p.grr).padStart(8)} ${pct(p.nrr).padStart(8)}  ${pct(p.baseGrr).padStart(8)} ${pct(p.baseNrr).padStart(8)}  ${pct(p.t12mGrr).padStart(8)} ${pct(p.t12mNrr).padStart(8)}`,
      );
    }
  }
  lines.push('', t('analytics:cli.cohorts'));
  for (const row of r.cohorts.rows) {
    lines.push(
      `  ${(row.key + (row.leftCensored ? '†' : '')).padEnd(9)} ${int(row.size).padStart(6)}  ${row.cells.map((c) => `${Math.round(c.onRate * 100)}${c.partial ? '*' : ''}`.padStart(4)).join(' ')}`,
    );
  }
  for (const [scheme, rows] of [
    ['classic', r.rfm.classic],
    ['valueGroups', r.rfm.valueGroups],
  ] as const) {
    lines.push('', t('analytics:cli.segments', { scheme: t(`analytics:ui.charts.${scheme}`), scored: int(r.rfm.scored) }));
    for (const s of rows) {
      const label =
        scheme === 'classic'
          ? t(`analytics:rfm.segments.${s.segment}`, { defaultValue: s.segment })
          : t(`analytics:rfm.valueGroups.${s.segment}`, { defaultValue: t(`analytics:rfm.segments.${s.segment}`, { defaultValue: s.segment }) });
      lines.push(`  ${padText(label, 24)} ${String(s.count).padStart(7)}  ${pct(s.share).padStart(6)}`);
    }
  }
  lines.push('', t('analytics:cli.tiers'));
  for (const s of r.tiers)
    lines.push(
      `  ${padText(t(`analytics:tiers.names.${s.tier}`), 12)} ${String(s.count).padStart(7)}  ${pct(s.customerShare).padStart(6)}  ${pct(s.revenueShare).padStart(6)}`,
    );
  lines.push('', t('analytics:cli.lifecycle'));
  for (const s of r.lifecycle)
    lines.push(`  ${padText(t(`analytics:lifecycle.stages.${s.stage}`), 12)} ${String(s.count).padStart(7)}  ${pct(s.share).padStart(6)}`);
  return lines.join('\n');
}

/** --cohorts all | N | FROM:TO as run parameters; the schema checks the bounds. */
export function cohortOption(v: string): { cohortCount: number | null; cohortFrom: string | null; cohortTo: string | null } {
  const s = v.trim();
  if (s === 'all') return { cohortCount: null, cohortFrom: null, cohortTo: null };
  if (/^\d+$/.test(s) && Number(s) > 0) return { cohortCount: Number(s), cohortFrom: null, cohortTo: null };
  const m = /^([^:]*):([^:]*)$/.exec(s);
  if (m && (m[1] || m[2])) return { cohortCount: null, cohortFrom: m[1] || null, cohortTo: m[2] || null };
  throw new CliFailure({
    code: 'INVALID_ARGUMENTS',
    message: `--cohorts ${v}`,
    params: { detail: `--cohorts must be all, a number or FROM:TO (e.g. 2024-01:2024-06), not ${v}` },
  });
}

/**
 * --periods all | N | FROM | FROM:TO for the trend. The trend always ends with the as-of period (the
 * KPIs read it): TO names that period, so it sets the as-of date to TO's last day unless --as-of is
 * given, and must hold --as-of when it is.
 */
export function periodOption(v: string, asOf: string | undefined): { periodCount: number | null; periodFrom: string | null; asOf?: string } {
  const s = v.trim();
  const fail = (detail: string): never => {
    throw new CliFailure({ code: 'INVALID_ARGUMENTS', message: `--periods ${v}`, params: { detail } });
  };
  if (s === 'all') return { periodCount: null, periodFrom: null };
  if (/^\d+$/.test(s) && Number(s) > 0) return { periodCount: Number(s), periodFrom: null };
  const m = /^([^:]*)(?::([^:]*))?$/.exec(s);
  const from = m?.[1] || null;
  const to = m?.[2] || null;
  if (!m || (!from && !to)) return fail(`--periods must be all, a number, FROM or FROM:TO (e.g. 2023-01:2024-06), not ${v}`);
  if (from && !cohortBoundDays(from)) return fail(`--periods: ${from} is not a period (2024, 2024-Q2, 2024-03) or a date`);
  if (!to) return { periodCount: null, periodFrom: from };
  const end = cohortBoundDays(to);
  if (!end) return fail(`--periods: ${to} is not a period (2024, 2024-Q2, 2024-03) or a date`);
  if (asOf === undefined) return { periodCount: from ? null : 12, periodFrom: from, asOf: fromDay(end.last) };
  const day = toDay(asOf);
  if (!(day >= end.first && day <= end.last)) return fail(`--periods: the trend ends with the as-of period; ${to} does not hold --as-of ${asOf}`);
  return { periodCount: from ? null : 12, periodFrom: from };
}

export function registerDiagnosticsCommands(program: Command): void {
  program
    .command('diagnose')
    .description('run the retention diagnostics and store the run: retention per period, GRR/NRR, cohorts, RFM, tiers, lifecycle')
    .argument('<file>', 'workspace file')
    .option('--as-of <date>', 'as-of date YYYY-MM-DD (default: the latest purchase date; returns and credit notes dated after it are left out)')
    .option('--grain <grain>', 'month, quarter or year (default: from the data: quarter for contract data or 3+ years of orders, else month)')
    .option('--basis <basis>', 'purchase (active = a purchase within the window) or contract (a live contract)', 'purchase')
    .option('--window <days>', 'activity window in days for the purchase basis, or auto: P90 of the gaps between purchases, rounded up', 'auto')
    .option('--cohorts <which>', 'cohorts in the matrix: all, N (the last N) or FROM:TO (periods or dates, either side may be empty)', 'all')
    .option('--periods <which>', 'trend periods, ending with the as-of period: N (the last N), all, FROM, or FROM:TO (TO sets the as-of period)', '12')
    .option('--label <text>', 'a name for the stored run')
    .option('--params <name>', 'a named parameter set of the workspace (rwb params list): its RFM, tier and lifecycle parameters')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { asOf?: string; grain?: string; basis: string; window: string; cohorts: string; periods: string; label?: string; params?: string };
        const basis = BASIS[o.basis as keyof typeof BASIS];
        if (!basis)
          throw new CliFailure({
            code: 'INVALID_ARGUMENTS',
            message: `--basis ${o.basis}`,
            params: { detail: `--basis must be purchase or contract, not ${o.basis}` },
          });
        const windowDays = o.window === 'auto' ? null : Number(o.window);
        if (windowDays !== null && !(Number.isInteger(windowDays) && windowDays > 0)) {
          throw new CliFailure({
            code: 'INVALID_ARGUMENTS',
            message: `--window ${o.window}`,
            params: { detail: `--window must be auto or a whole number of days, not ${o.window}` },
          });
        }
        const { asOf: periodsAsOf, ...trend } = periodOption(o.periods, o.asOf);
        const asOf = o.asOf ?? periodsAsOf;
        await s.call('engagement.open', { path: String(file) });
        const run = await s.call('diagnostics.run', {
          params: {
            ...(asOf ? { asOf } : {}),
            ...(o.grain ? { grain: o.grain as 'month' } : {}),
            ...trend,
            ...cohortOption(o.cohorts),
            activity: { basis, windowDays },
          },
          ...(o.label ? { label: o.label } : {}),
          ...(o.params ? { paramSet: o.params } : {}),
        });
        if (g.json) {
          const t = createTranslator(g.lang);
          // Every figure states its formula and denominator: the JSON carries the definitions too.
          const formulas = Object.fromEntries(
            METRIC_DEFINITIONS.map((m) => [
              m.id,
              { name: t(m.nameKey), formula: t(m.formulaKey), denominator: m.denominatorKey ? t(m.denominatorKey) : null, unit: m.unit },
            ]),
          );
          printResult(g, { ...run, formulas }, () => '');
        } else printResult(g, run, () => diagnoseText(run, g));
      }),
    );
}
