import type { Command } from 'commander';
import { action } from '../program';
import { printResult, type CliGlobals } from '../output';
import type { WorkspaceInfo } from '../../../shared/domain/engagement';
import { ENTITY_KINDS } from '../../../shared/domain/entities';

function describe(info: WorkspaceInfo, g: CliGlobals): string {
  const zh = g.lang === 'zh-CN';
  const lines = [
    `${zh ? '客户' : 'Client'}: ${info.meta.clientName}`,
    `${zh ? '文件' : 'File'}: ${info.path} (${(info.fileBytes / 1024).toFixed(0)} KB)`,
    `${zh ? '行业' : 'Industry'}: ${info.meta.industry ?? '-'}    ${zh ? '顾问' : 'Consultant'}: ${info.meta.consultant ?? '-'}    ${zh ? '币种' : 'Currency'}: ${info.meta.currency}`,
    `${zh ? '结构版本' : 'Schema'}: ${info.schemaVersion}`,
    ...ENTITY_KINDS.map((k) => `  ${k.padEnd(13)} ${String(info.counts[k]).padStart(9)}`),
  ];
  return lines.join('\n');
}

export function registerEngagementCommands(program: Command): void {
  program
    .command('new')
    .description('create an engagement workspace (.rwb)')
    .argument('<file>', 'workspace file to create')
    .requiredOption('--client <name>', 'client name')
    .option('--industry <industry>')
    .option('--consultant <name>')
    .option('--currency <code>', 'ISO currency code', 'CNY')
    .option('--locale <locale>', 'report language zh-CN or en', 'zh-CN')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { client: string; industry?: string; consultant?: string; currency: string; locale: 'zh-CN' | 'en' };
        const info = await s.call('engagement.create', {
          path: String(file),
          meta: { clientName: o.client, industry: o.industry ?? null, consultant: o.consultant ?? null, currency: o.currency, locale: o.locale },
        });
        printResult(g, info, () => describe(info, g));
      }),
    );

  program
    .command('info')
    .description('show an engagement and its row counts')
    .argument('<file>', 'workspace file')
    .action(
      action(async (s, g, file) => {
        const info = await s.call('engagement.open', { path: String(file) });
        printResult(g, info, () => describe(info, g));
      }),
    );

  program
    .command('demo')
    .description('create the demo engagement (a fictional Chinese B2B client) at FILE')
    .argument('<file>', 'workspace file to create')
    .action(
      action(async (s, g, file) => {
        const info = await s.call('engagement.createDemo', { path: String(file) });
        printResult(g, info, () => describe(info, g));
      }),
    );

  program
    .command('backup')
    .description('online backup of a workspace to another file')
    .argument('<file>', 'workspace file')
    .argument('<destination>', 'backup file to write')
    .action(
      action(async (s, g, file, destination) => {
        await s.call('engagement.open', { path: String(file) });
        const r = await s.call('engagement.backup', { destination: String(destination) });
        printResult(g, r, () => (g.lang === 'zh-CN' ? `已备份到 ${r.path}（${r.bytes} 字节）` : `Backed up to ${r.path} (${r.bytes} bytes)`));
      }),
    );
}
