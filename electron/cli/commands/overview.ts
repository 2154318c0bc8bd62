import type { Command } from 'commander';
import type { KpiId } from '../../../shared/analytics';
import { formatValue } from '../../../shared/reports/format';
import { createTranslator } from '../../../shared/i18n/translate';
import type { OverviewSummary } from '../../../shared/overview/summary';
import { action } from '../program';
import { printResult, type CliGlobals } from '../output';

const RATES: ReadonlySet<KpiId> = new Set<KpiId>(['retentionRate', 'churnRate', 'grr', 'nrr']);

function overviewText(s: OverviewSummary, g: CliGlobals, currency: string): string {
  const t = createTranslator(g.lang);
  const locale = g.lang;
  const value = (id: KpiId, v: number) =>
    RATES.has(id)
      ? formatValue(v, 'percent', { locale })
      : id === 'revenue'
        ? formatValue(v, 'currency', { locale, currency, decimals: 0 })
        : formatValue(v, 'integer', { locale });
  const change = (id: KpiId, d: number) =>
    RATES.has(id)
      ? t('workbench:overview.pp', { value: `${d >= 0 ? '+' : '−'}${formatValue(Math.abs(d) * 100, 'number', { locale, decimals: 1 })}` })
      : `${d >= 0 ? '+' : '−'}${id === 'revenue' ? formatValue(Math.abs(d), 'currency', { locale, currency, decimals: 0 }) : formatValue(Math.abs(d), 'integer', { locale })}`;
  const lines: string[] = [];
  if (s.diagnostics) {
    const d = s.diagnostics;
    lines.push(`${t('workbench:overview.headline')} · ${t('workbench:overview.headlineRun', { id: d.run.id, asOf: d.run.asOf })}`);
    for (const f of d.figures) {
      const shown = f.value === null ? `— (${t(`analytics:absentReasons.${f.reason ?? ''}`, { defaultValue: f.reason ?? '' })})` : value(f.id, f.value);
      const trend = f.change === null ? '' : `  ${t('workbench:overview.vsPrevious', { change: change(f.id, f.change) })}`;
      lines.push(`  ${t(`analytics:ui.kpis.${f.id}`)}: ${shown}${trend}`);
    }
  } else lines.push(t('workbench:overview.noDiagnostic'));
  if (s.health) {
    const h = s.health;
    lines.push(`${t('workbench:overview.healthRun', { id: h.run.id, asOf: h.run.asOf })}`);
    lines.push(
      `  ${(['red', 'yellow', 'green'] as const).map((b) => `${t(`health:bands.${b}`)} ${h.bands[b].toLocaleString(locale)}`).join(' · ')} · ${t('workbench:overview.average')} ${h.average === null ? '—' : h.average.toFixed(1)}`,
    );
  }
  const open = s.openSignals;
  lines.push(`${t('workbench:overview.openSignals')}: ${(open.heavy + open.medium + open.light).toLocaleString(locale)}`);
  lines.push(t('workbench:overview.enables'));
  for (const e of s.enablement)
    lines.push(`  ${e.enabled ? '✓' : '○'} ${t(`workbench:overview.items.${e.id}.${e.enabled ? 'on' : 'off'}`, { count: e.count.toLocaleString(locale) })}`);
  return lines.join('\n');
}

/** rwb overview FILE: the overview page's figures, what the data enables and what it misses. */
export function registerOverviewCommands(program: Command): void {
  program
    .command('overview')
    .description(
      'headline figures of the latest runs with their change, what the data enables and what is missing (with the step that fixes it), the last imports, runs and exports',
    )
    .argument('<file>', 'workspace file')
    .action(
      action(async (s, g, file) => {
        const info = await s.call('engagement.open', { path: String(file) });
        const summary = await s.call('overview.summary', {});
        printResult(g, summary, () => overviewText(summary, g, info.meta.currency));
      }),
    );
}
