import type { Command } from 'commander';
import { action } from '../program';
import { printResult, type CliGlobals } from '../output';
import { createTranslator } from '../../../shared/i18n/translate';
import type { CustomerScoreRow, HealthOverview } from '../../../shared/contract/health';
import { policyWhich } from './triage';
import { describeSource, type HealthRunSources } from '../../../shared/health/model-sources';

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
    ...sourceLines(run.sources, g),
    ...(o.churnRunNow ? [`  ${t('health:sources.rerunForChurn', { runId: o.churnRunNow.id, scoredAsOf: o.churnRunNow.scoredAsOf })}`] : []),
    '',
    t('health:cli.lowest'),
    ...o.lowest.map(
      (r: CustomerScoreRow) =>
        `  ${(r.score ?? 0).toFixed(1).padStart(6)} ${r.trend ? ARROW[r.trend] : ' '} ${r.customerKey.padEnd(10)} ${r.name}${r.owner ? `  (${r.owner})` : ''}`,
    ),
  ];
  return lines.join('\n');
}

/** Which churn and CLV runs the run read (the model measures and the churn-risk rule), or why none. */
function sourceLines(sources: HealthRunSources | null, g: CliGlobals): string[] {
  const t = createTranslator(g.lang);
  const ht = (key: string, params?: Record<string, string | number>): string => t(`health:${key}`, params ?? {});
  if (!sources) return [`${ht('sources.heading')}: ${ht('sources.notRecorded')}`];
  return [ht('sources.heading'), ...(['churn', 'clv'] as const).map((kind) => `  ${ht(`sources.${kind}`)}: ${describeSource(kind, sources[kind], ht)}`)];
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
    .option('--churn-run <id>', 'the churn-model run the churn measure and rule read (default: the latest dated on or before the as-of)')
    .option('--clv-run <id>', 'the lifetime-value run the P(alive) and CLV measures read (default: the latest dated on or before the as-of)')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { asOf?: string; model?: string; run: boolean; params?: string; churnRun?: string; clvRun?: string };
        await s.call('engagement.open', { path: String(file) });
        const ran = o.run
          ? await s.call('health.run', {
              ...(o.asOf ? { asOf: o.asOf } : {}),
              ...(o.model ? { modelId: o.model } : {}),
              ...(o.params ? { paramSet: o.params } : {}),
              ...(o.churnRun ? { churnRunId: Number(o.churnRun) } : {}),
              ...(o.clvRun ? { clvRunId: Number(o.clvRun) } : {}),
            })
          : null;
        // The run just made, even when its as-of date is older than another's (the default is the latest as-of).
        const overview = await s.call('health.overview', ran ? { runId: ran.id } : {});
        printResult(g, overview, () => healthText(overview, g));
      }),
    );
}
