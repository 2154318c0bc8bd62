import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp';
import { rwb } from '../../helpers/cli';

// ECharts, Playwright and ExcelJS cost about 1.3 s and 200 MB to load: a command that does not need
// them must not load them (electron/backend/lazy-module.ts), and one that does must still find them.
const dir = tempDir();
const fixtures = join(import.meta.dirname, '../../fixtures/import');
const preload = join(import.meta.dirname, '../../helpers/heavy-modules.cjs');

function loadedBy(args: string[], name: string): { status: number; stderr: string; loaded: string[] } {
  const record = join(dir, `${name}.json`);
  const r = rwb(args, {
    RWB_HOME: join(dir, 'home'),
    RWB_DOCUMENTS: join(dir, 'docs'),
    LANG: 'en_US.UTF-8',
    NODE_OPTIONS: `--require ${preload}`,
    RWB_TEST_LOADED: record,
  });
  return { status: r.status, stderr: r.stderr, loaded: JSON.parse(readFileSync(record, 'utf8')) as string[] };
}

describe('rwb start-up loads the heavy libraries only when a command needs them', () => {
  const ws = join(dir, 'client.rwb');

  it('help, a new workspace and a CSV import load none of them', () => {
    expect(loadedBy(['--help'], 'help').loaded).toEqual([]);
    const created = loadedBy(['new', ws, '--client', 'Lazy Co'], 'new');
    expect(created.status, created.stderr).toBe(0);
    expect(created.loaded).toEqual([]);
    const imported = loadedBy(['import', ws, join(fixtures, 'orders-lines.csv'), '--entity', 'orders'], 'csv');
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.loaded).toEqual([]);
  });

  it('an XLSX import loads ExcelJS, and reads the workbook with it', () => {
    const r = loadedBy(['import', ws, join(fixtures, 'messy.xlsx'), '--entity', 'orders'], 'xlsx');
    expect(r.status, r.stderr).toBe(0);
    expect(r.loaded).toEqual(['exceljs']);
  });
});
