import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessages, formatError, isErrorCode } from '../../../shared/errors';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

const HOSTS = ['electron/main', 'electron/web', 'electron/backend', 'electron/cli'];

/** Every error code a host names in its source: thrown, or written into an envelope. */
function codesUsed(): { file: string; code: string }[] {
  return HOSTS.flatMap(sources).flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const found = [...text.matchAll(/WorkbenchError\(\s*'([A-Z_]+)'|\bcode:\s*'([A-Z_]+)'/g)];
    return found.map((m) => ({ file, code: m[1] ?? m[2] ?? '' }));
  });
}

describe('error codes the hosts use', () => {
  it('finds the codes hosts build (the scan itself works)', () => {
    const codes = new Set(codesUsed().map((u) => u.code));
    for (const code of ['UNTRUSTED_SENDER', 'UNAUTHORIZED', 'DOWNLOAD_NOT_FOUND', 'INVALID_ARGUMENTS', 'CANCELLED']) expect(codes).toContain(code);
  });

  it('are all in the catalogue, with a message in both languages', () => {
    const missing = codesUsed()
      .filter((u) => !isErrorCode(u.code))
      .map((u) => `${u.file}: ${u.code}`);
    expect(missing).toEqual([]);
    for (const { code } of codesUsed()) {
      if (!isErrorCode(code)) continue;
      expect(errorMessages[code]['zh-CN'], code).toMatch(/\S/);
      expect(errorMessages[code].en, code).toMatch(/\S/);
    }
  });

  it('are built through WorkbenchError in the Electron main process and the web host, never by hand', () => {
    const byHand = ['electron/main', 'electron/web']
      .flatMap(sources)
      .flatMap((file) => (/error:\s*\{\s*code:/.test(readFileSync(join(root, file), 'utf8')) ? [file] : []));
    expect(byHand).toEqual([]);
  });

  it('say in both languages why a request was refused', () => {
    expect(formatError('UNTRUSTED_SENDER', {}, 'zh-CN')).toContain('不信任');
    expect(formatError('UNAUTHORIZED', {}, 'en')).toContain('token');
    expect(formatError('DOWNLOAD_NOT_FOUND', { path: '/tmp/r.pdf' }, 'zh-CN')).toContain('/tmp/r.pdf');
  });
});
