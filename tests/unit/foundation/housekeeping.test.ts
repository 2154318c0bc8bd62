import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

// The repository speaks to a contributor who has only the repository: a comment cites the rule or
// the measurement, not a tracker number whose text is elsewhere (an upstream bug, "exceljs issue
// #3064", names its project and number and is fine); docs and code hold no path of one machine.

const root = join(import.meta.dirname, '../../..');
const SKIP = new Set(['node_modules', 'out', 'dist', '.tsbuild', 'bench-data', 'test-results']);

/** The files git tracks (a scratch file in someone's tree is not the repository); a walk without git. */
function tracked(): Set<string> | null {
  try {
    return new Set(
      execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
        .split('\n')
        .filter(Boolean)
        .map((f) => join(f)),
    );
  } catch {
    return null;
  }
}
const TRACKED = tracked();

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) return files(p, pattern);
    return pattern.test(name) && (TRACKED === null || TRACKED.has(p)) ? [p] : [];
  });
}

function offending(paths: string[], rule: RegExp): string[] {
  return paths.flatMap((p) =>
    readFileSync(join(root, p), 'utf8')
      .split('\n')
      .flatMap((line, i) => (rule.test(line) ? [`${p}:${i + 1}: ${line.trim()}`] : [])),
  );
}

// This file spells out what it looks for, so it is left out.
const SOURCES = ['electron', 'shared', 'renderer', 'tests', 'scripts', 'bin']
  .flatMap((d) => files(d, /\.(ts|tsx|mts|mjs|cjs)$/))
  .filter((p) => basename(p) !== 'housekeeping.test.ts');
const DOCS = ['README.md', ...files('docs', /\.md$/)];

describe('housekeeping', () => {
  it('comments cite the rule, not a bare tracker number ("issue 4")', () => {
    const rule = new RegExp(['\\bissue', '\\s+\\d'].join(''), 'i');
    expect(offending(SOURCES, rule)).toEqual([]);
  });

  it('docs and code hold no absolute path of one machine', () => {
    const rule = new RegExp(['/work/', '/home/\\w', '/Users/\\w', '[A-Z]:\\\\\\\\Users'].join('|'));
    expect(offending([...SOURCES, ...DOCS], rule)).toEqual([]);
  });

  it('the checks see the files they guard', () => {
    expect(SOURCES).toContain(join('shared', 'errors.ts'));
    expect(SOURCES.length).toBeGreaterThan(300);
    expect(DOCS).toContain(join('docs', 'DEVELOPING.md'));
  });
});
