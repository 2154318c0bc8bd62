import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateCellToIso, isDateFormat, listXlsxSheets, openWorkbook, readXlsxRows } from '../../../electron/backend/import/read-xlsx';
import { readWorkbookDirectory } from '../../../electron/backend/import/xlsx-directory';
import type { RowChunk } from '../../../shared/import/rows';

const F = join(import.meta.dirname, '../../fixtures/import');
const MESSY = join(F, 'messy.xlsx');
const tmp = mkdtempSync(join(tmpdir(), 'rwb-xlsx-'));
const BIG = join(tmp, 'big.xlsx');
const BIG_ROWS = 20_000;

beforeAll(async () => {
  // Written with the streaming writer, as a large client workbook would be: a small sheet before the big one.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: BIG, useStyles: true, useSharedStrings: true });
  const notes = wb.addWorksheet('说明');
  notes.addRow(['导出说明']).commit();
  notes.commit();
  const ws = wb.addWorksheet('明细');
  ws.addRow(['订单号', '客户编号', '下单日期', '金额']).commit();
  for (let i = 1; i <= BIG_ROWS; i++) {
    const row = ws.addRow([`O${i}`, `C${i % 97}`, new Date(Date.UTC(2024, 0, 1 + (i % 300))), i * 1.5]);
    row.getCell(3).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(path: string, opts: Parameters<typeof readXlsxRows>[1]): Promise<RowChunk[]> {
  const chunks: RowChunk[] = [];
  for await (const c of readXlsxRows(path, opts)) chunks.push(c);
  return chunks;
}

describe('listXlsxSheets', () => {
  it('lists every sheet in tab order with the last row its dimension names', async () => {
    expect(await listXlsxSheets(MESSY)).toEqual([
      { name: '订单明细', index: 0, hidden: false, rowCountEstimate: 8 },
      { name: '客户', index: 1, hidden: false, rowCountEstimate: 3 },
      { name: '说明', index: 2, hidden: false, rowCountEstimate: 1 },
    ]);
  });

  it('lists the sheets of a workbook written by a streaming writer', async () => {
    const sheets = await listXlsxSheets(BIG);
    expect(sheets.map((s) => s.name)).toEqual(['说明', '明细']);
    expect(sheets[1]!.rowCountEstimate === null || sheets[1]!.rowCountEstimate === BIG_ROWS + 1).toBe(true);
  });

  it('does not trip on exceljs losing xl/workbook.xml (stored last) in its single pass', async () => {
    // exceljs issue #3064: when its pass loses the entry it assigns an undefined model, then reads model.sheets.
    const { reader, input } = openWorkbook(MESSY, await readWorkbookDirectory(MESSY), () => undefined);
    input.destroy();
    (reader as { model?: unknown }).model = undefined;
    expect(reader.model?.sheets.map((s) => s.name)).toEqual(['订单明细', '客户', '说明']);
    // Timing-dependent, so this only sometimes met the race before the fallback; it must never fail now.
    for (let i = 0; i < 30; i++) expect((await collect(MESSY, { sheet: '客户', fromRow: 2 }))[0]!.rows).toHaveLength(2);
  });
});

describe('readXlsxRows on the messy workbook', () => {
  it('reads the merged title rows as one-cell rows and keeps Excel row numbers', async () => {
    const [chunk] = await collect(MESSY, {});
    expect(chunk!.rowNumbers).toEqual([1, 2, 4, 5, 6, 7, 8]);
    expect(chunk!.rows[0]).toEqual(['XX公司销售订单明细']);
    expect(chunk!.rows[2]).toEqual(['订单号', '客户代码', '客户名称', '订单日期', '产品', '数量', '单价', '实付金额']);
  });

  it('gives real dates as ISO text, text as written, serials as numbers and formulas as their result', async () => {
    const [chunk] = await collect(MESSY, { fromRow: 5 });
    const dates = chunk!.rows.map((r) => r[3]);
    expect(dates).toEqual(['2024-01-15', '2024年2月3日', 45352, '2024-03-20']);
    expect(chunk!.rows.map((r) => r[7])).toEqual([2400, '¥1,234.50', '1.2万', 187.6]);
  });

  it('reads another sheet by name or index', async () => {
    const byName = await collect(MESSY, { sheet: '客户', fromRow: 2 });
    const byIndex = await collect(MESSY, { sheet: 1, fromRow: 2 });
    expect(byName[0]!.rows).toEqual(byIndex[0]!.rows);
    expect(byName[0]!.rows[0]).toEqual(['C001', '上海申江机械有限公司', '机械制造', '华东', '李伟', '2021-04-12', '是']);
  });

  it('names the sheets there are when a sheet is missing', async () => {
    await expect(collect(MESSY, { sheet: '订单' })).rejects.toMatchObject({ code: 'sheet_not_found', params: { sheets: '订单明细, 客户, 说明' } });
  });
});

describe('readXlsxRows streaming', () => {
  it('streams a large sheet in chunks with progress', async () => {
    const chunks = await collect(BIG, { sheet: '明细', fromRow: 2, chunkRows: 5000 });
    expect(chunks.map((c) => c.rows.length)).toEqual([5000, 5000, 5000, 5000]);
    expect(chunks[3]!.rowNumbers.at(-1)).toBe(BIG_ROWS + 1);
    expect(chunks[3]!.rows.at(-1)).toEqual([`O${BIG_ROWS}`, `C${BIG_ROWS % 97}`, '2024-07-19', BIG_ROWS * 1.5]); // 2024-01-01 + (20000 % 300 = 200) days
    expect(chunks.at(-1)!.bytesRead).toBe(chunks.at(-1)!.totalBytes);
  });

  it('stops early at maxRows and on cancel', async () => {
    expect((await collect(BIG, { sheet: 1, maxRows: 10 })).flatMap((c) => c.rows)).toHaveLength(10);
    const controller = new AbortController();
    await expect(
      (async () => {
        for await (const _ of readXlsxRows(BIG, { sheet: 1, chunkRows: 100, signal: controller.signal })) controller.abort();
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('cell helpers', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"d"日"', true],
    ['[$-804]yyyy/m/d h:mm', true],
    ['m/d/yy', true],
    ['General', false],
    ['#,##0.00', false],
    ['"¥"#,##0.00;[Red]-"¥"#,##0.00', false],
    ['0%', false],
  ])('isDateFormat(%j) = %s', (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });

  it('prints dates without a time at midnight and rounds to seconds', () => {
    expect(dateCellToIso(new Date(Date.UTC(2024, 2, 1)))).toBe('2024-03-01');
    expect(dateCellToIso(new Date(Date.UTC(2024, 2, 1, 14, 29, 59, 999)))).toBe('2024-03-01T14:30:00');
  });
});
