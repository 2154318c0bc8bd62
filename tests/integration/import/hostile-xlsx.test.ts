import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bombs } from '../../fuzz/cases';
import { caseRunner, type CaseResult } from '../../fuzz/runner';
import { columnName, sharedStringsXml, sheetXml, workbookParts, xlsxOf, zip } from '../../fuzz/zip';

// Hostile workbooks of under 1 MB, each imported the way a user's would be (preview, then the run of
// its plan) in a process of its own, whose peak memory the kernel keeps: every one is refused with a
// code naming the limit, within 5 s of the import's own time and 300 MB, and the workspace is left
// as it was and whole. Before these limits the same files took the import to 1.1-1.9 GB and 12-72 s,
// two of them to a fatal out-of-memory.

let runner: Awaited<ReturnType<typeof caseRunner>>;
beforeAll(async () => {
  runner = await caseRunner({ timeoutMs: 60_000, memoryMb: 600 });
});
afterAll(() => runner.close());

const HEADER = ['订单号', '客户编号', '客户名称', '下单日期', '金额'];

function expectRefused(r: CaseResult, importCode: string): void {
  expect({ verdict: r.verdict, detail: r.detail, integrity: r.integrity }).toEqual({
    verdict: 'refused',
    detail: `UNSUPPORTED_FILE/${importCode}`,
    integrity: 'ok',
  });
  // Said in both languages, the Chinese one in Chinese.
  expect(r.answer?.messages?.zh).toMatch(/[\u4e00-\u9fff]{4}/);
  expect(r.answer?.messages?.zh).not.toMatch(/[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/);
  expect(r.answer?.messages?.en).not.toMatch(/\{\{|undefined/);
}

function expectBounded(r: CaseResult): void {
  expect(r.bytes).toBeLessThan(1024 * 1024);
  expect(r.workMs).toBeLessThan(5000);
  expect(r.peakMb).toBeLessThan(300);
}

describe('zip bombs and oversized parts are refused quickly, naming the limit', () => {
  it('a sheet that expands 250-fold to 200 MB: workbook_ratio', async () => {
    const r = await runner.run('rows.xlsx', bombs.sheetRows(200));
    expectRefused(r, 'workbook_ratio');
    expect(r.answer?.messages?.en).toMatch(/over \d+ times its compressed size \(the limit is 100 times/);
    expectBounded(r);
  });

  it('a row of 64 MB of cells: workbook_ratio', async () => {
    const r = await runner.run('wide.xlsx', bombs.wideRow(64));
    expectRefused(r, 'workbook_ratio');
    expectBounded(r);
  });

  it('a shared-strings table of 256 MB (kept whole in memory by the reader): refused before it is read', async () => {
    const r = await runner.run('sst.xlsx', bombs.sharedStrings(256));
    expectRefused(r, 'workbook_part_too_large');
    expect(r.answer?.messages?.en).toContain('256 MB');
    expectBounded(r);
  });

  it('a sheet whose directory claims 4 KB and that inflates to 256 MB: stopped at its 4,097th byte', async () => {
    const r = await runner.run('lie.xlsx', bombs.lyingSizes(256));
    expectRefused(r, 'workbook_size_mismatch');
    expectBounded(r);
  });

  it('one shared string of 30 million characters in a 31 KB workbook (72 s before): workbook_ratio', async () => {
    const r = await runner.run('giant.xlsx', bombs.giantString(30_000_000));
    expectRefused(r, 'workbook_ratio');
    expectBounded(r);
  });

  it('one shared string of 2 million characters, under the ratio’s 8 MB: cell_too_large, naming Excel’s limit', async () => {
    const r = await runner.run('long-string.xlsx', bombs.giantString(2_000_000));
    expectRefused(r, 'cell_too_large');
    expect(r.answer?.messages?.en).toContain('32767');
    expectBounded(r);
  });

  it('nested XML entities (billion laughs): workbook_entities', async () => {
    const r = await runner.run('laughs.xlsx', bombs.entities(9));
    expectRefused(r, 'workbook_entities');
    expectBounded(r);
  });

  it('more than 2,000 zip entries: workbook_too_many_parts', async () => {
    const r = await runner.run('entries.xlsx', bombs.manyEntries(2100));
    expectRefused(r, 'workbook_too_many_parts');
    expectBounded(r);
  });
});

describe('damaged and empty workbooks are refused with their reason', () => {
  it('a part one byte longer than its directory says: workbook_size_mismatch', async () => {
    const { sheet, strings } = sheetXml([HEADER, ['SO-1', 'C001', '王芳', '2025-01-01', 1]]);
    const parts = workbookParts(sheet, sharedStringsXml(strings)).map((p) =>
      p.name.endsWith('sheet1.xml') ? { ...p, claimSize: Buffer.byteLength(sheet) - 1 } : p,
    );
    expectRefused(await runner.run('short.xlsx', zip(parts)), 'workbook_size_mismatch');
  });

  it('a sheet with a header and no rows: no_data_rows (before: a green 0-row import)', async () => {
    expectRefused(await runner.run('header-only.xlsx', xlsxOf([HEADER])), 'no_data_rows');
  });

  it('a header wider than 2,048 columns: too_many_columns', async () => {
    const header = Array.from({ length: 3000 }, (_, c) => (c < HEADER.length ? HEADER[c]! : columnName(c)));
    expectRefused(await runner.run('wide-header.xlsx', xlsxOf([header, ['SO-1', 'C001', '王芳', '2025-01-01', 1]])), 'too_many_columns');
  });

  it('a data row reaching column 3,000 is rejected with its row number; the rows around it import', async () => {
    const wide: (string | number)[] = ['SO-2', 'C002', '王芳', '2025-01-03', 2, ...Array.from({ length: 2995 }, () => 'x')];
    const r = await runner.run('wide-row.xlsx', xlsxOf([HEADER, ['SO-1', 'C001', '王芳', '2025-01-02', 1], wide, ['SO-3', 'C003', '王芳', '2025-01-04', 3]]));
    expect([r.verdict, r.answer?.rowsRead, r.answer?.rowsAccepted, r.answer?.rowsRejected, r.integrity]).toEqual(['rejects', 3, 2, 1, 'ok']);
    expect(r.answer?.rejects).toEqual([[3, 'row_too_wide']]);
  });

  it('a clean workbook beside them still imports, its rows counted', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`SO-${i}`, `C00${i % 5}`, '王芳', '2025-01-02', i + 1]);
    const r = await runner.run('clean.xlsx', xlsxOf([HEADER, ...rows]));
    expect([r.verdict, r.answer?.rowsRead, r.answer?.rowsAccepted, r.integrity]).toEqual(['clean', 30, 30, 'ok']);
  });
});
