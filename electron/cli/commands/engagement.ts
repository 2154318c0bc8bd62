import type { Command } from 'commander';
import { action } from '../program';
import { printResult, type CliGlobals } from '../output';
import type { WorkspaceInfo } from '../../../shared/domain/engagement';
import { ENTITY_KINDS } from '../../../shared/domain/entities';
import { NEW_PASSPHRASE_ENV, PASSPHRASE_ENV, chosenPassphrase, currentPassphrase } from '../passphrase';

function describe(info: WorkspaceInfo, g: CliGlobals): string {
  const zh = g.lang === 'zh-CN';
  const lines = [
    `${zh ? '客户' : 'Client'}: ${info.meta.clientName}`,
    `${zh ? '文件' : 'File'}: ${info.path} (${(info.fileBytes / 1024).toFixed(0)} KB)`,
    `${zh ? '行业' : 'Industry'}: ${info.meta.industry ?? '-'}    ${zh ? '顾问' : 'Consultant'}: ${info.meta.consultant ?? '-'}    ${zh ? '币种' : 'Currency'}: ${info.meta.currency}`,
    `${zh ? '结构版本' : 'Schema'}: ${info.schemaVersion}    ${zh ? '加密' : 'Encrypted'}: ${info.encrypted ? (zh ? '是（SQLCipher 4）' : 'yes (SQLCipher 4)') : zh ? '否' : 'no'}`,
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
    .option('--encrypt', `encrypt it under a passphrase (typed at the prompt, or ${PASSPHRASE_ENV})`)
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { client: string; industry?: string; consultant?: string; currency: string; locale: 'zh-CN' | 'en'; encrypt?: boolean };
        const passphrase = o.encrypt ? await chosenPassphrase(g.lang, PASSPHRASE_ENV) : undefined;
        const info = await s.call('engagement.create', {
          path: String(file),
          meta: { clientName: o.client, industry: o.industry ?? null, consultant: o.consultant ?? null, currency: o.currency, locale: o.locale },
          ...(passphrase === undefined ? {} : { passphrase }),
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

  program
    .command('encrypt')
    .description(`encrypt a workspace in place under a new passphrase (typed twice at the prompt, or ${PASSPHRASE_ENV})`)
    .argument('<file>', 'workspace file')
    .action(
      action(async (s, g, file) => {
        await s.call('engagement.open', { path: String(file) });
        const passphrase = await chosenPassphrase(g.lang, PASSPHRASE_ENV);
        const info = await s.call('engagement.encrypt', { passphrase });
        printResult(g, info, () =>
          g.lang === 'zh-CN'
            ? `已加密 ${info.path}。请记住口令：忘记口令就无法再打开这个文件。`
            : `Encrypted ${info.path}. Keep the passphrase: without it the file cannot be opened again.`,
        );
      }),
    );

  program
    .command('passphrase')
    .description(`change an encrypted workspace's passphrase (the current one: prompt or ${PASSPHRASE_ENV}; the new one: prompt or ${NEW_PASSPHRASE_ENV})`)
    .argument('<file>', 'workspace file')
    .action(
      action(async (s, g, file) => {
        const current = await currentPassphrase(g.lang, { required: true });
        await s.call('engagement.open', { path: String(file), ...(current ? { passphrase: current } : {}) });
        const next = await chosenPassphrase(g.lang, NEW_PASSPHRASE_ENV);
        const info = await s.call('engagement.changePassphrase', { current: current ?? '', next });
        printResult(g, info, () => (g.lang === 'zh-CN' ? `已更改 ${info.path} 的口令。` : `Changed the passphrase of ${info.path}.`));
      }),
    );
}
