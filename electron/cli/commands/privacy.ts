import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { action } from '../program';
import { CliFailure, printResult, type CliGlobals } from '../output';
import { formatError, type Locale } from '../../../shared/errors';
import type { CloseOutResult } from '../../../shared/domain/privacy';
import type { AuditVerification } from '../../../shared/domain/engagement';
import { createTranslator } from '../../../shared/i18n/translate';

// The end-of-engagement steps (PIPL): close-out, erasure on request and the audit chain's check.
// Deleting asks first: at a terminal, a typed "yes"; in a script, --yes.

async function confirm(g: CliGlobals, question: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  const refuse = (): never => {
    throw new CliFailure({ code: 'CONFIRMATION_REQUIRED', message: formatError('CONFIRMATION_REQUIRED', {}, 'en'), params: {} });
  };
  if (!process.stdin.isTTY) refuse();
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise<string>((resolve) =>
    rl.question(`${question}\n${g.lang === 'zh-CN' ? '输入 yes 继续：' : 'Type yes to continue: '}`, resolve),
  );
  rl.close();
  if (!/^(yes|y|是)$/i.test(answer.trim())) refuse();
}

function closeOutText(r: CloseOutResult, lang: Locale): string {
  const t = createTranslator(lang);
  const fields = Object.values(r.cleared).reduce((a, b) => a + b, 0);
  const rows = Object.values(r.rowsDeleted).reduce((a, b) => a + b, 0);
  const lines =
    r.mode === 'workspace'
      ? [t('privacy:closeOut.deleted', { files: r.filesDeleted.length }), ...r.filesDeleted.map((f) => `  ${f}`)]
      : [
          t('privacy:closeOut.done', { fields, rows }),
          ...Object.entries({ ...r.cleared, ...r.rowsDeleted }).map(([k, n]) => `  ${k.padEnd(34)} ${String(n).padStart(8)}`),
        ];
  lines.push(verificationText(r.audit, lang));
  if (r.certificate) lines.push(t('privacy:closeOut.certificateWritten', { path: `${r.certificate.json}, ${r.certificate.text}` }));
  return lines.join('\n');
}

function verificationText(v: AuditVerification, lang: Locale): string {
  const t = createTranslator(lang);
  return v.intact ? t('privacy:audit.intact', { entries: v.entries, hash: v.lastHash ?? '-' }) : t('privacy:audit.broken', { id: v.brokenAt });
}

export function registerPrivacyCommands(program: Command): void {
  program
    .command('close-out')
    .description('end of engagement: remove the personal fields (keeping the runs) or delete the whole workspace')
    .argument('<file>', 'workspace file')
    .option('--personal-fields', 'clear names, contacts, phones, emails and free text; keep keys and the stored runs')
    .option('--delete-workspace', 'overwrite and delete the workspace and every file beside it')
    .option('--certificate <out>', 'write the close-out certificate to OUT.json and OUT.txt')
    .option('--yes', 'do not ask for confirmation')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { personalFields?: boolean; deleteWorkspace?: boolean; certificate?: string; yes?: boolean };
        if (Boolean(o.personalFields) === Boolean(o.deleteWorkspace)) {
          throw new CliFailure({
            code: 'INVALID_ARGUMENTS',
            message: 'choose --personal-fields or --delete-workspace',
            params: { detail: 'choose --personal-fields or --delete-workspace' },
          });
        }
        const mode = o.deleteWorkspace ? 'workspace' : 'personalFields';
        await s.call('engagement.open', { path: String(file) });
        const t = createTranslator(g.lang);
        await confirm(g, t(mode === 'workspace' ? 'privacy:closeOut.workspaceHelp' : 'privacy:closeOut.personalFieldsHelp'), o.yes);
        const r = await s.call('engagement.closeOut', { mode, confirm: true, ...(o.certificate ? { certificate: o.certificate } : {}) });
        printResult(g, r, () => closeOutText(r, g.lang));
      }),
    );

  program
    .command('erase-customer')
    .description("erase one customer's rows on request (the stored runs' aggregates stay)")
    .argument('<file>', 'workspace file')
    .argument('<key>', 'customer key')
    .option('--yes', 'do not ask for confirmation')
    .action(
      action(async (s, g, file, key, opts) => {
        await s.call('engagement.open', { path: String(file) });
        const t = createTranslator(g.lang);
        await confirm(g, t('privacy:erase.confirm', { key: String(key) }), (opts as { yes?: boolean }).yes);
        const r = await s.call('customers.erase', { customerKey: String(key) });
        const rows = Object.values(r.rowsDeleted).reduce((a, b) => a + b, 0);
        printResult(g, r, () =>
          [
            t('privacy:erase.done', { key: String(key), rows }),
            ...Object.entries(r.rowsDeleted).map(([k, n]) => `  ${k.padEnd(22)} ${String(n).padStart(8)}`),
          ].join('\n'),
        );
      }),
    );

  program
    .command('audit')
    .description("the workspace's audit log")
    .command('verify')
    .description('check the audit log hash chain: intact, or broken at entry N (exit code 1)')
    .argument('<file>', 'workspace file')
    .action(
      action(async (s, g, file) => {
        await s.call('engagement.open', { path: String(file) });
        const v = await s.call('audit.verify', {});
        printResult(g, v, () => verificationText(v, g.lang));
        if (!v.intact) process.exitCode = 1;
      }),
    );
}
