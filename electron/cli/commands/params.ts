import type { Command } from 'commander';
import { action } from '../program';
import { printResult } from '../output';
import { createTranslator } from '../../../shared/i18n/translate';
import { paramSetText } from '../../../shared/params/param-set';
import { previewText, rulesText, rulesWithEvidence } from './params-text';

export function registerParamsCommands(program: Command): void {
  const params = program.command('params').description('named analysis parameter sets (分析参数集): RFM, segments, tiers, lifecycle, signal rules, playbook');

  params
    .command('list')
    .description('list the parameter sets kept in the workspace')
    .argument('<file>', 'workspace file')
    .action(
      action(async (s, g, file) => {
        await s.call('engagement.open', { path: String(file) });
        const sets = await s.call('params.list', {});
        const t = createTranslator(g.lang);
        printResult(g, sets, () => (sets.length === 0 ? t('params:cli.none') : sets.map((x) => t('params:cli.list', { ...x })).join('\n')));
      }),
    );

  params
    .command('show')
    .description('print a parameter set as its JSON document (without a name: the built-in defaults)')
    .argument('<file>', 'workspace file')
    .argument('[name]', 'set name')
    .action(
      action(async (s, g, file, name) => {
        await s.call('engagement.open', { path: String(file) });
        const set = await s.call('params.get', name === undefined ? {} : { name: String(name) });
        printResult(g, set, () => paramSetText(set).trimEnd());
      }),
    );

  params
    .command('export')
    .description('write a parameter set to a JSON file')
    .argument('<file>', 'workspace file')
    .argument('<name>', 'set name')
    .argument('<out>', 'JSON file to write')
    .action(
      action(async (s, g, file, name, out) => {
        await s.call('engagement.open', { path: String(file) });
        const r = await s.call('params.export', { name: String(name), path: String(out) });
        printResult(g, { name: String(name), path: r.path }, () => createTranslator(g.lang)('params:cli.exported', { name: String(name), path: r.path ?? '' }));
      }),
    );

  params
    .command('preview')
    .description(
      "the effect of a set before running, on the current data at the latest runs: tiers, lifecycle, segments, each rule's alert budget, the playbook",
    )
    .argument('<file>', 'workspace file')
    .argument('[name]', 'set name (default: the built-in defaults)')
    .action(
      action(async (s, g, file, name) => {
        await s.call('engagement.open', { path: String(file) });
        const set = await s.call('params.get', name === undefined ? {} : { name: String(name) });
        const preview = await s.call('params.preview', { set });
        printResult(g, preview, () => previewText(set.name, preview, g.lang));
      }),
    );

  params
    .command('rules')
    .description('each early-warning rule of a set: thresholds, severity, alert budget, and its lift, precision and recall in the latest signal backtest')
    .argument('<file>', 'workspace file')
    .argument('[name]', 'set name (default: the built-in defaults)')
    .action(
      action(async (s, g, file, name) => {
        await s.call('engagement.open', { path: String(file) });
        const set = await s.call('params.get', name === undefined ? {} : { name: String(name) });
        const [preview, backtest] = await Promise.all([
          s.call('params.preview', { set, rfm: false, tiers: false, lifecycle: false, playbook: false }),
          s.call('params.backtest', {}),
        ]);
        const out = rulesWithEvidence(set.signals, preview.signals, backtest);
        printResult(g, out, () => rulesText(out, g.lang));
      }),
    );

  params
    .command('import')
    .description('import a parameter set from a JSON file (validated; replaces a set of the same name)')
    .argument('<file>', 'workspace file')
    .argument('<set>', 'JSON file of the set')
    .option('--as <name>', 'save under this name instead of the one in the file')
    .action(
      action(async (s, g, file, setFile, opts) => {
        const o = opts as { as?: string };
        await s.call('engagement.open', { path: String(file) });
        const set = await s.call('params.import', { path: String(setFile), ...(o.as ? { as: o.as } : {}) });
        printResult(g, set, () => createTranslator(g.lang)('params:cli.imported', { name: set.name }));
      }),
    );
}
