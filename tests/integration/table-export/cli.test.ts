import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TableExportResult } from '../../../shared/table-export/tables';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import { insertEngagementData } from '../reports/report-fixture';
import { HOSTILE_NAME } from '../reports/sample-model';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
let file: string;

beforeAll(async () => {
  const ws = await newWorkspace(dir, '华东制造集团');
  insertEngagementData(ws);
  file = ws.path;
  await ws.close();
  const run = rwb(['diagnose', file, '--as-of', '2026-06-30', '--grain', 'month', '--json'], env);
  expect(run.status, run.stderr).toBe(0);
}, 120_000);

describe('rwb export-table', () => {
  it('exports the customer table of the latest run with a search, a sort and chosen columns', async () => {
    const out = join(dir, 'out', 'customers.xlsx');
    const r = rwb(
      [
        'export-table',
        file,
        '--table',
        'diagnostics.customers',
        '--search',
        '有限公司',
        '--sort',
        'name',
        '--asc',
        '--columns',
        'customerKey,name,revenue12m',
        '--out',
        out,
        '--json',
      ],
      env,
    );
    expect(r.status, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as TableExportResult;
    expect(res.format).toBe('xlsx');
    expect(res.columns).toHaveLength(3);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toBe('华东制造集团 · 客户明细');
    expect(ws.getRow(6).values).toEqual([undefined, ...res.columns]);
    const names: string[] = [];
    for (let i = 7; i < 7 + res.rows; i++) names.push(String(ws.getRow(i).getCell(2).value));
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('writes CSV from the --out extension, in English with --lang en, formula-safe', () => {
    const out = join(dir, 'out', 'hostile.csv');
    const r = rwb(['export-table', file, '--table', 'diagnostics.customers', '--search', 'cmd', '--out', out, '--lang', 'en'], env);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF华东制造集团 · Customers')).toBe(true);
    expect(text).toContain(`'${HOSTILE_NAME}`);
  });

  it('refuses a flag the table has no filter for, and an unknown table, with the list of choices', () => {
    const bad = rwb(['export-table', file, '--table', 'diagnostics.tiers', '--band', 'red', '--out', join(dir, 'out', 'x.xlsx')], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--band');
    const unknown = rwb(['export-table', file, '--table', 'nope', '--out', join(dir, 'out', 'x.xlsx')], env);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('diagnostics.customers');
  });
});
