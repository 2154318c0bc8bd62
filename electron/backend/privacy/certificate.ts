import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { hostname, userInfo } from 'node:os';
import type { CloseOutCertificate } from '../../../shared/domain/privacy';
import { createTranslator } from '../../../shared/i18n/translate';
import type { Locale } from '../../../shared/errors';

// The close-out certificate the consultant keeps (and may hand to the client): the same facts as JSON
// and as a text in both languages. It lives wherever they choose, never in the workspace it certifies.

export function closeOutActor(): { user: string; host: string } {
  let user = process.env.USER ?? process.env.USERNAME ?? '';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (a container): the environment's name stands
  }
  return { user, host: hostname() };
}

function textIn(locale: Locale, c: CloseOutCertificate): string {
  const t = createTranslator(locale);
  const k = (key: string, params: Record<string, unknown> = {}): string => t(`privacy:certificate.${key}`, params);
  const deleted =
    c.mode === 'workspace'
      ? c.filesDeleted.map((f) => `  - ${f}`)
      : [...Object.entries(c.cleared).map(([f, n]) => `  - ${f}: ${n}`), ...Object.entries(c.rowsDeleted).map(([tb, n]) => `  - ${tb} (rows): ${n}`)];
  return [
    k('heading'),
    `${k('client')}: ${c.client}`,
    `${k('workspace')}: ${c.workspace}`,
    `${k('mode')}: ${k(c.mode === 'workspace' ? 'modeWorkspace' : 'modePersonalFields')}`,
    `${k('at')}: ${c.at}`,
    `${k('by')}: ${c.by.user}@${c.by.host}`,
    `${k('deleted')}:`,
    ...deleted,
    `${k('kept')}: ${k(c.mode === 'workspace' ? 'keptNothing' : 'keptText')}`,
    `${k('audit')}: ${c.audit.intact ? k('auditIntact', { entries: c.audit.entries }) : k('auditBroken', { id: c.audit.brokenAt })}`,
    `${k('lastHash')}: ${c.audit.lastHash ?? '-'}`,
    ...(c.mode === 'workspace' ? [k('wipeNote')] : []),
  ].join('\n');
}

/** Write `<base>.json` and `<base>.txt` (an extension given on `out` is dropped). */
export function writeCertificate(out: string, c: CloseOutCertificate): { json: string; text: string } {
  const base = resolve(out).replace(/\.(json|txt)$/i, '');
  mkdirSync(dirname(base), { recursive: true });
  const json = `${base}.json`;
  const text = `${base}.txt`;
  writeFileSync(json, JSON.stringify(c, null, 2) + '\n');
  writeFileSync(text, `${textIn('zh-CN', c)}\n\n${textIn('en', c)}\n`);
  return { json, text };
}
