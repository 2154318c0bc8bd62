import type { Command } from 'commander';
import { action } from '../program';
import { CliFailure, printResult, type CliGlobals } from '../output';
import type { FindingsList } from '../../../shared/contract/findings';
import { createTranslator } from '../../../shared/i18n/translate';
import { formatValue } from '../../../shared/reports/format';
import { runText, weakText } from '../../../shared/findings';

interface FindingsOptions {
  accept?: string[];
  drop?: string[];
  restore?: string[];
  edit?: string;
  text?: string;
  order?: string;
  min?: string;
}

function listText(list: FindingsList, g: CliGlobals): string {
  const t = createTranslator(g.lang);
  if (list.findings.length === 0) return t('findings:cli.none');
  const lines = [t('findings:ui.minimum', { min: list.minCustomers })];
  for (const f of list.findings) {
    const flags = [t(`findings:statuses.${f.status}`), f.edited ? t('findings:ui.edited') : null, f.weak ? t('findings:ui.weak') : null].filter(Boolean);
    lines.push(`${String(f.rank).padStart(2)}. [${flags.join(' · ')}] ${f.id}`);
    lines.push(`    ${f.text[g.lang]}`);
    lines.push(`    ${f.formula[g.lang]}`);
    lines.push(`    ${t('findings:ui.impact')}: ${formatValue(f.materiality, 'number', { locale: g.lang, decimals: 0 })} · ${runText(g.lang, f.evidence.run)}`);
    const weak = weakText(g.lang, f, { minCustomers: list.minCustomers });
    if (weak) lines.push(`    ${weak}`);
  }
  return lines.join('\n');
}

const ids = (v: string, prev: string[] = []) => [
  ...prev,
  ...v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
];

export function registerFindingsCommands(program: Command): void {
  program
    .command('findings')
    .description('the drafted findings (ranked by the revenue they concern) and the consultant’s review: accept, drop, reword, reorder')
    .argument('<file>', 'workspace file')
    .option('--accept <ids>', 'accept findings (comma-separated ids; repeatable)', ids)
    .option('--drop <ids>', 'drop findings', ids)
    .option('--restore <ids>', 'back to proposed', ids)
    .option('--edit <id>', 'reword one finding, in the --lang language (with --text; an empty text restores the drafted one)')
    .option('--text <text>', 'the new wording for --edit')
    .option('--order <ids>', 'the accepted findings in this order (comma-separated ids)')
    .option('--min <n>', 'the minimum number of customers for a finding not to be weak (default 30)')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as FindingsOptions;
        await s.call('engagement.open', { path: String(file) });
        const min = o.min !== undefined ? Number(o.min) : undefined;
        if (min !== undefined && (!Number.isInteger(min) || min < 1)) {
          throw new CliFailure({
            code: 'INVALID_ARGUMENTS',
            message: `--min ${o.min}`,
            params: { detail: `--min must be a whole number of customers, not ${o.min}` },
          });
        }
        if ((o.edit === undefined) !== (o.text === undefined)) {
          throw new CliFailure({ code: 'INVALID_ARGUMENTS', message: '--edit needs --text', params: { detail: 'give --edit ID together with --text "…"' } });
        }
        const changes = [
          ...(o.accept ?? []).map((id) => ({ id, status: 'accepted' as const })),
          ...(o.drop ?? []).map((id) => ({ id, status: 'dropped' as const })),
          ...(o.restore ?? []).map((id) => ({ id, status: 'proposed' as const })),
          ...(o.edit !== undefined ? [{ id: o.edit, text: { [g.lang]: o.text ?? null } }] : []),
        ];
        if (changes.length > 0) await s.call('findings.decide', { changes });
        if (o.order !== undefined) await s.call('findings.order', { ids: ids(o.order) });
        const list = await s.call('findings.list', min !== undefined ? { minCustomers: min } : {});
        printResult(g, list, () => listText(list, g));
      }),
    );
}
