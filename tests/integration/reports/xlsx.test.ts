import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumRasteriser, type PngRasteriser } from '../../../electron/backend/reports/chart-png';
import { writeReportXlsx, type ReportXlsxResult } from '../../../electron/backend/reports/xlsx-report';
import type { PlainCellInput } from '../../../electron/backend/reports/safe-cell';
import { chromiumPath, NO_CHROMIUM_REASON } from './chromium-available';
import { HOSTILE_NAME, sampleModel } from './sample-model';

const DATA_ROWS = 5000;
const chromium = chromiumPath();
if (!chromium) console.warn(NO_CHROMIUM_REASON);

function* customerRows(): Generator<PlainCellInput[]> {
  for (let i = 1; i <= DATA_ROWS; i++) {
    yield [
      `C${String(i).padStart(5, '0')}`,
      i === 7 ? HOSTILE_NAME : i === 8 ? '@SUM(1+1)' : `客户${i}`,
      ['高价值忠诚型', '潜力培育型', '沉睡唤醒型'][i % 3] ?? null,
      (i * 37) % 101,
      i % 10 === 0 ? null : ((i * 7) % 100) / 100,
      `2024-${String((i % 12) + 1).padStart(2, '0')}-15`,
      i * 10.5,
    ];
  }
}

describe('report workbook (exceljs streaming)', () => {
  let dir: string;
  let file: string;
  let result: ReportXlsxResult;
  let book: ExcelJS.Workbook;
  let rasteriser: PngRasteriser | null = null;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rwb-xlsx-'));
    file = join(dir, 'report.xlsx');
    rasteriser = chromium ? await createChromiumRasteriser({ executablePath: chromium }) : null;
    try {
      result = await writeReportXlsx(
        sampleModel(),
        { filename: file },
        {
          rasteriser,
          dataSheets: [
            {
              name: '客户明细',
              columns: [
                { header: '客户编号', format: 'text' },
                { header: '客户名称', format: 'text', width: 24 },
                { header: 'RFM 分群', format: 'text' },
                { header: '健康分', format: 'integer', colour: { kind: 'bands', yellowFrom: 51, greenFrom: 76 } },
                { header: '留存概率', format: 'percent' },
                { header: '首单日期', format: 'date' },
                { header: '年度收入', format: 'currency', decimals: 2 },
              ],
              rows: customerRows(),
            },
          ],
        },
      );
    } finally {
      await rasteriser?.close();
    }
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has a cover, one sheet per section and the data sheet, in order', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '封面',
      '摘要与主要发现',
      '客户留存与流失',
      '同期群分析',
      '健康度与预警信号',
      '自检清单结果',
      '数据质量与方法说明',
      '客户明细',
    ]);
    expect(result.sheetCount).toBe(8);
    expect(result.dataRows).toBe(DATA_ROWS);
    const cover = book.getWorksheet('封面');
    const values = cover
      ?.getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    expect(values).toContain('华东精密机械有限公司');
    expect(values).toContain('客户留存诊断报告');
  });

  it('writes key figures as numbers with their formats', () => {
    const ws = book.getWorksheet('摘要与主要发现');
    const rows = ws?.getSheetValues() ?? [];
    const rowOf = (label: string) => rows.findIndex((r) => Array.isArray(r) && r[1] === label);
    const retention = ws?.getRow(rowOf('客户留存率')).getCell(2);
    expect(retention?.value).toBeCloseTo(0.873, 10);
    expect(retention?.numFmt).toBe('0.0%');
    const arr = ws?.getRow(rowOf('年度经常性收入')).getCell(2);
    expect(arr?.value).toBe(18_650_000);
    expect(arr?.numFmt).toBe('"¥"#,##0;-"¥"#,##0');
  });

  it('the hostile customer name is a plain string, never a formula, in the section and the data sheet', () => {
    const health = book.getWorksheet('健康度与预警信号');
    let found = 0;
    for (const ws of [health, book.getWorksheet('客户明细')]) {
      ws?.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (cell.value === HOSTILE_NAME) {
            found++;
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            expect(cell.numFmt).toBe('@');
          }
        }),
      );
    }
    expect(found).toBe(2);
    const at = book.getWorksheet('客户明细')?.getRow(9).getCell(2);
    expect(at?.value).toBe('@SUM(1+1)');
    expect(at?.type).toBe(ExcelJS.ValueType.String);
  });

  it('section tables: frozen header, autofilter, dates as dates, band and scale colours', () => {
    const health = book.getWorksheet('健康度与预警信号');
    const rows = health?.getSheetValues() ?? [];
    const headerRow = rows.findIndex((r) => Array.isArray(r) && r[1] === '客户名称');
    expect(headerRow).toBeGreaterThan(0);
    expect(health?.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    const last = health?.getRow(headerRow + 1);
    expect(last?.getCell(7).value).toEqual(new Date(Date.UTC(2025, 1, 14)));
    expect(last?.getCell(7).numFmt).toBe('yyyy-mm-dd');
    expect(last?.getCell(5).value).toBe(32.5);
    expect(last?.getCell(5).numFmt).toBe('#,##0.0');
    const cfs = (health as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings;
    const band = cfs.find((cf) => cf.ref.startsWith('E'));
    expect(band?.ref).toBe(`E${headerRow + 1}:E${headerRow + 3}`);
    expect(band?.rules.map((r) => r.formulae?.[0])).toEqual([
      `AND(ISNUMBER(E${headerRow + 1}),E${headerRow + 1}<51)`,
      `AND(ISNUMBER(E${headerRow + 1}),E${headerRow + 1}>=51,E${headerRow + 1}<76)`,
      `AND(ISNUMBER(E${headerRow + 1}),E${headerRow + 1}>=76)`,
    ]);
    expect(cfs.find((cf) => cf.ref.startsWith('F'))?.rules[0]?.formulae?.[0]).toBe(`F${headerRow + 1}="红"`);

    const cohorts = book.getWorksheet('同期群分析');
    const cohortCfs = (cohorts as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cohortCfs.length).toBe(4);
    expect(cohortCfs.every((cf) => cf.rules[0]?.type === 'colorScale')).toBe(true);
  });

  it('the flat data sheet streams every row with frozen header, autofilter and column formats', () => {
    const ws = book.getWorksheet('客户明细');
    expect(ws?.rowCount).toBe(DATA_ROWS + 1);
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws?.autoFilter).toBe('A1:G1');
    const r2 = ws?.getRow(2);
    expect(r2?.getCell(1).value).toBe('C00001');
    expect(r2?.getCell(5).value).toBeCloseTo(0.07, 10);
    expect(r2?.getCell(5).numFmt).toBe('0.0%');
    expect(r2?.getCell(6).value).toEqual(new Date(Date.UTC(2024, 1, 15)));
    expect(r2?.getCell(7).value).toBe(10.5);
    expect(r2?.getCell(7).numFmt).toBe('"¥"#,##0.00;-"¥"#,##0.00');
    expect(ws?.getRow(11).getCell(5).value).toBeNull(); // a missing rate stays empty, not 0
    expect(ws?.getRow(DATA_ROWS + 1).getCell(1).value).toBe(`C${String(DATA_ROWS).padStart(5, '0')}`);
  });

  it.skipIf(!chromium)('charts are embedded as PNG images anchored in their section', () => {
    expect(result.images).toBe(4);
    const images = book.getWorksheet('客户留存与流失')?.getImages() ?? [];
    expect(images).toHaveLength(1);
    const media = book.getImage(Number(images[0]?.imageId));
    expect(media.extension).toBe('png');
    expect(
      Buffer.from(media.buffer as ArrayBuffer)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(book.getWorksheet('自检清单结果')?.getImages()).toHaveLength(1);
  });
});
