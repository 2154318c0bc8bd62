// The URL checks the window's security rests on, kept free of electron so they are unit-tested.
// Parse, never prefix-match: '…/out/renderer-x/evil.html' starts with '…/out/renderer' and is not
// ours; 'file://host/…', credentials and '..' segments are refused (Actual Budget's isInternalUrl
// parses the same way).
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

function parse(raw: string): URL | null {
  try {
    const u = new URL(raw);
    return u.username || u.password ? null : u;
  } catch {
    return null;
  }
}

/** Our own page: a file inside the built renderer folder, or the dev server's origin while developing. */
export function isTrustedAppUrl(raw: string, where: { rendererDir: string; devServerUrl?: string }): boolean {
  const u = parse(raw);
  if (!u) return false;
  if (where.devServerUrl) {
    const dev = parse(where.devServerUrl);
    return dev !== null && u.protocol === dev.protocol && u.host === dev.host;
  }
  if (u.protocol !== 'file:' || u.host !== '') return false;
  let path: string;
  try {
    path = fileURLToPath(u);
  } catch {
    return false;
  }
  const rel = relative(where.rendererDir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Hosts a link in the app may open in the system browser. The workbench is offline by design and
 * links nowhere today; a page that asks to open anything else (a link in imported client text
 * rendered as HTML, say) is refused.
 */
export const EXTERNAL_HOSTS: readonly string[] = [];

export function isAllowedExternalUrl(raw: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  const u = parse(raw);
  return u !== null && u.protocol === 'https:' && u.port === '' && hosts.includes(u.hostname);
}
