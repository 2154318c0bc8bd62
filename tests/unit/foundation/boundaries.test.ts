import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { APP_VERSION } from '../../../electron/backend/version';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

// The layering rules of the README's architecture section, checked on every import line.
describe('module boundaries', () => {
  it('keeps shared/ pure: no node:*, electron, DOM-only or backend imports', () => {
    const bad = sources('shared').flatMap((f) =>
      imports(f)
        .filter(
          (s) =>
            s.startsWith('node:') ||
            s === 'electron' ||
            s.startsWith('react') ||
            /\.\.\/(electron|renderer)\//.test(s) ||
            ['fs', 'path', 'os', 'crypto'].includes(s),
        )
        .map((s) => `${f}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('never imports electron from the backend, web host or CLI', () => {
    const bad = ['electron/backend', 'electron/web', 'electron/cli'].flatMap(sources).flatMap((f) =>
      imports(f)
        .filter((s) => s === 'electron' || s.startsWith('electron/'))
        .map((s) => `${f}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('keeps the renderer off Node and off the backend', () => {
    const bad = sources('renderer/src').flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('node:') || s === 'electron' || s.includes('/electron/'))
        .map((s) => `${relative(root, f)}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('keeps the version constant in step with package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
