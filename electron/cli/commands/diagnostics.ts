import type { Command } from 'commander';
import { action } from '../program';
import { CliFailure, padText, printResult, type CliGlobals } from '../output';
import { createTranslator } from '../../../shared/i18n/translate';
import { METRIC_DEFINITIONS, type DiagnosticRun, type Figure } from '../../../shared/analytics';

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
      id: run.id, asOf: run.asOf, grain: t(`analytics:grains.${run.grain}`), basis: t(`analytics:ui.params.basisShort.${run.basis}`),
      customers: int(r.customers), seconds: (run.durationMs / 1000).toFixed(2),
    }),
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
      `  ${p.period.key.padEnd(9)}${String(p.start).padStart(6)} ${String(p.end).padStart(6)} ${String(p.gained).padStart(6)}   (${String(p.new).padStart(4)} ${String(p.reactivated).padStart(4)}) ${String(p.lost).padStart(6)}   ${pct(p.retentionRate).padStart(7)}  ${pct(p.churnRate).padStart(7)}${p.period.partial ? `  * ${t('analytics:cli.partial')}` : ''}`,
    );
  }
  lines.push('', t('analytics:cli.revenueRetention'));
  if (!r.revenueRetention) lines.push(`  — ${t(`analytics:absentReasons.${r.revenueRetentionAbsent ?? 'no-contracts'}`)}`);
  else {
    lines.push(`  ${t('analytics:cli.rrHeader')}`);
    for (const p of r.revenueRetention) lines.push(`  ${p.period.key.padEnd(9)}${int(p.startMrr).padStart(12)}  ${pct(p.grr).padStart(8)} ${pct(p.nrr).padStart(8)}`);
  }
  lines.push('', t('analytics:cli.cohorts'));
  for (const row of r.cohorts.rows) {
    lines.push(`  ${row.key.padEnd(9)} ${String(row.size).padStart(5)}  ${row.cells.map((c) => `${Math.round(c.onRate * 100)}${c.partial ? '*' : ''}`.padStart(4)).join(' ')}`);
  }
  for (const [scheme, rows] of [['classic', r.rfm.classic], ['valueGroups', r.rfm.valueGroups]] as const) {
    lines.push('', t('analytics:cli.segments', { scheme: t(`analytics:ui.charts.${scheme}`), scored: int(r.rfm.scored) }));
    for (const s of rows) {
      const label = scheme === 'classic' ? t(`analytics:rfm.segments.${s.segment}`) : t(`analytics:rfm.valueGroups.${s.segment}`, { defaultValue: t(`analytics:rfm.segments.${s.segment}`) });
      lines.push(`  ${padText(label, 24)} ${String(s.count).padStart(7)}  ${pct(s.share).padStart(6)}`);
    }
  }
  lines.push('', t('analytics:cli.tiers'));
  for (const s of r.tiers) lines.push(`  ${padText(t(`analytics:tiers.names.${s.tier}`), 12)} ${String(s.count).padStart(7)}  ${pct(s.customerShare).padStart(6)}  ${pct(s.revenueShare).padStart(6)}`);
  lines.push('', t('analytics:cli.lifecycle'));
  for (const s of r.lifecycle) lines.push(`  ${padText(t(`analytics:lifecycle.stages.${s.stage}`), 12)} ${String(s.count).padStart(7)}  ${pct(s.share).padStart(6)}`);
  return lines.join('\n');
}

export function registerDiagnosticsCommands(program: Command): void {
  program
    .command('diagnose')
    .description('run the retention diagnostics and store the run: retention per period, GRR/NRR, cohorts, RFM, tiers, lifecycle')
    .argument('<file>', 'workspace file')
    .option('--as-of <date>', 'as-of date YYYY-MM-DD (default: the latest order date)')
    .option('--grain <grain>', 'month, quarter or year', 'month')
    .option('--basis <basis>', 'purchase (active = a purchase within the window) or contract (a live contract)', 'purchase')
    .option('--window <days>', 'activity window in days for the purchase basis', '365')
    .option('--periods <n>', 'trend periods ending with the as-of period', '12')
    .option('--label <text>', 'a name for the stored run')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { asOf?: string; grain: string; basis: string; window: string; periods: string; label?: string };
        const basis = BASIS[o.basis as keyof typeof BASIS];
        if (!basis) throw new CliFailure({ code: 'INVALID_ARGUMENTS', message: `--basis ${o.basis}`, params: { detail: `--basis must be purchase or contract, not ${o.basis}` } });
        await s.call('engagement.open', { path: String(file) });
        const run = await s.call('diagnostics.run', {
          params: {
            ...(o.asOf ? { asOf: o.asOf } : {}),
            grain: o.grain as 'month',
            periodCount: Number(o.periods),
            activity: { basis, windowDays: Number(o.window) },
          },
          ...(o.label ? { label: o.label } : {}),
        });
        if (g.json) {
          const t = createTranslator(g.lang);
          // Every figure states its formula and denominator: the JSON carries the definitions too.
          const formulas = Object.fromEntries(
            METRIC_DEFINITIONS.map((m) => [m.id, { name: t(m.nameKey), formula: t(m.formulaKey), denominator: m.denominatorKey ? t(m.denominatorKey) : null, unit: m.unit }]),
          );
          printResult(g, { ...run, formulas }, () => '');
        } else printResult(g, run, () => diagnoseText(run, g));
      }),
    );
}
