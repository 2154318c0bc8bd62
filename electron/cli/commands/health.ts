import type { Command } from 'commander';
import { action } from '../program';
import { printResult, type CliGlobals } from '../output';
import { createTranslator } from '../../../shared/i18n/translate';
import type { CustomerScoreRow, HealthOverview } from '../../../shared/contract/health';
import { policyWhich } from './triage';

const ARROW = { up: '↑', down: '↓', same: '→' } as const;

function healthText(o: HealthOverview, g: CliGlobals): string {
  const t = createTranslator(g.lang);
  const run = o.run;
  if (!run) return t('health:cli.noRun');
  const model = run.modelNameKey ? t(`health:${run.modelNameKey}`) : (run.modelName ?? run.modelId);
  const b = run.bands;
  const pct = (n: number) => (run.customers ? `${((n / run.customers) * 100).toFixed(1)}%` : '-');
  const lines = [
    t('health:cli.runLine', { id: run.id, asOf: run.asOf, model, customers: run.customers }) +
      ` · ${run.paramSet ? t('params:runParams.set', { name: run.paramSet }) : t('params:runParams.defaults')}` +
      ` · ${t('triage:policy.summary', { which: policyWhich(run.actionPolicy, t) })}`,
    `  ${t('health:bands.red').padEnd(14)} ${String(b.red).padStart(6)}  ${pct(b.red)}`,
    `  ${t('health:bands.yellow').padEnd(14)} ${String(b.yellow).padStart(6)}  ${pct(b.yellow)}`,
    `  ${t('health:bands.green').padEnd(14)} ${String(b.green).padStart(6)}  ${pct(b.green)}`,
    `  ${t('health:bands.none').padEnd(14)} ${String(b.none).padStart(6)}  ${pct(b.none)}`,
    t('health:cli.signalsLine', { heavy: o.signals.heavy, medium: o.signals.medium, light: o.signals.light }),
    '',
    t('health:cli.lowest'),
    ...o.lowest.map(
      (r: CustomerScoreRow) =>
        `  ${(r.score ?? 0).toFixed(1).padStart(6)} ${r.trend ? ARROW[r.trend] : ' '} ${r.customerKey.padEnd(10)} ${r.name}${r.owner ? `  (${r.owner})` : ''}`,
    ),
  ];
  return lines.join('\n');
}

export function registerHealthCommands(program: Command): void {
  program
    .command('health')
    .description('run customer health scoring and early-warning signals; print the band distribution and the lowest scores')
    .argument('<file>', 'workspace file')
    .option('--as-of <date>', 'as-of date YYYY-MM-DD (default: the latest date in the data)')
    .option('--model <id>', 'health model id (preset combined, the default / collaboration / relationship / salesRules, or a saved model)')
    .option('--no-run', 'show the latest stored run without running again')
    .option('--params <name>', 'a named parameter set of the workspace (rwb params list): its signal rules and playbook')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { asOf?: string; model?: string; run: boolean; params?: string };
        await s.call('engagement.open', { path: String(file) });
        const ran = o.run
          ? await s.call('health.run', {
              ...(o.asOf ? { asOf: o.asOf } : {}),
              ...(o.model ? { modelId: o.model } : {}),
              ...(o.params ? { paramSet: o.params } : {}),
            })
          : null;
        // The run just made, even when its as-of date is older than another's (the default is the latest as-of).
        const overview = await s.call('health.overview', ran ? { runId: ran.id } : {});
        printResult(g, overview, () => healthText(overview, g));
      }),
    );
}
