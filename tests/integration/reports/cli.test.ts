import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runHealth } from '../../../electron/backend/health/run';
import type { ReportExportResult } from '../../../shared/reports/definition';
import { DEFAULT_HEALTH_MODEL } from '../../../shared/health/presets';
import { defaultSignalRules } from '../../../shared/health/signal-rules';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import { chromiumPath } from './chromium-available';
import { AS_OF, insertEngagementData, type Person } from './report-fixture';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
let file: string;
let list: Person[];

beforeAll(async () => {
  const ws = await newWorkspace(dir, '华东制造集团');
  list = insertEngagementData(ws);
  await runHealth(ws.sqlite, { model: DEFAULT_HEALTH_MODEL, rules: defaultSignalRules(), asOf: AS_OF, now: '2026-07-01T09:00:00' });
  file = ws.path;
  await ws.close();
});

describe('rwb report', () => {
  it('writes the workbook and the PDF with the chosen sections, language and pseudonymisation', async () => {
    const xlsx = join(dir, 'out', 'r.xlsx');
    const pdf = join(dir, 'out', 'r.pdf');
    const args = ['report', file, '--xlsx', xlsx, '--sections', 'health,summary,methods', '--lang', 'en', '--pseudonymise', '--json'];
    if (chromiumPath()) args.push('--pdf', pdf);
    const r = rwb(args, env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.json<{ exports: ReportExportResult[] }>();
    expect(out.exports[0]).toMatchObject({ kind: 'xlsx', path: xlsx, language: 'en', pseudonymised: true, sections: ['health', 'summary', 'methods'] });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Cover',
      'Health and warning signals',
      'Summary and key findings',
      'Data quality and method notes',
      'Customers',
      'Signals',
      'Actions',
    ]);
    const names: string[] = [];
    book.getWorksheet('Customers')!.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(2).value));
    });
    expect(names.every((n) => /^Customer-\d{4}$/.test(n))).toBe(true);
    expect(names.some((n) => list.some((p) => p.name === n))).toBe(false);
    if (chromiumPath()) {
      expect(out.exports[1]).toMatchObject({ kind: 'pdf', path: pdf });
      expect(existsSync(pdf)).toBe(true);
    }
  }, 180_000);

  it('prints a human summary naming each section and where its figures come from', () => {
    const r = rwb(['report', file, '--xlsx', join(dir, 'out', 'zh.xlsx'), '--sections', 'health,cohorts', '--lang', 'zh-CN'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已导出 XLSX');
    expect(r.stdout).toMatch(/✓ 健康度与预警信号\s+— 健康度计算 #1/);
    expect(r.stdout).toMatch(/· 同期群分析\s+— 尚无结果/);
  }, 120_000);

  it('refuses unknown sections and a call without an output', () => {
    const bad = rwb(['report', file, '--xlsx', join(dir, 'x.xlsx'), '--sections', 'health,bogus', '--lang', 'en'], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('bogus');
    const none = rwb(['report', file], env);
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain('--xlsx');
  }, 60_000);
});
