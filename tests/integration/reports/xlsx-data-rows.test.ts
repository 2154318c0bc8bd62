import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlainCellInput } from '../../../electron/backend/reports/safe-cell';
import { XlsxReportWriter, type XlsxColumn } from '../../../electron/backend/reports/xlsx-writer';
import { tempDir } from '../../helpers/temp';
import { HOSTILE_NAME } from './sample-model';

// The data sheets' rows (xlsx-row-xml.ts) and the shared strings part (xlsx-shared-strings.ts) are
// written as XML directly instead of through exceljs's Row objects and part writer, for speed and
// memory. The file must not change: every part of the workbook is compared byte for byte with the
// same rows written through exceljs alone, over values that take each branch.

const dir = tempDir();

const COLUMNS: XlsxColumn[] = [
  { header: '客户编号', format: 'text' },
  { header: '客户', format: 'text' },
  { header: '首次', format: 'date' },
  { header: '时间', format: 'datetime' },
  { header: '订单', format: 'integer' },
  { header: '金额', format: 'currency' },
  { header: '得分', format: 'number', decimals: 1, colour: { kind: 'bands', yellowFrom: 40, greenFrom: 70 } },
  { header: '占比', format: 'percent' },
];

function rows(): PlainCellInput[][] {
  const out: PlainCellInput[][] = [
    ['C1', HOSTILE_NAME, '2026-06-30', '2026-06-30T09:15', 3, -1234.5678, 55.55, 0.125],
    ['C2', '@SUM(1+1)', '-', '=1+1', '-12', '+7', 1e21, Number.NaN],
    [null, null, null, null, null, null, null, null], // all empty: exceljs leaves the row out
    [undefined, '', 'not a date', new Date(Date.UTC(2025, 0, 2, 3, 4, 5)), Infinity, 0, -0, 1 / 3],
    ['C3', 'A & B <公司> "引号" \'撇\'', '2024-02-29', '2024-02-29 23:59:59', true, false, 0.1 + 0.2, 2],
    ['C4', 'x'.repeat(40_000), null, null, 1, null, null, null], // cut to Excel's 32,767
    ['C4b', 'y'.repeat(30_000), 'z'.repeat(30_000), null, 1, null, null, null], // shared strings past one 64 KB chunk
    ['C5', '\u0001控制\u0008字符\ttab', '2026-13-40', null, 12, 3, null, null],
    // shared strings: edge whitespace and line feeds are preserved, controls and DEL dropped
    [' 前导空格', '结尾空格 ', '多\n行', 'CR\r内', '\u007f删除\u000b\u000c\u001f', '😀 emoji', ' ', '\n'],
    ['', '\t', 'a\u000eb', '&amp; already', "<tag attr='x'>", '"', null, null],
  ];
  for (let i = 0; i < 300; i++)
    out.push([
      `K${i}`,
      `客户${i % 17}`,
      `2025-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`,
      null,
      i,
      i * 10.25,
      (i * 37) % 101,
      i % 4 === 0 ? null : i / 300,
    ]);
  return out;
}

async function write(path: string, exceljsOnly: boolean): Promise<void> {
  const w = new XlsxReportWriter({ filename: path }, { locale: 'zh-CN', currency: 'CNY', ...(exceljsOnly ? { exceljsOnly } : {}) });
  w.addSectionSheet({ name: '摘要', title: '摘要', blocks: [{ kind: 'paragraph', text: '客户1 与 客户2' }] });
  for (const name of ['客户', '信号']) {
    const sheet = w.addDataSheet(name, COLUMNS);
    for (const r of rows()) sheet.addRow(r);
    sheet.commit();
  }
  await w.commit();
}

function parts(file: string): Map<string, string> {
  const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' })
    .split('\n')
    .filter((n) => n !== '' && n !== 'docProps/core.xml');
  // unzip reads [ ] in a name as a wildcard class
  const pattern = (n: string) => n.replace(/[[\]]/g, '\\$&');
  return new Map(names.map((n) => [n, execFileSync('unzip', ['-p', file, pattern(n)], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 })]));
}

describe('data sheet rows written as XML', () => {
  it('gives the same workbook, part for part, as exceljs alone', async () => {
    const fast = join(dir, 'fast.xlsx');
    const reference = join(dir, 'exceljs.xlsx');
    await write(fast, false);
    await write(reference, true);
    const a = parts(fast);
    const b = parts(reference);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [name, text] of b) expect(a.get(name), name).toBe(text);
    // the comparison is not vacuous: the sheets hold the rows, the text-format override and shared strings
    const sheet = a.get('xl/worksheets/sheet2.xml') ?? '';
    expect(sheet.match(/<row /g)?.length).toBe(1 + rows().length - 1);
    expect(sheet).toContain('<c r="D3" s="');
    expect(a.get('xl/sharedStrings.xml')).toContain('@SUM(1+1)');
  });
});

describe('data sheet backpressure', () => {
  it('lets the rows wait until the zip is within 8 MB of them, and the file still holds every row', async () => {
    const path = join(dir, 'big.xlsx');
    const w = new XlsxReportWriter({ filename: path }, { locale: 'en', currency: 'CNY' });
    const sheet = w.addDataSheet('rows', [
      { header: 'a', format: 'number' },
      { header: 'b', format: 'number' },
      { header: 'c', format: 'date' },
    ]);
    // ~30 MB of sheet XML written in one go: far faster than deflate takes it.
    const N = 300_000;
    for (let i = 0; i < N; i++) sheet.addRow([i + 0.25, i * 3.5, '2026-06-30']);
    sheet.flush();
    expect(sheet.backlogBytes).toBeGreaterThan(16 << 20);
    await sheet.drained();
    expect(sheet.backlogBytes).toBeLessThanOrEqual(8 << 20);
    sheet.commit();
    await w.commit();
    const xml = execFileSync('unzip', ['-p', path, 'xl/worksheets/sheet1.xml'], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 });
    expect(xml.match(/<row /g)?.length).toBe(N + 1);
    expect(xml).toContain(`<c r="A${N + 1}" s="`);
  });
});
